"""A block the user deleted in Google stays deleted: later schedule commands and syncs solve around it
as taken, place nothing for that occurrence, and write nothing for it."""

from __future__ import annotations

from actors.contract import ItemResult
from actors.google_calendar import google_event_id
from actors.host import ShardHost
from actors.outcomes import CalendarBlockOutcome
from actors.state import PlanBlock
from actors.store import StateStore
from tests.fakes.google_calendar import FakeGoogleCalendar
from tests.google_calendar.conftest import ACCOUNT
from tests.google_calendar.support import UserHands
from tests.google_calendar.wiring import habits_item, label, run, stored, sync_item


def version(fake: FakeGoogleCalendar) -> int:
    return fake.store.calendar(ACCOUNT).version


def gym_days(user: UserHands) -> list[str]:
    return sorted(e["start"]["dateTime"][:10] for e in user.live_events() if e.get("summary") == "Gym")


def planned(host: ShardHost, store: StateStore) -> list[PlanBlock]:
    """Three daily gym blocks, written by a schedule command and seen as shown by a sync."""
    (plan,) = run(host, habits_item(days=3))
    (sync,) = run(host, sync_item())
    assert plan.ok and sync.ok
    return sorted(stored(store).plan, key=lambda b: b.start)


def block_outcomes(result: ItemResult) -> list[CalendarBlockOutcome]:
    return [o for o in result.outcomes if isinstance(o, CalendarBlockOutcome)]


def test_a_block_deleted_in_google_is_not_placed_again_by_later_commands(
    host: ShardHost, fake: FakeGoogleCalendar, user: UserHands, store: StateStore
) -> None:
    first, second, third = planned(host, store)
    user.delete(google_event_id(first.event_id))
    (sync,) = run(host, sync_item())
    assert sync.ok and [b.event_id for b in stored(store).declined] == [first.event_id]
    writes = version(fake)

    (again,) = run(host, habits_item(days=3))

    assert again.ok, again.reason
    assert version(fake) == writes and label(again, "writes") == 0  # nothing re-created in Google
    assert block_outcomes(again) == []  # and nothing reported for it, nor for the blocks left alone
    state = stored(store)
    assert [b.event_id for b in state.plan] == [second.event_id, third.event_id]
    assert gym_days(user) == [second.start.date().isoformat(), third.start.date().isoformat()]
    assert [b.event_id for b in state.declined] == [first.event_id]  # still ahead: still remembered

    (later,) = run(host, sync_item(full=True))  # a full re-read and re-plan does not bring it back either
    assert later.ok and version(fake) == writes
    assert [b.event_id for b in stored(store).plan] == [second.event_id, third.event_id]


def test_a_delete_found_by_the_schedule_write_back_is_remembered_too(
    host: ShardHost, fake: FakeGoogleCalendar, user: UserHands, store: StateStore
) -> None:
    first, second, third = planned(host, store)
    user.delete(google_event_id(first.event_id))  # no sync sees it: the next command's write-back does

    (found,) = run(host, habits_item(days=3))
    assert found.ok, found.reason
    assert [b.event_id for b in stored(store).declined] == [first.event_id]
    writes = version(fake)

    (again,) = run(host, habits_item(days=3))

    assert again.ok and version(fake) == writes and block_outcomes(again) == []
    assert [b.event_id for b in stored(store).plan] == [second.event_id, third.event_id]
    assert len(gym_days(user)) == 2
