"""A command that kills its shard host's process each time fails for the dead letters instead of being
sent again forever; the other commands of that host, before and after it, are answered."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime

import pytest
import ray

from actors.call_bytes import pack_results, unpack_items
from actors.contract import CommandPriority, ItemResult, TaskType, WorkItem
from ingest.call_plan import CallPlan
from ingest.dispatch import Dispatcher

pytestmark = [pytest.mark.ray, pytest.mark.usefixtures("ray_local")]


@ray.remote(max_restarts=-1)
class DyingHost:
    """Answers every command, except that the process dies on a command whose task id says so."""

    def handle_packed(self, packed: bytes, caller: str, seq: int) -> bytes:
        items = unpack_items(packed)
        if any(item.task_id.startswith("kill") for item in items):
            os._exit(1)
        return pack_results([ItemResult(item.task_id, item.user_id) for item in items])


def work(task_id: str, user_id: str) -> WorkItem:
    at = datetime.now(UTC)
    return WorkItem(task_id, user_id, TaskType.SYNC_CALENDAR, CommandPriority.NORMAL, at, b"{}")


def test_a_command_that_kills_its_host_fails_alone_and_the_rest_are_answered() -> None:
    host = DyingHost.remote()  # type: ignore[attr-defined]
    dispatcher = Dispatcher(lambda _: host, "test", window=64, plan=CallPlan(solve_weight=8, call_solves=8))
    commands = [work("a1", "ann"), work("kill-1", "bob"), work("a2", "ann"), work("c1", "cid")]
    dispatcher.submit(commands)
    results: dict[str, ItemResult] = {}
    deadline = time.monotonic() + 90
    while len(results) < len(commands) and time.monotonic() < deadline:
        for item, result in dispatcher.collect(timeout=0.05):
            results[item.task_id] = result
    assert sorted(results) == ["a1", "a2", "c1", "kill-1"]
    assert [t for t, r in results.items() if not r.ok] == ["kill-1"]
    assert results["kill-1"].error_class == "HostCrashed"
    ray.kill(host, no_restart=True)
