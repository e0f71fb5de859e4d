"""The floor benchmark answers every command it reads (each output acked), then removes its topics."""

from __future__ import annotations

import pytest
from confluent_kafka.admin import AdminClient

from ingest.bench_floor import run_floor
from ingest.bench_send import BenchPlan, sample
from ingest.settings import Settings

pytestmark = pytest.mark.kafka


def test_the_floor_answers_every_command_and_leaves_no_topics(kafka_settings: Settings) -> None:
    records = sample(BenchPlan(users=20, commands=3, trivial=True), "floor")
    result = run_floor(kafka_settings, records, broker_pid=None)
    assert result.commands == len(records) == 60
    assert result.seconds > 0 and result.rate > 0
    topics = AdminClient(kafka_settings.kafka.admin_config()).list_topics(timeout=10).topics
    assert not [name for name in topics if name.startswith("bench-floor-")]
