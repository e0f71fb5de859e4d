"""Settings of the command pipeline: which topics it reads and writes, and how much it keeps in flight.

Topic names default to the catalog's; tests and side-by-side deployments rename them all at once with
`PipelineTopics.suffixed`, so a run never reads or writes another run's topics.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ingest import topics as catalog
from ingest.call_plan import CallPlan

# Keys the broker owns under KIP-848 (`group.protocol=consumer`); librdkafka refuses them there.
BROKER_SIDE_KEYS = ("session.timeout.ms", "heartbeat.interval.ms", "partition.assignment.strategy")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class OutputTopics(_Frozen):
    calendar: str = catalog.EVENTS_CALENDAR
    habits: str = catalog.EVENTS_HABITS
    goals: str = catalog.EVENTS_GOALS
    reminders: str = catalog.NOTIFICATIONS_REMINDERS
    calendar_updates: str = catalog.NOTIFICATIONS_CALENDAR_UPDATES
    performance: str = catalog.ANALYTICS_PERFORMANCE
    usage: str = catalog.ANALYTICS_USAGE
    dead_letter: str = catalog.COMMANDS_DLQ


class PipelineTopics(_Frozen):
    commands: str = catalog.COMMANDS
    outputs: OutputTopics = OutputTopics()

    def names(self) -> dict[str, str]:
        """Catalog name -> the name this pipeline uses, for every topic it touches."""
        defaults = PipelineTopics()
        pairs = {defaults.commands: self.commands}
        for field_name, name in self.outputs:
            pairs[getattr(defaults.outputs, field_name)] = name
        return pairs

    def specs(self) -> list[catalog.TopicSpec]:
        """The catalog's topics (partitions, retention), under the names this pipeline uses."""
        names = self.names()
        return [replace(spec, name=names.get(spec.name, spec.name)) for spec in catalog.CATALOG]

    def suffixed(self, suffix: str) -> PipelineTopics:
        """Every name with `suffix` appended: an isolated set of topics."""
        outputs = {field_name: f"{name}{suffix}" for field_name, name in self.outputs}
        return PipelineTopics(commands=f"{self.commands}{suffix}", outputs=OutputTopics(**outputs))


# The command line's `--hosts`: a host count asks for host actors of their own.
HOSTS_HELP = "separate host actors (default: none, the hosts live in the ingest actors)"


class PipelineSettings(_Frozen):
    """The ingest side of the worker; the Ray side (hosts, solver) has its own settings."""

    topics: PipelineTopics = PipelineTopics()
    topic_suffix: str = Field(default="", description="appended to every topic name: an isolated set")
    group_id: str = catalog.GROUP_PRIMARY
    # KIP-848 (brokers 4.0+): incremental assignment without a stop-the-world rebalance.
    group_protocol: Literal["consumer", "classic"] = "consumer"
    ingest_actors: int | None = Field(default=None, gt=0, description="default: partitions, at most CPUs")
    name_prefix: str = Field(default="scheduling-ingest", description="ingest actors' Ray names")
    max_in_flight: int = Field(default=2_000, gt=0, description="messages per ingest actor before pausing")
    host_window: int = Field(
        default=256, gt=0, description="units of work in flight per host, per ingest actor (see solve_weight)"
    )
    solve_weight: int = Field(
        default=8, gt=0, description="window units a solving command takes; any other command takes 1"
    )
    call_solves: int = Field(default=8, gt=0, description="solving commands per host call, at most")
    commit_interval_s: float = Field(default=0.5, gt=0)
    drain_timeout_s: float = Field(default=5.0, ge=0, description="on revoke and shutdown; then abandon")
    status_interval_s: float = Field(default=5.0, gt=0)
    hosts_in_ingest: bool = Field(
        default=True, description="each ingest actor holds the users of its partitions: no host actors"
    )

    @model_validator(mode="after")
    def _window_fits_a_solve(self) -> PipelineSettings:
        if self.host_window < self.solve_weight:
            raise ValueError(
                f"host_window ({self.host_window}) must be at least solve_weight ({self.solve_weight}), "
                "or no solving command could ever be sent"
            )
        return self

    def call_plan(self) -> CallPlan:
        return CallPlan(self.solve_weight, self.call_solves)

    @property
    def resolved_topics(self) -> PipelineTopics:
        """The names in use: `topics` with `topic_suffix` appended."""
        return self.topics.suffixed(self.topic_suffix) if self.topic_suffix else self.topics

    def consumer_config(self, base: dict[str, Any]) -> dict[str, Any]:
        """The Kafka consumer's settings (`base`) with this pipeline's group protocol."""
        config = {**base, "group.protocol": self.group_protocol}
        if self.group_protocol == "consumer":
            config = {k: v for k, v in config.items() if k not in BROKER_SIDE_KEYS}
        return config
