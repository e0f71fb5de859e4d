"""Helpers for the Google Calendar tests: a controllable clock and "the user edits their calendar"."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from tests.fakes.google_calendar import FakeGoogleCalendar

WEEK_START = datetime(2030, 1, 7, tzinfo=UTC)  # a Monday, far from today so nothing depends on now


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """An instant in the test week: day 0 is Monday."""
    return WEEK_START + timedelta(days=day, hours=hour, minutes=minute)


def when(instant: datetime) -> dict[str, str]:
    return {"dateTime": instant.isoformat()}


class FakeTime:
    """Monotonic seconds for the breaker; `sleep` advances it instead of waiting, and is recorded."""

    def __init__(self) -> None:
        self.value = 1_000.0
        self.sleeps: list[float] = []

    def now(self) -> float:
        return self.value

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.value += seconds

    def advance(self, seconds: float) -> None:
        self.value += seconds


class UserHands:
    """What the user does in Google Calendar's own UI: straight into the fake's store, no client."""

    def __init__(self, fake: FakeGoogleCalendar, account: str) -> None:
        self.fake = fake
        self.account = account

    def add(self, summary: str, start: datetime, end: datetime, **extra: Any) -> dict[str, Any]:
        body = {"summary": summary, "start": when(start), "end": when(end), **extra}
        return self.fake.store.insert(self.account, body)

    def move(self, event_id: str, start: datetime, end: datetime) -> dict[str, Any]:
        return self.fake.store.patch(self.account, event_id, {"start": when(start), "end": when(end)}, None)

    def rename(self, event_id: str, summary: str) -> dict[str, Any]:
        return self.fake.store.patch(self.account, event_id, {"summary": summary}, None)

    def delete(self, event_id: str) -> None:
        self.fake.store.delete(self.account, event_id, None)

    def live_events(self) -> list[dict[str, Any]]:
        events = self.fake.store.calendar(self.account).events.values()
        return [event for event in events if event.get("status") != "cancelled"]
