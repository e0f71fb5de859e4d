"""SYNC_CALENDAR: the spec's six-step calendar sync saga for one user (docs/google-calendar.md).

Fetch and write-back happen before anything is stored; events, plan and the new sync token are stored
together, with the command's outbox entry, only after the write-back (by the user actor). A failure
before that leaves the stored token where it was, so the retry syncs the same changes again and the
write-back replays without duplicates. A revoked grant is final: SYNC_FAILED and "reconnect needed".
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
from time import perf_counter
from typing import TYPE_CHECKING

from actors.calendar import google_steps as steps
from actors.calendar.edge import CalendarEdge
from actors.calendar.events_copy import after_sync, split_copy
from actors.calendar.link import CalendarLink
from actors.calendar.plan_match import block_changes
from actors.calendar.replan import respect
from actors.calendar.report import completed, sync_failed, sync_performance
from actors.calendar.settle import Context, settle
from actors.contract import CommandPriority
from actors.declined import remember
from actors.google_calendar.errors import ReconnectNeeded
from actors.google_calendar.events import google_event_id
from actors.google_calendar.mirror import apply_sync, colliding_blocks
from actors.google_calendar.outcomes import calendar_outcomes
from actors.google_calendar.sync import Horizon
from actors.outcomes import Outcome
from actors.reminders import replanned_reminders
from actors.requests import SyncRequest
from actors.stamp import Stamp
from actors.state import UserState

if TYPE_CHECKING:
    from actors.user_actor import Solver

NOT_CONNECTED = "Google Calendar is not connected for this user: connect it, then send the command again"
OTHER_CALENDAR = "calendar {asked} is not the connected calendar {linked}: sync {linked} or connect {asked}"
RECONNECT = "reconnect needed: Google refused the stored grant; the user must connect Google Calendar again"

Synced = tuple[UserState, list[Outcome]]


async def run_sync(
    state: UserState,
    request: SyncRequest,
    edge: CalendarEdge,
    solver: Solver,
    stamp: Stamp,
    priority: CommandPriority,
) -> Synced:
    """The new state and the outcomes. Raises what the retry path should retry: `CircuitOpen`, and
    retryable `CalendarApiError`s (rate limits, 5xx, no answer) once `CalendarCalls` gave up."""
    link = state.calendar_link
    if link is None:
        return state, [sync_failed(stamp, NOT_CONNECTED)]
    if request.calendar_id not in ("primary", link.calendar_id):
        return state, [
            sync_failed(stamp, OTHER_CALENDAR.format(asked=request.calendar_id, linked=link.calendar_id))
        ]
    if link.reconnect_needed:
        return state, [sync_failed(stamp, RECONNECT)]
    try:
        return await _saga(state, link, request, edge, solver, stamp, priority)
    except ReconnectNeeded as gone:
        dropped = await asyncio.to_thread(steps.drop_channels, edge, state.user_id, link)
        flagged = link.model_copy(update={"reconnect_needed": True})
        note = f"{gone}; {dropped} push channel(s) stopped"
        return state.model_copy(update={"calendar_link": flagged}), [sync_failed(stamp, note)]


async def _saga(
    state: UserState,
    link: CalendarLink,
    request: SyncRequest,
    edge: CalendarEdge,
    solver: Solver,
    stamp: Stamp,
    priority: CommandPriority,
) -> Synced:
    started = perf_counter()
    horizon = Horizon(start=stamp.at, end=stamp.at + timedelta(days=edge.settings.horizon_days))
    # 2. Fetch.
    token = None if request.full_sync else link.sync_token
    fetched = await asyncio.to_thread(steps.fetch, edge, state.user_id, link, token, horizon)
    # 3. Process: apply the changes, respect the user's edits of our blocks, re-plan what collides.
    # Only blocks already shown can have been edited or deleted by the user; newer ones are written below.
    shown = set(link.shown_blocks)
    by_google_id = {
        google_event_id(b.event_id): b.event_id
        for b in steps.inside(state.plan, horizon)
        if b.event_id in shown
    }
    update = apply_sync(split_copy(state)[0], fetched.result, by_google_id.keys())
    events, api_events = after_sync(state, update.events, stamp.at)  # events schedule commands brought
    plan, declined = respect(state.plan, steps.mirror_changes(update, state.plan, by_google_id))
    base = plan
    # A deletion frees time and collides with nothing: only collisions and edits need a re-plan.
    needed = bool(colliding_blocks(update.changed, plan) or update.edited_blocks)
    context = Context(edge, solver, stamp, priority, fetched.calendar, horizon)
    settled = await settle(context, state, plan, declined, needed, events)
    plan, declined = settled.plan, settled.declined
    channel = await asyncio.to_thread(steps.ensure_channel, edge, fetched.calendar, state.user_id)
    # 4. The new state (stored by the caller), 5. publish and 6. notify.
    now_shown = tuple(b.event_id for b in steps.inside(plan, horizon))
    new_link = link.model_copy(
        update={
            "sync_token": fetched.result.next_sync_token,
            "shown_blocks": now_shown,
            "api_events": api_events,
        }
    )
    # The user's deletes stay declined: later solves do not place them again.
    new_state = remember(state, settled.declined, stamp.at).model_copy(
        update={
            "events": events,
            "plan": plan,
            "calendar_link": new_link,
            "calendar_id": link.calendar_id,
        }
    )
    moves = block_changes(base, plan, declined, link.calendar_id, stamp)
    reminders = replanned_reminders(state.plan, plan, state.planning, stamp)
    changes = calendar_outcomes(update, state.user_id, link.calendar_id, stamp.at)
    result = fetched.result
    labels: dict[str, str | int] = {
        "requests": fetched.calendar.calls.attempts,
        "writes": settled.writes,
        "replans": settled.replans,
    }
    labels |= {"pages": result.pages, "full": int(result.full), "channelOpened": int(channel)}
    labels |= fetched.calendar.calls.http_labels()
    problems = settled.problems(stamp)
    outcomes = completed(stamp, changes, moves, result.events_processed, settled.writes, problems)
    performance = sync_performance(stamp, (perf_counter() - started) * 1000, labels)
    return new_state, [*outcomes, *reminders, performance]
