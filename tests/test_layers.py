"""The layering rule (ingest -> actors -> optimizer, optimizer pure) is a checked contract.

The contracts live in pyproject.toml; import-linter checks them on the real packages, and a toy
tree that breaks them shows that they do catch a violation.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = str(Path(sys.executable).with_name("lint-imports"))


def lint_imports(cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    return subprocess.run([LINT_IMPORTS], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_packages_keep_the_layer_contracts() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 broken" in result.stdout


def test_contracts_catch_an_inward_package_importing_outward(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text())
    for package in ("ingest", "actors", "optimizer"):
        (tmp_path / package).mkdir()
        (tmp_path / package / "__init__.py").write_text("")
    (tmp_path / "optimizer" / "model.py").write_text("import ingest\nimport confluent_kafka\n")
    (tmp_path / "actors" / "host.py").write_text("import ingest\n")

    result = lint_imports(tmp_path)

    assert result.returncode != 0
    assert "Contracts: 0 kept, 3 broken." in result.stdout, result.stdout + result.stderr
