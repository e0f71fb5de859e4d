"""Make the cluster's topics match the catalog, idempotently, and say what differs.

Missing topics are created; an existing topic gets the catalog's retention and the `delete` cleanup
policy (the spec's retention means records expire by age; a compacted topic would keep each key's last
record for good). A partition count that differs is reported, never changed: adding partitions moves
keys (users) to other partitions and breaks per-user order, and Kafka cannot remove partitions, so that
is a human decision.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from concurrent.futures import Future
from typing import Any

from confluent_kafka import KafkaError, KafkaException
from confluent_kafka.admin import AdminClient, AlterConfigOpType, ConfigEntry, ConfigResource, NewTopic

from ingest.errors import IngestError
from ingest.kafka_settings import ConfigValue
from ingest.topic_leaders import await_leaders
from ingest.topic_report import DELETE, Report, TopicState
from ingest.topics import CATALOG, TopicSpec

RETENTION = "retention.ms"
CLEANUP_POLICY = "cleanup.policy"
ADVICE = "; check that the client may manage topics (ACLs) and see the broker log"
# -1 lets the broker apply its default.replication.factor (1 on the local broker).
BROKER_DEFAULT_REPLICATION = -1


class TopicAdminError(IngestError):
    """The cluster could not be read or changed."""


def create_topics(admin_cfg: Mapping[str, ConfigValue], catalog: Iterable[TopicSpec] = CATALOG) -> Report:
    """Create what is missing, set retention and cleanup policy where they differ, report the rest."""
    admin = AdminClient(dict(admin_cfg))
    states = _describe(admin, list(catalog), admin_cfg.get("bootstrap.servers"))
    missing = [state.spec for state in states if state.partitions is None]
    created = _create(admin, missing)
    stale = [s.spec for s in states if s.partitions is not None and not s.config_matches]
    _set_config(admin, stale)
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
    configs = _configs(admin, list(present))
    return [TopicState(spec, present.get(spec.name), *configs.get(spec.name, (None, None))) for spec in specs]


def wanted_config(spec: TopicSpec) -> dict[str, str]:
    """The topic configuration the catalog asks for."""
    return {RETENTION: str(spec.retention_ms), CLEANUP_POLICY: DELETE}


def _create(admin: AdminClient, specs: list[TopicSpec]) -> list[str]:
    if not specs:
        return []
    new = [NewTopic(s.name, s.partitions, BROKER_DEFAULT_REPLICATION, config=wanted_config(s)) for s in specs]
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


def _configs(admin: AdminClient, names: list[str]) -> dict[str, tuple[int, str]]:
    """Each topic's (retention.ms, cleanup.policy)."""
    resources = [ConfigResource(ConfigResource.Type.TOPIC, name) for name in names]
    configs = _results(admin.describe_configs(resources) if names else {}, "reading the config of")
    return {
        name: (int(entries[RETENTION].value), entries[CLEANUP_POLICY].value)
        for name, entries in configs.items()
    }


def _set_config(admin: AdminClient, specs: list[TopicSpec]) -> None:
    def change(spec: TopicSpec) -> ConfigResource:
        set_ = AlterConfigOpType.SET
        entries = [ConfigEntry(k, v, incremental_operation=set_) for k, v in wanted_config(spec).items()]
        return ConfigResource(ConfigResource.Type.TOPIC, spec.name, incremental_configs=entries)

    if specs:
        _results(admin.incremental_alter_configs([change(spec) for spec in specs]), "configuring")


def _results(futures: Mapping[ConfigResource, Future[Any]], doing: str) -> dict[str, Any]:
    """Each topic's result, or the first failure as a TopicAdminError naming the topic."""
    results = {}
    for resource, future in futures.items():
        try:
            results[resource.name] = future.result()
        except KafkaException as error:
            raise TopicAdminError(f"{doing} topic {resource.name} failed: {error}{ADVICE}") from error
    return results
