"""What each command does to one user's state: the new state and its outcomes, before anything is saved.

A SYNC_CALENDAR without a calendar edge needs nothing but the state (`apply_now`), so a host can run it
without suspending; every other command may wait on a solve or on Google (`apply`).
"""

from __future__ import annotations

from time import perf_counter
from typing import Protocol

from actors.calendar.edge import CalendarEdge
from actors.calendar.events_copy import record_api_events, with_synced_copy
from actors.calendar.saga import run_sync
from actors.calendar.schedule_writes import write_schedule
from actors.contract import CommandPriority, TaskType, WorkItem
from actors.outcomes import Outcome
from actors.report import performance_outcome
from actors.request_codec import InvalidRequest, decode_request
from actors.requests import ScheduleRequest, SyncRequest
from actors.schedule import apply_schedule, solve_instance
from actors.stamp import Stamp
from actors.state import UserState
from actors.sync import sync_outcome
from optimizer.domain import Instance
from optimizer.solution import Solution

Applied = tuple[UserState, list[Outcome]]


class Solver(Protocol):
    async def solve(self, task_type: TaskType, instance: Instance, priority: CommandPriority) -> Solution: ...


def ms(since: float) -> float:
    return round((perf_counter() - since) * 1000, 3)


def waits_on_nothing(item: WorkItem, calendar: CalendarEdge | None) -> bool:
    return item.task_type is TaskType.SYNC_CALENDAR and calendar is None


def apply_now(
    state: UserState, item: WorkItem, stamp: Stamp, calendar: CalendarEdge | None
) -> Applied | None:
    """The command applied at once when it waits on nothing (a sync with no calendar edge), else None."""
    if not waits_on_nothing(item, calendar):
        return None
    request = decode_request(item.task_type, item.request)
    assert isinstance(request, SyncRequest)  # the task type chose the model
    return state, [sync_outcome(request, stamp)]


async def apply(
    state: UserState,
    item: WorkItem,
    solver: Solver,
    stamp: Stamp,
    calendar: CalendarEdge | None,
    timings: dict[str, float],
) -> Applied:
    """`calendar`: the host's Google Calendar edge; None answers SYNC_CALENDAR "not configured"."""
    request = decode_request(item.task_type, item.request)
    if isinstance(request, ScheduleRequest):
        return await _schedule(state, item, request, solver, stamp, calendar, timings)
    if calendar is None:
        return state, [sync_outcome(request, stamp)]
    syncing = perf_counter()
    synced = await run_sync(state, request, calendar, solver, stamp, item.priority)
    timings["sync"] = ms(syncing)
    return synced


async def _schedule(
    state: UserState,
    item: WorkItem,
    request: ScheduleRequest,
    solver: Solver,
    stamp: Stamp,
    calendar: CalendarEdge | None,
    timings: dict[str, float],
) -> Applied:
    if request.instance.user_id != item.user_id:
        raise InvalidRequest(f"request instance.user_id differs from the command's userId {item.user_id}")
    request = with_synced_copy(state, request)  # a connected user's Google events win
    instance = solve_instance(state, request, item.task_type)
    solving = perf_counter()
    solution = await solver.solve(item.task_type, instance, item.priority)
    timings["solve"] = ms(solving)
    applied = apply_schedule(state, request, item.task_type, solution, stamp)
    perf = performance_outcome(solution, item.task_type, item.priority, timings["solve"], stamp)
    new_state = record_api_events(state, applied.state)
    # Written to Google before the caller persists: a failure retries from the old state.
    new_state, written = await write_schedule(new_state, calendar, solver, stamp, item.priority)
    return new_state, [*applied.outcomes, perf, *written]
