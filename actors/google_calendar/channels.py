"""Watch channels: which push channel belongs to which user and calendar, and when it expires.

The push endpoint and the renewal job read the same records, so in a cluster they live in the shared
state store; `MemoryChannelStore` serves one process and the tests. Any object with the
`ChannelStore` methods can stand in.
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from typing import Protocol

from pydantic import AwareDatetime, BaseModel, ConfigDict, SecretStr

RENEW_BEFORE = timedelta(hours=24)
"""Channels are renewed this long before they expire, so a failed renewal has time to be retried."""


class WatchChannel(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    channel_id: str
    token: SecretStr  # proves a notification came through Google for this channel; never logged
    resource_id: str
    user_id: str
    calendar_id: str
    address: str
    expires_at: AwareDatetime


class ChannelStore(Protocol):
    def put(self, channel: WatchChannel) -> None: ...
    def get(self, channel_id: str) -> WatchChannel | None: ...
    def remove(self, channel_id: str) -> None: ...
    def all(self) -> list[WatchChannel]: ...


class MemoryChannelStore:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._channels: dict[str, WatchChannel] = {}

    def put(self, channel: WatchChannel) -> None:
        with self._lock:
            self._channels[channel.channel_id] = channel

    def get(self, channel_id: str) -> WatchChannel | None:
        with self._lock:
            return self._channels.get(channel_id)

    def remove(self, channel_id: str) -> None:
        with self._lock:
            self._channels.pop(channel_id, None)

    def all(self) -> list[WatchChannel]:
        with self._lock:
            return list(self._channels.values())


def for_user(store: ChannelStore, user_id: str) -> list[WatchChannel]:
    return [channel for channel in store.all() if channel.user_id == user_id]


def due_for_renewal(
    store: ChannelStore, now: datetime, margin: timedelta = RENEW_BEFORE
) -> list[WatchChannel]:
    """Channels expiring within `margin` of `now` (expired ones included), soonest first."""
    due = [channel for channel in store.all() if channel.expires_at <= now + margin]
    return sorted(due, key=lambda channel: channel.expires_at)
