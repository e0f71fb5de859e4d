"""The dead-letter envelope keeps the original record exactly, and always fits the size limit."""

from __future__ import annotations

import base64
import json

import pytest

from ingest.messages import MAX_MESSAGE_BYTES, DeadLetter, FailedRecord, SchemaViolation, decode, encode
from ingest.messages.dead_letter import (
    MAX_CAPTURED_HEADERS,
    MAX_CAPTURED_VALUE,
    MAX_REASON_CHARS,
    value_parts,
)
from tests.messages.examples import NOW, dead_letter


def test_original_bytes_and_headers_survive_exactly() -> None:
    letter = dead_letter()
    back = decode(encode(letter), DeadLetter)
    assert back.original_value == b'{"taskId": \xff}' and back.original_key == b"user-1"
    assert [(h.key, h.value) for h in back.original_headers] == [
        ("trace", b"abc"),
        ("trace", None),
        ("bin", bytes(range(256))),
    ]
    assert (back.source_topic, back.source_partition, back.source_offset) == ("scheduling.commands", 3, 42)
    assert back.attempts == 4 and back.error_class == "MalformedMessage" and back.worker_id == "worker-a/3"


def test_wire_form_is_plain_base64_without_line_breaks() -> None:
    written = json.loads(encode(dead_letter()))
    binary = written["originalHeaders"][2]["value"]
    assert "\n" not in binary and base64.b64decode(binary, validate=True) == bytes(range(256))
    assert written["firstFailureAt"] == "2025-10-27T10:00:00Z"
    assert written["lastFailureAt"] == "2025-10-27T10:00:07.250000Z"


def test_a_record_at_the_broker_limit_still_fits_after_capture() -> None:
    huge = FailedRecord(
        topic="scheduling.commands",
        partition=0,
        offset=1,
        key=b"k" * 100_000,
        value=b"v" * 1_048_576,
        headers=[(f"h{i}", b"x" * 1000) for i in range(200)],
    )
    letter = DeadLetter.capture(
        huge,
        error_class="MessageTooLarge",
        reason="r" * 50_000,
        attempts=1,
        first_failure_at=NOW,
        last_failure_at=NOW,
        worker_id="w",
    )
    assert len(encode(letter)) < MAX_MESSAGE_BYTES
    assert letter.original_value_truncated and letter.original_value_size == 1_048_576
    assert letter.original_value == b"v" * MAX_CAPTURED_VALUE and letter.original_value_offset == 0
    assert value_parts(huge) == 3
    assert len(letter.reason) == MAX_REASON_CHARS
    assert sum(len(h.key) + len(h.value or b"") for h in letter.original_headers) <= MAX_CAPTURED_HEADERS


def test_a_tombstone_is_captured_as_null() -> None:
    record = FailedRecord(topic="t", partition=0, offset=0, key=None, value=None)
    letter = DeadLetter.capture(
        record,
        error_class="E",
        reason="",
        attempts=1,
        first_failure_at=NOW,
        last_failure_at=NOW,
        worker_id="w",
    )
    written = json.loads(encode(letter))
    assert "originalValue" not in written and written["originalValueSize"] == 0
    assert decode(encode(letter), DeadLetter) == letter


def test_bad_base64_and_unordered_failures_are_refused() -> None:
    written = json.loads(encode(dead_letter()))
    with pytest.raises(SchemaViolation, match="originalValue: must be standard base64"):
        decode(json.dumps({**written, "originalValue": "not base64!"}).encode(), DeadLetter)
    with pytest.raises(SchemaViolation, match="lastFailureAt must not be before firstFailureAt"):
        decode(json.dumps({**written, "firstFailureAt": "2025-10-28T00:00:00Z"}).encode(), DeadLetter)
