"""HTTP routing of the fake: /token for OAuth and /calendar/v3/... for the Calendar API."""

from __future__ import annotations

import json
import re
import urllib.parse
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any

from . import errors

if TYPE_CHECKING:
    from .server import FakeGoogleCalendar

API = "/calendar/v3/"
_EVENTS = re.compile(r"calendars/(?P<cal>[^/]+)/events(?:/(?P<event>[^/]+))?$")


class Handler(BaseHTTPRequestHandler):
    fake: FakeGoogleCalendar  # set on the subclass the server builds

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: test output should show assertions, not access logs."""

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_PUT(self) -> None:
        self._dispatch("PUT")

    def do_PATCH(self) -> None:
        self._dispatch("PATCH")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    def _dispatch(self, method: str) -> None:
        url = urllib.parse.urlsplit(self.path)
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            if method == "POST" and url.path == "/token":
                form = dict(urllib.parse.parse_qsl(body.decode()))
                status, answer = self.fake.oauth.exchange(form)
                self._send(status, answer)
            elif url.path.startswith(API):
                self.fake.requests += 1
                if self.fake.before_request is not None:  # a test acting at an exact moment
                    self.fake.before_request(method, url.path[len(API) :])
                answer = self._api(method, url.path[len(API) :], urllib.parse.parse_qs(url.query), body)
                self._send(204 if answer is None else 200, answer)
            else:
                raise errors.not_found(url.path)
        except errors.ApiError as failed:
            self._send(failed.status, failed.body(), failed.headers)

    def _api(self, method: str, path: str, query: dict[str, list[str]], raw: bytes) -> Any:
        account = self.fake.oauth.account_for(self.headers.get("Authorization"))
        if account is None:
            raise errors.unauthorized()
        injected = self.fake.faults.next()
        if injected is not None:
            raise injected
        body = json.loads(raw) if raw else {}
        if method == "POST" and path == "channels/stop":
            return self.fake.channels.stop(body)
        match = _EVENTS.match(path)
        if match is None:
            raise errors.not_found(path)
        calendar_id = self.fake.calendar_for(account, urllib.parse.unquote(match["cal"]))
        event_id = urllib.parse.unquote(match["event"]) if match["event"] else None
        return self._events(method, calendar_id, event_id, query, body)

    def _events(
        self, method: str, cal: str, event_id: str | None, query: dict[str, list[str]], body: Any
    ) -> Any:
        store, if_match = self.fake.store, self.headers.get("If-Match")
        if event_id is None:
            if method == "GET":
                return self.fake.lister.list_events(cal, query)
            if method == "POST":
                return store.insert(cal, body)
        elif event_id == "watch" and method == "POST":
            return self.fake.channels.watch(cal, body)
        elif method == "GET":
            return store.current(cal, event_id)
        elif method == "PATCH":
            return store.patch(cal, event_id, body, if_match)
        elif method == "PUT":
            return store.update(cal, event_id, body, if_match)
        elif method == "DELETE":
            return store.delete(cal, event_id, if_match)
        raise errors.ApiError(405, "methodNotAllowed", f"{method} is not supported here")

    def _send(self, status: int, answer: Any, headers: dict[str, str] | None = None) -> None:
        data = answer if isinstance(answer, bytes) else b"" if answer is None else json.dumps(answer).encode()
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if data:
            self.send_header("Content-Type", "application/json; charset=UTF-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
