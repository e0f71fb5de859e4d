"""Read the worker's outputs back, for demos and for checking a run; each reads as one line
(ingest/tail_lines.py)."""

from __future__ import annotations

import json
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from confluent_kafka import Consumer, Message

from ingest.pipeline_config import PipelineTopics
from ingest.settings import Settings
from ingest.tail_lines import describe

__all__ = ["Output", "describe", "output_topics", "read_outputs", "summary"]


@dataclass(frozen=True)
class Output:
    topic: str
    key: str
    task_id: str
    message_id: str
    body: dict[str, Any]
    value: bytes
    partition: int


def output_topics(topics: PipelineTopics) -> list[str]:
    return [name for _, name in topics.outputs]


def read_outputs(
    settings: Settings, topics: list[str], idle_s: float = 5.0, until: Callable[[int], bool] | None = None
) -> Iterator[Output]:
    """Every message on `topics` from the beginning, until `idle_s` pass without one or `until(count)`."""
    group = f"scheduling-worker-tail-{uuid.uuid4().hex[:8]}"  # a fresh group reads from the start
    config = {**settings.kafka.consumer_config(group), "auto.offset.reset": "earliest"}
    consumer = Consumer(config)
    consumer.subscribe(topics)
    count, last = 0, time.monotonic()
    try:
        while time.monotonic() - last < idle_s and not (until and until(count)):
            for message in consumer.consume(500, 0.5):
                if message.error() is None:
                    count, last = count + 1, time.monotonic()
                    yield _output(message)
    finally:
        consumer.close()


def _output(message: Message) -> Output:
    raw = message.headers() or []
    pairs = raw.items() if isinstance(raw, dict) else raw
    headers = {k: v.decode() if isinstance(v, bytes) else (v or "") for k, v in pairs}
    body = _body(message.value() or b"{}")
    key = (message.key() or b"").decode(errors="replace")
    value = message.value() or b""
    task_id, message_id = headers.get("taskId", ""), headers.get("messageId", "")
    return Output(message.topic() or "", key, task_id, message_id, body, value, message.partition() or 0)


def _body(value: bytes) -> dict[str, Any]:
    """The message as a JSON object; anyone may write to these topics, so anything else is shown as
    unreadable rather than stopping the reader."""
    try:
        body = json.loads(value)
    except (ValueError, RecursionError):
        body = None
    if isinstance(body, dict):
        return body
    return {"unreadable": f"not a JSON object ({len(value)} bytes)"}


def summary(outputs: list[Output]) -> str:
    counts = Counter(o.topic for o in outputs)
    return ", ".join(f"{topic}: {n}" for topic, n in sorted(counts.items())) or "no outputs"
