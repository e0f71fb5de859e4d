"""Write-back and re-plans in SYNC_CALENDAR: the plan reaches the calendar with the fewest writes, a
collision moves only what must move, the user's edits and deletions win, and replays write nothing."""

from __future__ import annotations

from actors.google_calendar import google_event_id
from actors.host import ShardHost
from actors.store import StateStore
from tests.fakes.google_calendar import FakeGoogleCalendar
from tests.google_calendar.conftest import ACCOUNT
from tests.google_calendar.support import UserHands
from tests.google_calendar.wiring import (
    calendar_changes,
    fail_next_save,
    habits_item,
    label,
    run,
    stored,
    sync_item,
    updates,
)


def version(fake: FakeGoogleCalendar) -> int:
    """Every change to the calendar bumps it: the count of writes, whoever made them."""
    return fake.store.calendar(ACCOUNT).version


def gym_events(user: UserHands) -> dict[str, dict]:
    return {e["id"]: e for e in user.live_events() if e.get("summary") == "Gym"}


def planned(host: ShardHost, fake: FakeGoogleCalendar) -> None:
    """Three daily gym blocks planned and written by the schedule command; a sync then finds them shown."""
    (plan,) = run(host, habits_item(days=3))
    assert plan.ok and label(plan, "writes") == 3 and version(fake) == 3
    (result,) = run(host, sync_item())
    assert result.ok and label(result, "writes") == 0 and version(fake) == 3


def test_the_plan_is_written_once_and_a_replay_writes_nothing(
    host: ShardHost, fake: FakeGoogleCalendar, user: UserHands, store: StateStore
) -> None:
    planned(host, fake)
    plan = stored(store).plan
    assert sorted(gym_events(user)) == sorted(google_event_id(b.event_id) for b in plan)
    replay = sync_item("sync-replayed")
    (first,) = run(host, replay)
    requests = fake.requests

    (again,) = run(host, replay)

    assert again.replayed and again.outcomes == first.outcomes and fake.requests == requests
    assert label(first, "writes") == 0 and version(fake) == 3  # a new sync of an unchanged week: no writes


def test_a_sync_retried_after_a_failed_save_writes_nothing_twice(
    host: ShardHost, fake: FakeGoogleCalendar, user: UserHands, store: StateStore
) -> None:
    planned(host, fake)
    victim = sorted(stored(store).plan, key=lambda b: b.start)[1]
    user.add("Offsite", victim.start, victim.end)  # the sync moves that block: one write
    fail_next_save(store)  # the first save after the write-back fails: step 4 compensation runs
    (result,) = run(host, sync_item())

    assert result.ok and result.attempts == 2
    # The retry found the block moved already: no write of its own, and the calendar moved it once.
    assert label(result, "writes") == 0 and version(fake) == 3 + 2 and len(gym_events(user)) == 3
    assert next(b for b in stored(store).plan if b.event_id == victim.event_id).start != victim.start


def test_a_meeting_over_a_block_moves_only_that_block(
    host: ShardHost, fake: FakeGoogleCalendar, user: UserHands, store: StateStore
) -> None:
    planned(host, fake)
    before = {b.event_id: b for b in stored(store).plan}
    victim = sorted(before.values(), key=lambda b: b.start)[1]
    user.add("Offsite", victim.start, victim.end)

    (result,) = run(host, sync_item())

    moved = calendar_changes(result, "WORKER")
    assert [(m.change, m.event_id) for m in moved] == [("UPDATED", victim.event_id)]
    (conflict,) = updates(result, "CONFLICT_RESOLVED")
    assert conflict.conflicts_resolved == 1 and conflict.errors == ()  # resolved: nothing left over
    assert updates(result, "SYNC_COMPLETED")[0].conflicts_resolved == 1
    assert label(result, "writes") == 1 and label(result, "replans") == 1
    assert label(result, "statusCode") == 200  # the last request Google answered
    after = {b.event_id: b for b in stored(store).plan}
    assert after.keys() == before.keys()
    assert not (after[victim.event_id].start < victim.end and after[victim.event_id].end > victim.start)
    event = gym_events(user)[google_event_id(victim.event_id)]
    assert event["start"]["dateTime"].startswith(after[victim.event_id].start.strftime("%Y-%m-%dT%H:%M"))


def test_the_users_move_and_delete_of_our_blocks_win(
    host: ShardHost, fake: FakeGoogleCalendar, user: UserHands, store: StateStore
) -> None:
    planned(host, fake)
    first, second, third = sorted(stored(store).plan, key=lambda b: b.start)
    user.delete(google_event_id(first.event_id))
    user.move(google_event_id(second.event_id), second.start.replace(hour=7), second.end.replace(hour=8))
    writes = version(fake)

    (result,) = run(host, sync_item())

    assert result.ok and version(fake) == writes  # nothing re-created, nothing moved back
    plan = {b.event_id: b for b in stored(store).plan}
    assert first.event_id not in plan
    assert plan[second.event_id].pinned and plan[second.event_id].start.hour == 7
    assert plan[third.event_id] == third
    assert calendar_changes(result, "WORKER") == []


def test_a_user_edit_racing_our_write_back_is_respected(
    host: ShardHost, fake: FakeGoogleCalendar, user: UserHands, store: StateStore
) -> None:
    planned(host, fake)
    victim = sorted(stored(store).plan, key=lambda b: b.start)[1]
    google_id = google_event_id(victim.event_id)
    user.add("Offsite", victim.start, victim.end)
    theirs = (victim.start.replace(hour=7), victim.end.replace(hour=8))

    def user_moves_it_first(method: str, path: str) -> None:
        if method == "PATCH" and path.endswith(google_id):
            fake.before_request = None
            user.move(google_id, *theirs)  # after our listing, before our patch lands: 412

    fake.before_request = user_moves_it_first
    (result,) = run(host, sync_item())

    assert result.ok and label(result, "replans") == 2  # the collision, then again around their edit
    block = next(b for b in stored(store).plan if b.event_id == victim.event_id)
    assert block.pinned and (block.start, block.end) == theirs
    shown = gym_events(user)[google_id]
    assert shown["start"]["dateTime"].startswith(theirs[0].strftime("%Y-%m-%dT%H:%M"))
    assert calendar_changes(result, "WORKER") == [] and label(result, "writes") == 0
