"""The fake Google Calendar: one ThreadingHTTPServer on 127.0.0.1 serving the API and OAuth.

Tests drive it through the real client library, and act "as Google" or "as the user" through the
admin methods here: add accounts, edit events behind the worker's back, expire sync tokens, inject
faults, revoke grants, deliver push notifications, and move the fake's clock.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from http.server import ThreadingHTTPServer

from . import errors
from .channels import ChannelBook
from .faults import FaultQueue
from .handler import Handler
from .listing import Lister
from .oauth import Grant, OAuthServer
from .store import CalendarStore


class FakeClock:
    """Real time plus an offset the tests can advance (token and channel expiry)."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def advance(self, seconds: float) -> None:
        self.offset += timedelta(seconds=seconds)


class FakeGoogleCalendar:
    def __init__(self) -> None:
        self.clock = FakeClock()
        self.store = CalendarStore(self.clock.now)
        self.lister = Lister(self.store)
        self.oauth = OAuthServer(self.clock.now)
        self.channels = ChannelBook(self.clock.now)
        self.faults = FaultQueue()
        self.requests = 0
        # Called as (method, path below /calendar/v3/) before each API request is served: lets a test act
        # as the user at an exact moment, e.g. edit an event between the worker's read and its write.
        self.before_request: Callable[[str, str], None] | None = None
        handler = type("BoundHandler", (Handler,), {"fake": self})
        self._http = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._http.daemon_threads = True
        # A short poll interval: stop() returns within 0.05 s instead of the default 0.5 s.
        self._thread = threading.Thread(
            target=self._http.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-google", daemon=True
        )

    @property
    def base_url(self) -> str:
        host, port = self._http.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def api_endpoint(self) -> str:
        """What `client_options={"api_endpoint": ...}` takes: the service path included."""
        return f"{self.base_url}/calendar/v3/"

    @property
    def token_uri(self) -> str:
        return f"{self.base_url}/token"

    def start(self) -> FakeGoogleCalendar:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._http.shutdown()
        self._http.server_close()
        self._thread.join(timeout=5)

    def add_account(self, account: str, time_zone: str = "UTC") -> Grant:
        """A user with a primary calendar (id = the account) and a refresh token for it."""
        self.store.add_calendar(account, owner=account, time_zone=time_zone)
        return self.oauth.grant(account)

    def calendar_for(self, account: str, calendar_id: str) -> str:
        resolved = account if calendar_id == "primary" else calendar_id
        if self.store.calendar(resolved).owner != account:
            raise errors.not_found(f"calendar {calendar_id}")
        return resolved
