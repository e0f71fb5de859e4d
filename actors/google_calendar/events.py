"""Google's event resources as the worker reads them: UTC instants, and our tags made explicit.

Worker blocks carry private extended properties: `OWNER_TAG` (listing all of them in one call),
`BLOCK_TAG` (the stable block id) and `WRITTEN_TAG` (a fingerprint of the summary and times we last
wrote). An event whose fingerprint no longer matches its content was edited by the user.
"""

from __future__ import annotations

import base64
import hashlib
from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import AwareDatetime, BaseModel, ConfigDict

from optimizer.domain import CalendarEvent

OWNER_TAG = ("schedulingWorker", "block")
BLOCK_TAG = "schedulingWorkerBlock"
WRITTEN_TAG = "schedulingWorkerWritten"
KIND_TAG = "schedulingWorkerKind"


def google_event_id(block_id: str) -> str:
    """The Google event id of a worker block: base32hex (Google's id alphabet), derived from the block
    id, so a replayed insert collides (409) instead of duplicating, and tombstones name their block."""
    digest = hashlib.sha256(f"scheduling-worker/{block_id}".encode()).digest()[:20]
    return base64.b32hexencode(digest).decode().lower()


def fingerprint(summary: str, start: datetime, end: datetime) -> str:
    text = f"{summary}|{start.astimezone(UTC).isoformat()}|{end.astimezone(UTC).isoformat()}"
    return hashlib.sha256(text.encode()).hexdigest()[:16]


class GoogleEvent(BaseModel):
    """One event or expanded instance. Tombstones (status cancelled) may lack summary and times."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    status: str = "confirmed"
    etag: str = ""
    summary: str = ""
    start: AwareDatetime | None = None
    end: AwareDatetime | None = None
    all_day: bool = False
    busy: bool = True
    recurring_event_id: str | None = None
    original_start: AwareDatetime | None = None
    location: str = ""
    attendees: tuple[str, ...] = ()
    block_id: str | None = None
    written: str | None = None

    @property
    def cancelled(self) -> bool:
        return self.status == "cancelled"

    @property
    def is_worker_block(self) -> bool:
        return self.block_id is not None

    @property
    def user_edited(self) -> bool:
        """A worker block whose summary or times differ from what the worker last wrote."""
        if self.block_id is None or self.start is None or self.end is None:
            return False
        return self.written != fingerprint(self.summary, self.start, self.end)

    def overlaps(self, start: datetime, end: datetime) -> bool:
        return self.start is not None and self.end is not None and self.start < end and self.end > start

    def as_domain(self) -> CalendarEvent:
        if self.start is None or self.end is None:
            raise ValueError(
                f"event {self.id} has no times (status {self.status}); it cannot be scheduled around"
            )
        return CalendarEvent(id=self.id, title=self.summary, start=self.start, end=self.end, busy=self.busy)


def _instant(when: dict[str, Any] | None, calendar_zone: str) -> datetime | None:
    if not when:
        return None
    if "dateTime" in when:
        return datetime.fromisoformat(str(when["dateTime"]).replace("Z", "+00:00")).astimezone(UTC)
    zone = ZoneInfo(str(when.get("timeZone") or calendar_zone))
    return datetime.combine(date.fromisoformat(str(when["date"])), time(0), zone).astimezone(UTC)


def parse_event(item: dict[str, Any], calendar_zone: str = "UTC") -> GoogleEvent:
    """A Google event resource; all-day dates start at midnight in the calendar's zone."""
    private = (item.get("extendedProperties") or {}).get("private") or {}
    attendees = tuple(str(a["email"]) for a in item.get("attendees") or () if a.get("email"))
    return GoogleEvent(
        id=str(item["id"]),
        status=str(item.get("status", "confirmed")),
        etag=str(item.get("etag", "")),
        summary=str(item.get("summary", "")),
        start=_instant(item.get("start"), calendar_zone),
        end=_instant(item.get("end"), calendar_zone),
        all_day="date" in (item.get("start") or {}),
        busy=item.get("transparency") != "transparent",
        recurring_event_id=item.get("recurringEventId"),
        original_start=_instant(item.get("originalStartTime"), calendar_zone),
        location=str(item.get("location", "")),
        attendees=attendees,
        block_id=private.get(BLOCK_TAG) if private.get(OWNER_TAG[0]) == OWNER_TAG[1] else None,
        written=private.get(WRITTEN_TAG),
    )
