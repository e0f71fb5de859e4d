"""The circuit breaker alone, on a fake clock: the spec's 5 failures / 10 s window / 60 s recovery."""

from __future__ import annotations

import pytest

from actors.google_calendar import GAUGE_VALUE, BreakerState, CircuitBreaker, CircuitOpen
from tests.google_calendar.support import FakeTime


def fail(breaker: CircuitBreaker, times: int, clock: FakeTime, every: float = 0.0) -> None:
    for _ in range(times):
        breaker.before_call()
        breaker.record_failure()
        clock.advance(every)


def test_five_failures_within_ten_seconds_open_it(breaker: CircuitBreaker, clock: FakeTime) -> None:
    fail(breaker, 4, clock, every=2.4)
    assert breaker.state is BreakerState.CLOSED
    fail(breaker, 1, clock)  # the fifth, 9.6 s after the first
    assert breaker.state is BreakerState.OPEN
    with pytest.raises(CircuitOpen) as refused:
        breaker.before_call()
    assert refused.value.retry_in == pytest.approx(60.0)


def test_failures_spread_beyond_the_window_do_not_open_it(breaker: CircuitBreaker, clock: FakeTime) -> None:
    fail(breaker, 12, clock, every=2.5)  # never five within 10 s: the window is (now - 10 s, now]
    assert breaker.state is BreakerState.CLOSED


def test_successes_do_not_erase_recent_failures(breaker: CircuitBreaker, clock: FakeTime) -> None:
    for _ in range(4):
        fail(breaker, 1, clock)
        breaker.before_call()
        breaker.record_success()
    fail(breaker, 1, clock)
    assert breaker.state is BreakerState.OPEN


def test_recovery_lets_one_trial_through_and_its_outcome_decides(
    breaker: CircuitBreaker, clock: FakeTime, transitions: list[tuple[str, BreakerState, BreakerState]]
) -> None:
    fail(breaker, 5, clock)
    clock.advance(59.9)
    assert breaker.state is BreakerState.OPEN
    clock.advance(0.1)
    assert breaker.state is BreakerState.HALF_OPEN

    breaker.before_call()  # the trial
    with pytest.raises(CircuitOpen):
        breaker.before_call()  # a second caller meanwhile
    breaker.record_failure()
    assert breaker.state is BreakerState.OPEN

    clock.advance(60)
    breaker.before_call()
    breaker.record_success()
    assert breaker.state is BreakerState.CLOSED
    assert [(old, new) for _, old, new in transitions] == [
        (BreakerState.CLOSED, BreakerState.OPEN),
        (BreakerState.OPEN, BreakerState.HALF_OPEN),
        (BreakerState.HALF_OPEN, BreakerState.OPEN),
        (BreakerState.OPEN, BreakerState.HALF_OPEN),
        (BreakerState.HALF_OPEN, BreakerState.CLOSED),
    ]
    assert {name for name, _, _ in transitions} == {"google_calendar"}


def test_after_closing_it_needs_five_fresh_failures(breaker: CircuitBreaker, clock: FakeTime) -> None:
    fail(breaker, 5, clock)
    clock.advance(60)
    breaker.before_call()
    breaker.record_success()
    fail(breaker, 4, clock)
    assert breaker.state is BreakerState.CLOSED
    assert GAUGE_VALUE[breaker.state] == 0
