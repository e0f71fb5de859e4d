"""`scheduling-worker topics create|describe`."""

from __future__ import annotations

import argparse

from ingest.admin import create_topics, describe_topics
from ingest.settings import Settings

HELP = "create or inspect the worker's topics from the catalog"
DESCRIPTION = """\
The catalog (ingest/topics.py) declares every topic with its partitions and retention; names follow
the pipeline's settings (renamed topics, `pipeline.topic_suffix`), as `run --create-topics` uses them.
`create` is idempotent: it creates missing topics, sets retention and the `delete` cleanup policy
on existing ones, and reports (exit 1) any topic whose partition count differs from the catalog,
without changing it.
`describe` shows each topic as the cluster has it next to the catalog."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    topics = subparsers.add_parser("topics", help=HELP, description=DESCRIPTION)
    actions = topics.add_subparsers(dest="action", required=True, metavar="ACTION")
    actions.add_parser(
        "create", help="create missing topics, set retention and cleanup, report mismatches"
    ).set_defaults(handler=_create)
    actions.add_parser(
        "describe", help="show each topic: partitions, retention and cleanup vs the catalog"
    ).set_defaults(handler=_describe)


def _create(args: argparse.Namespace, settings: Settings) -> int:
    report = create_topics(settings.kafka.admin_config(), settings.pipeline.resolved_topics.specs())
    print("\n".join(report.lines()))
    return 0 if report.ok else 1


def _describe(args: argparse.Namespace, settings: Settings) -> int:
    print(f"{'topic':44} {'partitions':>12} {'retention (days)':>18} {'cleanup':>8}  state")
    for state in describe_topics(settings.kafka.admin_config(), settings.pipeline.resolved_topics.specs()):
        spec = state.spec
        days = "-" if state.retention_ms is None else f"{state.retention_ms / 86_400_000:g}"
        found = "-" if state.partitions is None else str(state.partitions)
        verdict = "missing" if state.partitions is None else ("ok" if state.matches else "differs")
        partitions, retention = f"{found}/{spec.partitions}", f"{days}/{spec.retention_days}"
        print(f"{spec.name:44} {partitions:>12} {retention:>18} {state.cleanup_policy or '-':>8}  {verdict}")
    return 0
