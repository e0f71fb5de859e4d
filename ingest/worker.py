"""The running worker: ingest actors on Ray, holding the shard hosts or calling host actors, watched
from the driver process.

`Worker.start` creates the ingest actors, after the host actors (or finds those by name) when hosts
are to run apart (`pipeline.hosts_in_ingest = false`); `watch` replaces an ingest actor whose loop
has died, so the worker keeps running; `stop` drains the ingest actors first (they commit what is
done) and then the host actors.
"""

from __future__ import annotations

import logging
import time
from functools import reduce
from typing import Any

import ray

from actors.host_stats import HostStats
from actors.supervisor import HostSet, HostStartError
from ingest.errors import IngestError
from ingest.group_session import set_group_session_timeout
from ingest.ingest_actor import Health, ingest_actor_class
from ingest.ingest_stats import IngestStats
from ingest.pipeline_topics import command_partitions
from ingest.settings import Settings

log = logging.getLogger(__name__)


class Worker:
    def __init__(self, settings: Settings, hosts: HostSet | None, count: int) -> None:
        """`hosts` is None when each ingest actor holds its own (`pipeline.hosts_in_ingest`)."""
        self.settings = settings
        self.hosts = hosts
        self._count = count
        self.ingest: list[Any] = [self._ingest_actor(i) for i in range(count)]

    @classmethod
    def start(cls, settings: Settings) -> Worker:
        """Ray must be connected. Ingest actors default to one per partition, at most one per CPU."""
        partitions = command_partitions(settings)
        pipeline = settings.pipeline
        if pipeline.group_protocol == "consumer":  # the broker owns the session: set it on the group
            timeout_ms = settings.kafka.consumer.session_timeout_ms
            set_group_session_timeout(settings.kafka.admin_config(), pipeline.group_id, timeout_ms)
        cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))
        count = pipeline.ingest_actors or min(partitions, cpus)
        if pipeline.hosts_in_ingest:
            return cls(settings, None, count)
        hosts = HostSet.start(settings.store_url, settings.actors)
        try:
            hosts.ready()
        except HostStartError as error:
            raise IngestError(f"{error}; fix the settings (store_url, actors.*) and start again") from error
        return cls(settings, hosts, count)

    def _ingest_actor(self, index: int) -> Any:
        name = f"{self.settings.pipeline.name_prefix}-{index}"
        handles = [] if self.hosts is None else self.hosts.handles
        return ingest_actor_class(name=name).remote(name, self.settings, handles, self._count)

    @property
    def host_count(self) -> int:
        return self._count if self.hosts is None else len(self.hosts.handles)

    def host_stats(self, timeout_s: float = 10.0) -> list[HostStats]:
        """Every host's counters: the host actors', or those the ingest actors hold (as of about a
        second ago)."""
        if self.hosts is not None:
            return self.hosts.stats(timeout_s)
        return [stats for part in self._ask("host_stats", timeout_s) for stats in part]

    def stats(self, timeout_s: float = 10.0) -> IngestStats:
        """The ingest actors' counters summed; an actor that does not answer is left out (and replaced
        by the next `watch`)."""
        return reduce(lambda a, b: a + b, self._ask("stats", timeout_s), IngestStats())

    def partition_shares(self, timeout_s: float = 10.0) -> list[int]:
        """Partitions assigned to each ingest actor that answered."""
        return [stats.partitions for stats in self._ask("stats", timeout_s)]

    def await_assignment(self, timeout_s: float = 60.0) -> bool:
        """Until every partition of the commands topic is assigned and every ingest actor that can have
        one has one (False if that takes longer than `timeout_s`). Work taken before then may move to
        another actor in the rebalance, which drains it or leaves it to be read again."""
        partitions = command_partitions(self.settings)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            shares = self.partition_shares()
            owners = sum(1 for share in shares if share)
            if sum(shares) >= partitions and owners >= min(len(self.ingest), partitions):
                return True
            time.sleep(0.2)
        return False

    def latencies(self, timeout_s: float = 10.0) -> list[float]:
        return [ms for part in self._ask("latencies", timeout_s) for ms in part]

    def _ask(self, method: str, timeout_s: float) -> list[Any]:
        refs = [getattr(actor, method).remote() for actor in self.ingest]
        answers = []
        for ref in refs:
            try:
                answers.append(ray.get(ref, timeout=timeout_s))
            except ray.exceptions.RayError as error:
                log.warning("an ingest actor did not answer %s: %s", method, type(error).__name__)
        return answers

    def watch(self, timeout_s: float = 10.0) -> list[str]:
        """Replace ingest actors whose loop stopped or that died; returns what was done."""
        done = []
        for index, actor in enumerate(self.ingest):
            try:
                health: Health = ray.get(actor.health.remote(), timeout=timeout_s)
                if health.running:
                    continue
                reason = health.error or "its loop ended"
            except ray.exceptions.RayError as error:
                reason = type(error).__name__
            ray.kill(actor, no_restart=True)
            self.ingest[index] = self._ingest_actor(index)
            done.append(f"ingest actor {index} replaced ({reason})")
        return done

    def stop(self, drain_s: float | None = None) -> IngestStats:
        """Drain and close the ingest actors, then the hosts. Returns the final counters."""
        drain = self.settings.pipeline.drain_timeout_s if drain_s is None else drain_s
        final = IngestStats()
        try:
            parts = ray.get([a.stop.remote(drain + 15) for a in self.ingest], timeout=drain + 30)
            final = reduce(lambda a, b: a + b, parts, final)
        finally:
            for actor in self.ingest:
                ray.kill(actor, no_restart=True)
            if self.hosts is not None:
                self.hosts.stop()
        return final
