"""The topic catalog against the spec's tables (kafka-topics.md: partitioning, retention, groups)."""

from __future__ import annotations

import pytest

from ingest import topics
from ingest.topics import CATALOG, CONSUMER_GROUPS, consumer_group, topic

# "Partitioning Strategy" table, verbatim.
SPEC_PARTITIONS = {
    "scheduling.commands": 6,
    "scheduling.events.calendar": 12,
    "scheduling.events.goals": 6,
    "scheduling.events.habits": 6,
    "scheduling.notifications.reminders": 8,
    "scheduling.analytics.usage": 4,
}
# "Retention Policies" table, by family; the command dead-letter topic's own 7 days.
SPEC_RETENTION_DAYS = {"commands": 7, "events": 30, "notifications": 14, "analytics": 90}
SPEC_TOPICS = {
    *SPEC_PARTITIONS,
    "scheduling.commands.dead-letter",
    "scheduling.notifications.calendar-updates",
    "scheduling.analytics.performance",
    "scheduling.events.dead-letter",
    "scheduling.notifications.dead-letter",
}
SPEC_GROUPS = {
    "scheduling-worker-primary": {"scheduling.commands"},
    "scheduling-event-listeners": {
        "scheduling.events.calendar",
        "scheduling.events.goals",
        "scheduling.events.habits",
    },
    "scheduling-notifications": {
        "scheduling.notifications.reminders",
        "scheduling.notifications.calendar-updates",
    },
    "scheduling-analytics": {"scheduling.analytics.usage", "scheduling.analytics.performance"},
}


def test_catalog_has_every_spec_topic_once() -> None:
    names = [spec.name for spec in CATALOG]
    assert sorted(names) == sorted(SPEC_TOPICS)


@pytest.mark.parametrize(("name", "partitions"), sorted(SPEC_PARTITIONS.items()))
def test_partitions_follow_the_spec_table(name: str, partitions: int) -> None:
    assert topic(name).partitions == partitions


@pytest.mark.parametrize("spec", CATALOG, ids=lambda spec: spec.name)
def test_retention_follows_the_topic_family(spec: topics.TopicSpec) -> None:
    family = spec.name.split(".")[1]
    assert spec.retention_days == SPEC_RETENTION_DAYS[family]
    assert spec.retention_ms == spec.retention_days * 86_400_000


def test_command_dead_letter_keeps_seven_days() -> None:
    assert topic(topics.COMMANDS_DLQ).retention_ms == 7 * 24 * 3600 * 1000


def test_user_scoped_topics_are_keyed_by_user_id() -> None:
    for name in SPEC_PARTITIONS:
        assert topic(name).key == "userId", name


def test_every_dead_letter_reference_is_a_dead_letter_topic_large_enough() -> None:
    sources = [spec for spec in CATALOG if spec.dead_letter is not None]
    assert {spec.dead_letter for spec in sources} == {
        topics.COMMANDS_DLQ,
        topics.EVENTS_DLQ,
        topics.NOTIFICATIONS_DLQ,
    }
    for spec in sources:
        assert spec.dead_letter is not None
        dlq = topic(spec.dead_letter)
        assert dlq.name.endswith(".dead-letter") and dlq.dead_letter is None
        # The failed message keeps its key, so the dead-letter topic needs at least as many partitions.
        assert dlq.partitions >= spec.partitions


def test_consumer_groups_follow_the_spec() -> None:
    assert {group.name: set(group.topics) for group in CONSUMER_GROUPS} == SPEC_GROUPS
    assert consumer_group("scheduling-worker-primary").instances == 3


def test_unknown_names_are_refused_with_the_known_ones() -> None:
    with pytest.raises(KeyError, match=r"scheduling\.commands"):
        topic("scheduling.command")
    with pytest.raises(KeyError, match="scheduling-analytics"):
        consumer_group("analytics")
