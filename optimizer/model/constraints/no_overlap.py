"""No two blocks overlap, and no block overlaps busy or frozen time; habit buffers included.

The buffer rule: a habit's buffers must stay off busy time and off every other block, but two
buffers may share free time. Two no-overlap constraints say exactly that: one over blocks padded by
their after-buffer, one over blocks padded by their before-buffer. If a sits before b, the first
gives b.start >= a.end + a.after and the second b.start - b.before >= a.end. Without buffers both
are the same and one suffices. Busy time enters only when some block relies on it (coarse choices);
fine choices already avoid it.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from optimizer.model.context import Context
from optimizer.model.spans import Span
from optimizer.model.variables import BlockVars


def add_no_overlap(model: cp_model.CpModel, ctx: Context, blocks: list[BlockVars]) -> None:
    live = [block for block in blocks if block.spec.choices]
    if not live:
        return
    with_fixed = any(block.spec.coarse for block in live)
    padded = any(block.spec.before or block.spec.after for block in live)
    if not padded and ctx.fixed.after == ctx.fixed.before:
        model.add_no_overlap([b.core for b in live] + _fixed(model, ctx.fixed.after, with_fixed, "busy"))
        return
    after = [_padded(model, block, 0, block.spec.after) for block in live]
    before = [_padded(model, block, block.spec.before, 0) for block in live]
    model.add_no_overlap(after + _fixed(model, ctx.fixed.after, with_fixed, "busy_after"))
    model.add_no_overlap(before + _fixed(model, ctx.fixed.before, with_fixed, "busy_before"))


def _padded(model: cp_model.CpModel, block: BlockVars, before: int, after: int) -> cp_model.IntervalVar:
    if not before and not after:
        return block.core
    return model.new_optional_interval_var(
        block.start - before,
        block.length + before + after,
        block.end + after,
        block.present,
        f"padded:{block.spec.name}",
    )


def _fixed(
    model: cp_model.CpModel, spans: tuple[Span, ...], wanted: bool, name: str
) -> list[cp_model.IntervalVar]:
    if not wanted:
        return []
    return [model.new_fixed_size_interval_var(lo, hi - lo, f"{name}:{lo}") for lo, hi in spans]
