"""The frame of a solve: horizon, the previous plan to stay close to, focus time and solver options."""

from __future__ import annotations

from datetime import datetime, timedelta

from pydantic import Field, model_validator

from ingest.messages.base import WireModel
from ingest.messages.task_data.kinds import BlockKind, HoursKind, PriorityMode
from ingest.messages.types import Id, UtcDatetime

DEFAULT_HORIZON_DAYS = 7
MAX_HORIZON_DAYS = 31


class Horizon(WireModel):
    """The span to plan: `start` plus `days`, or `start` to `end`."""

    start: UtcDatetime | None = None
    """First instant to plan; absent means the command's timestamp."""
    days: int | None = Field(default=None, ge=1, le=MAX_HORIZON_DAYS)
    """Length in days; absent (and no `end`) means 7."""
    end: UtcDatetime | None = None
    """Last instant to plan; give either `end` or `days`, not both."""

    @model_validator(mode="after")
    def _consistent(self) -> Horizon:
        if self.days is not None and self.end is not None:
            raise ValueError("give either days or end, not both")
        if self.start and self.end:
            if self.end <= self.start:
                raise ValueError("end must be after start")
            if self.end - self.start > timedelta(days=MAX_HORIZON_DAYS):
                raise ValueError(f"a horizon spans at most {MAX_HORIZON_DAYS} days")
        return self

    def span(self, now: datetime) -> tuple[datetime, datetime]:
        """(start, end) of the horizon for a command sent at `now`."""
        start = self.start or now
        return start, self.end or start + timedelta(days=self.days or DEFAULT_HORIZON_DAYS)


class PlacedBlock(WireModel):
    """A block of the previous plan: kept when locked, otherwise a hint to stay close to."""

    item_id: Id
    """Id of the habit, task or goal the block belongs to (any id for FOCUS)."""
    kind: BlockKind
    """What the block is."""
    occurrence: int = Field(default=0, ge=0)
    """Which of the item's blocks this is, counted from 0."""
    start: UtcDatetime
    """Start instant."""
    end: UtcDatetime
    """End instant, after `start`."""
    locked: bool = False
    """True if the block must stay exactly where it is."""

    @model_validator(mode="after")
    def _ordered(self) -> PlacedBlock:
        if self.end <= self.start:
            raise ValueError(f"block of {self.item_id}: end must be after start")
        return self


class FocusPolicy(WireModel):
    """Protected deep-work time on working days."""

    min_block_minutes: int = Field(default=60, gt=0, le=24 * 60)
    """Shortest block that counts as focus time."""
    daily_minutes: int = Field(default=120, ge=0, le=24 * 60)
    """Focus minutes wanted per working day."""
    hours: HoursKind = HoursKind.WORKING
    """Which hours focus blocks may use (CUSTOM is treated as WORKING)."""


class SolveOptions(WireModel):
    """Knobs of the solver; the defaults suit an interactive request."""

    time_limit_ms: int | None = Field(default=None, gt=0, le=600_000)
    """Wall-clock limit; absent means the limit that goes with the command's priority."""
    num_workers: int = Field(default=1, ge=1, le=64)
    """Solver threads; the solve reserves as many CPUs."""
    random_seed: int | None = Field(default=None, ge=0, le=2**31 - 1)
    """Fixed seed for reproducible solves."""
    use_hint: bool = True
    """Start from the previous plan (or a greedy plan) and improve it."""
    priority_mode: PriorityMode = PriorityMode.WEIGHTED
    """How item priorities combine in the objective."""
