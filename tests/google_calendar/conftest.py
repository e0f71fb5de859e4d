"""Fixtures: a fake Google Calendar on 127.0.0.1 per test, and a user connected to it for real."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from actors.calendar.edge import CalendarEdge
from actors.google_calendar import (
    BreakerState,
    CalendarCalls,
    CircuitBreaker,
    GoogleCalendarSettings,
    Horizon,
    OAuthGrant,
    UserCalendar,
    connect,
)
from actors.host import ShardHost
from actors.store import StateStore, open_store
from tests.fakes.google_calendar import FakeGoogleCalendar, Grant
from tests.google_calendar.support import WEEK_START, FakeTime, UserHands, at
from tests.google_calendar.wiring import calendar_settings, edge_for, host_for
from tests.google_calendar.wiring import connect as connect_user

ACCOUNT = "ada@example.com"


@pytest.fixture
def fake() -> Iterator[FakeGoogleCalendar]:
    server = FakeGoogleCalendar().start()
    yield server
    server.stop()


@pytest.fixture
def google_grant(fake: FakeGoogleCalendar) -> Grant:
    return fake.add_account(ACCOUNT, time_zone="Europe/Berlin")


@pytest.fixture
def grant(google_grant: Grant) -> OAuthGrant:
    return OAuthGrant(
        refresh_token=google_grant.refresh_token,
        client_id=google_grant.client_id,
        client_secret=google_grant.client_secret,
        scopes=google_grant.scopes,
    )


@pytest.fixture
def settings(fake: FakeGoogleCalendar) -> GoogleCalendarSettings:
    return GoogleCalendarSettings(api_endpoint=fake.api_endpoint, token_uri=fake.token_uri, timeout_s=5)


@pytest.fixture
def clock() -> FakeTime:
    return FakeTime()


@pytest.fixture
def transitions() -> list[tuple[str, BreakerState, BreakerState]]:
    return []


@pytest.fixture
def breaker(clock: FakeTime, transitions: list[tuple[str, BreakerState, BreakerState]]) -> CircuitBreaker:
    return CircuitBreaker(
        "google_calendar", clock=clock.now, on_change=lambda *move: transitions.append(move)
    )


@pytest.fixture
def calls(breaker: CircuitBreaker, clock: FakeTime) -> CalendarCalls:
    return CalendarCalls(breaker, sleep=clock.sleep)


@pytest.fixture
def calendar(grant: OAuthGrant, settings: GoogleCalendarSettings, calls: CalendarCalls) -> UserCalendar:
    return connect(grant, settings, calls)


@pytest.fixture
def user(fake: FakeGoogleCalendar, google_grant: Grant) -> UserHands:
    return UserHands(fake, google_grant.account)


@pytest.fixture
def horizon() -> Horizon:
    return Horizon(start=WEEK_START, end=at(7, 0))


# A connected user's shard host, as the sync and write-back tests drive it: SQLite, the fake Google.
@pytest.fixture
def store(tmp_path: Path) -> StateStore:
    return open_store(f"sqlite:///{tmp_path / 'state.sqlite3'}")


@pytest.fixture
def edge(fake: FakeGoogleCalendar) -> CalendarEdge:
    return edge_for(calendar_settings(fake))


@pytest.fixture
def host(store: StateStore, edge: CalendarEdge, grant: OAuthGrant) -> ShardHost:
    connect_user(store, edge, grant)
    return host_for(store, edge)
