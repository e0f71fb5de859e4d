"""Solves fan out to other nodes of a multi-node Ray cluster, and survive losing one of them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_solves_run_on_the_solver_nodes_and_survive_losing_one(tmp_path: Path) -> None:
    store = f"sqlite:///{tmp_path / 'state.sqlite3'}"
    env = {**os.environ, "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0", "RAY_USAGE_STATS_ENABLED": "0"}
    run = subprocess.run(
        [sys.executable, "-m", "tests.cluster.scenario", store],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    outcome = json.loads(run.stdout.strip().splitlines()[-1])
    # The head has no CPU: every one of these solves ran as a task on a solver node.
    assert outcome["errors"] == []
    assert outcome["ok"] == outcome["commands"] == 36
    # One solver node was killed mid-run; its solves were retried on the node that is left.
    assert outcome["alive_nodes"] == 2
    assert outcome["alive_cpus"] == 1
