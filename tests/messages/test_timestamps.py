"""Timestamps: any ISO-8601 offset in, UTC with 'Z' out; no offset, no number, no out-of-range."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

from ingest.messages import MESSAGE_MODELS, SchemaViolation, UsageAnalytics, decode, encode
from tests.messages.examples import SPEC_EXAMPLES

RAW = SPEC_EXAMPLES["usage-analytics"]


def _decode_at(timestamp: object) -> UsageAnalytics:
    data = json.dumps({**RAW, "timestamp": timestamp}).encode()
    message = decode(data, MESSAGE_MODELS["usage-analytics"])
    assert isinstance(message, UsageAnalytics)
    return message


@pytest.mark.parametrize(
    ("given", "written"),
    [
        ("2025-10-27T10:00:00Z", "2025-10-27T10:00:00Z"),
        ("2025-10-27T12:00:00+02:00", "2025-10-27T10:00:00Z"),
        ("2025-10-27T05:30:00-04:30", "2025-10-27T10:00:00Z"),
        ("2025-10-27T10:00:00.250+00:00", "2025-10-27T10:00:00.250000Z"),
        ("2025-10-27 10:00:00Z", "2025-10-27T10:00:00Z"),
    ],
)
def test_offsets_normalize_to_utc_with_z(given: str, written: str) -> None:
    message = _decode_at(given)
    assert message.timestamp.tzinfo is UTC
    assert json.loads(encode(message))["timestamp"] == written


@pytest.mark.parametrize("given", ["2025-10-27T10:00:00", "2025-10-27"])
def test_naive_timestamps_are_refused_with_a_reason(given: str) -> None:
    with pytest.raises(SchemaViolation, match="timestamp: timestamp has no UTC offset; add 'Z'"):
        _decode_at(given)


@pytest.mark.parametrize(
    "given", [1761559200, 1761559200.5, "1761559200", "yesterday", None, "", "2025-13-01T00:00Z"]
)
def test_non_iso_values_are_refused(given: object) -> None:
    with pytest.raises(SchemaViolation, match=r"^timestamp: "):
        _decode_at(given)


@pytest.mark.parametrize("given", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00"])
def test_instants_outside_the_utc_calendar_are_refused(given: str) -> None:
    with pytest.raises(SchemaViolation, match="out of range"):
        _decode_at(given)


def test_python_construction_normalizes_and_refuses_naive_too() -> None:
    berlin = timezone(timedelta(hours=1))
    message = UsageAnalytics(
        user_id="u", event_type="GOAL_CREATED", timestamp=datetime(2025, 1, 1, 1, tzinfo=berlin)
    )
    assert message.timestamp == datetime(2025, 1, 1, 0, tzinfo=UTC)
    with pytest.raises(ValueError, match="no UTC offset"):
        UsageAnalytics(user_id="u", event_type="GOAL_CREATED", timestamp=datetime(2025, 1, 1))
