"""Renewing watch channels before they expire, with each user's own grant from the state store.

Runs beside the push endpoint. A channel whose user is gone, disconnected or must reconnect is dropped
(stopped at Google when still possible): it lapses at its expiry, and the user's next connection opens
a fresh one on its first sync.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from actors.calendar.edge import CalendarEdge
from actors.google_calendar.channels import ChannelStore, WatchChannel, due_for_renewal
from actors.google_calendar.errors import GoogleCalendarError
from actors.google_calendar.watch import renew
from actors.state import load_state
from actors.store import StateStore

log = logging.getLogger(__name__)


def renew_due(edge: CalendarEdge, channels: ChannelStore, states: StateStore, now: datetime) -> int:
    """Renews the channels due now; returns how many were renewed. Failures are logged and retried on
    the next round (channels are renewed a day before they expire)."""
    renewed = 0
    for channel in due_for_renewal(channels, now):
        try:
            renewed += _renew_one(edge, channels, states, channel)
        except GoogleCalendarError as failed:
            log.warning("renewing channel %s failed, retried next round: %s", channel.channel_id, failed)
    return renewed


def _renew_one(edge: CalendarEdge, channels: ChannelStore, states: StateStore, channel: WatchChannel) -> int:
    stored = states.load(channel.user_id)
    link = load_state(stored.state).calendar_link if stored else None
    if link is None or link.reconnect_needed:
        log.info("dropping channel %s: its user is no longer connected", channel.channel_id)
        channels.remove(channel.channel_id)
        return 0
    calendar = edge.calendar_for(channel.user_id, link)
    renew(calendar, channels, channel, timedelta(seconds=edge.settings.channel_ttl_s))
    return 1
