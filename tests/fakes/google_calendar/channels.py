"""events.watch / channels.stop and the delivery of push notifications to the registered address.

Delivery is explicit (`notify`), so tests decide when Google "calls back". Like Google, a new channel
first gets a `sync` message, and a channel past its expiration delivers nothing.
"""

from __future__ import annotations

import secrets
import threading
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from . import errors

DEFAULT_TTL_SECONDS = 604800
NOTIFY_TIMEOUT_S = 10.0


@dataclass
class Channel:
    id: str
    resource_id: str
    calendar_id: str
    address: str
    token: str
    expires_at: datetime
    messages: int = 0


class ChannelBook:
    def __init__(self, now: Callable[[], datetime]) -> None:
        self._now = now
        self._lock = threading.Lock()
        self.channels: dict[str, Channel] = {}

    def watch(self, calendar_id: str, body: dict[str, Any]) -> dict[str, Any]:
        if body.get("type") != "web_hook" or not body.get("address") or not body.get("id"):
            raise errors.bad_request("A watch request needs id, type 'web_hook' and address")
        ttl = int(body.get("params", {}).get("ttl", DEFAULT_TTL_SECONDS))
        channel = Channel(
            id=str(body["id"]),
            resource_id=secrets.token_urlsafe(12),
            calendar_id=calendar_id,
            address=str(body["address"]),
            token=str(body.get("token", "")),
            expires_at=self._now() + timedelta(seconds=ttl),
        )
        with self._lock:
            if channel.id in self.channels:
                raise errors.ApiError(400, "channelIdNotUnique", f"Channel id {channel.id} not unique")
            self.channels[channel.id] = channel
        self.notify(channel.id, "sync")
        return {
            "kind": "api#channel",
            "id": channel.id,
            "resourceId": channel.resource_id,
            "resourceUri": f"https://www.googleapis.com/calendar/v3/calendars/{calendar_id}/events",
            "token": channel.token,
            "expiration": str(int(channel.expires_at.timestamp() * 1000)),
        }

    def stop(self, body: dict[str, Any]) -> None:
        with self._lock:
            channel = self.channels.get(str(body.get("id")))
            if channel is None or channel.resource_id != body.get("resourceId"):
                raise errors.not_found(f"channel {body.get('id')}")
            del self.channels[channel.id]

    def notify(self, channel_id: str, state: str = "exists") -> int | None:
        """POST one notification; returns the receiver's status, or None if nothing was delivered."""
        with self._lock:
            channel = self.channels.get(channel_id)
            if channel is None or channel.expires_at <= self._now():
                return None
            channel.messages += 1
            headers = {
                "X-Goog-Channel-ID": channel.id,
                "X-Goog-Channel-Token": channel.token,
                "X-Goog-Channel-Expiration": channel.expires_at.strftime("%a, %d %b %Y %H:%M:%S GMT"),
                "X-Goog-Resource-ID": channel.resource_id,
                "X-Goog-Resource-URI": f"https://www.googleapis.com/calendar/v3/calendars/{channel.calendar_id}/events",
                "X-Goog-Resource-State": state,
                "X-Goog-Message-Number": str(channel.messages),
            }
        request = urllib.request.Request(channel.address, data=b"", headers=headers, method="POST")
        try:
            # Generous: a receiver's first answer waits on its producer's first (idempotent) produce,
            # which on a loaded machine takes seconds.
            with urllib.request.urlopen(request, timeout=NOTIFY_TIMEOUT_S) as answer:
                return int(answer.status)
        except urllib.error.HTTPError as refused:
            return int(refused.code)
        except OSError:
            return None

    def notify_calendar(self, calendar_id: str, state: str = "exists") -> list[int | None]:
        """Notify every live channel watching a calendar, as Google does after a change."""
        with self._lock:
            ids = [c.id for c in self.channels.values() if c.calendar_id == calendar_id]
        return [self.notify(channel_id, state) for channel_id in ids]
