"""What a model may place: blocks (a habit occurrence, a task chunk, a focus block) and where they fit.

A block picks one `Choice`, a stretch of allowed time inside one local day. Habits get fine choices
(each free stretch between busy events, buffers already kept clear), so the ideal-time cost of a
choice is known before solving. Work gets coarse choices (one per allowed window), with busy time
kept out of its start domain and by the shared no-overlap, which keeps big models small. Lengths
are the whole slots a block reserves; what it lasts may be less (`optimizer.durations`).
"""

from __future__ import annotations

from dataclasses import dataclass

from optimizer.domain import BlockKind
from optimizer.model.context import Context
from optimizer.model.spans import Span, end_before, start_after, subtract


@dataclass(frozen=True)
class Choice:
    """Sit inside [lo, hi) of local day `day`, starting in one of `starts` (half-open spans)."""

    day: int
    lo: int
    hi: int
    starts: tuple[Span, ...]


@dataclass(frozen=True)
class BlockSpec:
    """One optional block. Lengths are in slots; `before`/`after` are habit buffers in slots; `trim`
    is what a block of `max_len` slots reserves beyond its own length, in minutes. A task chunk
    shorter than `min_unless_last` slots must be the one that completes the effort."""

    name: str
    item_id: str
    kind: BlockKind
    title: str
    min_len: int
    max_len: int
    choices: tuple[Choice, ...]
    before: int = 0
    after: int = 0
    coarse: bool = False
    trim: int = 0
    min_unless_last: int = 0

    def lasts(self, length: int, slot_minutes: int) -> int:
        """Minutes a block of `length` slots lasts (see `optimizer.durations`)."""
        return length * slot_minutes - (self.trim if length == self.max_len else 0)

    @property
    def starts(self) -> list[Span]:
        return [span for choice in self.choices for span in choice.starts]


def fine_choices(
    ctx: Context, allowed: list[Span], blocked: list[Span], min_len: int, pads: tuple[int, int]
) -> tuple[Choice, ...]:
    """Every free stretch of `allowed` (minus `blocked`) with room for `min_len`; the stretch is
    narrowed so that the buffers `pads` (before, after) stay off busy time."""
    before, after = pads
    busy = list(ctx.fixed.busy)
    choices = []
    for day, (lo, hi) in ctx.by_day(subtract(allowed, blocked)):
        last_end, next_start = end_before(busy, lo), start_after(busy, hi)
        if last_end is not None:
            lo = max(lo, last_end + before)
        if next_start is not None:
            hi = min(hi, next_start - after)
        if hi - lo >= min_len:
            choices.append(Choice(day, lo, hi, ((lo, hi - min_len + 1),)))
    return tuple(choices)


def coarse_choices(
    ctx: Context, allowed: list[Span], blocked: list[Span], min_len: int
) -> tuple[Choice, ...]:
    """One choice per allowed window and day; its starts skip time that `blocked` leaves too short."""
    choices = []
    for day, window in ctx.by_day(allowed):
        free = [(lo, hi) for lo, hi in subtract([window], blocked) if hi - lo >= min_len]
        if free:
            starts = tuple((lo, hi - min_len + 1) for lo, hi in free)
            choices.append(Choice(day, free[0][0], free[-1][1], starts))
    return tuple(choices)
