"""The stored form of a user's state: compact, and its outbox bounded."""

from __future__ import annotations

from actors.contract import CalendarUpdateOutcome
from actors.packing import pack
from actors.state import OUTBOX_COMMANDS, OUTBOX_OUTCOMES, OutboxEntry, UserState, dump_state, load_state
from tests.actors.builders import MONDAY


def _entry(n: int, outcomes: int = 1) -> OutboxEntry:
    report = CalendarUpdateOutcome(user_id="u1", at=MONDAY, update_type="SYNC_FAILED", errors=(f"e{n}",))
    return OutboxEntry.of(f"t{n}", MONDAY, (report,) * outcomes)


def test_state_round_trips_and_big_states_are_compressed() -> None:
    state = UserState(user_id="u1")
    for n in range(50):
        state = state.with_applied(_entry(n, outcomes=3))
    data = dump_state(state)
    assert load_state(data) == state
    assert data[:1] == b"z" and len(data) < len(state.model_dump_json())
    assert state.outbox[-1].outcomes() == _entry(49, outcomes=3).outcomes()
    small = UserState(user_id="u2")
    assert dump_state(small).startswith(b"{") and load_state(dump_state(small)) == small


def test_outbox_keeps_the_last_commands_and_trims_old_outcomes() -> None:
    state = UserState(user_id="u1")
    for n in range(OUTBOX_COMMANDS + 20):
        state = state.with_applied(_entry(n, outcomes=10))
    assert len(state.outbox) == OUTBOX_COMMANDS
    assert state.applied("t19") is None and state.applied("t20") is not None
    kept = [e for e in state.outbox if e.outcomes() is not None]
    assert sum(len(e.outcomes() or ()) for e in kept) == OUTBOX_OUTCOMES
    assert kept[-1].task_id == f"t{OUTBOX_COMMANDS + 19}"
    oldest = state.applied("t20")
    assert oldest is not None and oldest.outcomes() is None  # remembered as applied, outcomes let go


def test_small_outcomes_stay_plain_and_packed_entries_still_read() -> None:
    small, big = _entry(1), _entry(2, outcomes=10)
    assert small.packed is not None and small.packed.startswith(b"[")  # no zlib for a few hundred bytes
    assert big.packed is not None and not big.packed.startswith(b"[")
    assert big.outcomes() == OutboxEntry.of("t2", MONDAY, big.outcomes() or ()).outcomes()
    stored_packed = small.model_copy(update={"packed": pack(small.packed)})  # as earlier versions stored it
    assert stored_packed.outcomes() == small.outcomes()
