"""Outputs the broker does not take after the producer's retries: their commands' partitions are read
again from the first unfinished command, and the replays publish every user's outputs again, in order.

Here one output topic is missing for a while (the broker creates no topics), so every record for it
times out after the producer's `message.timeout.ms`; the worker keeps running, dead-letters nothing
for it, and finishes every command once the topic exists.
"""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from confluent_kafka.admin import AdminClient

from ingest.pipeline_topics import create_pipeline_topics
from ingest.sample import SampleShape, sample_commands
from ingest.settings import Settings
from ingest.worker import Worker
from tests.e2e import checks
from tests.e2e.harness import isolated, outputs, pipeline_topics, produce, wait_committed, wait_done

pytestmark = [
    pytest.mark.kafka,
    pytest.mark.ray,
    pytest.mark.usefixtures("ray_local"),
    pytest.mark.timeout(300),
]


def _delete_topic(settings: Settings, topic: str) -> None:
    admin = AdminClient(settings.kafka.admin_config())
    admin.delete_topics([topic], operation_timeout=30)[topic].result()
    deadline = time.monotonic() + 30
    while topic in admin.list_topics(timeout=10).topics and time.monotonic() < deadline:
        time.sleep(0.2)


def test_outputs_not_delivered_are_published_again_in_order_once_the_broker_takes_them(
    kafka_settings: Settings, tmp_path: Path
) -> None:
    producer = kafka_settings.kafka.producer.model_copy(update={"extra": {"message.timeout.ms": 2000}})
    base = kafka_settings.model_copy(
        update={"kafka": kafka_settings.kafka.model_copy(update={"producer": producer})}
    )
    settings = isolated(base, f"sqlite:///{tmp_path / 'state.sqlite3'}")
    tag = uuid.uuid4().hex[:6]
    shape = SampleShape(
        users=20, commands_per_user=3, horizon_days=1, time_limit_ms=300, malformed_every=1000,
        run=tag, user_prefix=f"u{tag}",
    )  # fmt: skip
    records = sample_commands(shape, datetime.now(UTC))
    topics = settings.pipeline.resolved_topics
    missing = topics.outputs.performance  # every planning command writes its timings there
    with pipeline_topics(settings):
        _delete_topic(settings, missing)
        worker = Worker.start(settings)
        try:
            assert worker.await_assignment(timeout_s=120)
            landed = produce(settings, records)
            deadline = time.monotonic() + 60
            while worker.stats().rewinds == 0 and time.monotonic() < deadline:
                time.sleep(0.2)
            stalled = worker.stats()
            assert stalled.rewinds > 0, f"no partition was read again: {stalled.line()}"
            assert stalled.done < len(records)  # held back by the missing topic
            create_pipeline_topics(settings)
            wait_done(worker, len(records), timeout_s=120)
            wait_committed(settings, timeout_s=60)
            final = worker.stats()
            seen = outputs(settings)
        finally:
            worker.stop()
    assert final.dead_lettered == 0 and final.errors == 0
    assert final.replayed > 0  # the rewound commands were answered from the outbox
    dlq = topics.outputs.dead_letter
    checks.one_outcome_set_each(records, seen, dlq, landed)
    checks.outputs_match_outbox(records, seen, dlq, settings.store_url)
    checks.user_order_holds(records, seen, dlq)
    checks.same_ids_same_bytes(seen, dlq)
    assert any(o.topic == missing for o in seen)
