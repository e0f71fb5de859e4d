"""The worker's own work per command, in one process: what `bench pipeline` costs without Kafka or Ray.

A benchmark sample goes through the three steps the pipeline runs for each command, each timed in
CPU (`time.process_time`, so the store's writer threads count too):

- **decode**: the command's bytes decoded, validated and translated into the host's work item (the
  ingest actor's side, as `ingest.command_reader` does it);
- **host**: a `ShardHost` with a throwaway SQLite store handles the items in calls of the pipeline's
  sizes, each user's commands in order; every solve goes through the solver dispatch as in the
  pipeline (its instance written as JSON, the solution read back) but is answered from a cache that
  an untimed first pass filled, so the solves themselves are left out;
- **outputs**: each result's outcomes written as the Kafka records the ingest actor produces.

Set against `bench pipeline`'s CPU per command by role, the difference is what running it as
separate processes costs: Ray calls and tasks, the Kafka clients' threads, the cores' caches shared
by many processes.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from actors.collector import tune_collector
from actors.contract import ItemResult, WorkItem
from actors.host import HostSettings, ShardHost
from actors.solver import SolverDispatch, SolverSettings, run_solver
from ingest.messages import decode_command
from ingest.outputs import records_from_json
from ingest.pipeline_config import OutputTopics
from ingest.sample import SampleRecord
from ingest.translate import work_item

SOLVING_CALL = 8  # commands per host call when they solve (`pipeline.call_solves`)
CHEAP_CALL = 100  # when they do not: about what the trivial mode's calls carry

T = TypeVar("T")


@dataclass(frozen=True)
class WorkCost:
    commands: int
    solves: int  # asked of the solver in the timed pass
    missed: int  # of them, not in the cache (solved in the timed pass, so timed with the host)
    us: dict[str, float]  # step -> CPU µs per command


class CachedSolves:
    """A solver dispatch's remote side that solves each distinct instance once and then recalls it."""

    def __init__(self) -> None:
        self.answers: dict[bytes, bytes] = {}
        self.asked = self.missed = 0

    async def __call__(self, task_type: str, instance_json: bytes) -> bytes:
        self.asked += 1
        answer = self.answers.get(instance_json)
        if answer is None:
            self.missed += 1
            answer = self.answers[instance_json] = run_solver(task_type, instance_json)
        return answer


def work_cost(records: Sequence[SampleRecord], solving: bool) -> WorkCost:
    tune_collector()  # as in the worker's processes
    solves = CachedSolves()
    _host_pass(_items(records), solves, solving)  # fills the cache; the timed pass below recalls
    asked, missed = solves.asked, solves.missed
    items, decode_s = _timed(lambda: _items(records))
    results, host_s = _timed(lambda: _host_pass(items, solves, solving))
    topics = OutputTopics()
    _, outputs_s = _timed(lambda: [records_from_json(r.task_id, r.outcomes_json, topics) for r in results])
    per = 1e6 / max(1, len(records))
    us = {"decode": decode_s * per, "host": host_s * per, "outputs": outputs_s * per}
    return WorkCost(len(records), solves.asked - asked, solves.missed - missed, us)


def _items(records: Sequence[SampleRecord]) -> list[WorkItem]:
    now = datetime.now(UTC)
    return [work_item(decode_command(r.value), ("bench", 0, n), now) for n, r in enumerate(records)]


def _host_pass(items: list[WorkItem], solves: CachedSolves, solving: bool) -> list[ItemResult]:
    """Every item through a fresh host and store; the dispatch sends every solve to `solves`."""
    settings = SolverSettings(inline_max_size=0, batch_max=1)
    dispatch = SolverDispatch(settings, solves, None, batch_after=len(items) + 1)
    size = SOLVING_CALL if solving else CHEAP_CALL
    with tempfile.TemporaryDirectory(prefix="bench-work-") as folder:
        host = ShardHost(
            "bench-work", f"sqlite:///{Path(folder) / 'state.sqlite3'}", dispatch, HostSettings()
        )
        try:
            return asyncio.run(_calls(host, items, size))
        finally:
            host.store.close()


async def _calls(host: ShardHost, items: list[WorkItem], size: int) -> list[ItemResult]:
    results: list[ItemResult] = []
    for start in range(0, len(items), size):
        results += await host.handle(items[start : start + size])
    return results


def _timed(step: Callable[[], T]) -> tuple[T, float]:
    started = time.process_time()
    value = step()
    return value, time.process_time() - started
