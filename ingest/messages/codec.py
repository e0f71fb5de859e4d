"""Bytes <-> messages. Whatever arrives, `decode` returns a model or raises a `MessageError`."""

from __future__ import annotations

import json
import math
import re
from typing import Any, TypeVar

from pydantic_core import PydanticSerializationError

from ingest.messages.base import Versioned
from ingest.messages.command import Command
from ingest.messages.errors import MalformedMessage, MessageTooLarge
from ingest.messages.validation import validate_document

M = TypeVar("M", bound=Versioned)

MAX_MESSAGE_BYTES = 1_000_000
"""The spec's 1 MB, in SI bytes: it stays below the broker's default record limit (1 MiB plus overhead)."""

# A \uD800-\uDFFF escape: only its unpaired form is invalid, and that is rare enough to check slowly.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def encode(message: Versioned) -> bytes:
    """Compact UTF-8 JSON with the wire names; fields that are None are left out."""
    try:
        data = message.model_dump_json(by_alias=True, exclude_none=True).encode("utf-8")
    except (PydanticSerializationError, UnicodeEncodeError, RecursionError) as exc:
        raise MalformedMessage(f"{type(message).__name__} cannot be written as JSON: {exc}") from None
    _check_size(len(data), "encoded")
    return data


def decode(data: bytes, model: type[M]) -> M:
    """The message of type `model` in `data`, or a MessageError saying what is wrong."""
    return validate_document(model, _json_object(data))


def decode_command(data: bytes) -> Command:
    """A command whose `payload.data` is also checked against the schema of its `taskType`."""
    command = decode(data, Command)
    command.task_data  # noqa: B018 - validates now; the cached result serves later readers
    return command


def _json_object(data: bytes) -> dict[str, Any]:
    if not isinstance(data, bytes | bytearray | memoryview):
        raise MalformedMessage(f"expected bytes, got {type(data).__name__}")
    _check_size(len(data), "received")
    try:
        text = bytes(data).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise MalformedMessage(f"not valid UTF-8 at byte {exc.start}") from None
    try:
        parsed = _parse(text)
    except json.JSONDecodeError as exc:
        raise MalformedMessage(f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    except (ValueError, RecursionError) as exc:
        raise MalformedMessage(f"not valid JSON: {exc}") from None
    if not isinstance(parsed, dict):
        raise MalformedMessage(f"expected a JSON object, got a JSON {_json_kind(parsed)}")
    if _SURROGATE_ESCAPE.search(text) and _has_lone_surrogate(parsed):
        raise MalformedMessage("a string holds an unpaired UTF-16 surrogate escape (not valid Unicode)")
    return parsed


def _parse(text: str) -> object:
    """`_DECODER.decode(text)`, with the same value or the same error, for less: a message that starts
    and ends with its object (every one a producer writes) is parsed without the two whitespace matches
    `decode` spends around the value. Anything else takes `decode` itself, which then says what is wrong."""
    if text.startswith("{"):  # no leading whitespace: `decode` would parse from 0 just like this
        parsed, end = _DECODER.raw_decode(text)
        if end == len(text):
            return parsed
    return _DECODER.decode(text)


def _check_size(size: int, what: str) -> None:
    if size > MAX_MESSAGE_BYTES:
        raise MessageTooLarge(f"{what} message is {size} bytes; the limit is {MAX_MESSAGE_BYTES} bytes")


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not a JSON number")


def _finite_float(text: str) -> float:
    # 1e400 parses to infinity, which JSON cannot carry back out.
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"number {text[:40]} is out of the range of a double")
    return value


# One decoder for every message: `json.loads` with these hooks builds a new one per call.
_DECODER = json.JSONDecoder(parse_constant=_reject_constant, parse_float=_finite_float)


def _json_kind(value: object) -> str:
    kinds = {list: "array", str: "string", bool: "boolean", int: "number", float: "number"}
    return "null" if value is None else kinds.get(type(value), type(value).__name__)


def _has_lone_surrogate(value: object) -> bool:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if not item.isascii() and _unencodable(item):
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def _unencodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
