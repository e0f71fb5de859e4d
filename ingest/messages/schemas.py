"""JSON Schema (draft 2020-12) of every wire document, as committed under `schemas/`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ingest.messages.base import Versioned
from ingest.messages.catalog import ALL_DOCUMENTS

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas"
"""`schemas/` at the root of the source tree."""
SUFFIX = ".schema.json"
EXPORT_COMMAND = "python -m ingest.messages.export_schemas"


def json_schema(name: str, model: type[Versioned]) -> dict[str, Any]:
    """The schema of what the worker accepts for `model`, with wire names."""
    body = model.model_json_schema(by_alias=True, mode="validation")
    return {"$schema": DIALECT, "$id": f"{name}{SUFFIX}", **body}


def render_schemas() -> dict[str, str]:
    """File name -> file text for every document, in a stable form (diffs stay readable)."""
    return {
        f"{name}{SUFFIX}": json.dumps(json_schema(name, model), indent=2, ensure_ascii=False) + "\n"
        for name, model in ALL_DOCUMENTS.items()
    }


def write_schemas(directory: Path = SCHEMA_DIR) -> list[Path]:
    """Write every schema into `directory` and delete schema files of documents that no longer exist."""
    directory.mkdir(parents=True, exist_ok=True)
    rendered = render_schemas()
    for stale in directory.glob(f"*{SUFFIX}"):
        if stale.name not in rendered:
            stale.unlink()
    written = []
    for file_name, text in rendered.items():
        path = directory / file_name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
