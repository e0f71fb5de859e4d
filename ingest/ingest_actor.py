"""The ingest actor: one consumer and one producer in a Ray actor, the loop on a thread of its own.

The loop blocks in `poll` and in drains, so it runs on its own thread, and the actor is threaded
(`max_concurrency`) so that `stats`, `health` and `stop` are answered while it runs. The class is plain;
`ingest_actor_class` makes it a Ray actor.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any

import ray

from actors.collector import tune_collector
from actors.host_stats import HostStats
from actors.supervisor import HostSet
from ingest.dead_letter import worker_id
from ingest.ingest_loop import IngestLoop
from ingest.ingest_stats import IngestStats
from ingest.local_host import LocalHost
from ingest.settings import Settings

log = logging.getLogger(__name__)

CONTROL_THREADS = 4


@dataclass(frozen=True)
class Health:
    running: bool
    error: str | None = None


class IngestActor:
    def __init__(self, name: str, settings: Settings, hosts: list[Any], peers: int = 1) -> None:
        """`hosts`: the shard host actors; none with `pipeline.hosts_in_ingest`, where this actor holds
        its own host (`ingest.local_host`), one of `peers` sharing the cluster's solver CPUs."""
        tune_collector()
        self.name = name
        local = LocalHost(f"{name}-host", settings, peers) if settings.pipeline.hosts_in_ingest else None
        self._local = local
        route = HostSet(hosts).host_for if local is None else (lambda _user: local)
        self._loop = IngestLoop(f"{name}@{worker_id()}", settings, route, local)
        self._error: str | None = None
        self._thread = threading.Thread(target=self._run, name=f"{name}-loop", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._loop.run()
        except Exception as error:  # reported through health(); the worker replaces the actor
            log.exception("ingest loop %s stopped on an error", self.name)
            self._error = f"{type(error).__name__}: {error}"
        fatal = self._loop.answers.publisher.fatal
        if fatal is not None and self._error is None:
            self._error = f"producer failed fatally: {fatal.str()}"

    def stats(self) -> IngestStats:
        return self._loop.snapshot()

    def latencies(self) -> list[float]:
        """End-to-end latencies (ms) since the last call."""
        return self._loop.answers.latencies.take()

    def host_stats(self) -> list[HostStats]:
        """The counters of the host this actor holds, as of the loop's last reading (about a second)."""
        return [] if self._local is None else [self._local.last_stats]

    def health(self) -> Health:
        return Health(self._thread.is_alive(), self._error)

    def stop(self, timeout_s: float = 60.0) -> IngestStats:
        """Stop consuming, drain, commit, close; returns the final counters."""
        self._loop.stopping.set()
        self._thread.join(timeout_s)
        if self._thread.is_alive():
            log.warning("ingest loop %s still draining after %.0fs", self.name, timeout_s)
        elif self._local is not None:
            self._local.close()
        return self._loop.snapshot()


def ingest_actor_class(**options: Any) -> Any:
    """`IngestActor` as a Ray actor class. It reserves no CPU: solves need them, the loop mostly waits."""
    return ray.remote(IngestActor).options(max_concurrency=CONTROL_THREADS, num_cpus=0, **options)
