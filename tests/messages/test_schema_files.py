"""The committed `schemas/` match the models, are valid JSON Schema, and accept every example."""

from __future__ import annotations

import json

import jsonschema
import pytest

from ingest.messages import ALL_DOCUMENTS, encode, render_schemas
from ingest.messages.schemas import EXPORT_COMMAND, SCHEMA_DIR, SUFFIX
from tests.messages.examples import SPEC_EXAMPLES, instances, task_data_examples

RENDERED = render_schemas()


def test_committed_schemas_match_the_models() -> None:
    committed = {path.name: path.read_text(encoding="utf-8") for path in SCHEMA_DIR.glob(f"*{SUFFIX}")}
    missing = sorted(set(RENDERED) - set(committed))
    stale = sorted(set(committed) - set(RENDERED))
    drifted = sorted(name for name in set(RENDERED) & set(committed) if RENDERED[name] != committed[name])
    assert not (missing or stale or drifted), (
        f"schemas/ is out of date (missing {missing}, stale {stale}, changed {drifted}); "
        f"run `.venv/bin/{EXPORT_COMMAND}` and commit the result"
    )


@pytest.mark.parametrize("file_name", sorted(RENDERED))
def test_each_schema_is_valid_draft_2020_12_with_titles(file_name: str) -> None:
    schema = json.loads(RENDERED[file_name])
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] and schema["description"]
    assert all("description" in field for field in schema["properties"].values())


@pytest.mark.parametrize("name", sorted(ALL_DOCUMENTS))
def test_examples_validate_against_their_schema(name: str) -> None:
    validator = jsonschema.Draft202012Validator(json.loads(RENDERED[f"{name}{SUFFIX}"]))
    examples = {**instances(), **task_data_examples()}
    validator.validate(json.loads(encode(examples[name])))
    if name in SPEC_EXAMPLES:
        validator.validate(SPEC_EXAMPLES[name])


def test_schema_refuses_what_the_model_refuses() -> None:
    validator = jsonschema.Draft202012Validator(json.loads(RENDERED[f"command{SUFFIX}"]))
    bad = {**SPEC_EXAMPLES["command"], "priority": "URGENT"}
    assert not validator.is_valid(bad)
    assert not validator.is_valid({k: v for k, v in SPEC_EXAMPLES["command"].items() if k != "taskId"})
