"""Reading calendars through the real client: full, incremental, recurring, and 410 recovery."""

from __future__ import annotations

import pytest

from actors.google_calendar import (
    FullSyncRequired,
    Horizon,
    UserCalendar,
    apply_sync,
    sync,
    sync_events,
)
from tests.fakes.google_calendar import FakeGoogleCalendar
from tests.google_calendar.support import UserHands, at


def test_first_sync_follows_every_page_and_keeps_the_last_token(
    calendar: UserCalendar, user: UserHands, horizon: Horizon
) -> None:
    inside = [user.add(f"meeting {n}", at(n % 5, 9 + n), at(n % 5, 10 + n)) for n in range(5)]
    user.add("last year", at(-400, 9), at(-400, 10))
    user.add("after the horizon", at(9, 9), at(9, 10))

    result = sync_events(calendar, None, horizon, page_size=2)

    assert result.full and result.pages == 3
    assert sorted(e.id for e in result.upserts) == sorted(e["id"] for e in inside)
    assert result.deletions == () and result.next_sync_token
    again = sync_events(calendar, result.next_sync_token, horizon)
    assert again.upserts == () and again.deletions == () and not again.full


def test_incremental_sync_sees_edits_additions_and_deletions(
    calendar: UserCalendar, user: UserHands, horizon: Horizon
) -> None:
    standup = user.add("standup", at(0, 9), at(0, 10))
    lunch = user.add("lunch", at(1, 12), at(1, 13))
    first = sync(calendar, None, horizon)
    mirror = apply_sync((), first)
    assert {e.title for e in mirror.events} == {"standup", "lunch"}

    user.move(standup["id"], at(0, 11), at(0, 12))
    user.delete(lunch["id"])
    dentist = user.add("dentist", at(2, 8), at(2, 9))
    second = sync(calendar, first.next_sync_token, horizon, page_size=1)

    assert not second.full and second.pages == 3
    assert {e.id for e in second.upserts} == {standup["id"], dentist["id"]}
    assert [d.event_id for d in second.deletions] == [lunch["id"]]
    after = apply_sync(mirror.events, second)
    assert [e.id for e in after.created] == [dentist["id"]]
    assert [e.id for e in after.updated] == [standup["id"]]
    assert [e.id for e in after.deleted] == [lunch["id"]]
    moved = next(e for e in after.events if e.id == standup["id"])
    assert (moved.start, moved.end) == (at(0, 11), at(0, 12))


def test_recurring_event_is_expanded_and_a_cancelled_instance_is_an_exception(
    calendar: UserCalendar, user: UserHands, horizon: Horizon
) -> None:
    series = user.add("gym", at(0, 7), at(0, 8), recurrence=["RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=6"])
    first = sync(calendar, None, horizon)
    mirror = apply_sync((), first)
    assert [e.start for e in mirror.events] == [at(0, 7), at(2, 7), at(4, 7)]  # the rest lie next week

    wednesday = f"{series['id']}_20300109T070000Z"
    user.delete(wednesday)
    second = sync(calendar, first.next_sync_token, horizon)

    (exception,) = second.deletions
    assert exception.event_id == wednesday
    assert exception.recurring_event_id == series["id"]
    assert exception.original_start == at(2, 7)
    after = apply_sync(mirror.events, second)
    assert [e.start for e in after.events] == [at(0, 7), at(4, 7)]
    assert [e.id for e in sync(calendar, None, horizon).upserts] == [e.id for e in after.events]


def test_deleting_a_series_removes_all_its_instances(
    calendar: UserCalendar, user: UserHands, horizon: Horizon
) -> None:
    series = user.add("daily", at(0, 8), at(0, 9), recurrence=["RRULE:FREQ=DAILY;UNTIL=20300110T235959Z"])
    first = sync(calendar, None, horizon)
    mirror = apply_sync((), first)
    assert len(mirror.events) == 4

    user.delete(series["id"])
    after = apply_sync(mirror.events, sync(calendar, first.next_sync_token, horizon))

    assert after.events == () and len(after.deleted) == 4


def test_an_event_moved_out_of_the_horizon_departs_without_being_deleted(
    calendar: UserCalendar, user: UserHands, horizon: Horizon
) -> None:
    review = user.add("review", at(3, 14), at(3, 15))
    first = sync(calendar, None, horizon)
    user.move(review["id"], at(20, 14), at(20, 15))

    second = sync(calendar, first.next_sync_token, horizon)
    after = apply_sync(apply_sync((), first).events, second)

    assert second.departed == (review["id"],) and second.deletions == ()
    assert after.events == () and after.deleted == () and after.dropped == (review["id"],)


def test_expired_token_gives_410_and_sync_wipes_and_resyncs_fully(
    calendar: UserCalendar, user: UserHands, horizon: Horizon, fake: FakeGoogleCalendar
) -> None:
    kept = user.add("kept", at(0, 9), at(0, 10))
    gone = user.add("gone", at(0, 11), at(0, 12))
    first = sync(calendar, None, horizon)
    mirror = apply_sync((), first)
    fake.store.expire_sync_tokens()
    user.delete(gone["id"])

    with pytest.raises(FullSyncRequired):
        sync_events(calendar, first.next_sync_token, horizon)
    result = sync(calendar, first.next_sync_token, horizon)

    assert result.full and result.restarted
    assert [e.id for e in result.upserts] == [kept["id"]]
    after = apply_sync(mirror.events, result)
    assert [e.id for e in after.events] == [kept["id"]]
    assert after.dropped == (gone["id"],)  # a full resync cannot tell deleted from moved away
    assert sync_events(calendar, result.next_sync_token, horizon).upserts == ()
