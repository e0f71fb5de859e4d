"""A rate-limit storm opens the host's circuit breaker: sync commands then fail fast into the retry and
dead-letter path without touching Google, and once Google recovers the breaker closes again."""

from __future__ import annotations

import time
from pathlib import Path

from actors.calendar.metrics import breaker_metric
from actors.google_calendar import BreakerState, CircuitBreaker, OAuthGrant
from actors.store import open_store
from tests.fakes.google_calendar import FakeGoogleCalendar, fault
from tests.google_calendar.support import UserHands
from tests.google_calendar.wiring import (
    calendar_settings,
    connect,
    edge_for,
    host_for,
    on,
    run,
    stored,
    sync_item,
    updates,
)


def test_a_rate_limit_storm_opens_the_breaker_and_commands_fail_fast_until_it_closes(
    fake: FakeGoogleCalendar, grant: OAuthGrant, user: UserHands, tmp_path: Path
) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'state.sqlite3'}")
    settings = calendar_settings(fake)
    moves: list[tuple[BreakerState, BreakerState]] = []
    metric = breaker_metric("google_calendar")
    edge = edge_for(settings)
    edge.breaker = CircuitBreaker(
        "google_calendar", settings.breaker, on_change=lambda n, o, s: (moves.append((o, s)), metric(n, o, s))
    )
    connect(store, edge, grant)
    host = host_for(store, edge)
    user.add("Dentist", on(0, 10), on(0, 11))
    fake.faults.push(fault(403, "rateLimitExceeded"), times=50)
    pending = fake.faults.pending()

    (storm,) = run(host, sync_item())

    assert not storm.ok and storm.error_class == "CircuitOpen" and storm.attempts == 4
    assert edge.breaker.state is BreakerState.OPEN
    assert pending - fake.faults.pending() == 5  # five failures opened it; the rest never reached Google
    assert stored(store).calendar_link.sync_token is None  # nothing stored: the retry starts over
    requests = fake.requests
    (fast,) = run(host, sync_item())
    assert fast.error_class == "CircuitOpen" and fake.requests == requests

    fake.faults.clear()
    time.sleep(settings.breaker.recovery_timeout_s)
    (healed,) = run(host, sync_item())

    assert healed.ok and updates(healed, "SYNC_COMPLETED")[0].events_processed == 1
    assert moves == [
        (BreakerState.CLOSED, BreakerState.OPEN),
        (BreakerState.OPEN, BreakerState.HALF_OPEN),
        (BreakerState.HALF_OPEN, BreakerState.CLOSED),
    ]
