"""Field types shared by every wire message: UTC timestamps, base64 bytes and non-empty ids."""

from __future__ import annotations

import base64
import binascii
from datetime import UTC, datetime
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, PlainSerializer, StringConstraints, WithJsonSchema


def _parse_iso(value: object) -> object:
    # Only ISO-8601 text is accepted: pydantic alone would also take unix seconds, which the spec excludes.
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str):
        raise ValueError("must be an ISO-8601 timestamp string such as '2025-10-27T10:00:00Z'")
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise ValueError("is not an ISO-8601 timestamp such as '2025-10-27T10:00:00Z'") from None


def _to_utc(value: datetime) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("timestamp has no UTC offset; add 'Z' or an offset such as '+02:00'")
    try:
        return value.astimezone(UTC)
    except OverflowError:
        raise ValueError("timestamp is out of range once converted to UTC") from None


def _format_utc(value: datetime) -> str:
    return value.isoformat().replace("+00:00", "Z")


UtcDatetime = Annotated[
    datetime,
    BeforeValidator(_parse_iso),
    AfterValidator(_to_utc),
    PlainSerializer(_format_utc, return_type=str, when_used="json"),
]
"""An instant: any ISO-8601 offset is accepted and normalized to UTC, written back with a `Z`."""


def _from_base64(value: object) -> object:
    if not isinstance(value, str):
        return value
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("must be standard base64 text (RFC 4648, with padding)") from None


def _to_base64(value: bytes) -> str:
    return base64.b64encode(value).decode("ascii")


Base64Bytes = Annotated[
    bytes,
    BeforeValidator(_from_base64),
    PlainSerializer(_to_base64, return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "contentEncoding": "base64"}),
]
"""Raw bytes carried as standard base64 text (pydantic's own type inserts MIME line breaks)."""

# Above 2**53 a double holds no fraction anyway, and such a count would be written with hundreds of digits.
_EXACT = 2**53


def whole_as_int(value: float) -> int | float:
    """`75.0` as `75`; a fraction, or a number too large to be exact, as it is."""
    whole = float(value).is_integer()  # a default such as `0` is an int already
    return int(value) if whole and abs(value) <= _EXACT else value


Amount = Annotated[float, PlainSerializer(whole_as_int, return_type=int | float, when_used="json")]
"""A quantity such as goal progress: written as an integer when whole (`75`, as the spec shows it, not
`75.0`), else with its fraction (`12.5`). JSON readers see the same number either way."""

Id = Annotated[str, StringConstraints(min_length=1, max_length=512)]
"""An identifier: non-empty, and short enough to serve as a Kafka key."""
