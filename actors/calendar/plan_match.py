"""Matching plans block by block: the solver's placements to the stored blocks they are, and the
worker's own calendar changes between two plans."""

from __future__ import annotations

from collections.abc import Iterable

from actors.outcomes import CalendarBlockOutcome
from actors.stamp import Stamp
from actors.state import PlanBlock
from optimizer.solution import Placement

Plan = tuple[PlanBlock, ...]


def align(placements: Iterable[Placement], plan: Plan) -> list[Placement]:
    """Placements numbered after the stored blocks they are. The solver numbers occurrences itself, so
    a block left in place could otherwise be taken (and written) as deleted and re-created. A placement
    exactly where a stored block of its item is takes that block's occurrence; the others take their
    item's unused occurrences, nearest start first, then fresh numbers."""
    unused = {(b.kind, b.item_id, b.start, b.end): b for b in plan}
    aligned, rest = [], []
    for p in placements:
        same = unused.pop((p.kind, p.item_id, p.start, p.end), None)
        if same is None:
            rest.append(p)
        else:
            aligned.append(p.model_copy(update={"occurrence": same.occurrence}))
    spare = list(unused.values())
    top = max((b.occurrence for b in plan), default=-1)
    for p in rest:
        mine = [b for b in spare if (b.kind, b.item_id) == (p.kind, p.item_id)]
        if mine:
            nearest = min(mine, key=lambda b: abs((b.start - p.start).total_seconds()))
            spare.remove(nearest)
            occurrence = nearest.occurrence
        else:
            top += 1
            occurrence = top
        aligned.append(p.model_copy(update={"occurrence": occurrence}))
    return aligned


def block_changes(
    before: Plan, after: Plan, declined: Plan, calendar_id: str, stamp: Stamp
) -> list[CalendarBlockOutcome]:
    """The worker's own calendar changes between two plans (source WORKER): removals, then by start.
    What the user did (pinned edits, deleted blocks) is theirs and is not reported as the worker's."""
    old = {b.event_id: b for b in before}
    new = {b.event_id: b for b in after}
    ghosts = {b.event_id for b in declined}
    gone = [("DELETED", b) for i, b in old.items() if i not in new and i not in ghosts]
    came = [
        ("CREATED" if i not in old else "UPDATED", b)
        for i, b in new.items()
        if old.get(i) != b and not b.pinned
    ]
    ordered = sorted(gone, key=lambda c: c[1].start) + sorted(came, key=lambda c: c[1].start)
    return [
        CalendarBlockOutcome(
            user_id=stamp.user_id,
            at=stamp.at,
            event_id=block.event_id,
            change=change,
            calendar_id=calendar_id,
            summary=block.title,
            start=block.start,
            end=block.end,
        )
        for change, block in ordered
    ]
