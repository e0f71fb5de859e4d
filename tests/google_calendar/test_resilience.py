"""Retries and the breaker against injected Google faults, through the real client library."""

from __future__ import annotations

import pytest

from actors.google_calendar import (
    BreakerState,
    CalendarApiError,
    CircuitBreaker,
    CircuitOpen,
    Horizon,
    UserCalendar,
    sync,
)
from tests.fakes.google_calendar import FakeGoogleCalendar, fault
from tests.google_calendar.support import FakeTime, UserHands, at


def test_a_rate_limit_storm_opens_the_breaker_and_recovery_closes_it(
    calendar: UserCalendar,
    fake: FakeGoogleCalendar,
    clock: FakeTime,
    breaker: CircuitBreaker,
    horizon: Horizon,
    transitions: list[tuple[str, BreakerState, BreakerState]],
) -> None:
    fake.faults.push(fault(403, "rateLimitExceeded"), times=50)

    with pytest.raises(CalendarApiError) as first:
        sync(calendar, None, horizon)
    assert first.value.retryable and clock.sleeps == [1.0, 2.0, 4.0]  # 3 retries, x2 from 1 s
    with pytest.raises(CircuitOpen):
        sync(calendar, None, horizon)  # the fifth failure within 10 s opens it; the retry fails fast
    assert breaker.state is BreakerState.OPEN and fake.faults.served == 5

    sent = fake.requests
    with pytest.raises(CircuitOpen):
        sync(calendar, None, horizon)
    assert fake.requests == sent  # open: Google is not even asked

    fake.faults.clear()
    clock.advance(60)
    assert breaker.state is BreakerState.HALF_OPEN
    assert sync(calendar, None, horizon).full
    assert breaker.state is BreakerState.CLOSED
    assert [new for _, _, new in transitions] == [
        BreakerState.OPEN,
        BreakerState.HALF_OPEN,
        BreakerState.CLOSED,
    ]


def test_server_errors_are_retried_until_success(
    calendar: UserCalendar, fake: FakeGoogleCalendar, clock: FakeTime, user: UserHands, horizon: Horizon
) -> None:
    user.add("standup", at(0, 9), at(0, 10))
    fake.faults.push(fault(503, "backendError"))
    fake.faults.push(fault(500, "backendError"))

    result = sync(calendar, None, horizon)

    assert [e.summary for e in result.upserts] == ["standup"] and clock.sleeps == [1.0, 2.0]


def test_retry_after_is_honoured_and_too_long_a_wait_is_left_to_the_command_retry(
    calendar: UserCalendar, fake: FakeGoogleCalendar, clock: FakeTime, horizon: Horizon
) -> None:
    fake.faults.push(fault(429, "rateLimitExceeded", retry_after=7))
    sync(calendar, None, horizon)
    assert clock.sleeps == [7.0]

    fake.faults.push(fault(429, "rateLimitExceeded", retry_after=120))
    with pytest.raises(CalendarApiError) as raised:
        sync(calendar, None, horizon)
    assert raised.value.retry_after == 120 and clock.sleeps == [7.0]


@pytest.mark.parametrize(("status", "reason"), [(403, "quotaExceeded"), (400, "invalid"), (404, "notFound")])
def test_what_cannot_succeed_is_not_retried(
    calendar: UserCalendar,
    fake: FakeGoogleCalendar,
    clock: FakeTime,
    horizon: Horizon,
    status: int,
    reason: str,
) -> None:
    fake.faults.push(fault(status, reason), times=4)

    with pytest.raises(CalendarApiError) as raised:
        sync(calendar, None, horizon)

    assert (raised.value.status, raised.value.reason, raised.value.retryable) == (status, reason, False)
    assert fake.faults.served == 1 and clock.sleeps == []
