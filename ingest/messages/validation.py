"""Turns a parsed JSON object into a model, or into a typed error whose reason names the field path."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import ValidationError

from ingest.messages.base import Versioned, unsupported_reason
from ingest.messages.errors import SchemaViolation, UnsupportedVersion

V = TypeVar("V", bound=Versioned)

_MAX_LISTED = 5
_VERSION_TEXT = re.compile(r"\s*(\d{1,9})(?:\.\d{1,9})?\s*")


def validate_document(model: type[V], raw: Mapping[str, Any], path: str = "") -> V:
    """Check the major version first (a newer major may have any shape), then the whole schema."""
    check_version(model, raw, path)
    try:
        # What `model_validate(raw)` does, without passing on its six unset options: that alone cost
        # a sixth of validating a command (same validator, same model or error).
        return model.__pydantic_validator__.validate_python(raw)
    except ValidationError as exc:
        raise SchemaViolation(describe(exc, path)) from None


def check_version(model: type[Versioned], raw: Mapping[str, Any], path: str = "") -> None:
    major = _major(raw.get("version", 1))
    if major is not None and major > model.SUPPORTED_VERSION:
        where = f"{path}.version" if path else "version"
        raise UnsupportedVersion(f"{where}: {unsupported_reason(major, model.SUPPORTED_VERSION)}")


def _major(value: object) -> int | None:
    # Text such as "2" or "2.1" is not a valid version, but it clearly announces a newer major:
    # say so rather than "wrong type".
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and (match := _VERSION_TEXT.fullmatch(value)):
        return int(match.group(1))
    return None


def describe(error: ValidationError, path: str = "") -> str:
    """'habits[0].minDurationMinutes: Input should be greater than 0; ...' without input values."""
    problems = error.errors(include_url=False, include_input=False, include_context=False)
    lines = [f"{_location(path, problem['loc'])}: {_message(problem['msg'])}" for problem in problems]
    if len(lines) > _MAX_LISTED:
        lines = [*lines[:_MAX_LISTED], f"and {len(lines) - _MAX_LISTED} more problems"]
    return "; ".join(lines)


def _location(path: str, loc: tuple[int | str, ...]) -> str:
    text = path
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif part == "[key]":
            text += " (the key)"
        else:
            text += f".{part}" if text else str(part)
    return text or "message"


def _message(msg: str) -> str:
    return msg.removeprefix("Value error, ")
