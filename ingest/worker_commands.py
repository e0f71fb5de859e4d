"""`scheduling-worker run`, `produce-sample` and `tail`: run the worker, feed it, watch what it says."""

from __future__ import annotations

import argparse
import sys
import uuid
from datetime import UTC, datetime

from confluent_kafka import Message, Producer

from ingest.pipeline_config import HOSTS_HELP
from ingest.sample import SampleShape, sample_commands
from ingest.settings import Settings
from ingest.tail import describe, output_topics, read_outputs, summary

RUN_DESCRIPTION = """\
Consume scheduling.commands in the group scheduling-worker-primary, solve on Ray, publish the outcomes.
Joins the Ray cluster at RAY_ADDRESS (as under `ray job submit`) or starts a local Ray. Runs until
SIGTERM or Ctrl-C, then drains in-flight work, commits what is done and stops."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    run = subparsers.add_parser("run", help="run the worker until stopped", description=RUN_DESCRIPTION)
    run.add_argument("--create-topics", action="store_true", help="create missing topics first")
    run.add_argument("--hosts", type=int, help=HOSTS_HELP)
    run.add_argument("--ingest-actors", type=int, help="default: one per partition, at most one per CPU")
    run.add_argument("--store-url", help="sqlite:///path or postgresql://... (default from the settings)")
    run.add_argument("--status-every", type=float, help="seconds between status lines")
    run.set_defaults(handler=_run)
    sample = subparsers.add_parser("produce-sample", help="send a realistic sample of commands")
    sample.add_argument("--users", type=int, default=5)
    sample.add_argument("--commands", type=int, default=3, help="commands per user")
    sample.add_argument(
        "--run-id", default=None, help="task id prefix; the same id re-sends the same commands"
    )
    sample.add_argument("--follow", action="store_true", help="then print this sample's outcomes")
    sample.add_argument(
        "--idle", type=float, default=20.0, help="--follow stops after this many quiet seconds"
    )
    sample.set_defaults(handler=_produce_sample)
    tail = subparsers.add_parser("tail", help="print the worker's outputs, from the beginning")
    tail.add_argument("--idle", type=float, default=5.0, help="stop after this many quiet seconds")
    tail.set_defaults(handler=_tail)


def _say(text: str) -> None:
    print(text, flush=True)


def _run(args: argparse.Namespace, settings: Settings) -> int:
    from ingest.run_worker import run_worker  # imports Ray: only this command needs it

    return run_worker(args, settings)


def _produce_sample(args: argparse.Namespace, settings: Settings) -> int:
    run_id = args.run_id or uuid.uuid4().hex[:6]
    # Steady users: re-plans show what the product keeps, not a fresh draw of every item each time.
    shape = SampleShape(users=args.users, commands_per_user=args.commands, run=run_id, steady=True)
    records = sample_commands(shape, datetime.now(UTC))
    producer = Producer(settings.kafka.producer_config())
    topic = settings.pipeline.resolved_topics.commands
    sources: set[tuple[int, int]] = set()
    for record in records:
        producer.produce(topic, record.value, record.key, on_delivery=lambda e, m: sources.add(_where(m)))
    left = producer.flush(30)
    broken = sum(r.malformed for r in records)
    _say(f"sent {len(records) - left} commands to {topic} (run {run_id}, {broken} malformed on purpose)")
    if args.follow:
        task_ids = {r.task_id for r in records}
        for output in read_outputs(
            settings, output_topics(settings.pipeline.resolved_topics), idle_s=args.idle
        ):
            source = (output.body.get("sourcePartition", -1), output.body.get("sourceOffset", -1))
            if output.task_id in task_ids or source in sources:
                _say(describe(output))
    return 0 if left == 0 else 1


def _where(message: Message) -> tuple[int, int]:
    return message.partition() or 0, message.offset() or 0


def _tail(args: argparse.Namespace, settings: Settings) -> int:
    outputs = []
    for output in read_outputs(settings, output_topics(settings.pipeline.resolved_topics), idle_s=args.idle):
        outputs.append(output)
        _say(describe(output))
    print(summary(outputs), file=sys.stderr)
    return 0
