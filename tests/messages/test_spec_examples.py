"""The spec's own JSON examples parse, and survive decode -> encode -> decode unchanged."""

from __future__ import annotations

import json

import pytest

from ingest.messages import MESSAGE_MODELS, decode, encode, message_key, unknown_fields
from tests.messages.examples import SPEC_EXAMPLES, instances


@pytest.mark.parametrize("name", sorted(SPEC_EXAMPLES))
def test_spec_example_round_trips_field_for_field(name: str) -> None:
    raw = SPEC_EXAMPLES[name]
    message = decode(json.dumps(raw).encode(), MESSAGE_MODELS[name])
    written = json.loads(encode(message))
    # The only addition is the version; every field of the spec comes back with its value.
    assert written == {"version": 1, **raw}
    assert unknown_fields(raw, message) == []


def test_every_message_has_a_spec_example_or_a_reason() -> None:
    # The dead-letter envelope is ours: the spec names its topics but gives no format.
    assert set(SPEC_EXAMPLES) | {"dead-letter"} == set(MESSAGE_MODELS)


@pytest.mark.parametrize("name", sorted(MESSAGE_MODELS))
def test_full_instances_round_trip(name: str) -> None:
    message = instances()[name]
    data = encode(message)
    assert decode(data, MESSAGE_MODELS[name]) == message
    assert encode(decode(data, MESSAGE_MODELS[name])) == data


def test_encoding_is_compact_and_camel_case() -> None:
    data = encode(instances()["reminder-notification"])
    assert b": " not in data and b", " not in data
    assert b'"notificationId":"string"' in data and b'"scheduledFor":"2025-10-27T09:00:00Z"' in data
    assert b"_" not in data.replace(b"HABIT_REMINDER", b"")


def test_python_side_uses_snake_case_and_accepts_either_name() -> None:
    message = instances()["usage-analytics"]
    assert message.model_dump()["metadata"]["ip_address"] == "string"
    by_name = type(message).model_validate(message.model_dump())
    assert by_name == message


def test_messages_are_immutable() -> None:
    message = instances()["habit-event"]
    with pytest.raises(ValueError, match="frozen"):
        message.version = 1  # type: ignore[misc]


def test_messages_are_keyed_by_user_except_metrics_and_dead_letters() -> None:
    keys = {name: message_key(message) for name, message in instances().items()}
    assert keys.pop("performance-metric") == b"API_LATENCY"
    assert keys.pop("dead-letter") == b"user-1"
    assert keys.pop("command") == b"user-1"
    assert set(keys.values()) == {b"string"}
