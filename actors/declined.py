"""Blocks the user deleted from their calendar stay declined: no later solve places them again.

Each deleted block is remembered (the newest `DECLINED_KEPT`, and only while it is still ahead) and joins
every later solve as a locked block of the previous plan, so that habit occurrence or task chunk counts
as placed where it was and the day's slot as taken. The solved plan drops it again, so nothing is
written to the calendar or reported for it: the user's delete stands.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from actors.outcomes import CalendarBlockOutcome
from actors.state import PlanBlock, UserState

DECLINED_KEPT = 200  # a few weeks of a busy user's deletes; older ones have mostly passed anyway

Plan = tuple[PlanBlock, ...]


def remember(state: UserState, deleted: Iterable[PlanBlock], now: datetime) -> UserState:
    """`state` with `deleted` added to its declined blocks, those already over dropped, bounded."""
    fresh = [b.model_copy(update={"pinned": True}) for b in deleted]
    again = {b.event_id for b in fresh}
    older = [b for b in state.declined if b.event_id not in again]
    kept = [b for b in (*older, *fresh) if b.end > now]
    return state.model_copy(update={"declined": tuple(kept[-DECLINED_KEPT:])})


def ghosts(state: UserState, plan: Iterable[PlanBlock]) -> Plan:
    """The declined blocks that `plan` does not hold already, by event id or by (kind, item, occurrence)."""
    held = list(plan)
    ids, keys = {b.event_id for b in held}, {b.key for b in held}
    return tuple(b for b in state.declined if b.event_id not in ids and b.key not in keys)


def without(plan: Plan, dropped: Plan) -> Plan:
    ids = {b.event_id for b in dropped}
    return tuple(b for b in plan if b.event_id not in ids)


def outcomes_without(outcomes: Iterable[CalendarBlockOutcome], dropped: Plan) -> list[CalendarBlockOutcome]:
    ids = {b.event_id for b in dropped}
    return [o for o in outcomes if o.event_id not in ids]
