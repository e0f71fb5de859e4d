"""`create_topics` against the real broker: idempotent, fixes retention and cleanup policy, reports
partition mismatches."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from confluent_kafka.admin import AdminClient, ConfigResource

from ingest.admin import create_topics, describe_topics
from ingest.cli import main
from ingest.settings import Settings
from ingest.topics import CATALOG, TopicSpec
from tests.fixtures.kafka import NewTopicFactory

pytestmark = pytest.mark.kafka


def spec(name: str, partitions: int, days: int) -> TopicSpec:
    return TopicSpec(name, partitions, days, "userId", "test topic")


def topic_config(settings: Settings, name: str) -> dict[str, str]:
    """The topic's configuration as the broker reports it, read independently of `ingest.admin`."""
    admin = AdminClient(settings.kafka.admin_config())
    [future] = admin.describe_configs([ConfigResource(ConfigResource.Type.TOPIC, name)]).values()
    return {key: entry.value for key, entry in future.result().items()}


@pytest.fixture
def fresh_names(kafka_settings: Settings) -> Iterator[list[str]]:
    """Names for topics that `create_topics` makes; deleted after the test."""
    names = [f"test.catalog.{uuid.uuid4().hex[:10]}.{i}" for i in range(2)]
    yield names
    admin = AdminClient(kafka_settings.kafka.admin_config())
    existing = set(admin.list_topics(timeout=10).topics)
    doomed = [name for name in names if name in existing]
    if doomed:
        for future in admin.delete_topics(doomed, operation_timeout=30).values():
            future.result()


def test_creating_twice_is_idempotent(kafka_settings: Settings, fresh_names: list[str]) -> None:
    catalog = [spec(fresh_names[0], 3, 7), spec(fresh_names[1], 2, 30)]
    config = kafka_settings.kafka.admin_config()

    first = create_topics(config, catalog)
    second = create_topics(config, catalog)

    assert sorted(first.created) == sorted(fresh_names) and first.ok
    assert (second.created, second.config_set, second.mismatched) == ((), (), ())
    states = describe_topics(config, catalog)
    assert [(s.partitions, s.retention_ms) for s in states] == [(3, 7 * 86_400_000), (2, 30 * 86_400_000)]
    assert [s.cleanup_policy for s in states] == ["delete", "delete"]
    assert [topic_config(kafka_settings, name)["cleanup.policy"] for name in fresh_names] == ["delete"] * 2


def test_retention_is_set_on_an_existing_topic(kafka_settings: Settings, new_topic: NewTopicFactory) -> None:
    name = new_topic(partitions=2, config={"retention.ms": "60000"})
    config = kafka_settings.kafka.admin_config()

    report = create_topics(config, [spec(name, 2, 14)])

    assert report.config_set == (name,) and report.created == () and report.ok
    [state] = describe_topics(config, [spec(name, 2, 14)])
    assert state.retention_ms == 14 * 86_400_000 and state.matches


def test_a_compacted_topic_is_set_back_to_delete(
    kafka_settings: Settings, new_topic: NewTopicFactory
) -> None:
    name = new_topic(partitions=2, config={"retention.ms": str(14 * 86_400_000), "cleanup.policy": "compact"})
    config = kafka_settings.kafka.admin_config()
    [before] = describe_topics(config, [spec(name, 2, 14)])
    assert before.cleanup_policy == "compact" and not before.matches

    report = create_topics(config, [spec(name, 2, 14)])

    assert report.config_set == (name,) and report.ok
    assert topic_config(kafka_settings, name)["cleanup.policy"] == "delete"
    [after] = describe_topics(config, [spec(name, 2, 14)])
    assert after.matches


def test_partition_mismatch_is_reported_and_left_alone(
    kafka_settings: Settings, new_topic: NewTopicFactory
) -> None:
    name = new_topic(partitions=1)
    config = kafka_settings.kafka.admin_config()

    report = create_topics(config, [spec(name, 3, 7)])

    assert not report.ok
    [mismatch] = report.mismatched
    assert (mismatch.spec.name, mismatch.partitions, mismatch.spec.partitions) == (name, 1, 3)
    assert any(line.startswith(f"MISMATCH {name}: 1 partitions") for line in report.lines())
    [state] = describe_topics(config, [spec(name, 3, 7)])
    assert state.partitions == 1


def test_cli_creates_the_whole_catalog(
    kafka_settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", kafka_settings.kafka.bootstrap_servers)

    assert main(["topics", "create"]) == 0
    assert main(["topics", "describe"]) == 0

    described = capsys.readouterr().out.splitlines()
    for catalog_spec in CATALOG:
        [row] = [line for line in described if line.startswith(catalog_spec.name + " ")]
        assert row.split()[-1] == "ok", row


def test_cli_creates_the_topics_under_the_pipelines_names(
    kafka_settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    suffix = f".cli-{uuid.uuid4().hex[:8]}"
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", kafka_settings.kafka.bootstrap_servers)
    monkeypatch.setenv("SCHEDULING_WORKER_PIPELINE__TOPIC_SUFFIX", suffix)
    pipeline = kafka_settings.pipeline.model_copy(update={"topic_suffix": suffix})
    names = [topic.name for topic in pipeline.resolved_topics.specs()]
    assert f"{pipeline.topics.commands}{suffix}" in names
    admin = AdminClient(kafka_settings.kafka.admin_config())
    try:
        assert main(["topics", "create"]) == 0
        assert main(["topics", "describe"]) == 0
        described = capsys.readouterr().out.splitlines()
        for name in names:
            [row] = [line for line in described if line.startswith(name + " ")]
            assert row.split()[-1] == "ok", row
    finally:
        created = [name for name in names if name.endswith(suffix)]
        for future in admin.delete_topics(created, operation_timeout=30).values():
            future.result()
