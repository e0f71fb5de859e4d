"""The stored form of a user's state: compact, free of the outbox, and format 1 still read."""

from __future__ import annotations

import json

from pydantic import BaseModel, ConfigDict

from actors.outcomes import OUTCOMES, CalendarUpdateOutcome
from actors.packing import pack
from actors.state import STATE_FORMAT, HabitRecord, UserState, decode_state, dump_state, load_state
from tests.actors.builders import MONDAY


def test_state_round_trips_and_big_states_are_compressed() -> None:
    habits = {f"h{n}": HabitRecord(name=f"habit number {n}", streak_current=n) for n in range(60)}
    state = UserState(user_id="u1", habits=habits)
    data = dump_state(state)
    assert load_state(data) == state
    assert data[:1] == b"z" and len(data) < len(state.model_dump_json())
    small = UserState(user_id="u2")
    assert dump_state(small).startswith(b"{") and load_state(dump_state(small)) == small
    assert decode_state(dump_state(small)) == (small, ())


def test_format_one_hands_its_outbox_over_as_rows() -> None:
    report = CalendarUpdateOutcome(user_id="u1", at=MONDAY, update_type="SYNC_FAILED", errors=("e",))
    plain = OUTCOMES.dump_json((report,))
    packed = pack(OUTCOMES.dump_json((report,) * 10))
    old = {
        "format": 1,
        "user_id": "u1",
        "habits": {"gym": {"name": "Gym"}},
        "outbox": [
            {"task_id": "t1", "applied_at": "2026-01-05T08:00:00Z", "count": 3, "packed": None},
            {"task_id": "t2", "applied_at": "2026-01-05T09:00:00Z", "count": 1, "packed": _b64(plain)},
            {"task_id": "t3", "applied_at": "2026-01-05T10:00:00Z", "count": 10, "packed": _b64(packed)},
            {"task_id": "t4", "applied_at": "2026-01-05T11:00:00Z", "count": 1, "packed": _b64(ODD)},
        ],
        "applied_at": "2026-01-05T10:00:00Z",
    }
    state, rows = decode_state(pack(json.dumps(old, separators=(",", ":")).encode()).join([b"z", b""]))
    assert state.format == STATE_FORMAT and state.habits["gym"].name == "Gym"
    assert [(r.task_id, r.count, r.outcomes) for r in rows] == [
        ("t1", 3, None),
        ("t2", 1, plain),
        ("t3", 10, packed),
        ("t4", 1, ODD),
    ]
    assert rows[0].applied_at.isoformat() == "2026-01-05T08:00:00+00:00"


# Bytes whose base64 holds the characters the URL-safe alphabet format 1 used has in place of + and /.
ODD = b"\xfb\xef\xbe\xff" * 6


class _Format1Bytes(BaseModel):
    """How format 1 wrote an outbox entry's bytes: pydantic's JSON base64."""

    model_config = ConfigDict(ser_json_bytes="base64")

    packed: bytes


def _b64(data: bytes) -> str:
    text: str = json.loads(_Format1Bytes(packed=data).model_dump_json())["packed"]
    return text


def test_format_one_bytes_use_the_url_safe_alphabet() -> None:
    assert {"-", "_"} & set(_b64(ODD))  # so the test above reads them as format 1 wrote them
