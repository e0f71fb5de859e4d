"""The pipeline's topics on the cluster, under the names its settings give them.

The catalog (`ingest.topics`) says what each topic is; the settings rename them (`pipeline.topics`,
`pipeline.topic_suffix`). The worker, the benchmarks and the end-to-end tests create, count and delete
topics by those resolved names, here in one place.
"""

from __future__ import annotations

from confluent_kafka.admin import AdminClient

from ingest.admin import Report, create_topics
from ingest.errors import IngestError
from ingest.settings import Settings


def create_pipeline_topics(settings: Settings) -> Report:
    """The catalog's topics, under the names this pipeline uses."""
    return create_topics(settings.kafka.admin_config(), settings.pipeline.resolved_topics.specs())


def delete_pipeline_topics(settings: Settings) -> None:
    names = list(settings.pipeline.resolved_topics.names().values())
    admin = AdminClient(settings.kafka.admin_config())  # kept alive until every future resolves
    for future in admin.delete_topics(names, operation_timeout=30).values():
        future.result()


def command_partitions(settings: Settings) -> int:
    topic = settings.pipeline.resolved_topics.commands
    metadata = AdminClient(settings.kafka.admin_config()).list_topics(topic=topic, timeout=15)
    found = metadata.topics.get(topic)
    if found is None or found.error is not None or not found.partitions:
        raise IngestError(
            f"topic {topic} does not exist: run `scheduling-worker topics create` or --create-topics"
        )
    return len(found.partitions)
