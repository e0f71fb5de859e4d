"""Building the real Calendar client for one user from their stored OAuth grant.

The client uses the discovery document bundled with google-api-python-client (no network fetch), and
google-auth credentials that refresh the access token through the configured token endpoint. A client
is not thread-safe (httplib2): use one per user actor call, never share it across threads.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import google_auth_httplib2
import httplib2
from google.oauth2.credentials import Credentials
from googleapiclient.discovery import build
from pydantic import BaseModel, ConfigDict, Field, SecretStr

from actors.google_calendar.calls import CalendarCalls

CALENDAR_EVENTS_SCOPE = "https://www.googleapis.com/auth/calendar.events"
GOOGLE_TOKEN_URI = "https://oauth2.googleapis.com/token"


class OAuthGrant(BaseModel):
    """What consent left us for one user. Stored encrypted with the user's state; never logged."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    refresh_token: SecretStr
    client_id: str
    client_secret: SecretStr
    scopes: tuple[str, ...] = (CALENDAR_EVENTS_SCOPE,)


class GoogleCalendarSettings(BaseModel):
    """Where Google is. The defaults are Google's production endpoints; tests point them at a fake."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    api_endpoint: str | None = Field(
        default=None,
        description="Base URL including the service path, e.g. http://127.0.0.1:8080/calendar/v3/",
    )
    token_uri: str = GOOGLE_TOKEN_URI
    timeout_s: float = Field(default=30.0, gt=0)


def credentials_for(grant: OAuthGrant, settings: GoogleCalendarSettings) -> Credentials:
    info = {
        "refresh_token": grant.refresh_token.get_secret_value(),
        "client_id": grant.client_id,
        "client_secret": grant.client_secret.get_secret_value(),
    }
    # from_authorized_user_info always sets Google's token URI; with_token_uri puts ours back.
    credentials = Credentials.from_authorized_user_info(info, scopes=list(grant.scopes))
    return credentials.with_token_uri(settings.token_uri)


def build_service(grant: OAuthGrant, settings: GoogleCalendarSettings) -> Any:
    """A `calendar` v3 client for one user. The first request fetches an access token."""
    http = google_auth_httplib2.AuthorizedHttp(
        credentials_for(grant, settings), http=httplib2.Http(timeout=int(settings.timeout_s))
    )
    options = {"api_endpoint": settings.api_endpoint} if settings.api_endpoint else None
    return build(
        "calendar", "v3", http=http, static_discovery=True, cache_discovery=False, client_options=options
    )


@dataclass(frozen=True)
class UserCalendar:
    """One user's calendar as this package uses it: the client, the resilient caller, which calendar."""

    service: Any
    calls: CalendarCalls
    calendar_id: str = "primary"

    def execute(self, request: Any, operation: str) -> Any:
        return self.calls.execute(request, operation)

    def events(self) -> Any:
        return self.service.events()


def connect(
    grant: OAuthGrant, settings: GoogleCalendarSettings, calls: CalendarCalls, calendar_id: str = "primary"
) -> UserCalendar:
    return UserCalendar(build_service(grant, settings), calls, calendar_id)
