"""Work items to their shard hosts, a bounded window in flight per host, results back as calls finish.

Several calls per host are in flight at once, which is what makes the path fast (ARCHITECTURE.md
section 4b), but at most `window` units of work (`ingest.call_plan`: solving commands weigh more, and
go in small calls that keep results and commits flowing; cheap commands go in large calls, which cost
less per command). The rest waits in a priority backlog. Calls are
numbered per host, because Ray may start an async actor's calls out of order; the host admits them by
number. A host that dies (Ray restarts it) or is stopping loses its calls: they are sent again, in
their original order, under a new caller id and before anything else for that host, so each user's
order survives; the host answers a task id it already applied from the user's outbox.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from ray.exceptions import RayActorError

from actors.contract import ItemResult, WorkItem
from actors.host import HostStopped
from ingest.call_plan import CallPlan
from ingest.host_calls import Call, CallsInFlight, Handle, InProcess
from ingest.host_deaths import HostDeaths
from ingest.host_lane import HostLane

log = logging.getLogger(__name__)

Route = Callable[[str], Handle]  # user id -> host


class Dispatcher:
    """`caller` names this dispatcher to the hosts; `window` bounds the work in flight per host; `local`
    is the host in this process when there is one (then the only one `route` gives)."""

    def __init__(
        self, route: Route, caller: str, window: int, plan: CallPlan, local: InProcess | None = None
    ) -> None:
        self._route = route
        self._caller = caller
        self._window = window
        self._plan = plan
        self._lanes: dict[Handle, HostLane] = {}
        self._calls = CallsInFlight(local)
        self._deaths = HostDeaths()
        self.resent = 0
        self.sent_calls = 0

    @property
    def calls(self) -> int:
        """Host calls in flight."""
        return len(self._calls)

    def submit(self, items: list[WorkItem]) -> None:
        touched = set()
        for item in items:
            host = self._route(item.user_id)
            if host not in self._lanes:  # not `setdefault`, which would build a lane for every command
                self._lanes[host] = HostLane()
            self._lanes[host].backlog.push(item)
            touched.add(host)
        for host in touched:
            self._pump(host)

    def collect(self, timeout: float) -> list[tuple[WorkItem, ItemResult]]:
        """Results of the calls that finished within `timeout` seconds."""
        self._resend_due()
        if not self._calls:
            return []
        results: list[tuple[WorkItem, ItemResult]] = []
        for call in self._calls.finished(timeout):
            results.extend(self._answers(call))
            self._pump(call.host)
        return results

    def _pump(self, host: Handle) -> None:
        lane = self._lanes[host]
        room = lane.room(self._window)
        waiting = len(lane.backlog)
        if room and waiting and not self._plan.hold(lane.calls_out, waiting, lane.backlog.solving):
            for call in self._plan.calls(lane.backlog.pop(room, self._plan.weight)):
                self._send(host, call)

    def _answers(self, call: Call) -> list[tuple[WorkItem, ItemResult]]:
        try:
            answers = call.results()
        except (RayActorError, HostStopped) as error:
            return self._take_back(call, error)
        except Exception as error:  # a defect in the host: fail the items rather than loop on them
            log.exception("host call failed unexpectedly; its %d commands fail", len(call.items))
            answers = [_failed(item, error) for item in call.items]
        self._lanes[call.host].answered(self._plan.weigh(call.items))
        self._deaths.forget(call.items)
        return list(zip(call.items, answers, strict=True))

    def _take_back(self, call: Call, error: BaseException) -> list[tuple[WorkItem, ItemResult]]:
        """Every call of the failed host comes back, to be sent again, in order, after a pause; those
        that keep killing it alone fail instead (returned)."""
        host = call.host
        lost = sorted([call, *self._calls.take_host(host)], key=lambda c: c.order)
        batches = [c.items for c in lost]
        killers: list[WorkItem] = []
        if isinstance(error, RayActorError):  # its process died (restarting: `ActorUnavailableError`)
            killers = self._deaths.died(batches)
            batches = [kept for batch in batches if (kept := [i for i in batch if i not in killers])]
        solo = self._deaths.suspected(batches)
        delay = self._lanes[host].failed(batches, time.monotonic(), solo)
        count = sum(len(batch) for batch in batches)
        log.warning(
            "host call failed (%s); %d commands go again in %.1fs%s",
            type(error).__name__, count, delay, ", one at a time" if solo else "",
        )  # fmt: skip
        return [(item, self._deaths.crashed(item)) for item in killers]

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
        epoch, number = self._lanes[host].numbered(self._plan.weigh(batch))
        self.sent_calls += 1
        self._calls.send(host, batch, f"{self._caller}#{epoch}", number)


def _failed(item: WorkItem, error: BaseException) -> ItemResult:
    return ItemResult(item.task_id, item.user_id, error_class=type(error).__name__, reason=str(error)[:500])
