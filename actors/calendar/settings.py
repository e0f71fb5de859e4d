"""Settings of the Google Calendar integration (the `actors.calendar` section of the worker settings).

Defaults are Google's production endpoints. Secrets (`client_secret`, `vault.keys`) are `SecretStr`:
set them through the environment, e.g. `SCHEDULING_WORKER_ACTORS__CALENDAR__CLIENT_SECRET`, and they
never appear in logs or in `repr`.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, SecretStr

from actors.google_calendar.breaker import BreakerSettings
from actors.google_calendar.client import GOOGLE_TOKEN_URI, GoogleCalendarSettings
from actors.google_calendar.vault import VaultSettings
from actors.retry import RetryPolicy


class CalendarSettings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    enabled: bool = Field(
        default=False, description="off: SYNC_CALENDAR answers SYNC_FAILED 'not configured'"
    )
    api_endpoint: str | None = Field(
        default=None, description="None: Google; else base URL with /calendar/v3/"
    )
    token_uri: str = GOOGLE_TOKEN_URI
    client_id: str = ""
    client_secret: SecretStr = SecretStr("")
    timeout_s: float = Field(default=30.0, gt=0)
    horizon_days: int = Field(default=14, gt=0, description="how far ahead the calendar is mirrored")
    max_replans: int = Field(default=2, ge=0, description="re-plans after user edits raced the write-back")
    retry: RetryPolicy = RetryPolicy()
    breaker: BreakerSettings = BreakerSettings()
    vault: VaultSettings = VaultSettings()
    push_address: str = Field(default="", description="public HTTPS URL Google posts to; empty: no channels")
    push_listen_host: str = "127.0.0.1"
    push_listen_port: int = Field(default=8086, ge=0, lt=65536)
    channel_ttl_s: int = Field(default=7 * 24 * 3600, gt=0)
    renew_every_s: float = Field(default=3600.0, gt=0, description="how often the push endpoint renews")

    def google(self) -> GoogleCalendarSettings:
        return GoogleCalendarSettings(
            api_endpoint=self.api_endpoint, token_uri=self.token_uri, timeout_s=self.timeout_s
        )
