"""Base classes for wire models: camelCase on the wire, snake_case in Python, immutable, versioned."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import BaseModel, ConfigDict, Field, Strict, field_validator
from pydantic.alias_generators import to_camel


def _title(name: str, _field: object) -> str:
    # The default would title-case the alias ("Userid"); the Python name reads better ("User id").
    return name.replace("_", " ").capitalize()


class WireModel(BaseModel):
    """A part of a wire message.

    Unknown fields are ignored (tolerant reader) so producers can add optional fields without
    breaking this worker; `unknown_fields()` reports what was ignored.
    """

    model_config = ConfigDict(
        alias_generator=to_camel,
        validate_by_name=True,
        validate_by_alias=True,
        frozen=True,
        extra="ignore",
        allow_inf_nan=False,
        use_attribute_docstrings=True,
        field_title_generator=_title,
    )


Version = Annotated[int, Strict(), Field(ge=1)]


class Versioned(WireModel):
    """A top-level document with its own major `version` (absent means 1)."""

    SUPPORTED_VERSION: ClassVar[int] = 1

    version: Version = 1
    """Major schema version. Absent means 1; new optional fields do not change it."""

    @field_validator("version")
    @classmethod
    def _supported(cls, value: int) -> int:
        if value > cls.SUPPORTED_VERSION:
            raise ValueError(unsupported_reason(value, cls.SUPPORTED_VERSION))
        return value


def unsupported_reason(version: object, supported: int) -> str:
    return (
        f"major version {version!r} is not supported (this worker reads major versions up to {supported}); "
        "upgrade the worker or send an older version"
    )
