"""Make the cluster's topics match the catalog, idempotently, and say what differs.

Missing topics are created; an existing topic gets the catalog's retention. A partition count that
differs is reported, never changed: adding partitions moves keys (users) to other partitions and
breaks per-user order, and Kafka cannot remove partitions, so that is a human decision.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from confluent_kafka import KafkaError, KafkaException
from confluent_kafka.admin import AdminClient, AlterConfigOpType, ConfigEntry, ConfigResource, NewTopic

from ingest.errors import IngestError
from ingest.kafka_settings import ConfigValue
from ingest.topic_leaders import await_leaders
from ingest.topics import CATALOG, TopicSpec

RETENTION = "retention.ms"
ADVICE = "; check that the client may manage topics (ACLs) and see the broker log"
# -1 lets the broker apply its default.replication.factor (1 on the local broker).
BROKER_DEFAULT_REPLICATION = -1


class TopicAdminError(IngestError):
    """The cluster could not be read or changed."""


@dataclass(frozen=True)
class TopicState:
    spec: TopicSpec
    partitions: int | None  # None: the topic does not exist
    retention_ms: int | None

    @property
    def matches(self) -> bool:
        return self.partitions == self.spec.partitions and self.retention_ms == self.spec.retention_ms


@dataclass(frozen=True)
class Report:
    created: tuple[str, ...]
    retention_set: tuple[str, ...]
    mismatched: tuple[TopicState, ...]

    @property
    def ok(self) -> bool:
        return not self.mismatched

    def lines(self) -> list[str]:
        lines = [f"created {name}" for name in self.created]
        lines += [f"set retention of {name}" for name in self.retention_set]
        lines += [
            f"MISMATCH {state.spec.name}: {state.partitions} partitions, the catalog says "
            f"{state.spec.partitions}; left unchanged (changing it moves users between partitions)"
            for state in self.mismatched
        ]
        return lines or ["all topics match the catalog"]


def create_topics(admin_cfg: Mapping[str, ConfigValue], catalog: Iterable[TopicSpec] = CATALOG) -> Report:
    """Create what is missing, set retention where it differs, report partition mismatches."""
    admin = AdminClient(dict(admin_cfg))
    states = _describe(admin, list(catalog), admin_cfg.get("bootstrap.servers"))
    missing = [state.spec for state in states if state.partitions is None]
    created = _create(admin, missing)
    stale = [s.spec for s in states if s.partitions is not None and s.retention_ms != s.spec.retention_ms]
    _set_retention(admin, stale)
    mismatched = [s for s in states if s.partitions is not None and s.partitions != s.spec.partitions]
    return Report(tuple(created), tuple(spec.name for spec in stale), tuple(mismatched))


def describe_topics(
    admin_cfg: Mapping[str, ConfigValue], catalog: Iterable[TopicSpec] = CATALOG
) -> list[TopicState]:
    """Each catalog topic as the cluster has it (partitions None when it does not exist)."""
    return _describe(AdminClient(dict(admin_cfg)), list(catalog), admin_cfg.get("bootstrap.servers"))


def _describe(admin: AdminClient, specs: list[TopicSpec], bootstrap: object) -> list[TopicState]:
    try:
        metadata = admin.list_topics(timeout=15)
    except KafkaException as error:
        raise TopicAdminError(
            f"cannot reach Kafka at {bootstrap}: {error}; "
            "start it with `scheduling-worker kafka up` or fix KAFKA_BOOTSTRAP_SERVERS"
        ) from error
    topics = metadata.topics
    present = {spec.name: len(topics[spec.name].partitions) for spec in specs if spec.name in topics}
    retention = _retention(admin, list(present))
    return [TopicState(spec, present.get(spec.name), retention.get(spec.name)) for spec in specs]


def _create(admin: AdminClient, specs: list[TopicSpec]) -> list[str]:
    if not specs:
        return []
    config = {spec.name: {RETENTION: str(spec.retention_ms)} for spec in specs}
    new = [NewTopic(s.name, s.partitions, BROKER_DEFAULT_REPLICATION, config=config[s.name]) for s in specs]
    created = []
    for name, future in admin.create_topics(new, operation_timeout=30).items():
        try:
            future.result()
            created.append(name)
        except KafkaException as error:
            # Another process created it between our look and our create: it exists, which is the goal.
            if error.args[0].code() != KafkaError.TOPIC_ALREADY_EXISTS:
                raise TopicAdminError(f"creating topic {name} failed: {error}{ADVICE}") from error
    await_leaders(admin, {spec.name: spec.partitions for spec in specs})
    return created


def _retention(admin: AdminClient, names: list[str]) -> dict[str, int]:
    resources = [ConfigResource(ConfigResource.Type.TOPIC, name) for name in names]
    configs = _results(admin.describe_configs(resources) if names else {}, "reading the config of")
    return {name: int(entries[RETENTION].value) for name, entries in configs.items()}


def _set_retention(admin: AdminClient, specs: list[TopicSpec]) -> None:
    def change(spec: TopicSpec) -> ConfigResource:
        entry = ConfigEntry(RETENTION, str(spec.retention_ms), incremental_operation=AlterConfigOpType.SET)
        return ConfigResource(ConfigResource.Type.TOPIC, spec.name, incremental_configs=[entry])

    if specs:
        _results(admin.incremental_alter_configs([change(spec) for spec in specs]), "setting retention of")


def _results(futures: Mapping[ConfigResource, Future[Any]], doing: str) -> dict[str, Any]:
    """Each topic's result, or the first failure as a TopicAdminError naming the topic."""
    results = {}
    for resource, future in futures.items():
        try:
            results[resource.name] = future.result()
        except KafkaException as error:
            raise TopicAdminError(f"{doing} topic {resource.name} failed: {error}{ADVICE}") from error
    return results
