"""A connected user's schedule command shows its plan on Google Calendar itself, the way the sync saga
writes back (docs/google-calendar.md): the fewest writes, through the host's `CalendarCalls` and circuit
breaker, before anything is stored. The user actor saves the plan only after the write-back, so a failed
write (or save) is retried from the old state and the write-back then finds what was written already:
nothing is written twice. A user's edit that races the write-back (412) wins, and the plan is solved again
around it, as in the sync. The new plan's blocks count as shown from then on, so the next sync can tell
a user's delete or move of them.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
from time import perf_counter
from typing import TYPE_CHECKING

from actors.calendar import google_steps as steps
from actors.calendar.edge import CalendarEdge
from actors.calendar.link import CalendarLink
from actors.calendar.plan_match import block_changes
from actors.calendar.report import replan_notice, sync_failed, sync_performance
from actors.calendar.settle import Context, Settled, settle
from actors.contract import CommandPriority
from actors.declined import remember
from actors.google_calendar.errors import ReconnectNeeded
from actors.google_calendar.sync import Horizon
from actors.outcomes import Outcome
from actors.reminders import replanned_reminders
from actors.stamp import Stamp
from actors.state import UserState

if TYPE_CHECKING:
    from actors.user_actor import Solver

ENDPOINT = "google_calendar/write-back"
NOT_WRITTEN = (
    "the new plan was kept but not written to Google Calendar: {why}; {dropped} push channel(s) stopped"
)

Written = tuple[UserState, list[Outcome]]


async def write_schedule(
    state: UserState, edge: CalendarEdge | None, solver: Solver, stamp: Stamp, priority: CommandPriority
) -> Written:
    """`state`: the command's new state, plan included, not yet stored; unchanged and no outcomes when
    the worker has no calendar edge or the user no usable link. Raises what the retry path retries
    (`CircuitOpen`, retryable `CalendarApiError`); a revoked grant flags the link instead."""
    link = state.calendar_link
    if edge is None or link is None or link.reconnect_needed:
        return state, []
    started = perf_counter()
    horizon = Horizon(start=stamp.at, end=stamp.at + timedelta(days=edge.settings.horizon_days))
    calendar = await asyncio.to_thread(edge.calendar_for, state.user_id, link)
    context = Context(edge, solver, stamp, priority, calendar, horizon)
    try:
        settled = await settle(context, state, state.plan, (), False, state.events)
    except ReconnectNeeded as gone:
        return await _reconnect(state, link, edge, stamp, gone)
    labels: dict[str, str | int] = {
        "requests": calendar.calls.attempts,
        "writes": settled.writes,
        "replans": settled.replans,
        **calendar.calls.http_labels(),
    }
    performance = sync_performance(stamp, (perf_counter() - started) * 1000, labels, ENDPOINT)
    reminders = replanned_reminders(state.plan, settled.plan, state.planning, stamp)
    outcomes = [*_moves(state, link, settled, stamp), *reminders, performance]
    return _settled_state(state, link, settled, horizon), outcomes


def _settled_state(state: UserState, link: CalendarLink, settled: Settled, horizon: Horizon) -> UserState:
    shown = tuple(b.event_id for b in steps.inside(settled.plan, horizon))
    # Blocks the user deleted while we wrote stay declined, as the sync's deletes do.
    return remember(state, settled.declined, horizon.start).model_copy(
        update={"plan": settled.plan, "calendar_link": link.model_copy(update={"shown_blocks": shown})}
    )


def _moves(state: UserState, link: CalendarLink, settled: Settled, stamp: Stamp) -> list[Outcome]:
    """What the re-plan around the user's edits changed after the command's own plan (source WORKER)."""
    moves = block_changes(state.plan, settled.plan, settled.declined, link.calendar_id, stamp)
    notice = replan_notice(stamp, moves, settled.writes, settled.problems(stamp))
    return [*moves, *([notice] if notice is not None else [])]


async def _reconnect(
    state: UserState, link: CalendarLink, edge: CalendarEdge, stamp: Stamp, gone: ReconnectNeeded
) -> Written:
    dropped = await asyncio.to_thread(steps.drop_channels, edge, state.user_id, link)
    flagged = link.model_copy(update={"reconnect_needed": True})
    note = NOT_WRITTEN.format(why=gone, dropped=dropped)
    return state.model_copy(update={"calendar_link": flagged}), [sync_failed(stamp, note)]
