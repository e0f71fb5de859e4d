"""The wire models' rules, checked on plain JSON values: each returns the value as the wire writes it.

A value that breaks a rule, or is not of exactly the JSON type a host writes, raises `Unusual`; the
outcome then goes the models' way, which decides what becomes of it.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime
from enum import StrEnum
from functools import lru_cache

from ingest.messages.types import whole_as_int

_INSTANT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,6})?(?:Z|[+-]\d\d:\d\d)")
# In UTC with a `Z`, and microseconds written in full when there are any: the wire's own form.
_WRITTEN = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{6})?Z")
_MAX_ID = 512  # as the wire's `Id`


class Unusual(Exception):
    """The outcome is not plainly what a host writes."""


def ident(value: object) -> str:
    if type(value) is not str or not 1 <= len(value) <= _MAX_ID:
        raise Unusual
    return value


def text(value: object) -> str:
    if type(value) is not str:
        raise Unusual
    return value


def one_of(value: object, allowed: frozenset[str]) -> str:
    if type(value) is not str or value not in allowed:
        raise Unusual
    return value


def count(value: object) -> int:
    if type(value) is not int or value < 0:
        raise Unusual
    return value


def number(value: object) -> int | float:
    """A finite number, whole ones as integers, as the wire's `Amount`."""
    if type(value) is not float and type(value) is not int:
        raise Unusual
    result = float(value)
    if not math.isfinite(result):
        raise Unusual
    return whole_as_int(result)


def instant(value: object) -> str:
    """An ISO-8601 instant with an offset, written in UTC with a `Z`, as the wire's `UtcDatetime`."""
    return _utc(text(value))


@lru_cache(maxsize=4096)  # a command's outputs share a handful of instants
def _utc(value: str) -> str:
    if _WRITTEN.fullmatch(value) and not value.endswith(".000000Z"):
        # Already as the wire writes it (a host's own instants are): only the date and time need to
        # exist, and the text stays as it is.
        try:
            datetime.fromisoformat(value)
        except ValueError:
            raise Unusual from None
        return value
    if not _INSTANT.fullmatch(value):
        raise Unusual
    try:
        at = datetime.fromisoformat(value).astimezone(UTC)
    except (ValueError, OverflowError):
        raise Unusual from None
    return at.isoformat().replace("+00:00", "Z")


def labels(value: object) -> dict[str, str | int]:
    if type(value) is not dict:
        raise Unusual
    for key, label in value.items():
        if type(key) is not str or (type(label) is not str and type(label) is not int):
            raise Unusual
    return value


def values(kind: type[StrEnum]) -> frozenset[str]:
    return frozenset(member.value for member in kind)
