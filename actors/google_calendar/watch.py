"""Opening, renewing and stopping watch channels through the Calendar API (events.watch, channels.stop).

Renewal opens the new channel before stopping the old one: for a moment both may notify, which costs a
redundant sync at worst, while the other order could miss a change.
"""

from __future__ import annotations

import secrets
import uuid
from datetime import UTC, datetime, timedelta

from actors.google_calendar.channels import ChannelStore, WatchChannel, for_user
from actors.google_calendar.client import UserCalendar
from actors.google_calendar.errors import CalendarApiError, ReconnectNeeded

CHANNEL_TTL = timedelta(days=7)


def open_channel(
    calendar: UserCalendar, store: ChannelStore, user_id: str, address: str, ttl: timedelta = CHANNEL_TTL
) -> WatchChannel:
    """Asks Google to POST to `address` when the calendar changes, and records the channel."""
    token = secrets.token_urlsafe(32)
    body = {
        "id": str(uuid.uuid4()),
        "type": "web_hook",
        "address": address,
        "token": token,
        "params": {"ttl": str(int(ttl.total_seconds()))},
    }
    request = calendar.service.events().watch(calendarId=calendar.calendar_id, body=body)
    answer = calendar.execute(request, "events.watch")
    channel = WatchChannel(
        channel_id=str(answer["id"]),
        token=token,
        resource_id=str(answer["resourceId"]),
        user_id=user_id,
        calendar_id=calendar.calendar_id,
        address=address,
        expires_at=datetime.fromtimestamp(int(answer["expiration"]) / 1000, UTC),
    )
    store.put(channel)
    return channel


def stop_channel(calendar: UserCalendar, store: ChannelStore, channel: WatchChannel) -> None:
    """Stops Google's notifications for a channel; one Google no longer knows counts as stopped. Without a
    valid grant Google cannot be asked: the record goes, and the channel dies at its expiry."""
    body = {"id": channel.channel_id, "resourceId": channel.resource_id}
    try:
        calendar.execute(calendar.service.channels().stop(body=body), "channels.stop")
    except ReconnectNeeded:
        pass
    except CalendarApiError as failed:
        if failed.status != 404:
            raise
    store.remove(channel.channel_id)


def renew(
    calendar: UserCalendar, store: ChannelStore, channel: WatchChannel, ttl: timedelta = CHANNEL_TTL
) -> WatchChannel:
    fresh = open_channel(calendar, store, channel.user_id, channel.address, ttl)
    stop_channel(calendar, store, channel)
    return fresh


def stop_user(calendar: UserCalendar, store: ChannelStore, user_id: str) -> int:
    """On disconnect: stops every channel of the user; returns how many there were."""
    channels = for_user(store, user_id)
    for channel in channels:
        stop_channel(calendar, store, channel)
    return len(channels)
