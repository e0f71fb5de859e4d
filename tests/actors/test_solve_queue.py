"""The batching rules of solver tasks, without Ray: the remote functions are injected, and each task's
answer is released by the test (`tests/actors/solve_tasks.py`)."""

from __future__ import annotations

import asyncio

import pytest

from actors.cluster_share import ClusterShare
from actors.solve_queue import SolveFailed, SolveQueue
from tests.actors.solve_tasks import Tasks, run, settle, start


def test_solves_go_alone_until_enough_are_outstanding_then_wait_in_one_batch() -> None:
    async def scenario(tasks: Tasks) -> None:
        queue = SolveQueue(tasks.one, tasks.many, batch_after=2, batch_max=8)
        solves = start(queue, b"a1", b"b2", b"c3", b"d4", b"e5")
        await settle()
        assert tasks.sizes() == [0, 0]  # two lone tasks; three solves wait
        await tasks.end(1)
        assert tasks.sizes() == [0, 0, 3]  # a task ended: the open batch goes, whatever its size
        assert solves[1].result() == b"2b" and not solves[0].done()
        await tasks.end(2)
        assert [s.result() for s in solves[2:]] == [b"3c", b"4d", b"5e"]
        await tasks.end(0)
        assert solves[0].result() == b"1a"
        assert (queue.tasks, queue.batches, queue.batched, queue.outstanding) == (3, 1, 3, 0)

    run(scenario)


def test_a_solve_asked_alone_goes_as_its_own_task_while_others_batch() -> None:
    async def scenario(tasks: Tasks) -> None:
        queue = SolveQueue(tasks.one, tasks.many, batch_after=1, batch_max=8)
        first, waiting = start(queue, b"a1", b"b2")
        urgent = asyncio.ensure_future(queue.solve("SCHEDULE_HABITS", b"h9", alone=True))
        await settle()
        assert tasks.sizes() == [0, 0]  # the first alone, the urgent one alone; b2 waits to batch
        await tasks.end(1)
        assert urgent.result() == b"9h" and not waiting.done()
        await tasks.end(0)
        await tasks.end(2)
        assert (first.result(), waiting.result()) == (b"1a", b"2b")

    run(scenario)


def test_a_deep_queue_shows_as_pending_batches_of_at_most_batch_max() -> None:
    async def scenario(tasks: Tasks) -> None:
        queue = SolveQueue(tasks.one, tasks.many, batch_after=1, batch_max=3)
        solves = start(queue, *(b"x%d" % n for n in range(9)))
        await settle()
        assert tasks.sizes() == [0, 3, 3]  # full batches go out without waiting; two solves stay open
        assert queue.outstanding == 3
        for number in range(3):
            await tasks.end(number)
        assert tasks.sizes() == [0, 3, 3, 2]
        await tasks.end(3)
        assert [s.result() for s in solves] == [b"%dx" % n for n in range(9)]

    run(scenario)


def test_a_failing_solve_fails_alone_and_its_retry_goes_as_its_own_task() -> None:
    async def scenario(tasks: Tasks) -> None:
        queue = SolveQueue(tasks.one, tasks.many, batch_after=1, batch_max=8)
        first, good, bad = start(queue, b"a", b"ok", b"bad")
        await settle()
        await tasks.end(0)
        await tasks.end(1)
        assert first.result() == b"a" and good.result() == b"ko"
        with pytest.raises(SolveFailed, match="cannot solve b'bad'"):
            bad.result()
        blocker, retry = start(queue, b"c", b"bad")  # one task outstanding, yet the retry goes alone
        await settle()
        assert tasks.sizes()[2:] == [0, 0]
        await tasks.end(3)
        with pytest.raises(ValueError, match="cannot solve"):
            retry.result()
        await tasks.end(2)
        assert blocker.result() == b"c"

    run(scenario)


def test_a_crashed_batch_task_fails_each_of_its_solves_and_each_retry_goes_alone() -> None:
    async def scenario(tasks: Tasks) -> None:
        queue = SolveQueue(tasks.one, tasks.many, batch_after=1, batch_max=2)
        lone, one, two = start(queue, b"a", b"b", b"c")
        await settle()
        await tasks.end(1, crash=True)  # the batch's task dies; the lone task still runs
        for solve in (one, two):
            with pytest.raises(SolveFailed, match="batch of 2 failed"):
                solve.result()
        again = start(queue, b"b", b"c")
        await settle()
        assert tasks.sizes() == [0, 2, 0, 0]
        for number in (2, 3, 0):
            await tasks.end(number)
        assert [s.result() for s in (*again, lone)] == [b"b", b"c", b"a"]

    run(scenario)


def test_a_cancelled_command_leaves_the_rest_of_its_batch_answered() -> None:
    async def scenario(tasks: Tasks) -> None:
        queue = SolveQueue(tasks.one, tasks.many, batch_after=1, batch_max=8)
        lone, dropped, kept = start(queue, b"a", b"b", b"c")
        await settle()
        dropped.cancel()
        await tasks.end(0)
        await tasks.end(1)
        assert (lone.result(), kept.result(), dropped.cancelled()) == (b"a", b"c", True)

    run(scenario)


def test_without_a_batch_function_every_solve_is_a_task_of_its_own() -> None:
    async def scenario(tasks: Tasks) -> None:
        queue = SolveQueue(tasks.one, None, batch_after=1, batch_max=8)
        solves = start(queue, b"a", b"b", b"c")
        await settle()
        assert tasks.sizes() == [0, 0, 0]
        for number in range(3):
            await tasks.end(number)
        assert [s.result() for s in solves] == [b"a", b"b", b"c"]

    run(scenario)


def test_a_hosts_share_follows_the_cluster_as_it_grows() -> None:
    cpus = [2.0]
    share = ClusterShare(1, hosts=2, cpus=lambda: cpus[0], every_s=0.0)
    assert share() == 1
    cpus[0] = 16.0  # the autoscaler added nodes
    assert share() == 8
    slow = ClusterShare(1, hosts=1, cpus=lambda: cpus[0], every_s=3600.0)
    assert slow() == 16
    cpus[0] = 2.0
    assert slow() == 16  # read again only once `every_s` has passed
    queue = SolveQueue(lambda t, d: _never(), None, share, batch_max=8)
    assert queue.batch_after == 1  # 2 CPUs over 2 hosts


async def _never() -> bytes:
    raise AssertionError("no solve is sent here")


def test_solves_a_batch_had_no_time_for_go_first_in_the_next_task() -> None:
    async def scenario(tasks: Tasks) -> None:
        queue = SolveQueue(tasks.one, tasks.many, batch_after=1, batch_max=3)
        solves = start(queue, b"a1", b"b2", b"c3", b"d4", b"e5")
        await settle()
        assert tasks.sizes() == [0, 3]  # one alone, one full batch; e5 waits
        await tasks.end(1, ran=1)  # the batch's time was up after b2
        assert solves[1].result() == b"2b" and not solves[2].done()
        await tasks.end(0)  # a CPU is free: the solves left over go first, then e5
        assert [data for _, data in tasks.sent[2]] == [b"c3", b"d4", b"e5"]
        await tasks.end(2)
        assert [s.result() for s in solves] == [b"1a", b"2b", b"3c", b"4d", b"5e"]
        assert queue.outstanding == 0

    run(scenario)
