"""What `create_topics` and `describe_topics` found: each topic as the cluster has it, and what was done."""

from __future__ import annotations

from dataclasses import dataclass

from ingest.topics import TopicSpec

# Every topic deletes by age: the spec's retention means records expire, and a compacted topic would
# keep each key's (user's) last record for good.
DELETE = "delete"


@dataclass(frozen=True)
class TopicState:
    spec: TopicSpec
    partitions: int | None  # None: the topic does not exist
    retention_ms: int | None
    cleanup_policy: str | None

    @property
    def config_matches(self) -> bool:
        return self.retention_ms == self.spec.retention_ms and self.cleanup_policy == DELETE

    @property
    def matches(self) -> bool:
        return self.partitions == self.spec.partitions and self.config_matches


@dataclass(frozen=True)
class Report:
    created: tuple[str, ...]
    config_set: tuple[str, ...]  # retention and cleanup policy set to the catalog's
    mismatched: tuple[TopicState, ...]

    @property
    def ok(self) -> bool:
        return not self.mismatched

    def lines(self) -> list[str]:
        lines = [f"created {name}" for name in self.created]
        lines += [f"set retention and cleanup policy of {name}" for name in self.config_set]
        lines += [
            f"MISMATCH {state.spec.name}: {state.partitions} partitions, the catalog says "
            f"{state.spec.partitions}; left unchanged (changing it moves users between partitions)"
            for state in self.mismatched
        ]
        return lines or ["all topics match the catalog"]
