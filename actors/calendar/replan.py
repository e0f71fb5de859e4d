"""Keeping the plan conflict-free after calendar changes: the user's edits win, then a stable re-plan.

Blocks the user moved or renamed are pinned where they left them (the re-plan treats them as fixed).
Blocks the user deleted leave the plan; they stay behind as pinned "ghosts" in what is solved, in this
sync and (remembered as declined, actors/declined.py) in every later one, so the re-plan counts that
occurrence as taken and does not put it back elsewhere. The re-plan
solves the last schedule command's instance again with today's calendar and the stored plan as the
previous plan, so only what has to move moves.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from actors.calendar.link import PlanningBasis
from actors.calendar.plan_match import align
from actors.contract import CommandPriority, TaskType
from actors.declined import ghosts, without
from actors.plan_diff import diff_plan
from actors.report import carries_plan
from actors.requests import ScheduleRequest
from actors.schedule import SCOPE, solve_instance
from actors.stamp import Stamp
from actors.state import PlanBlock, UserState
from optimizer.domain import CalendarEvent
from optimizer.solution import Solution

if TYPE_CHECKING:  # the user actor imports this module
    from actors.user_actor import Solver

Plan = tuple[PlanBlock, ...]


@dataclass(frozen=True)
class UserChange:
    """A worker block as the user left it: new times and title, or `deleted`."""

    block_id: str
    deleted: bool
    title: str = ""
    start: datetime | None = None
    end: datetime | None = None


def respect(plan: Plan, changes: Mapping[str, UserChange]) -> tuple[Plan, Plan]:
    """The plan with the user's edits pinned and their deletions gone, and the deleted blocks."""
    kept: list[PlanBlock] = []
    declined: list[PlanBlock] = []
    for block in plan:
        change = changes.get(block.event_id)
        if change is None:
            kept.append(block)
        elif change.deleted:
            declined.append(block.model_copy(update={"pinned": True}))
        else:
            update = {"title": change.title, "start": change.start, "end": change.end, "pinned": True}
            kept.append(block.model_copy(update=update))
    return tuple(kept), tuple(declined)


@dataclass(frozen=True)
class Replanned:
    plan: Plan
    solution: Solution


async def replan(
    state: UserState,
    plan: Plan,
    events: Iterable[CalendarEvent],
    declined: Plan,
    solver: Solver,
    stamp: Stamp,
    priority: CommandPriority,
) -> Replanned | None:
    """None when there is nothing to re-plan from (no schedule command yet, or its horizon has passed)."""
    basis: PlanningBasis | None = state.planning
    if basis is None or basis.instance.horizon_end <= stamp.at:
        return None
    task_type = TaskType(basis.task_type)
    instance = basis.instance.model_copy(
        update={"events": tuple(events), "now": max(stamp.at, basis.instance.now), "previous_plan": ()}
    )
    request = ScheduleRequest(instance=instance, calendar_id=state.calendar_id)
    declined = (*declined, *ghosts(state, (*plan, *declined)))  # this sync's deletes and earlier ones
    working = (*plan, *declined)
    solved = solve_instance(state.model_copy(update={"plan": working}), request, task_type)
    solution = await solver.solve(task_type, solved, priority)
    if not carries_plan(solution):
        return Replanned(plan, solution)
    placements = align(solution.placements, working)
    new_plan, _ = diff_plan(working, placements, SCOPE[task_type], instance, state.calendar_id, stamp)
    return Replanned(without(new_plan, declined), solution)
