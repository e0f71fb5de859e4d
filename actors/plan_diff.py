"""The new plan against the stored one: which calendar blocks the worker creates, moves or removes.

A block is identified by (kind, item, occurrence), the same key the optimizer uses for stability. A new
placement with the key of a live stored block keeps that block's event id, so a moved block is UPDATED,
not deleted and re-created. Stored blocks that already ended are history and leave the plan silently.
Stored blocks the solve could not touch stay as they are: blocks of kinds outside the command's scope
(SCHEDULE_HABITS plans habits only), blocks outside its horizon, and blocks already begun or frozen.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from actors.ids import block_event_id
from actors.outcomes import CalendarBlockOutcome
from actors.stamp import Stamp
from actors.state import PlanBlock
from optimizer.domain import BlockKind, Instance
from optimizer.solution import Placement

Key = tuple[BlockKind, str, int]


def live_blocks(plan: Iterable[PlanBlock], now: datetime) -> list[PlanBlock]:
    return [block for block in plan if block.end > now]


def _untouchable(block: PlanBlock, instance: Instance) -> bool:
    outside = block.end <= instance.horizon_start or block.start >= instance.horizon_end
    return outside or block.start < instance.movable_from()


def _placed(placement: Placement, known: PlanBlock | None, stamp: Stamp) -> PlanBlock:
    event_id = known.event_id if known else None
    if event_id is None:
        key = (placement.kind, placement.item_id, placement.occurrence)
        event_id = block_event_id(stamp.user_id, *key, stamp.task_id)
    return PlanBlock(
        event_id=event_id,
        item_id=placement.item_id,
        kind=placement.kind,
        occurrence=placement.occurrence,
        title=placement.title,
        start=placement.start,
        end=placement.end,
        pinned=known.pinned if known else False,
    )


def _outcome(block: PlanBlock, change: str, calendar_id: str, stamp: Stamp) -> CalendarBlockOutcome:
    return CalendarBlockOutcome.model_validate(
        {
            "user_id": stamp.user_id,
            "at": stamp.at,
            "event_id": block.event_id,
            "change": change,
            "calendar_id": calendar_id,
            "summary": block.title,
            "start": block.start,
            "end": block.end,
        }
    )


def diff_plan(
    stored: Iterable[PlanBlock],
    placements: Iterable[Placement],
    scope: frozenset[BlockKind],
    instance: Instance,
    calendar_id: str,
    stamp: Stamp,
) -> tuple[tuple[PlanBlock, ...], list[CalendarBlockOutcome]]:
    """The new plan and the calendar changes that lead to it, removals first, then by start time."""
    live = live_blocks(stored, instance.now)
    candidates: dict[Key, PlanBlock] = {b.key: b for b in live if b.kind in scope}
    kept = [b for b in live if b.kind not in scope]
    removed, changed = [], []
    for placement in sorted(placements, key=lambda p: (p.start, p.kind, p.item_id, p.occurrence)):
        known = candidates.pop((placement.kind, placement.item_id, placement.occurrence), None)
        block = _placed(placement, known, stamp)
        kept.append(block)
        if known is None:
            changed.append(_outcome(block, "CREATED", calendar_id, stamp))
        elif block != known:
            changed.append(_outcome(block, "UPDATED", calendar_id, stamp))
    for block in candidates.values():
        if _untouchable(block, instance):
            kept.append(block)
        else:
            removed.append(_outcome(block, "DELETED", calendar_id, stamp))
    removed.sort(key=lambda o: (o.start, o.event_id))
    plan = tuple(sorted(kept, key=lambda b: (b.start, b.kind, b.item_id, b.occurrence)))
    return plan, removed + changed
