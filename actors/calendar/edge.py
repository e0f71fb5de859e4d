"""What a host process holds for the Google Calendar integration, shared by all its users: one circuit
breaker (per dependency and process, as the spec asks), the vault that opens grants, the channel store."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from actors.calendar.channel_store import SqlChannelStore
from actors.calendar.link import CalendarLink
from actors.calendar.metrics import breaker_metric
from actors.calendar.settings import CalendarSettings
from actors.google_calendar.breaker import CircuitBreaker
from actors.google_calendar.calls import CalendarCalls
from actors.google_calendar.channels import ChannelStore
from actors.google_calendar.client import UserCalendar, connect
from actors.google_calendar.vault import Vault

DEPENDENCY = "google_calendar"


@dataclass
class CalendarEdge:
    settings: CalendarSettings
    vault: Vault
    breaker: CircuitBreaker
    channels: ChannelStore | None = None
    sleep: Callable[[float], None] = field(default=time.sleep)

    @classmethod
    def create(cls, settings: CalendarSettings, store_url: str | None) -> CalendarEdge | None:
        """None when the integration is off. Channels are kept only when a push address is set."""
        if not settings.enabled:
            return None
        vault = Vault(settings.vault)
        breaker = CircuitBreaker(DEPENDENCY, settings.breaker, on_change=breaker_metric(DEPENDENCY))
        channels = SqlChannelStore(store_url, vault) if store_url and settings.push_address else None
        return cls(settings, vault, breaker, channels)

    def calendar_for(self, user_id: str, link: CalendarLink) -> UserCalendar:
        """A fresh client for one command (clients are not thread-safe), sharing the host's breaker."""
        grant = self.vault.open_grant(link.grant, user_id)
        calls = CalendarCalls(self.breaker, self.settings.retry, self.sleep)
        return connect(grant, self.settings.google(), calls, link.calendar_id)
