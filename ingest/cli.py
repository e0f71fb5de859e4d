"""`scheduling-worker`: one command whose subcommands come from the feature modules.

Each module in COMMAND_MODULES exposes `register(subparsers)`; it adds its parser and sets a
`handler(args, settings) -> exit code` default. Add a feature by adding its module here.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from ingest.errors import IngestError
from ingest.local_ray import stay_on_loopback
from ingest.settings import SETTINGS_FILE_ENV, load_settings

COMMAND_MODULES: tuple[str, ...] = (
    "ingest.broker.commands",
    "ingest.topic_commands",
    "ingest.worker_commands",
    "ingest.bench_commands",
    "ingest.calendar_commands",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scheduling-worker",
        description="Ray-based schedule optimizer: Kafka commands in, CP-SAT plans and events out.",
        epilog="Settings: defaults < TOML file < KAFKA_BOOTSTRAP_SERVERS < SCHEDULING_WORKER_* variables.",
    )
    parser.add_argument(
        "--settings", metavar="FILE", help=f"TOML settings file (default: ${SETTINGS_FILE_ENV} when set)"
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    stay_on_loopback()  # before any command imports ray
    try:
        settings = load_settings(args.settings)
        code: int = args.handler(args, settings)
    except IngestError as error:
        print(f"scheduling-worker: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return code


if __name__ == "__main__":
    sys.exit(main())
