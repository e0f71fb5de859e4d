"""Writing blocks back through the real client: replays write nothing twice, the user's edits win."""

from __future__ import annotations

import pytest

from actors.google_calendar import (
    DesiredBlock,
    Horizon,
    UserCalendar,
    UserEdited,
    apply_plan,
    delete_block,
    google_event_id,
    list_worker_blocks,
    plan_writes,
    upsert_block,
)
from tests.fakes.google_calendar import FakeGoogleCalendar
from tests.google_calendar.support import UserHands, at


def week_plan() -> list[DesiredBlock]:
    return [
        DesiredBlock(
            block_id=f"block-{day}", summary="Deep work", start=at(day, 9), end=at(day, 11), kind="FOCUS"
        )
        for day in range(5)
    ]


def write(calendar: UserCalendar, horizon: Horizon, desired: list[DesiredBlock]) -> tuple[int, int]:
    """One write-back as the saga runs it; returns (writes, requests sent)."""
    sent = calendar.calls.attempts
    report = apply_plan(calendar, plan_writes(list_worker_blocks(calendar, horizon), desired))
    return report.writes, calendar.calls.attempts - sent


def test_replayed_write_back_writes_nothing_twice(
    calendar: UserCalendar, user: UserHands, horizon: Horizon
) -> None:
    user.add("their meeting", at(0, 13), at(0, 14))

    assert write(calendar, horizon, week_plan()) == (5, 6)  # one listing, five inserts
    assert write(calendar, horizon, week_plan()) == (0, 1)  # the replay: one listing, nothing written

    ours = [e for e in user.live_events() if e["summary"] == "Deep work"]
    assert len(user.live_events()) == 6
    assert sorted(e["id"] for e in ours) == sorted(google_event_id(b.block_id) for b in week_plan())


def test_a_moved_block_is_patched_in_place(calendar: UserCalendar, user: UserHands, horizon: Horizon) -> None:
    write(calendar, horizon, week_plan())
    later = {"start": at(2, 14), "end": at(2, 16)}
    moved = [b.model_copy(update=later) if b.block_id == "block-2" else b for b in week_plan()]

    assert write(calendar, horizon, moved) == (1, 2)

    event = user.fake.store.current(user.account, google_event_id("block-2"))
    assert event["start"]["dateTime"] == "2030-01-09T14:00:00Z" and len(user.live_events()) == 5


def test_an_insert_replayed_after_a_crash_finds_the_block_instead_of_duplicating(
    calendar: UserCalendar, user: UserHands
) -> None:
    (first, *_) = week_plan()
    assert upsert_block(calendar, first, listed=True).change == "CREATED"

    again = upsert_block(calendar, first, listed=True)  # the listing that said "absent" is stale

    assert again.change == "UNCHANGED" and len(user.live_events()) == 1


def test_user_edit_racing_the_write_back_gives_user_edited_with_their_version(
    calendar: UserCalendar, user: UserHands, horizon: Horizon
) -> None:
    write(calendar, horizon, week_plan())
    listed = list_worker_blocks(calendar, horizon)
    target = next(e for e in listed if e.block_id == "block-1")
    user.move(target.id, at(1, 15), at(1, 16))  # after our listing, before our patch
    wanted = DesiredBlock(block_id="block-1", summary="Deep work", start=at(1, 7), end=at(1, 9), kind="FOCUS")

    with pytest.raises(UserEdited) as raised:
        upsert_block(calendar, wanted, target)

    assert raised.value.event is not None and raised.value.event.start == at(1, 15)
    assert raised.value.event.user_edited
    assert user.fake.store.current(user.account, target.id)["start"]["dateTime"] == at(1, 15).isoformat()


def test_the_write_plan_leaves_user_edited_and_user_deleted_blocks_alone(
    calendar: UserCalendar, user: UserHands, horizon: Horizon
) -> None:
    write(calendar, horizon, week_plan())
    user.move(google_event_id("block-0"), at(0, 16), at(0, 18))
    user.delete(google_event_id("block-4"))

    report = apply_plan(calendar, plan_writes(list_worker_blocks(calendar, horizon), week_plan()))

    assert report.writes == 0 and report.unchanged == 3
    edits = {edit.block_id: edit.event for edit in report.user_edits}
    assert set(edits) == {"block-0", "block-4"}
    assert edits["block-0"] is not None and edits["block-0"].start == at(0, 16)
    assert edits["block-4"] is not None and edits["block-4"].cancelled
    assert user.fake.store.current(user.account, google_event_id("block-4"))["status"] == "cancelled"


def test_deleting_a_block_twice_is_harmless(
    calendar: UserCalendar, user: UserHands, horizon: Horizon
) -> None:
    write(calendar, horizon, week_plan())

    assert delete_block(calendar, "block-3") is True
    assert delete_block(calendar, "block-3") is False
    assert write(calendar, horizon, week_plan()[:3]) == (1, 2)  # block-4 leaves the plan
    assert len(user.live_events()) == 3


def test_a_stale_delete_respects_the_users_edit(
    calendar: UserCalendar, user: UserHands, fake: FakeGoogleCalendar, horizon: Horizon
) -> None:
    write(calendar, horizon, week_plan())
    (stale,) = [e for e in list_worker_blocks(calendar, horizon) if e.block_id == "block-0"]
    user.rename(stale.id, "Keep this")

    with pytest.raises(UserEdited):
        delete_block(calendar, "block-0", stale)
    assert fake.store.current(user.account, stale.id)["status"] == "confirmed"
