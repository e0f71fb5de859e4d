"""The envelope of a message that failed for good, published to the `*.dead-letter` topics.

It keeps the original record byte for byte (as base64) so it can be inspected and replayed, and says
where it came from, what went wrong and how often it was tried. A value over `MAX_CAPTURED_VALUE` is
kept whole too, split over several envelopes (`capture(..., part=k)`, `value_parts`), each with its
part of the value and where that part starts (`originalValueOffset`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from pydantic import Field, model_validator

from ingest.messages.base import Versioned, WireModel
from ingest.messages.types import Base64Bytes, UtcDatetime

# Budgets that keep the envelope under the 1 MB limit even for a record that was itself near it
# (base64 adds a third): value 512 kB a part -> 683 kB, key 8 kB, headers 64 kB of the envelope's JSON (each
# header as written, base64 and escapes included: a record may carry many thousands of tiny headers),
# reason 2,000 characters.
MAX_CAPTURED_VALUE = 512_000
MAX_CAPTURED_KEY = 8_192
MAX_CAPTURED_HEADERS = 65_536
MAX_REASON_CHARS = 2_000


@dataclass(frozen=True)
class FailedRecord:
    """A consumed Kafka record as the consumer saw it."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    headers: Sequence[tuple[str, bytes | None]] = ()


class Header(WireModel):
    """One Kafka header of the original record (keys may repeat, so headers are a list)."""

    key: str
    """Header name."""
    value: Base64Bytes | None = None
    """Header value as base64; absent for a null value."""


class DeadLetter(Versioned):
    """A record that could not be processed after all retries."""

    original_value: Base64Bytes | None = None
    """The record's value as base64, or this envelope's part of it (see `originalValueTruncated`);
    absent for a tombstone."""
    original_value_size: int = Field(ge=0)
    """Size of the whole original value in bytes."""
    original_value_truncated: bool = False
    """True if this envelope holds one part of the value only: the value was split over envelopes
    of the same source, each part at its `originalValueOffset`."""
    original_value_offset: int = Field(default=0, ge=0)
    """Where this envelope's part starts in the original value (0 for the first or only part)."""
    original_key: Base64Bytes | None = None
    """The record's key as base64; also the Kafka key of this envelope."""
    original_headers: tuple[Header, ...] = ()
    """The record's headers, in order."""
    source_topic: str = Field(min_length=1)
    """Topic the record was consumed from."""
    source_partition: int = Field(ge=0, le=2**31 - 1)
    """Its partition."""
    source_offset: int = Field(ge=0, le=2**63 - 1)
    """Its offset."""
    error_class: str = Field(min_length=1)
    """Kind of failure, such as 'SchemaViolation' or 'SolverTimeout'."""
    reason: str
    """What went wrong, naming the field or step."""
    attempts: int = Field(ge=1)
    """How many times processing was tried."""
    first_failure_at: UtcDatetime
    """When the first attempt failed."""
    last_failure_at: UtcDatetime
    """When the last attempt failed."""
    worker_id: str = Field(min_length=1)
    """Instance of the worker that gave up."""

    @model_validator(mode="after")
    def _failures_ordered(self) -> DeadLetter:
        if self.last_failure_at < self.first_failure_at:
            raise ValueError("lastFailureAt must not be before firstFailureAt")
        return self

    @classmethod
    def capture(
        cls,
        record: FailedRecord,
        *,
        error_class: str,
        reason: str,
        attempts: int,
        first_failure_at: datetime,
        last_failure_at: datetime,
        worker_id: str,
        part: int = 0,
    ) -> DeadLetter:
        """The envelope of `record` holding part `part` of its value (of `value_parts(record)`), the
        key and headers cut to the budgets, so that it always fits the size limit."""
        value = record.value
        start = part * MAX_CAPTURED_VALUE
        return cls(
            original_value=None if value is None else value[start : start + MAX_CAPTURED_VALUE],
            original_value_size=len(value or b""),
            original_value_truncated=value_parts(record) > 1,
            original_value_offset=start,
            original_key=None if record.key is None else record.key[:MAX_CAPTURED_KEY],
            original_headers=_fit_headers(record.headers),
            source_topic=record.topic,
            source_partition=record.partition,
            source_offset=record.offset,
            error_class=error_class,
            reason=reason[:MAX_REASON_CHARS],
            attempts=attempts,
            first_failure_at=first_failure_at,
            last_failure_at=last_failure_at,
            worker_id=worker_id,
        )


def value_parts(record: FailedRecord) -> int:
    """How many envelopes keep `record`'s value whole: one, unless it is over the value budget."""
    return max(1, -(-len(record.value or b"") // MAX_CAPTURED_VALUE))


def _fit_headers(headers: Sequence[tuple[str, bytes | None]]) -> tuple[Header, ...]:
    kept: list[Header] = []
    used = 0
    for key, value in headers:
        header = Header(key=key, value=value)
        used += len(header.model_dump_json(by_alias=True, exclude_none=True)) + 1  # and its comma
        if used > MAX_CAPTURED_HEADERS:
            break
        kept.append(header)
    return tuple(kept)
