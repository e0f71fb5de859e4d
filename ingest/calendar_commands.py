"""`scheduling-worker calendar connect|push-endpoint|new-key`: the Google Calendar integration's edges.

The settings come from the `actors.calendar` section (docs/google-calendar.md); secrets such as the
client secret and the vault keys belong in the environment, never on the command line.
"""

from __future__ import annotations

import argparse
import logging
import time
from datetime import UTC, datetime
from pathlib import Path

from confluent_kafka import Producer

from actors.calendar.channel_store import SqlChannelStore
from actors.calendar.connect import connect_user
from actors.calendar.edge import CalendarEdge
from actors.calendar.renewal import renew_due
from actors.google_calendar.client import CALENDAR_EVENTS_SCOPE, OAuthGrant
from actors.google_calendar.push import PushReceiver
from actors.google_calendar.vault import Vault, new_key
from actors.store import open_store
from ingest.calendar_push import CommandEnqueuer
from ingest.errors import IngestError
from ingest.settings import Settings

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    calendar = subparsers.add_parser(
        "calendar", help="connect users' Google Calendars; serve push notifications"
    )
    actions = calendar.add_subparsers(dest="action", required=True, metavar="ACTION")
    connect = actions.add_parser("connect", help="store a user's Google grant, sealed, in the state store")
    connect.add_argument("--user", required=True, help="the user id commands carry")
    connect.add_argument(
        "--refresh-token-file", required=True, type=Path, help="file holding the refresh token"
    )
    connect.add_argument("--calendar", default="primary", help="calendar to sync (default: primary)")
    connect.set_defaults(handler=_connect)
    push = actions.add_parser("push-endpoint", help="receive Google's push notifications; renew channels")
    push.set_defaults(handler=_push_endpoint)
    actions.add_parser("new-key", help="print a fresh vault key (base64url, 32 bytes)").set_defaults(
        handler=lambda args, settings: print(new_key()) or 0
    )


def _enabled(settings: Settings) -> None:
    if not settings.actors.calendar.enabled:
        raise IngestError("the Google Calendar integration is off: set actors.calendar.enabled = true")


def _connect(args: argparse.Namespace, settings: Settings) -> int:
    _enabled(settings)
    calendar = settings.actors.calendar
    try:
        refresh_token = args.refresh_token_file.read_text().strip()
    except OSError as error:
        raise IngestError(
            f"cannot read the refresh token file {args.refresh_token_file}: {error.strerror}"
        ) from error
    grant = OAuthGrant.model_validate(
        {
            "refresh_token": refresh_token,
            "client_id": calendar.client_id,
            "client_secret": calendar.client_secret,
            "scopes": (CALENDAR_EVENTS_SCOPE,),
        }
    )
    store = open_store(settings.store_url)
    try:
        version = connect_user(store, args.user, grant, Vault(calendar.vault), args.calendar)
    finally:
        store.close()
    print(f"connected calendar {args.calendar} of user {args.user} (state version {version})")
    return 0


def push_enqueuer(settings: Settings, producer: Producer) -> CommandEnqueuer:
    """Push-triggered syncs go to the commands topic the workers of this deployment read."""
    return CommandEnqueuer(producer, settings.pipeline.resolved_topics.commands)


def _push_endpoint(args: argparse.Namespace, settings: Settings) -> int:
    calendar = settings.actors.calendar
    edge = CalendarEdge.create(calendar, None)
    if edge is None:
        raise IngestError("the Google Calendar integration is off: set actors.calendar.enabled = true")
    channels = SqlChannelStore(settings.store_url, edge.vault)
    states = open_store(settings.store_url)
    producer = Producer(settings.kafka.producer_config())
    host, port = calendar.push_listen_host, calendar.push_listen_port
    receiver = PushReceiver(channels, push_enqueuer(settings, producer), host, port).start()
    print(f"listening for Google Calendar push notifications on {receiver.url}", flush=True)
    try:
        while True:  # renew at start, then every renew_every_s; channels are renewed a day early
            log.info("renewed %d watch channel(s)", renew_due(edge, channels, states, datetime.now(UTC)))
            time.sleep(calendar.renew_every_s)
    except KeyboardInterrupt:
        pass
    finally:
        receiver.stop()
        channels.close()
        states.close()
        producer.flush(5)
    return 0
