"""Which model block a given plan's block would be: for hints, stability and scoring.

Blocks of one item are taken in time order and each goes to the first unused model block that can
hold it exactly, so interchangeable blocks (a period's occurrences, a task's chunks) fill in order.
A block reserves whole slots: its end rounded up to the grid, so a 20-minute habit on a 15-minute
grid is a block of two slots, and a 10-minute chunk that completes its task's effort is one slot
(`optimizer.durations`). Frozen blocks are fixed data, not model blocks, and are skipped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from optimizer.domain import BlockKind
from optimizer.model.blocks import BlockSpec
from optimizer.model.context import Context
from optimizer.model.variables import Variables


class Located(Protocol):
    @property
    def item_id(self) -> str: ...
    @property
    def kind(self) -> BlockKind: ...
    @property
    def start(self) -> datetime: ...
    @property
    def end(self) -> datetime: ...


@dataclass(frozen=True)
class Fit:
    block: str
    start: int
    length: int
    pick: int


def frozen_keys(ctx: Context) -> set[tuple[str, BlockKind, datetime, datetime]]:
    return {(b.item_id, b.kind, b.start, b.end) for b in ctx.fixed.kept}


def match(ctx: Context, variables: Variables, plan: Iterable[Located]) -> tuple[list[Fit], list[Located]]:
    """Fits for the plan's movable blocks, and the blocks that fit no model block."""
    frozen = frozen_keys(ctx)
    used: set[str] = set()
    fits: list[Fit] = []
    misfits: list[Located] = []
    for item in sorted(plan, key=lambda p: (p.start, p.item_id)):
        if (item.item_id, item.kind, item.start, item.end) in frozen:
            continue
        start, end = ctx.outer(item.start, item.end)
        fit = None
        for block in variables.of_item(item.kind, item.item_id):
            if block.spec.name not in used:
                fit = _fit(block.spec, start, end - start)
                if fit is not None:
                    break
        if fit is None:
            misfits.append(item)
            continue
        used.add(fit.block)
        fits.append(fit)
    return fits, misfits


def _fit(spec: BlockSpec, start: int, length: int) -> Fit | None:
    if not spec.min_len <= length <= spec.max_len:
        return None
    for index, choice in enumerate(spec.choices):
        inside = choice.lo <= start and start + length <= choice.hi
        if inside and any(lo <= start < hi for lo, hi in choice.starts):
            return Fit(spec.name, start, length, index)
    return None
