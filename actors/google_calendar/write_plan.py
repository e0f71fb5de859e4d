"""The fewest calendar writes that make the calendar show the plan.

Blocks already shown as planned are not touched; moved blocks are patched in place (one write, the event
keeps its id and anything the user attached); only blocks that left the plan are deleted. Blocks the user
edited are never written: their edit wins and the planner treats them as fixed.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict

from actors.google_calendar.blocks import DesiredBlock
from actors.google_calendar.events import GoogleEvent, google_event_id


class WritePlan(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    inserts: tuple[DesiredBlock, ...] = ()
    patches: tuple[tuple[GoogleEvent, DesiredBlock], ...] = ()
    deletes: tuple[GoogleEvent, ...] = ()
    unchanged: tuple[str, ...] = ()
    user_edited: tuple[GoogleEvent, ...] = ()

    @property
    def write_count(self) -> int:
        return len(self.inserts) + len(self.patches) + len(self.deletes)


def _one_per_block(existing: Iterable[GoogleEvent]) -> tuple[dict[str, GoogleEvent], list[GoogleEvent]]:
    """One event per block id, preferring the one with the block's own Google id; the rest are extras."""
    chosen: dict[str, GoogleEvent] = {}
    extras: list[GoogleEvent] = []
    for event in existing:
        if event.block_id is None or event.cancelled:
            continue
        held = chosen.get(event.block_id)
        if held is None or (event.id == google_event_id(event.block_id) and held.id != event.id):
            chosen[event.block_id] = event
            extras.extend([held] if held else [])
        else:
            extras.append(event)
    return chosen, extras


def plan_writes(existing_tagged: Iterable[GoogleEvent], desired_blocks: Iterable[DesiredBlock]) -> WritePlan:
    """`existing_tagged`: worker blocks now on the calendar (as listed); `desired_blocks`: the new plan."""
    chosen, extras = _one_per_block(existing_tagged)
    inserts, patches, unchanged, edited = [], [], [], []
    for block in desired_blocks:
        event = chosen.pop(block.block_id, None)
        if event is None:
            inserts.append(block)
        elif event.user_edited:
            edited.append(event)
        elif block.shown_by(event):
            unchanged.append(block.block_id)
        else:
            patches.append((event, block))
    leftovers = [*chosen.values(), *extras]
    edited.extend(event for event in leftovers if event.user_edited)
    deletes = [event for event in leftovers if not event.user_edited]
    return WritePlan(
        inserts=tuple(inserts),
        patches=tuple(patches),
        deletes=tuple(deletes),
        unchanged=tuple(unchanged),
        user_edited=tuple(edited),
    )
