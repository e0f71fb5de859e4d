"""Typed errors for wire messages: every way a message can be wrong has its own class.

Each error carries `reason`, a sentence that names the offending field path and the problem, so it can
travel into a dead-letter record as is. Reasons never quote field values: values may be personal data.
"""

from __future__ import annotations


class MessageError(Exception):
    """Root of all message errors; `reason` says what is wrong, `error_class` names the kind."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason

    @property
    def error_class(self) -> str:
        return type(self).__name__


class MalformedMessage(MessageError):
    """The bytes are not a JSON object: wrong type, invalid UTF-8, invalid JSON, or not an object."""


class SchemaViolation(MessageError):
    """The JSON is well formed but breaks the message schema: missing field, wrong type, bad value."""


class UnsupportedVersion(MessageError):
    """The message (or its payload data) declares a major version this worker does not understand."""


class MessageTooLarge(MessageError):
    """The encoded message exceeds the size limit, on encode or on decode."""
