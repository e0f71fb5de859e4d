"""The user's deleted blocks as the state keeps them: bounded, only what is still ahead, and absent from
states stored before they were kept."""

from __future__ import annotations

import json
from datetime import timedelta

from actors.declined import DECLINED_KEPT, ghosts, remember
from actors.packing import pack
from actors.state import PlanBlock, UserState, dump_state, load_state
from optimizer.domain import BlockKind
from tests.actors.builders import MONDAY, at


def _block(n: int, day: int = 1) -> PlanBlock:
    start = at(day, 9) + timedelta(minutes=n)
    return PlanBlock(
        event_id=f"b{n}", item_id="gym", kind=BlockKind.HABIT, occurrence=n, title="Gym", start=start,
        end=start + timedelta(hours=1),
    )  # fmt: skip


def test_the_list_keeps_the_newest_blocks_still_ahead_at_most_the_bound() -> None:
    state = UserState(user_id="u1")
    for n in range(DECLINED_KEPT + 50):
        state = remember(state, [_block(n)], MONDAY)
    assert len(state.declined) == DECLINED_KEPT
    assert state.declined[0].event_id == "b50" and state.declined[-1].event_id == f"b{DECLINED_KEPT + 49}"
    assert all(b.pinned for b in state.declined)  # solved as locked where they were

    again = remember(state, [_block(DECLINED_KEPT + 49)], MONDAY)
    assert again.declined == state.declined  # a delete seen twice is kept once

    later = remember(state, [], at(1, 12))  # the day has passed for those that ended by noon
    assert [b for b in later.declined if b.end <= at(1, 12)] == []
    assert 0 < len(later.declined) < DECLINED_KEPT


def test_ghosts_leave_out_what_the_plan_holds_already() -> None:
    state = remember(UserState(user_id="u1"), [_block(1), _block(2), _block(3)], MONDAY)
    same_id = _block(1)
    same_key = _block(2).model_copy(update={"event_id": "other"})
    assert [b.event_id for b in ghosts(state, [same_id, same_key])] == ["b3"]


def test_a_state_stored_before_declined_blocks_were_kept_loads_with_none() -> None:
    old = UserState(user_id="u1", plan=(_block(1),)).model_dump(mode="json")
    del old["declined"]
    raw = json.dumps(old).encode()
    for stored in (raw, b"z" + pack(raw)):  # plain JSON and the compressed form
        loaded = load_state(stored)
        assert loaded.declined == () and loaded.plan == (_block(1),)
        assert load_state(dump_state(loaded)) == loaded
