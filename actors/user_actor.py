"""The logical per-user actor: one user's state and the handling of that user's commands, one at a time.

It knows nothing of Ray or of the store's kind: the host gives it a solver and a `persist` function. A
command counts as done only once the new state, outbox entry included, is saved over the version this
actor read; if another owner saved in between, `persist` raises and nothing here changes.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from time import perf_counter
from typing import Protocol

from actors.calendar.edge import CalendarEdge
from actors.calendar.events_copy import record_api_events, with_synced_copy
from actors.calendar.saga import run_sync
from actors.calendar.schedule_writes import write_schedule
from actors.contract import OUTCOMES, CommandPriority, ItemResult, Outcome, TaskType, WorkItem
from actors.report import performance_outcome
from actors.requests import InvalidRequest, ScheduleRequest, SyncRequest, decode_request
from actors.schedule import apply_schedule, solve_instance
from actors.stamp import Stamp
from actors.state import OutboxEntry, UserState, dump_state, load_state
from actors.store import StoredState
from actors.sync import sync_outcome
from optimizer.domain import Instance
from optimizer.solution import Solution

Persist = Callable[[bytes, int], Awaitable[int]]  # (state, expected version) -> new version


class Solver(Protocol):
    async def solve(self, task_type: TaskType, instance: Instance, priority: CommandPriority) -> Solution: ...


def utc_now() -> datetime:
    return datetime.now(UTC)


def _ms(since: float) -> float:
    return round((perf_counter() - since) * 1000, 3)


class UserActor:
    def __init__(self, user_id: str, state: UserState | None = None, version: int = 0, size: int = 0) -> None:
        self.user_id = user_id
        self.state = state or UserState(user_id=user_id)
        self.version = version
        self.size = size  # bytes of the stored form: the host's memory estimate
        self.clock: Callable[[], datetime] = utc_now

    @classmethod
    def activate(cls, user_id: str, stored: StoredState | None) -> UserActor:
        if stored is None:
            return cls(user_id)
        return cls(user_id, load_state(stored.state), stored.version, len(stored.state))

    async def handle(
        self, item: WorkItem, solver: Solver, persist: Persist, calendar: CalendarEdge | None = None
    ) -> ItemResult:
        """`calendar`: the host's Google Calendar edge; None answers SYNC_CALENDAR "not configured"."""
        started = perf_counter()
        entry = self.state.applied(item.task_id)
        if entry is not None:
            stored = entry.outcomes_json() or b"[]"  # older than the outbox keeps outcomes for: none again
            return ItemResult(
                item.task_id, self.user_id, stored, replayed=True, timings_ms={"total": _ms(started)}
            )
        request = decode_request(item.task_type, item.request)
        stamp = Stamp(self.user_id, item.task_id, self.clock())
        timings: dict[str, float] = {}
        outcomes_list: list[Outcome]
        if isinstance(request, SyncRequest):
            state, outcomes_list = await self._sync(request, solver, stamp, item.priority, calendar, timings)
        else:
            state, outcomes_list = await self._schedule(item, request, solver, stamp, calendar, timings)
        outcomes = OUTCOMES.dump_json(tuple(outcomes_list))
        state = state.with_applied(OutboxEntry.of_json(item.task_id, stamp.at, outcomes, len(outcomes_list)))
        saving = perf_counter()
        data = dump_state(state)
        self.version = await persist(data, self.version)
        self.state, self.size = state, len(data)
        timings |= {"persist": _ms(saving), "total": _ms(started)}
        return ItemResult(item.task_id, self.user_id, outcomes, timings_ms=timings)

    async def _sync(
        self,
        request: SyncRequest,
        solver: Solver,
        stamp: Stamp,
        priority: CommandPriority,
        calendar: CalendarEdge | None,
        timings: dict[str, float],
    ) -> tuple[UserState, list[Outcome]]:
        if calendar is None:
            return self.state, [sync_outcome(request, stamp)]
        syncing = perf_counter()
        synced = await run_sync(self.state, request, calendar, solver, stamp, priority)
        timings["sync"] = _ms(syncing)
        return synced

    async def _schedule(
        self,
        item: WorkItem,
        request: ScheduleRequest,
        solver: Solver,
        stamp: Stamp,
        calendar: CalendarEdge | None,
        timings: dict[str, float],
    ) -> tuple[UserState, list[Outcome]]:
        if request.instance.user_id != self.user_id:
            raise InvalidRequest(f"request instance.user_id differs from the command's userId {self.user_id}")
        request = with_synced_copy(self.state, request)  # a connected user's Google events win
        instance = solve_instance(self.state, request, item.task_type)
        solving = perf_counter()
        solution = await solver.solve(item.task_type, instance, item.priority)
        timings["solve"] = _ms(solving)
        applied = apply_schedule(self.state, request, item.task_type, solution, stamp)
        perf = performance_outcome(solution, item.task_type, item.priority, timings["solve"], stamp)
        state = record_api_events(self.state, applied.state)
        # Written to Google before the caller persists: a failure retries from the old state.
        state, written = await write_schedule(state, calendar, solver, stamp, item.priority)
        return state, [*applied.outcomes, perf, *written]
