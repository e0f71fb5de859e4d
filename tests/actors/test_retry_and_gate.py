"""The spec's retry delays, and the gate that lets HIGH overtake NORMAL and LOW when work waits."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import pytest

from actors.contract import CommandPriority, ItemResult
from actors.google_calendar.errors import CalendarApiError
from actors.priority_gate import PriorityGate
from actors.request_codec import InvalidRequest
from actors.requests import SyncRequest
from actors.retry import RetryPolicy, is_retryable, with_retries
from tests.actors.builders import item

HIGH, NORMAL, LOW = CommandPriority.HIGH, CommandPriority.NORMAL, CommandPriority.LOW


def test_spec_policy_waits_1_2_4_seconds_between_four_attempts() -> None:
    policy = RetryPolicy()
    assert policy.max_attempts == 4
    assert [policy.delay_before(n) for n in (1, 2, 3, 4)] == [0.0, 1.0, 2.0, 4.0]


def test_delays_are_capped() -> None:
    policy = RetryPolicy(max_retries=8)
    assert policy.delay_before(9) == 30.0


def test_invalid_requests_are_not_retried() -> None:
    assert not is_retryable(InvalidRequest("bad"))
    assert is_retryable(TimeoutError())


def test_waiting_work_runs_high_then_normal_then_low() -> None:
    async def scenario() -> list[str]:
        gate, order = PriorityGate(1), []
        release = asyncio.Event()

        async def work(name: str, priority: CommandPriority) -> None:
            async with gate.slot(priority):
                order.append(name)
                await release.wait()

        first = asyncio.create_task(work("first", LOW))
        await asyncio.sleep(0)
        queued = [
            asyncio.create_task(work(n, p)) for n, p in [("low", LOW), ("normal", NORMAL), ("high", HIGH)]
        ]
        await asyncio.sleep(0)
        assert gate.waiting == 3
        release.set()
        await asyncio.gather(first, *queued)
        return order

    assert asyncio.run(scenario()) == ["first", "high", "normal", "low"]


def test_a_cancelled_waiter_gives_up_its_place() -> None:
    async def scenario() -> tuple[int, list[str]]:
        gate, ran = PriorityGate(1), []

        async def work(name: str, priority: CommandPriority) -> None:
            async with gate.slot(priority):
                ran.append(name)

        async with gate.slot(NORMAL):
            cancelled = asyncio.create_task(work("cancelled", HIGH))
            later = asyncio.create_task(work("later", LOW))
            await asyncio.sleep(0)
            cancelled.cancel()
            await asyncio.sleep(0)
        await later
        with pytest.raises(asyncio.CancelledError):
            await cancelled
        return gate.waiting, ran

    assert asyncio.run(scenario()) == (0, ["later"])


def test_retries_go_on_after_a_first_attempt_made_elsewhere() -> None:
    work = item("t1", SyncRequest())
    calls: list[int] = []

    async def attempt() -> ItemResult:
        calls.append(1)
        return ItemResult("t1", "u1")

    policy = RetryPolicy(initial_delay_s=0.0)
    stale = RuntimeError("stale")
    done = asyncio.run(with_retries(work, policy, attempt, lambda _: None, stale, first=2))
    assert (done.ok, done.attempts, len(calls)) == (True, 2, 1)
    none_left = asyncio.run(with_retries(work, RetryPolicy(max_retries=0), attempt, lambda _: None, stale, 2))
    assert (none_left.error_class, none_left.reason, none_left.attempts, len(calls)) == (
        "RuntimeError",
        "stale",
        1,
        1,
    )
    bad = asyncio.run(with_retries(work, policy, attempt, lambda _: None, InvalidRequest("bad"), first=2))
    assert (bad.error_class, bad.attempts, len(calls)) == ("InvalidRequest", 1, 1)


def test_a_free_slot_is_taken_without_waiting() -> None:
    gate = PriorityGate(1)
    assert gate.try_take() and not gate.try_take()
    gate.release()
    assert gate.try_take()


def test_a_google_answer_that_would_be_the_same_goes_to_the_dead_letters_at_once() -> None:
    calls: list[int] = []
    missing = CalendarApiError(
        "events.list", 404, "notFound", "calendar not found", retryable=False, dependency_failure=False
    )
    throttled = CalendarApiError(
        "events.list", 429, "rateLimitExceeded", "slow down", retryable=True, dependency_failure=True
    )
    policy = RetryPolicy(initial_delay_s=0)

    def failing(error: Exception) -> Callable[[], Awaitable[ItemResult]]:
        async def attempt() -> ItemResult:
            calls.append(1)
            raise error

        return attempt

    dead = asyncio.run(with_retries(item("t1", SyncRequest()), policy, failing(missing), lambda _: None))
    assert (dead.error_class, dead.attempts, len(calls)) == ("CalendarApiError", 1, 1)
    assert dead.reason == "Google Calendar events.list failed (404, notFound): calendar not found"

    calls.clear()
    tired = asyncio.run(with_retries(item("t2", SyncRequest()), policy, failing(throttled), lambda _: None))
    assert (tired.attempts, len(calls)) == (4, 4)
    assert is_retryable(throttled) and not is_retryable(missing)
