"""The HTTP endpoint Google posts calendar push notifications to (bodiless POSTs, `X-Goog-*` headers).

It answers at once and only enqueues: the sync itself runs as a SYNC_CALENDAR command. Answers follow
Google's delivery rules, where 2xx is success, 500/502/503/504 are retried with backoff, and any other
status is a failure that is not retried:
- 200: accepted (also the `sync` message each new channel gets first, which needs no sync);
- 400: no channel id; 403: channel token or resource id wrong (constant-time compare);
- 404: unknown channel (stopped, or never ours): Google gives up, the channel lapses at expiry;
- 503: `enqueue` failed, so Google tries again later.
"""

from __future__ import annotations

import hmac
import logging
import threading
from collections.abc import Callable, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from actors.google_calendar.channels import ChannelStore

log = logging.getLogger(__name__)
PUSH_PATH = "/google-calendar/notifications"
Enqueue = Callable[[str, str, str], None]
"""enqueue(user_id, calendar_id, reason): must be quick, e.g. hand a SYNC_CALENDAR command to a producer.
`reason` names the channel and Google's message number, so a redelivered notification can be recognised."""


def answer_notification(headers: Mapping[str, str], store: ChannelStore, enqueue: Enqueue) -> int:
    """The HTTP status for one notification; enqueues a sync when the calendar changed."""
    headers = {name.lower(): value for name, value in headers.items()}  # proxies may change the case
    channel_id = headers.get("x-goog-channel-id", "")
    if not channel_id:
        return 400
    channel = store.get(channel_id)
    if channel is None:
        log.info("push notification for unknown channel %s refused", channel_id)
        return 404
    token_ok = hmac.compare_digest(
        headers.get("x-goog-channel-token", "").encode(), channel.token.get_secret_value().encode()
    )
    if not token_ok or headers.get("x-goog-resource-id") != channel.resource_id:
        log.warning("push notification for channel %s with a wrong token or resource refused", channel_id)
        return 403
    state = headers.get("x-goog-resource-state", "")
    if state == "sync":
        return 200
    number = headers.get("x-goog-message-number", "?")
    try:
        enqueue(channel.user_id, channel.calendar_id, f"push {state} #{number} on channel {channel_id}")
    except Exception:
        log.exception("could not enqueue the sync for channel %s; Google will retry", channel_id)
        return 503
    return 200


class _Handler(BaseHTTPRequestHandler):
    store: ChannelStore
    enqueue: Enqueue

    def log_message(self, format: str, *args: Any) -> None:
        """Silenced: the access log would repeat channel ids for every notification."""

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(min(length, 65536))
        status = (
            answer_notification(dict(self.headers.items()), self.store, self.enqueue)
            if self.path == PUSH_PATH
            else 404
        )
        self._reply(status)

    def do_GET(self) -> None:
        self._reply(405)

    def _reply(self, status: int) -> None:
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()


class PushReceiver:
    """Serves `PUSH_PATH` on its own thread. Google needs a public HTTPS address; a TLS-terminating proxy
    in front of this forwards to it."""

    def __init__(self, store: ChannelStore, enqueue: Enqueue, host: str = "127.0.0.1", port: int = 0) -> None:
        handler = type("PushHandler", (_Handler,), {"store": store, "enqueue": staticmethod(enqueue)})
        self._http = ThreadingHTTPServer((host, port), handler)
        self._http.daemon_threads = True
        # A short poll interval: stop() returns within 0.05 s instead of the default 0.5 s.
        self._thread = threading.Thread(
            target=self._http.serve_forever, kwargs={"poll_interval": 0.05}, name="calendar-push", daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._http.server_address[:2]
        return f"http://{host!s}:{port}{PUSH_PATH}"

    def start(self) -> PushReceiver:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._http.shutdown()
        self._http.server_close()
        self._thread.join(timeout=5)
