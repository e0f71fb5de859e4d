"""SCHEDULE_HABITS and OPTIMIZE_SCHEDULE for one user: the instance to solve, and what its solution changes.

The stored plan is the previous plan when the command brings none, so re-plans stay stable. A habit-only
solve must not place habits over the worker's own task or goal blocks, so those enter it as busy events.
Blocks the user deleted enter it as locked blocks and leave its plan again (actors/declined.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from actors.calendar.link import PlanningBasis
from actors.contract import TaskType
from actors.declined import ghosts, outcomes_without, remember, without
from actors.outcomes import CalendarBlockOutcome, Outcome
from actors.plan_diff import diff_plan, live_blocks
from actors.progress import update_goals, update_habits
from actors.reminders import goal_deadline_reminders, habit_reminders
from actors.report import carries_plan, problems_outcome, resolved_conflicts
from actors.requests import ScheduleRequest
from actors.stamp import Stamp
from actors.state import PlanBlock, UserState
from optimizer.domain import BlockKind, CalendarEvent, Instance, PlacedBlock
from optimizer.solution import Solution

SCOPE = {
    TaskType.SCHEDULE_HABITS: frozenset({BlockKind.HABIT}),
    TaskType.OPTIMIZE_SCHEDULE: frozenset(BlockKind),
}


@dataclass(frozen=True)
class Applied:
    state: UserState
    outcomes: list[Outcome]


def _previous(block: PlanBlock) -> PlacedBlock:
    return PlacedBlock(
        item_id=block.item_id,
        kind=block.kind,
        occurrence=block.occurrence,
        start=block.start,
        end=block.end,
        locked=block.pinned,
    )


def solve_instance(state: UserState, request: ScheduleRequest, task_type: TaskType) -> Instance:
    instance = request.instance
    if task_type is TaskType.SCHEDULE_HABITS:
        instance = instance.model_copy(update={"tasks": (), "goals": (), "focus": None})
    live = live_blocks(state.plan, instance.now)
    scope = SCOPE[task_type]
    update: dict[str, object] = {}
    previous = instance.previous_plan or tuple(_previous(b) for b in live if b.kind in scope)
    taken = {(p.kind, p.item_id, p.occurrence) for p in previous}
    # The user's deleted blocks hold their occurrence where it was (locked; pinned when remembered).
    declined = tuple(
        _previous(b)
        for b in live_blocks(ghosts(state, state.plan), instance.now)
        if b.kind in scope and b.key not in taken
    )
    if previous + declined != instance.previous_plan:
        update["previous_plan"] = previous + declined
    held = [
        CalendarEvent(id=f"worker-block/{b.event_id}", title=b.title, start=b.start, end=b.end)
        for b in live
        if b.kind not in scope and b.end > instance.horizon_start and b.start < instance.horizon_end
    ]
    if held:
        update["events"] = (*instance.events, *held)
    return instance.model_copy(update=update) if update else instance


def apply_schedule(
    state: UserState, request: ScheduleRequest, task_type: TaskType, solution: Solution, stamp: Stamp
) -> Applied:
    instance = request.instance
    today = instance.now.astimezone(instance.zone).date()
    habits, habit_events = update_habits(state.habits, instance.habits, request, stamp, today)
    goals, goal_events = update_goals(state.goals, instance.goals, request.goals, stamp)
    goals, goal_reminders = goal_deadline_reminders(goals, request.reminders, stamp, instance.now)
    plan, calendar = state.plan, list[CalendarBlockOutcome]()
    calendar_id = target_calendar(state, request)
    if carries_plan(solution):
        scope = SCOPE[task_type]
        # Solved as locked (unless the command's own previous plan held their key); they leave it here.
        given = {(p.kind, p.item_id, p.occurrence) for p in instance.previous_plan}
        declined = tuple(b for b in ghosts(state, state.plan) if b.key not in given)
        plan, calendar = diff_plan(
            (*state.plan, *declined), solution.placements, scope, instance, calendar_id, stamp
        )
        plan, calendar = without(plan, declined), outcomes_without(calendar, declined)
    reminders = habit_reminders(state.plan, plan, instance.habits, request.reminders, stamp, instance.now)
    resolved = resolved_conflicts(state.plan, plan, instance.events)
    problems = problems_outcome(solution, len(calendar), stamp, resolved)
    outcomes: list[Outcome] = [*habit_events, *goal_events, *calendar, *reminders, *goal_reminders]
    if problems is not None:
        outcomes.append(problems)
    new_state = remember(state, (), instance.now).model_copy(
        update={
            "calendar_id": calendar_id,
            "events": tuple(e for e in instance.events if e.end > instance.now),
            "habits": habits,
            "goals": goals,
            "plan": plan,
            "planning": PlanningBasis(
                task_type=task_type.value,
                instance=instance.model_copy(update={"events": (), "previous_plan": ()}),
                reminders=request.reminders,
            ),
        }
    )
    return Applied(new_state, outcomes)


def target_calendar(state: UserState, request: ScheduleRequest) -> str:
    """The calendar the plan's blocks live in: a connected user's linked calendar, where they are
    written, whatever the request names; otherwise the request's."""
    link = state.calendar_link
    return link.calendar_id if link is not None else request.calendar_id
