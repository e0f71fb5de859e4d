"""How synced events are read and reported: zones, free time, and outcomes for the event topic."""

from __future__ import annotations

from actors.google_calendar import Horizon, UserCalendar, apply_sync, calendar_outcomes, sync
from tests.google_calendar.support import UserHands, at


def test_all_day_events_start_at_midnight_in_the_calendar_zone(
    calendar: UserCalendar, user: UserHands, horizon: Horizon
) -> None:
    user.fake.store.insert(
        user.account,
        {"summary": "holiday", "start": {"date": "2030-01-08"}, "end": {"date": "2030-01-09"}},
    )
    user.add("free slot", at(0, 9), at(0, 10), transparency="transparent")

    events = {e.summary: e for e in sync(calendar, None, horizon).upserts}

    holiday = events["holiday"]
    assert holiday.all_day and holiday.start == at(0, 23) and holiday.end == at(1, 23)  # Berlin is UTC+1
    assert not events["free slot"].busy


def test_changes_become_calendar_outcomes_from_google(
    calendar: UserCalendar, user: UserHands, horizon: Horizon
) -> None:
    standup = user.add("standup", at(0, 9), at(0, 10))
    lunch = user.add("lunch", at(1, 12), at(1, 13))
    first = sync(calendar, None, horizon)
    user.move(standup["id"], at(0, 10), at(0, 11))
    user.delete(lunch["id"])
    user.add("dentist", at(2, 8), at(2, 9))
    update = apply_sync(apply_sync((), first).events, sync(calendar, first.next_sync_token, horizon))

    outcomes = calendar_outcomes(update, "user-42", "primary", at(0, 0))

    assert [(o.change, o.summary, o.start) for o in outcomes] == [
        ("DELETED", "lunch", at(1, 12)),
        ("UPDATED", "standup", at(0, 10)),
        ("CREATED", "dentist", at(2, 8)),
    ]
    assert {(o.source, o.user_id) for o in outcomes} == {("GOOGLE_CALENDAR", "user-42")}
