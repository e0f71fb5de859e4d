"""The instance seen on the slot grid: local days, busy time and frozen blocks as slot spans.

Busy time is read outward (a meeting 10:05-10:50 takes the slots 10:00-11:00) and allowed hours inward,
so a plan on the grid never breaks a rule that holds to the minute.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from optimizer.domain import BlockKind, HoursKind, Instance, PlacedBlock, Weekday, WeeklyHours
from optimizer.model.spans import Span, merge_spans
from optimizer.timegrid import Grid, LocalDay, Window, local_days
from optimizer.windows import allowed_windows, busy_windows, frozen_blocks

HABITS_ONLY = frozenset({BlockKind.HABIT})
ALL_KINDS = frozenset(BlockKind)


@dataclass(frozen=True)
class Fixed:
    """Time that is already taken, as merged spans.

    `busy` (events and frozen blocks) may not be touched even by a buffer; `guarded` adds the buffers
    of frozen habits, which no new block may cover; `after`/`before` are the fixed parts of the two
    no-overlap constraints that carry buffers (see `constraints.no_overlap`).
    """

    busy: tuple[Span, ...]
    guarded: tuple[Span, ...]
    after: tuple[Span, ...]
    before: tuple[Span, ...]
    kept: tuple[PlacedBlock, ...]


class Context:
    """Everything a model builder reads about the instance, in slots."""

    def __init__(self, instance: Instance, kinds: frozenset[BlockKind]) -> None:
        self.instance = instance
        self.kinds = kinds
        self.grid = Grid(instance)
        self.slot_minutes = self.grid.minutes_per_slot
        self.n_slots = self.grid.n_slots
        self.days: tuple[LocalDay, ...] = tuple(local_days(instance))
        self.day_starts = tuple(self.grid.slot_ceil(day.start) for day in self.days)
        self.day_ends = tuple(self.grid.slot(day.end) for day in self.days)
        self.movable_slot = max(0, self.grid.slot_ceil(instance.movable_from()))
        self.fixed = self._fixed()

    def slots(self, minutes: int) -> int:
        """Whole slots covering `minutes`."""
        return -(-minutes // self.slot_minutes)

    def outer(self, start: datetime, end: datetime) -> Span:
        return self.grid.slot(start.astimezone(UTC)), self.grid.slot_ceil(end.astimezone(UTC))

    def inner(self, windows: Iterable[Window]) -> list[Span]:
        spans = ((self.grid.slot_ceil(start), self.grid.slot(end)) for start, end in windows)
        return merge_spans((max(lo, 0), min(hi, self.n_slots)) for lo, hi in spans)

    def allowed(self, hours: HoursKind, custom: WeeklyHours | None, days: frozenset[Weekday]) -> list[Span]:
        return self.inner(allowed_windows(self.instance, hours, custom, days))

    def time(self, slot: int) -> datetime:
        return self.grid.time(slot)

    def day_of(self, slot: int) -> int:
        return max(0, bisect.bisect_right(self.day_starts, slot) - 1)

    def by_day(self, spans: Iterable[Span]) -> list[tuple[int, Span]]:
        """Each span cut at local midnights, tagged with its local day's index."""
        pieces: list[tuple[int, Span]] = []
        for lo, hi in spans:
            day = self.day_of(lo)
            while lo < hi and day < len(self.days):
                piece = (max(lo, self.day_starts[day]), min(hi, self.day_ends[day]))
                if piece[1] > piece[0]:
                    pieces.append((day, piece))
                lo, day = self.day_ends[day], day + 1
        return pieces

    def buffers(self, block: PlacedBlock) -> tuple[int, int]:
        """A frozen habit's buffers in slots; other blocks have none."""
        habit = next((h for h in self.instance.habits if h.id == block.item_id), None)
        if block.kind is not BlockKind.HABIT or habit is None:
            return 0, 0
        return self.slots(habit.buffer_before), self.slots(habit.buffer_after)

    def _fixed(self) -> Fixed:
        busy = [self.outer(start, end) for start, end in busy_windows(self.instance)]
        frozen = frozen_blocks(self.instance)
        kept = tuple(block for block in frozen if block.kind in self.kinds)
        busy += [self.outer(block.start, block.end) for block in frozen]
        after, before = list(busy), list(busy)
        for block in kept:
            (lo, hi), (pad_before, pad_after) = self.outer(block.start, block.end), self.buffers(block)
            after.append((lo, hi + pad_after))
            before.append((lo - pad_before, hi))
        return Fixed(
            busy=tuple(merge_spans(busy)),
            guarded=tuple(merge_spans(after + before)),
            after=tuple(merge_spans(after)),
            before=tuple(merge_spans(before)),
            kept=kept,
        )
