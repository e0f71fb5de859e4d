"""One user's state as the worker keeps it between commands, and its compact stored form.

The applied commands (the outbox) are not part of it: they are rows of their own beside the state row
(`actors/outbox.py`), so a command that leaves the state as it was does not rewrite it. Format 1 kept
the outbox inside the state; `decode_state` still reads it and hands those entries over as rows.
"""

from __future__ import annotations

import json
from datetime import date

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from actors.calendar.link import CalendarLink, PlanningBasis
from actors.packing import pack, unpack
from actors.state_format import check_format
from actors.store import OutboxRecord
from optimizer.domain import BlockKind, CalendarEvent, Frequency

STATE_FORMAT = 2
COMPRESS_ABOVE = 2_048  # bytes of JSON; smaller states are stored as plain JSON
_ZLIB_MARK = b"z"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class HabitRecord(_Frozen):
    name: str
    frequency: Frequency = Frequency.DAILY
    streak_current: int = 0
    streak_longest: int = 0
    times_per_period: int = 1  # completions that make a period count toward the streak
    last_done: date | None = None  # local day of the newest completion counted
    last_done_at: AwareDatetime | None = None  # its instant, when the command gave one
    done_in_period: int = 0  # completions counted in the period of `last_done`
    last_met: date | None = None  # a day of the newest period done `times_per_period` times


class GoalRecord(_Frozen):
    title: str
    goal_type: str = "PERSONAL"
    unit: str = "percentage"
    target_date: AwareDatetime
    progress_current: float = 0
    progress_target: float = 100
    completed: bool = False
    deadline_warned_for: AwareDatetime | None = None


class PlanBlock(_Frozen):
    """A block the worker put on the user's calendar; `event_id` stays with it across re-plans."""

    event_id: str
    item_id: str
    kind: BlockKind
    occurrence: int
    title: str
    start: AwareDatetime
    end: AwareDatetime
    pinned: bool = False  # the user moved or renamed it in their calendar: re-plans keep it as they left it

    @property
    def key(self) -> tuple[BlockKind, str, int]:
        return self.kind, self.item_id, self.occurrence


class UserState(_Frozen):
    format: int = STATE_FORMAT
    user_id: str
    calendar_id: str = "primary"
    events: tuple[CalendarEvent, ...] = ()
    habits: dict[str, HabitRecord] = Field(default_factory=dict)
    goals: dict[str, GoalRecord] = Field(default_factory=dict)
    plan: tuple[PlanBlock, ...] = ()
    calendar_link: CalendarLink | None = None
    planning: PlanningBasis | None = None
    # Blocks the user deleted from their calendar, never to be placed again (actors/declined.py).
    declined: tuple[PlanBlock, ...] = ()


def dump_state(state: UserState) -> bytes:
    raw = state.model_dump_json().encode()
    return raw if len(raw) <= COMPRESS_ABOVE else _ZLIB_MARK + pack(raw)


def load_state(data: bytes) -> UserState:
    return decode_state(data)[0]


def decode_state(data: bytes) -> tuple[UserState, tuple[OutboxRecord, ...]]:
    """The state, and the outbox an older stored form kept inside it (to be moved into outbox rows)."""
    raw = unpack(data[1:]) if data[:1] == _ZLIB_MARK else data
    check_format(raw, STATE_FORMAT)
    if not raw.startswith(b'{"format":1,'):
        return UserState.model_validate_json(raw), ()
    fields = json.loads(raw)
    fields.pop("outbox", None)
    fields.pop("applied_at", None)
    fields["format"] = STATE_FORMAT
    return UserState.model_validate(fields), _legacy_records(raw)


class _Format1Entry(BaseModel):
    """An outbox entry as format 1 kept it inside the state. Its bytes are in pydantic's JSON base64
    (the URL-safe alphabet), so they are read back by pydantic with the same setting."""

    model_config = ConfigDict(extra="ignore", val_json_bytes="base64")

    task_id: str
    applied_at: AwareDatetime
    count: int = 0
    packed: bytes | None = None


class _Format1Outbox(BaseModel):
    model_config = ConfigDict(extra="ignore", val_json_bytes="base64")

    outbox: tuple[_Format1Entry, ...] = ()


def _legacy_records(raw: bytes) -> tuple[OutboxRecord, ...]:
    entries = _Format1Outbox.model_validate_json(raw).outbox
    return tuple(OutboxRecord(e.task_id, e.applied_at, e.count, e.packed) for e in entries)
