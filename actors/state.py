"""One user's state as the worker keeps it between commands, and its compact stored form.

The outbox remembers the last `OUTBOX_COMMANDS` applied task ids so a replayed command is recognised and
never applied twice. Their outcomes are kept for the newest commands only, up to `OUTBOX_OUTCOMES`
outcomes in all, because one week's plan yields about a hundred of them: a replay within that window gets
its outcomes back byte for byte; an older replay gets none (its outputs were published long before).
"""

from __future__ import annotations

from datetime import date, datetime

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from actors.calendar.link import CalendarLink, PlanningBasis
from actors.contract import OUTCOMES, Outcome
from actors.packing import pack, pack_large, unpack, unpack_any
from optimizer.domain import BlockKind, CalendarEvent, Frequency

STATE_FORMAT = 1
OUTBOX_COMMANDS = 500
OUTBOX_OUTCOMES = 2_000
COMPRESS_ABOVE = 2_048  # bytes of JSON; smaller states are stored as plain JSON
# A command's outcomes this small stay plain JSON: zlib saved about 90 of a few hundred bytes and took
# a large share of a trivial command's host CPU (measured; see docs/benchmarks.md).
PACK_OUTCOMES_ABOVE = 512
_ZLIB_MARK = b"z"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class HabitRecord(_Frozen):
    name: str
    frequency: Frequency = Frequency.DAILY
    streak_current: int = 0
    streak_longest: int = 0
    last_done: date | None = None


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


class OutboxEntry(_Frozen):
    """One applied command. Its outcomes are kept packed (zlib JSON, or plain JSON when small): replays
    are rare, and as objects a full outbox would take megabytes per user in memory (docs/actors.md)."""

    model_config = ConfigDict(frozen=True, extra="forbid", ser_json_bytes="base64", val_json_bytes="base64")

    task_id: str
    applied_at: AwareDatetime
    count: int = 0
    packed: bytes | None = Field(default=None, description="None once trimmed")

    @classmethod
    def of(cls, task_id: str, applied_at: datetime, outcomes: tuple[Outcome, ...]) -> OutboxEntry:
        return cls.of_json(task_id, applied_at, OUTCOMES.dump_json(outcomes), len(outcomes))

    @classmethod
    def of_json(cls, task_id: str, applied_at: datetime, outcomes_json: bytes, count: int) -> OutboxEntry:
        packed = pack_large(outcomes_json, PACK_OUTCOMES_ABOVE)
        return cls(task_id=task_id, applied_at=applied_at, count=count, packed=packed)

    def outcomes_json(self) -> bytes | None:
        """The outcomes as they were first encoded, or None once trimmed."""
        return None if self.packed is None else unpack_any(self.packed)

    def outcomes(self) -> tuple[Outcome, ...] | None:
        data = self.outcomes_json()
        return None if data is None else OUTCOMES.validate_json(data)


class UserState(_Frozen):
    format: int = STATE_FORMAT
    user_id: str
    calendar_id: str = "primary"
    events: tuple[CalendarEvent, ...] = ()
    habits: dict[str, HabitRecord] = Field(default_factory=dict)
    goals: dict[str, GoalRecord] = Field(default_factory=dict)
    plan: tuple[PlanBlock, ...] = ()
    outbox: tuple[OutboxEntry, ...] = ()
    applied_at: AwareDatetime | None = None
    calendar_link: CalendarLink | None = None
    planning: PlanningBasis | None = None
    # Blocks the user deleted from their calendar, never to be placed again (actors/declined.py).
    declined: tuple[PlanBlock, ...] = ()

    def applied(self, task_id: str) -> OutboxEntry | None:
        return next((entry for entry in reversed(self.outbox) if entry.task_id == task_id), None)

    def with_applied(self, entry: OutboxEntry) -> UserState:
        """The state with `entry` recorded in the outbox, trimmed to its bounds."""
        kept = [*self.outbox[-(OUTBOX_COMMANDS - 1) :], entry]
        budget = OUTBOX_OUTCOMES
        for index in range(len(kept) - 1, -1, -1):
            budget -= kept[index].count if kept[index].packed is not None else 0
            if budget < 0 and kept[index].packed is not None:
                kept[index] = kept[index].model_copy(update={"packed": None})
        return self.model_copy(update={"outbox": tuple(kept), "applied_at": entry.applied_at})


def dump_state(state: UserState) -> bytes:
    raw = state.model_dump_json().encode()
    return raw if len(raw) <= COMPRESS_ABOVE else _ZLIB_MARK + pack(raw)


def load_state(data: bytes) -> UserState:
    raw = unpack(data[1:]) if data[:1] == _ZLIB_MARK else data
    return UserState.model_validate_json(raw)
