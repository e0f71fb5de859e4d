"""Weekly hours that arrive again and again are checked once.

A user's working and personal hours rarely change, yet every planning command carries them, and
checking them window by window cost more than the rest of the command's data. The first time a given
set of hours arrives it is validated in full; a later command with the very same text gets the same
result. Only hours written purely as JSON objects, arrays and strings are remembered: those are
validated the same way every time, so the answer cannot differ. Hours that fail are never
remembered, so every command carrying them is refused with the full reason.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidatorFunctionWrapHandler

_LIMIT = 512  # distinct sets of hours kept; a few KB each

Key = tuple[str | int, ...]

_known: dict[Key, dict[Any, Any]] = {}


def recalled(value: object, handler: ValidatorFunctionWrapHandler) -> object:
    """Validate `value` with `handler`, or return the result of the same text validated earlier."""
    key = _key(value)
    if key is None:
        return handler(value)
    hours = _known.get(key)
    if hours is None:
        hours = handler(value)
        if len(_known) >= _LIMIT:
            _known.clear()
        _known[key] = hours
    return dict(hours)  # each message its own dict; the windows in it are immutable


def _key(value: object) -> Key | None:
    """Every day, window, field name and text in order, with the counts that keep the layout apart."""
    if type(value) is not dict:
        return None
    key: list[str | int] = []
    add = key.append
    for day, windows in value.items():
        if type(day) is not str or type(windows) is not list:
            return None
        add(day)
        add(len(windows))
        for window in windows:
            if type(window) is not dict:
                return None
            add(len(window))
            for name, text in window.items():
                if type(name) is not str or type(text) is not str:
                    return None
                add(name)
                add(text)
    return tuple(key)
