"""What the fake enforces on event writes, and how a patch merges into an event."""

from __future__ import annotations

import copy
from typing import Any

from . import errors
from .rrule import parse_rule
from .times import span


def merge(target: dict[str, Any], patch: dict[str, Any]) -> None:
    """Patch semantics: objects merge key by key, lists and scalars replace, null removes."""
    for key, value in patch.items():
        if value is None:
            target.pop(key, None)
        elif isinstance(value, dict) and isinstance(target.get(key), dict):
            merge(target[key], value)
        else:
            target[key] = copy.deepcopy(value)


def validate(event: dict[str, Any], calendar_zone: str) -> None:
    if event.get("status") == "cancelled" and "start" not in event:
        return
    if "start" not in event or "end" not in event:
        raise errors.bad_request("Missing end time." if "start" in event else "Missing start time.")
    start, end = span(event, calendar_zone)
    if end < start:
        raise errors.bad_request("The specified time range is empty.")
    if "recurrence" in event:
        if "dateTime" not in event["start"]:
            raise errors.bad_request("The fake expands only timed recurring events (start.dateTime).")
        parse_rule(list(event["recurrence"]))
