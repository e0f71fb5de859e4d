"""The pipeline benchmark: N users x M commands through Kafka -> Ray -> CP-SAT -> Kafka on this machine.

0. Warm-up: a small sample of other users, so that first calls and imports are not timed.
1. Maximum rate: the whole sample is produced at once to a worker already running; commands/s is the
   count over the time from the first send to the last command done (all its outputs acked). The CPU
   time each role spent meanwhile is read from /proc (`ingest.bench_cpu`), per command.
2. Latency at half that rate: a fresh sample (new users) is sent at half the maximum rate, each command
   stamped as it is sent; p50/p99 run from the command's timestamp to its last output's ack.
3. Solver-only bound: the same instances solved in a tight loop, one process per CPU, no Kafka, no Ray.
`--trivial` sends SYNC_CALENDAR commands, which the hosts answer without solving: the ingest path's
own ceiling (decode, route, state store, outputs, acks, commits).
"""

from __future__ import annotations

import os
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from ingest import bench_cpu
from ingest.bench_send import BenchPlan, Sender, sample, timed
from ingest.bench_solver import SolverBound, solver_only_bound
from ingest.broker.files import BrokerFiles
from ingest.broker.process import running_pid
from ingest.ingest_loop import LAG_EVERY_S
from ingest.ingest_stats import percentile
from ingest.pipeline_topics import create_pipeline_topics, delete_pipeline_topics
from ingest.settings import Settings
from ingest.worker import Worker


@dataclass(frozen=True)
class BenchResult:
    commands: int
    max_rate: float
    half_rate: float
    p50_ms: float
    p99_ms: float
    solver: SolverBound | None
    cpu_us: dict[str, float]  # CPU µs per command by role, in the maximum-rate phase
    per_call: float  # commands per host call in the maximum-rate phase

    @property
    def ratio(self) -> float | None:
        """The benchmark's ratio: maximum commands/s over solver-only solves/s, both in wall time."""
        return None if not self.solver or not self.solver.rate else self.max_rate / self.solver.rate

    @property
    def cpu_ratio(self) -> float | None:
        """The same comparison in CPU: a solve's CPU alone over a command's CPU in the whole worker
        (the benchmark's own producer left out). It is what the wall ratio would be on idle cores,
        and it holds still while other load on a shared machine moves the wall figures."""
        worker = sum(us for role, us in self.cpu_us.items() if role != bench_cpu.DRIVER)
        if not self.solver or not worker:
            return None
        return self.solver.cpu_ms * 1000 / worker


def bench_settings(settings: Settings) -> Settings:
    tag = uuid.uuid4().hex[:8]
    pipeline = settings.pipeline.model_copy(
        update={
            "topic_suffix": f".bench-{tag}",
            "group_id": f"bench-{tag}",
            "name_prefix": f"bench-ingest-{tag}",
        }
    )
    actors = settings.actors.model_copy(update={"name_prefix": f"bench-host-{tag}"})
    store = f"sqlite:///{Path(tempfile.gettempdir()) / f'scheduling-worker-bench-{tag}.sqlite3'}"
    return settings.model_copy(update={"pipeline": pipeline, "actors": actors, "store_url": store})


def run_bench(settings: Settings, plan: BenchPlan, say: Callable[[str], None]) -> BenchResult:
    """Ray must be connected; topics, actors and the store are the benchmark's own."""
    settings = bench_settings(settings)
    create_pipeline_topics(settings)
    worker = Worker.start(settings)
    try:
        worker.await_assignment()  # a rebalance inside a timed phase would time its replays
        sender = Sender(settings)
        warm = replace(plan, users=min(plan.users, 100), commands=2, seed=plan.seed + 1)
        timed(worker, sender, sample(warm, "warm"), rate=None)
        burst = sample(plan, "max")
        broker = local_broker_pid(settings)
        solves_before = _solves(worker)
        calls_before, cpu_before = worker.stats().host_calls, bench_cpu.sample(broker)
        max_rate = len(burst) / timed(worker, sender, burst, rate=None)
        cpu_us = bench_cpu.per_command_us(cpu_before, bench_cpu.sample(broker), len(burst))
        per_call = len(burst) / max(1, worker.stats().host_calls - calls_before)
        tasks, solves, in_place, in_place_s = (
            after - before for after, before in zip(_solves(worker), solves_before, strict=True)
        )
        # Small solves run in the hosts' processes: their CPU is solving, not the hosts' own work.
        hosts = "ingest actors" if settings.pipeline.hosts_in_ingest else "shard hosts"
        cpu_us = bench_cpu.set_apart(cpu_us, hosts, bench_cpu.IN_PLACE, in_place_s / len(burst) * 1e6)
        say(f"maximum rate: {max_rate:.0f} commands/s ({len(burst)} commands, {per_call:.1f} per host call)")
        say(
            f"solver tasks: {tasks:.0f} for {solves:.0f} solves ({solves / max(1, tasks):.1f} per task); "
            f"{in_place:.0f} solves in the hosts' processes"
        )
        say("CPU µs per command: " + ", ".join(f"{role} {us:.0f}" for role, us in cpu_us.items()))
        worker.latencies()  # queueing in a burst is not latency at a sustainable rate
        paced = sample(plan, "half")
        half_rate = len(paced) / timed(worker, sender, paced, rate=max_rate / 2)
        latencies = worker.latencies()
        say(f"at half rate: {half_rate:.0f} commands/s, p50 {percentile(latencies, 0.5):.0f} ms")
    finally:
        worker.stop()
        delete_pipeline_topics(settings)
        store = settings.store_url.removeprefix("sqlite:///")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{store}{suffix}").unlink(missing_ok=True)
    solver = None if plan.trivial else solver_only_bound(settings, burst, os.cpu_count() or 1)
    p50, p99 = percentile(latencies, 0.5), percentile(latencies, 0.99)
    return BenchResult(len(burst), max_rate, half_rate, p50, p99, solver, cpu_us, per_call)


def _solves(worker: Worker) -> tuple[float, float, float, float]:
    """Solver tasks the hosts sent so far, the solves those tasks carried, the solves run in the hosts'
    own processes, and those solves' CPU seconds. Read between phases, once the counters of hosts in the
    ingest actors, which their loops read about once a second, have caught up with the phase."""
    time.sleep(LAG_EVERY_S * 1.5)
    hosts = worker.host_stats()
    return (
        sum(h.solver_tasks for h in hosts),
        sum(h.remote_solves for h in hosts),
        sum(h.solves_in_place for h in hosts),
        sum(h.in_place_cpu_s for h in hosts),
    )


def local_broker_pid(settings: Settings) -> int | None:
    """The pid of the broker `kafka up` runs, when that is the one in use: other brokers on the
    machine (a test run's, say) are then not counted."""
    return None if settings.kafka_is_external else running_pid(BrokerFiles(settings.broker))
