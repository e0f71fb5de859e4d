"""Blocks the worker wants on the calendar, and the Google event bodies that carry them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, Protocol

from pydantic import AwareDatetime, BaseModel, ConfigDict

from actors.google_calendar.events import (
    BLOCK_TAG,
    KIND_TAG,
    OWNER_TAG,
    WRITTEN_TAG,
    GoogleEvent,
    fingerprint,
    google_event_id,
)


class PlacedBlock(Protocol):
    """What a stored plan block offers (`actors.state.PlanBlock` fits): its `event_id` is the stable id."""

    @property
    def event_id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def start(self) -> datetime: ...
    @property
    def end(self) -> datetime: ...


class DesiredBlock(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    block_id: str
    summary: str
    start: AwareDatetime
    end: AwareDatetime
    kind: str = ""

    @property
    def google_id(self) -> str:
        return google_event_id(self.block_id)

    def shown_by(self, event: GoogleEvent) -> bool:
        """True when the event already shows this block: same summary, start and end."""
        return (event.summary, event.start, event.end) == (self.summary, self.start, self.end)


def desired_blocks(plan: Iterable[PlacedBlock]) -> list[DesiredBlock]:
    return [
        DesiredBlock(block_id=b.event_id, summary=b.title, start=b.start, end=b.end, kind=str(b.kind))
        for b in plan
    ]


def _when(instant: datetime) -> dict[str, str]:
    return {"dateTime": instant.astimezone(UTC).isoformat().replace("+00:00", "Z"), "timeZone": "UTC"}


def patch_body(block: DesiredBlock) -> dict[str, Any]:
    """Summary, times and tags: a patch changes only these, whatever else the user added stays."""
    tags = {
        OWNER_TAG[0]: OWNER_TAG[1],
        BLOCK_TAG: block.block_id,
        KIND_TAG: block.kind,
        WRITTEN_TAG: fingerprint(block.summary, block.start, block.end),
    }
    return {
        "summary": block.summary,
        "start": _when(block.start),
        "end": _when(block.end),
        "extendedProperties": {"private": tags},
    }


def insert_body(block: DesiredBlock) -> dict[str, Any]:
    return {**patch_body(block), "id": block.google_id, "transparency": "opaque"}
