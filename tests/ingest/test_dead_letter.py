"""The dead-letter record keeps everything needed to replay the command and says why it failed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from ingest.dead_letter import Failure, dead_letter_records
from ingest.messages import MAX_MESSAGE_BYTES, DeadLetter, FailedRecord, decode

FIRST = datetime(2025, 10, 27, 10, tzinfo=UTC)


def test_envelope_holds_the_original_and_the_failure() -> None:
    original = FailedRecord(
        "scheduling.commands",
        4,
        1234,
        b"ann",
        b'{"taskId": "t1", "broken',
        (("trace", b"abc"), ("empty", None)),
    )
    failure = Failure("SolverTimeout", "no solution within 2 s", 4, FIRST, FIRST + timedelta(seconds=7))
    (record,) = dead_letter_records(original, failure, "scheduling.commands.dead-letter", "node-1/42")
    assert record.topic == "scheduling.commands.dead-letter"
    assert record.key == b"ann"  # keyed like the original: one user's failures stay in order
    assert dict(record.headers)["errorClass"] == b"SolverTimeout"
    later = FIRST + timedelta(hours=1)
    again = Failure("SolverTimeout", "no solution within 2 s", 4, later, later)
    (copy,) = dead_letter_records(original, again, "scheduling.commands.dead-letter", "node-2/7")
    assert dict(copy.headers)["messageId"] == dict(record.headers)["messageId"]  # read again: same id
    other = FailedRecord("scheduling.commands", 4, 1235, b"ann", b"{}")
    assert (
        dict(dead_letter_records(other, failure, "dlq", "w")[0].headers)["messageId"]
        != dict(copy.headers)["messageId"]
    )
    letter = decode(record.value, DeadLetter)
    assert letter.original_value == original.value
    assert letter.original_key == b"ann"
    assert [(h.key, h.value) for h in letter.original_headers] == [("trace", b"abc"), ("empty", None)]
    assert (letter.source_topic, letter.source_partition, letter.source_offset) == (
        "scheduling.commands",
        4,
        1234,
    )
    assert (letter.error_class, letter.reason, letter.attempts) == (
        "SolverTimeout",
        "no solution within 2 s",
        4,
    )
    assert (letter.first_failure_at, letter.last_failure_at) == (FIRST, FIRST + timedelta(seconds=7))
    assert letter.worker_id == "node-1/42"


def test_a_tombstone_without_key_still_gets_an_envelope() -> None:
    original = FailedRecord("scheduling.commands", 0, 9, None, None)
    (record,) = dead_letter_records(
        original, Failure("MalformedMessage", "expected bytes", 1, FIRST, FIRST), "dlq", "w"
    )
    letter = decode(record.value, DeadLetter)
    assert record.key is None
    assert letter.original_value is None and letter.original_value_size == 0


def test_a_hostile_record_the_broker_accepted_keeps_its_whole_value_in_records_that_fit() -> None:
    # 1,100,000 bytes of value and 60,000 one-byte headers pass the broker (about 3 bytes a header
    # there), but each header costs about 12 bytes of envelope JSON; a 300 kB key is not a userId either.
    headers = tuple(("h", None) for _ in range(60_000))
    value = bytes(range(256)) * 4296 + b"tail"  # 1,099,780 bytes, no two parts alike
    original = FailedRecord("scheduling.commands", 0, 7, b"k" * 300_000, value, headers)
    records = dead_letter_records(original, Failure("MalformedMessage", "bad", 1, FIRST, FIRST), "dlq", "w")
    assert len(records) == 3
    for record in records:
        assert len(record.value) + len(record.key or b"") <= MAX_MESSAGE_BYTES  # the producer's own limit
    letters = [decode(record.value, DeadLetter) for record in records]
    assert all(
        r.key == letter.original_key == b"k" * 8_192 for r, letter in zip(records, letters, strict=True)
    )
    assert all(0 < len(letter.original_headers) < 60_000 for letter in letters)
    assert all(
        letter.original_value_truncated and letter.original_value_size == len(value) for letter in letters
    )
    by_offset = sorted(letters, key=lambda letter: letter.original_value_offset)
    assert b"".join(letter.original_value or b"" for letter in by_offset) == value
    ids = {dict(record.headers)["messageId"] for record in records}
    assert len(ids) == 3  # parts are not copies of each other


def test_a_clock_stepped_back_between_take_and_failure_still_gives_an_envelope() -> None:
    original = FailedRecord("scheduling.commands", 0, 3, b"ann", b"{}")
    failure = Failure("SolverTimeout", "late", 4, FIRST, FIRST - timedelta(seconds=2))
    letter = decode(dead_letter_records(original, failure, "dlq", "w")[0].value, DeadLetter)
    assert letter.first_failure_at == letter.last_failure_at == FIRST
