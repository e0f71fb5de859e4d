"""Connecting a user's Google Calendar: their grant sealed into their stored state.

The save is guarded by the version read like every other, so a host applying a command at the same
moment is never overwritten: this retries on a conflict, and a host whose save then meets the new
version reloads the user and applies its command again (the normal stale-state path).
"""

from __future__ import annotations

from datetime import UTC, datetime

from actors.calendar.link import CalendarLink
from actors.google_calendar.client import OAuthGrant
from actors.google_calendar.vault import Vault
from actors.state import UserState, decode_state, dump_state
from actors.store import Save, StaleStateError, StateStore

OWNER = "calendar-connect"


def connect_user(
    store: StateStore,
    user_id: str,
    grant: OAuthGrant,
    vault: Vault,
    calendar_id: str = "primary",
    attempts: int = 5,
) -> int:
    """Stores the sealed grant; a reconnect starts over with a full sync. Returns the new state version."""
    link = CalendarLink(
        grant=vault.seal_grant(grant, user_id), calendar_id=calendar_id, connected_at=datetime.now(UTC)
    )
    for _attempt in range(attempts):
        stored = store.load(user_id)
        state, legacy = decode_state(stored.state) if stored else (UserState(user_id=user_id), ())
        version = stored.version if stored else 0
        data = dump_state(state.model_copy(update={"calendar_link": link}))
        # An older stored form kept the outbox inside the state: its rows move out with this save.
        answer = store.save_many([Save(user_id, data, version, OWNER, legacy)])[0]
        if not isinstance(answer, StaleStateError):
            return answer
    raise StaleStateError(user_id, version, OWNER)
