"""The saga's step 3 to its end: re-plan when needed, write back, and when the user's edits raced the
write-back (412 on If-Match), respect them and go again, at most `max_replans` more times. Only the
last write-back's plan is kept; every round's writes are counted, since the user saw them all."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import TYPE_CHECKING

from actors.calendar.edge import CalendarEdge
from actors.calendar.google_steps import write_back, write_edits
from actors.calendar.replan import Plan, replan, respect
from actors.contract import CommandPriority
from actors.google_calendar.client import UserCalendar
from actors.google_calendar.sync import Horizon
from actors.report import problems_outcome
from actors.stamp import Stamp
from actors.state import UserState
from optimizer.domain import CalendarEvent
from optimizer.solution import Solution

if TYPE_CHECKING:
    from actors.user_actor import Solver


@dataclass(frozen=True)
class Settled:
    plan: Plan
    declined: Plan
    writes: int
    replans: int
    solution: Solution | None

    def problems(self, stamp: Stamp) -> tuple[str, ...]:
        found = problems_outcome(self.solution, self.writes, stamp) if self.solution else None
        return found.errors if found else ()


@dataclass(frozen=True)
class Context:
    """One sync's fixed surroundings."""

    edge: CalendarEdge
    solver: Solver
    stamp: Stamp
    priority: CommandPriority
    calendar: UserCalendar
    horizon: Horizon


async def settle(
    context: Context,
    state: UserState,
    plan: Plan,
    declined: Plan,
    needed: bool,
    events: tuple[CalendarEvent, ...],
) -> Settled:
    """Re-plan if needed, write back; when the user's edits raced the write-back (412), respect them
    and go again, at most `max_replans` more times."""
    writes, replans, solution = 0, 0, None
    for _round in range(context.edge.settings.max_replans + 1):
        if needed:
            replanned = await replan(
                state, plan, events, declined, context.solver, context.stamp, context.priority
            )
            if replanned is not None:
                plan, solution, replans = replanned.plan, replanned.solution, replans + 1
        report = await asyncio.to_thread(write_back, context.calendar, plan, context.horizon)
        writes += report.writes
        fresh = write_edits(plan, report.user_edits)  # 412: the user's edit raced ours
        if not fresh:
            break
        plan, more = respect(plan, fresh)
        declined, needed = (*declined, *more), True
    return Settled(plan, declined, writes, replans, solution)
