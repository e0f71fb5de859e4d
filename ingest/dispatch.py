"""Work items to their shard hosts, a bounded window in flight per host, results back as calls finish.

Several calls per host are in flight at once, which is what makes the path fast (ARCHITECTURE.md
section 4b), but at most `window` commands: a call returns only when all its commands are done, so
small calls keep results (and commits) flowing. The rest waits in a priority backlog. Calls are
numbered per host, because Ray may start an async actor's calls out of order; the host admits them by
number. A host that dies (Ray restarts it) or is stopping loses its calls: they are sent again, in
their original order, under a new caller id and before anything else for that host, so each user's
order survives; the host answers a task id it already applied from the user's outbox.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import ray
from ray.exceptions import RayActorError

from actors.contract import ItemResult, WorkItem
from actors.host import HostStopped
from ingest.host_lane import HostLane

log = logging.getLogger(__name__)

Handle = Any  # a Ray actor handle of a shard host
Route = Callable[[str], Handle]  # user id -> host


@dataclass
class _Call:
    host: Handle
    items: list[WorkItem]
    order: int


class Dispatcher:
    """`caller` names this dispatcher to the hosts; `window` bounds the commands in flight per host."""

    def __init__(self, route: Route, caller: str, window: int) -> None:
        self._route = route
        self._caller = caller
        self._window = window
        self._lanes: dict[Handle, HostLane] = {}
        self._calls: dict[Any, _Call] = {}  # ObjectRef -> call
        self._order = itertools.count()
        self.resent = 0

    @property
    def calls(self) -> int:
        """Host calls in flight."""
        return len(self._calls)

    def submit(self, items: list[WorkItem]) -> None:
        touched = set()
        for item in items:
            host = self._route(item.user_id)
            self._lanes.setdefault(host, HostLane()).backlog.push(item)
            touched.add(host)
        for host in touched:
            self._pump(host)

    def collect(self, timeout: float) -> list[tuple[WorkItem, ItemResult]]:
        """Results of the calls that finished within `timeout` seconds."""
        self._resend_due()
        if not self._calls:
            return []
        ready, _ = ray.wait(list(self._calls), num_returns=len(self._calls), timeout=timeout)
        results: list[tuple[WorkItem, ItemResult]] = []
        for ref in ready:
            call = self._calls.pop(ref, None)
            if call is not None:
                results.extend(self._answers(ref, call))
                self._pump(call.host)
        return results

    def _pump(self, host: Handle) -> None:
        lane = self._lanes[host]
        room = lane.room(self._window)
        if room and lane.backlog:
            self._send(host, lane.backlog.pop(room))

    def _answers(self, ref: Any, call: _Call) -> list[tuple[WorkItem, ItemResult]]:
        try:
            answers: list[ItemResult] = ray.get(ref)
        except (RayActorError, HostStopped) as error:
            self._take_back(call, error)
            return []
        except Exception as error:  # a defect in the host: fail the items rather than loop on them
            log.exception("host call failed unexpectedly; its %d commands fail", len(call.items))
            answers = [_failed(item, error) for item in call.items]
        self._lanes[call.host].answered(len(call.items))
        return list(zip(call.items, answers, strict=True))

    def _take_back(self, call: _Call, error: BaseException) -> None:
        """Every call of the failed host comes back, to be sent again, in order, after a pause."""
        host = call.host
        lost = sorted([call, *(c for c in self._calls.values() if c.host == host)], key=lambda c: c.order)
        self._calls = {ref: c for ref, c in self._calls.items() if c.host != host}
        delay = self._lanes[host].failed([c.items for c in lost], time.monotonic())
        count = sum(len(c.items) for c in lost)
        log.warning(
            "host call failed (%s); %d commands go again in %.1fs", type(error).__name__, count, delay
        )

    def _resend_due(self) -> None:
        now = time.monotonic()
        for host, lane in self._lanes.items():
            batches = lane.due(now)
            for batch in batches:
                self.resent += len(batch)
                self._send(host, batch)
            if batches:
                self._pump(host)

    def _send(self, host: Handle, batch: list[WorkItem]) -> None:
        epoch, number = self._lanes[host].numbered(batch)
        ref = host.handle.remote(batch, f"{self._caller}#{epoch}", number)
        self._calls[ref] = _Call(host, batch, next(self._order))


def _failed(item: WorkItem, error: BaseException) -> ItemResult:
    return ItemResult(item.task_id, item.user_id, error_class=type(error).__name__, reason=str(error)[:500])
