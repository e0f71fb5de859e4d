"""Versions: absent means 1, a newer major is refused with a reason, and payload data has its own."""

from __future__ import annotations

import json
from typing import Any

import pytest

from ingest.messages import (
    MESSAGE_MODELS,
    Command,
    SchemaViolation,
    SyncCalendarData,
    UnsupportedVersion,
    decode,
    decode_command,
)
from tests.messages.examples import SPEC_EXAMPLES


def _with(raw: dict[str, Any], **fields: Any) -> bytes:
    return json.dumps({**raw, **fields}).encode()


@pytest.mark.parametrize("name", sorted(SPEC_EXAMPLES))
def test_absent_version_means_1(name: str) -> None:
    assert decode(_with(SPEC_EXAMPLES[name]), MESSAGE_MODELS[name]).version == 1


@pytest.mark.parametrize("name", sorted(SPEC_EXAMPLES))
@pytest.mark.parametrize("version", [2, 17, "2", "2.0", "3.1"])
def test_newer_major_is_refused_whatever_the_shape(name: str, version: object) -> None:
    # A newer major may rename anything, so even an empty body gets the version reason, not a schema one.
    for body in (SPEC_EXAMPLES[name], {}):
        with pytest.raises(UnsupportedVersion) as caught:
            decode(_with(body, version=version), MESSAGE_MODELS[name])
        assert caught.value.reason.startswith("version: major version")
        assert "not supported" in caught.value.reason
        assert caught.value.error_class == "UnsupportedVersion"


@pytest.mark.parametrize("version", [0, -1, 1.5, True, "1", "one", None, [1]])
def test_malformed_version_is_a_schema_violation(version: object) -> None:
    with pytest.raises(SchemaViolation, match=r"^version: "):
        decode(_with(SPEC_EXAMPLES["habit-event"], version=version), MESSAGE_MODELS["habit-event"])


def test_payload_data_version_is_checked_separately() -> None:
    command = {**SPEC_EXAMPLES["command"], "payload": {"userId": "u", "data": {"version": 2}}}
    # The envelope alone is fine; only the command decoder looks inside the data.
    assert decode(json.dumps(command).encode(), Command).payload.data == {"version": 2}
    with pytest.raises(UnsupportedVersion, match=r"^payload\.data\.version: major version 2"):
        decode_command(json.dumps(command).encode())


def test_data_version_defaults_to_1_and_version_1_is_accepted() -> None:
    assert SyncCalendarData.model_validate({}).version == 1
    assert SyncCalendarData.model_validate({"version": 1}).version == 1


def test_constructing_a_newer_version_in_python_fails_too() -> None:
    with pytest.raises(ValueError, match="major version 2 is not supported"):
        SyncCalendarData(version=2)
