"""Applying a sync to the user's copy of their calendar, and what the change means for the plan.

The copy holds the user's own events (worker blocks are the plan's business, not obstacles). `deleted`
lists events Google reported cancelled; `dropped` lists events that left the horizon, or that a full
resync no longer returned (deleted or moved out: Google does not say which), so they are not reported
as deletions. Worker blocks the user moved or deleted are reported so the plan can respect the edit.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from pydantic import BaseModel, ConfigDict

from actors.google_calendar.blocks import PlacedBlock
from actors.google_calendar.events import GoogleEvent
from actors.google_calendar.sync import SyncResult
from optimizer.domain import CalendarEvent


class MirrorUpdate(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    events: tuple[CalendarEvent, ...]
    created: tuple[GoogleEvent, ...] = ()
    updated: tuple[GoogleEvent, ...] = ()
    deleted: tuple[CalendarEvent, ...] = ()
    dropped: tuple[str, ...] = ()
    edited_blocks: tuple[GoogleEvent, ...] = ()
    deleted_blocks: tuple[str, ...] = ()  # Google event ids of worker blocks the user deleted

    @property
    def changed(self) -> tuple[GoogleEvent, ...]:
        return self.created + self.updated


def _gone_ids(result: SyncResult, known: Collection[str]) -> set[str]:
    """Ids a sync removes: cancelled events, and every instance of a cancelled series."""
    gone = {d.event_id for d in result.deletions}
    series = {d.event_id for d in result.deletions if d.recurring_event_id is None}
    return gone | {i for i in known if i.rpartition("_")[0] in series}


def apply_sync(
    local: Iterable[CalendarEvent], result: SyncResult, block_event_ids: Collection[str] = ()
) -> MirrorUpdate:
    """`block_event_ids`: Google ids of the plan's blocks within the horizon (see `google_event_id`)."""
    known = {event.id: event for event in local}
    kept = {} if result.full else dict(known)
    gone = _gone_ids(result, known)
    for event_id in gone | set(result.departed):
        kept.pop(event_id, None)
    created, updated, edited = [], [], []
    for event in result.upserts:
        if event.is_worker_block:
            edited += [event] if event.user_edited else []
            continue
        domain = event.as_domain()
        previous = known.get(event.id)
        if previous is None:
            created.append(event)
        elif previous != domain:
            updated.append(event)
        kept[event.id] = domain
    seen_blocks = {e.id for e in result.upserts if e.is_worker_block}
    lost_blocks = set(block_event_ids) - seen_blocks if result.full else set(block_event_ids) & gone
    return MirrorUpdate(
        events=tuple(sorted(kept.values(), key=lambda e: (e.start, e.id))),
        created=tuple(created),
        updated=tuple(updated),
        deleted=tuple(known[i] for i in sorted(gone) if i in known),
        dropped=tuple(sorted(i for i in known if i not in kept and i not in gone)),
        edited_blocks=tuple(edited),
        deleted_blocks=tuple(sorted(lost_blocks)),
    )


def colliding_blocks(changed: Iterable[GoogleEvent], plan: Iterable[PlacedBlock]) -> list[str]:
    """Ids of plan blocks that a changed busy event of the user now overlaps: these need a re-plan."""
    busy = [event for event in changed if event.busy and not event.is_worker_block]
    return [block.event_id for block in plan if any(e.overlaps(block.start, block.end) for e in busy)]
