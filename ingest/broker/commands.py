"""`scheduling-worker kafka up|down|status`."""

from __future__ import annotations

import argparse
import sys

from ingest.broker import control
from ingest.settings import Settings

HELP = "run the local single-node Kafka broker (KRaft, no Docker)"
DESCRIPTION = """\
Manage the local Apache Kafka broker used for development and tests. Its jars come from Maven
Central on first use (cached), its storage is formatted once, and it runs in the background with
its log in the data directory. When KAFKA_BOOTSTRAP_SERVERS or the settings file point at another
cluster, nothing is started or stopped."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    kafka = subparsers.add_parser("kafka", help=HELP, description=DESCRIPTION)
    actions = kafka.add_subparsers(dest="action", required=True, metavar="ACTION")
    actions.add_parser(
        "up", help="start the broker (or reuse the running one) and print its bootstrap address"
    ).set_defaults(handler=_up)
    actions.add_parser("down", help="stop the broker: SIGTERM, then SIGKILL after a timeout").set_defaults(
        handler=_down
    )
    actions.add_parser(
        "status", help="say whether the broker runs and answers (exit 0) or not (exit 3)"
    ).set_defaults(handler=_status)


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _up(args: argparse.Namespace, settings: Settings) -> int:
    # Progress goes to stderr so that `$(scheduling-worker kafka up)` captures just the address.
    print(control.up(settings, _say))
    return 0


def _down(args: argparse.Namespace, settings: Settings) -> int:
    control.down(settings, _say)
    return 0


def _status(args: argparse.Namespace, settings: Settings) -> int:
    state = control.status(settings)
    print(f"{'running' if state.running else 'not running'} at {state.bootstrap}: {state.detail}")
    return 0 if state.running else 3
