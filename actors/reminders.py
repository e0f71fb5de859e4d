"""Reminders a plan change asks for: one before each newly placed or moved habit occurrence, and one
when an unfinished goal falls due within the policy's window (once per target date).

A habit reminder's id is its block's (`actors.ids.reminder_id`), not the command's: when a later
command or a calendar sync moves the block, the new reminder carries the same id and replaces the
old one, so the notification service does not remind the user at a time the plan has left. A block
that leaves the plan is withdrawn by its DELETED calendar event, whose event id the reminder's
`actionUrl` names."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from actors.calendar.link import PlanningBasis
from actors.contract import CommandPriority
from actors.ids import command_scoped_id, reminder_id
from actors.outcomes import ReminderOutcome
from actors.requests import ReminderPolicy
from actors.stamp import Stamp
from actors.state import GoalRecord, PlanBlock
from optimizer.domain import BlockKind, Habit, Priority

_URGENCY = {
    Priority.CRITICAL: CommandPriority.HIGH,
    Priority.HIGH: CommandPriority.HIGH,
    Priority.MEDIUM: CommandPriority.NORMAL,
    Priority.LOW: CommandPriority.LOW,
}


def _reminder(stamp: Stamp, notification_id: str, **fields: object) -> ReminderOutcome:
    base = {"user_id": stamp.user_id, "at": stamp.at, "notification_id": notification_id}
    return ReminderOutcome.model_validate({**base, **fields})


def habit_reminders(
    before: Iterable[PlanBlock],
    after: Iterable[PlanBlock],
    habits: Iterable[Habit],
    policy: ReminderPolicy,
    stamp: Stamp,
    now: datetime,
) -> list[ReminderOutcome]:
    """A HABIT_REMINDER `lead_minutes` before each habit block that is new or starts at a new time."""
    old_starts = {block.event_id: block.start for block in before}
    priorities = {habit.id: habit.priority for habit in habits}
    lead = timedelta(minutes=policy.lead_minutes)
    reminders = []
    for block in after:
        fresh = old_starts.get(block.event_id) != block.start
        if block.kind is not BlockKind.HABIT or not fresh or block.start <= now:
            continue
        reminders.append(
            _reminder(
                stamp,
                reminder_id(block.event_id),
                reminder_type="HABIT_REMINDER",
                channel=policy.channel,
                priority=_URGENCY[priorities.get(block.item_id, Priority.MEDIUM)],
                title=f"Coming up: {block.title}",
                message=f"{block.title} starts at {block.start.isoformat()}.",
                action_url=f"/calendar/events/{block.event_id}",
                scheduled_for=max(block.start - lead, now),
            )
        )
    return reminders


def replanned_reminders(
    before: Iterable[PlanBlock], after: Iterable[PlanBlock], planning: PlanningBasis | None, stamp: Stamp
) -> list[ReminderOutcome]:
    """Reminders for the habit blocks a re-plan outside a schedule command moved (a calendar sync, a
    write-back around the user's edits): the last schedule command's habits and reminder policy."""
    if planning is None:
        return []
    return habit_reminders(before, after, planning.instance.habits, planning.reminders, stamp, stamp.at)


def goal_deadline_reminders(
    goals: dict[str, GoalRecord], policy: ReminderPolicy, stamp: Stamp, now: datetime
) -> tuple[dict[str, GoalRecord], list[ReminderOutcome]]:
    """A GOAL_DEADLINE for each unfinished goal due within `goal_deadline_days`, once per target date."""
    window = now + timedelta(days=policy.goal_deadline_days)
    records, reminders = dict(goals), []
    for goal_id, goal in sorted(goals.items()):
        due_soon = now <= goal.target_date <= window
        if goal.completed or not due_soon or goal.deadline_warned_for == goal.target_date:
            continue
        records[goal_id] = goal.model_copy(update={"deadline_warned_for": goal.target_date})
        reminders.append(
            _reminder(
                stamp,
                command_scoped_id(stamp.task_id, "reminder", f"goal/{goal_id}"),
                reminder_type="GOAL_DEADLINE",
                channel=policy.channel,
                priority=CommandPriority.HIGH,
                title=f"Goal due soon: {goal.title}",
                message=f"{goal.title} is due {goal.target_date.isoformat()}; "
                f"progress {goal.progress_current:g} of {goal.progress_target:g} {goal.unit}.",
                action_url=f"/goals/{goal_id}",
                scheduled_for=now,
            )
        )
    return records, reminders
