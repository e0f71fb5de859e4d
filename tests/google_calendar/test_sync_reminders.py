"""A habit block that a calendar sync moves is reminded at its new time, under the id of its earlier
reminder, so the notification service replaces the reminder instead of keeping the old time too."""

from __future__ import annotations

from datetime import timedelta

from actors.contract import ItemResult
from actors.google_calendar import google_event_id
from actors.host import ShardHost
from actors.ids import reminder_id
from actors.outcomes import ReminderOutcome
from actors.requests import ReminderPolicy, ScheduleRequest
from actors.state import PlanBlock
from actors.store import StateStore
from tests.actors.builders import item
from tests.fakes.google_calendar import FakeGoogleCalendar
from tests.google_calendar.support import UserHands
from tests.google_calendar.wiring import habits_item, run, stored, sync_item

LEAD = ReminderPolicy(lead_minutes=25, channel="EMAIL")


def reminders(result: ItemResult) -> dict[str, ReminderOutcome]:
    return {o.notification_id: o for o in result.outcomes if isinstance(o, ReminderOutcome)}


def plan_with_reminders(host: ShardHost, store: StateStore) -> tuple[list[PlanBlock], ItemResult]:
    """Three daily gym blocks planned, written and shown, with 25-minute e-mail reminders."""
    planning = habits_item(days=3)
    request = ScheduleRequest.model_validate_json(planning.request).model_copy(update={"reminders": LEAD})
    (planned,) = run(host, item(planning.task_id, request, user_id=planning.user_id))
    (synced,) = run(host, sync_item())
    assert planned.ok and synced.ok and not reminders(synced)  # nothing moved: nothing to remind again
    return sorted(stored(store).plan, key=lambda b: b.start), planned


def test_a_block_moved_around_a_new_meeting_is_reminded_at_its_new_time(
    host: ShardHost, fake: FakeGoogleCalendar, user: UserHands, store: StateStore
) -> None:
    blocks, planned = plan_with_reminders(host, store)
    victim = blocks[1]
    first = reminders(planned)[reminder_id(victim.event_id)]
    assert first.scheduled_for == victim.start - timedelta(minutes=25)
    user.add("Offsite", victim.start, victim.end)

    (result,) = run(host, sync_item())

    moved = next(b for b in stored(store).plan if b.event_id == victim.event_id)
    assert moved.start != victim.start
    (again,) = reminders(result).values()
    assert again.notification_id == first.notification_id  # replaces the reminder at the old time
    assert again.scheduled_for == moved.start - timedelta(minutes=25)
    assert (again.reminder_type, again.channel) == ("HABIT_REMINDER", "EMAIL")  # the command's policy


def test_a_block_the_user_moves_is_reminded_where_the_user_put_it(
    host: ShardHost, fake: FakeGoogleCalendar, user: UserHands, store: StateStore
) -> None:
    blocks, _ = plan_with_reminders(host, store)
    second = blocks[1]
    start, end = second.start.replace(hour=7), second.end.replace(hour=8)
    user.move(google_event_id(second.event_id), start, end)

    (result,) = run(host, sync_item())

    assert {n: r.scheduled_for for n, r in reminders(result).items()} == {
        reminder_id(second.event_id): start - timedelta(minutes=25)
    }
