"""Read the worker's outputs back: one readable line per message, for demos and for checking a run.

Lines name the topic, the user, the command (`taskId` header) and what happened, never the sensitive
fields (attendees, locations, notification text).
"""

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


def describe(output: Output) -> str:
    try:
        return _described(output)
    except (KeyError, TypeError, AttributeError):  # a message of another shape than the worker writes
        topic = output.topic.removeprefix("scheduling.")
        return f"{topic:40} {output.key:14} {output.task_id:28} not a message the worker writes"


def _described(output: Output) -> str:
    b = output.body
    topic = output.topic.removeprefix("scheduling.")
    if "unreadable" in b:
        what = str(b["unreadable"])
    elif "eventId" in b:
        start = (b.get("eventData") or {}).get("start", {}).get("dateTime", "")
        what = f"{b['eventType']} block {(b.get('eventData') or {}).get('summary', '')!r} at {start}"
    elif "habitId" in b:
        streak = (b.get("habitData") or {}).get("streak") or {}
        what = f"{b['eventType']} habit {b['habitId']} streak {streak.get('current', 0)}"
    elif "goalId" in b:
        progress = (b.get("goalData") or {}).get("progress", {})
        what = f"{b['eventType']} goal {b['goalId']} {progress.get('current')}/{progress.get('target')}"
    elif "notificationId" in b:
        what = f"{b['type']} via {b['channel']} for {b['scheduledFor']}"
    elif "updateType" in b:
        errors = (b.get("details") or {}).get("errors") or []
        first = f": {str(errors[0])[:100]}" if errors else ""
        more = f" (+{len(errors) - 1} more)" if len(errors) > 1 else ""
        what = f"{b['updateType']}{first}{more}"
    elif "metadata" in b:  # usage analytics
        meta = b.get("metadata") or {}
        what = f"{b['eventType']} {meta.get('habitId') or meta.get('goalId') or ''}".rstrip()
    elif "metricType" in b:
        labels = b.get("labels", {})
        # A solve's status (`status` in records of older versions), else a Google call's HTTP status.
        status = labels.get("solverStatus", labels.get("status", labels.get("statusCode", "")))
        what = f"{b['metricType']} {b['value']} {b['unit']} {status}"
    else:
        what = f"{b.get('errorClass')}: {b.get('reason', '')[:120]}"
    return f"{topic:40} {output.key:14} {output.task_id:28} {what}"


def summary(outputs: list[Output]) -> str:
    counts = Counter(o.topic for o in outputs)
    return ", ".join(f"{topic}: {n}" for topic, n in sorted(counts.items())) or "no outputs"
