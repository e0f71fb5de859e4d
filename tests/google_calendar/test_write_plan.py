"""The write plan alone (no server): fewest writes, moves as patches, user edits left alone."""

from __future__ import annotations

from datetime import datetime

from actors.google_calendar import DesiredBlock, GoogleEvent, google_event_id, plan_writes
from actors.google_calendar.blocks import insert_body
from actors.google_calendar.events import parse_event
from tests.google_calendar.support import at


def block(block_id: str, start: datetime, end: datetime, summary: str = "Focus") -> DesiredBlock:
    return DesiredBlock(block_id=block_id, summary=summary, start=start, end=end, kind="FOCUS")


def on_calendar(desired: DesiredBlock, event_id: str | None = None) -> GoogleEvent:
    """The event as Google would list it after the worker wrote `desired`."""
    body = insert_body(desired)
    return parse_event({**body, "id": event_id or body["id"], "etag": '"7"', "status": "confirmed"})


def test_unchanged_blocks_cost_no_writes() -> None:
    plan = [block("a", at(0, 9), at(0, 10)), block("b", at(1, 9), at(1, 10))]

    result = plan_writes([on_calendar(b) for b in plan], plan)

    assert result.write_count == 0 and sorted(result.unchanged) == ["a", "b"]


def test_a_moved_block_is_one_patch_of_the_same_event() -> None:
    before = block("a", at(0, 9), at(0, 10))
    after = block("a", at(0, 14), at(0, 15))

    result = plan_writes([on_calendar(before)], [after])

    assert result.write_count == 1 and result.inserts == () and result.deletes == ()
    ((event, target),) = result.patches
    assert event.id == google_event_id("a") and target == after


def test_new_blocks_are_inserted_and_dropped_blocks_deleted() -> None:
    kept, dropped, new = (block(n, at(i, 9), at(i, 10)) for i, n in enumerate("kdn"))

    result = plan_writes([on_calendar(kept), on_calendar(dropped)], [kept, new])

    assert [b.block_id for b in result.inserts] == ["n"]
    assert [e.block_id for e in result.deletes] == ["d"]
    assert result.write_count == 2


def test_blocks_the_user_edited_are_neither_patched_nor_deleted() -> None:
    moved_by_user = on_calendar(block("a", at(0, 9), at(0, 10))).model_copy(
        update={"start": at(0, 16), "end": at(0, 17)}
    )
    renamed_by_user = on_calendar(block("b", at(1, 9), at(1, 10))).model_copy(update={"summary": "Mine now"})

    result = plan_writes([moved_by_user, renamed_by_user], [block("a", at(0, 11), at(0, 12))])

    assert result.write_count == 0
    assert {e.block_id for e in result.user_edited} == {"a", "b"}


def test_duplicate_events_of_one_block_are_reduced_to_the_canonical_one() -> None:
    wanted = block("a", at(0, 9), at(0, 10))
    canonical, stray = on_calendar(wanted), on_calendar(wanted, event_id="stray0001")

    result = plan_writes([stray, canonical], [wanted])

    assert result.unchanged == ("a",) and [e.id for e in result.deletes] == ["stray0001"]
