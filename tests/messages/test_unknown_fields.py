"""Tolerant reader: unknown fields are ignored and reported; our own output never carries any."""

from __future__ import annotations

import json
from copy import deepcopy
from typing import Any

import jsonschema
import pytest

from ingest.messages import (
    ALL_DOCUMENTS,
    MESSAGE_MODELS,
    SyncCalendarData,
    decode,
    decode_command,
    encode,
    render_schemas,
    unknown_fields,
)
from ingest.messages.schemas import SUFFIX
from tests.messages.examples import SPEC_EXAMPLES, instances, task_data_examples


def test_unknown_fields_at_any_depth_are_ignored_and_reported() -> None:
    raw = deepcopy(SPEC_EXAMPLES["calendar-event"])
    raw["newTopLevel"] = {"x": 1}
    raw["eventData"]["conferenceLink"] = "https://meet"
    raw["eventData"]["start"]["timeZone"] = "Europe/Berlin"
    message = decode(json.dumps(raw).encode(), MESSAGE_MODELS["calendar-event"])
    assert message == decode(
        json.dumps(SPEC_EXAMPLES["calendar-event"]).encode(), MESSAGE_MODELS["calendar-event"]
    )
    assert sorted(unknown_fields(raw, message)) == [
        "eventData.conferenceLink",
        "eventData.start.timeZone",
        "newTopLevel",
    ]


def test_unknown_fields_inside_payload_data_are_ignored_by_the_data_schema() -> None:
    data = {"calendarId": "work", "calendarColor": "blue"}
    raw = {**SPEC_EXAMPLES["command"], "payload": {"userId": "u", "data": data}}
    command = decode_command(json.dumps(raw).encode())
    assert command.task_data == SyncCalendarData(calendar_id="work")
    # The envelope keeps the open data object as sent; the typed view drops what it does not know.
    assert command.payload.data == data


def _closed(schema: Any) -> Any:
    """The schema with `additionalProperties: false` on every object that lists its properties."""
    if isinstance(schema, dict):
        closed = {key: _closed(value) for key, value in schema.items()}
        if "properties" in schema and "additionalProperties" not in schema:
            closed["additionalProperties"] = False
        return closed
    if isinstance(schema, list):
        return [_closed(item) for item in schema]
    return schema


@pytest.mark.parametrize("name", sorted(ALL_DOCUMENTS))
def test_our_encodings_carry_only_schema_fields(name: str) -> None:
    schema = _closed(json.loads(render_schemas()[f"{name}{SUFFIX}"]))
    message = {**instances(), **task_data_examples()}[name]
    jsonschema.Draft202012Validator(schema).validate(json.loads(encode(message)))


def test_a_closed_schema_does_catch_an_extra_field() -> None:
    schema = _closed(json.loads(render_schemas()[f"usage-analytics{SUFFIX}"]))
    written = json.loads(encode(instances()["usage-analytics"]))
    written["metadata"]["fingerprint"] = "abc"
    with pytest.raises(jsonschema.ValidationError, match="fingerprint"):
        jsonschema.Draft202012Validator(schema).validate(written)
