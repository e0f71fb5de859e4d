"""A multi-node scenario, run in a process of its own (`python -m tests.cluster.scenario STORE_URL`).

Three raylets on this machine, all on loopback (`ray.cluster_utils.Cluster`): a head with no CPU that
holds the shard host, and two solver nodes with one CPU each. Every solve is sent as a Ray task; as the
head has no CPU, each one must run on another node. One solver node is lost, with its workers, while
one of them runs a solve (`tests/cluster/node_loss.py`). Prints one JSON line: how the commands ended,
the host's stats, the calls still outstanding when the node went, and the nodes seen.

It runs apart from the test process because a process joins one Ray cluster only, and the other tests
share a single-node one.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import asdict
from datetime import UTC, datetime

import ray
from ray.cluster_utils import Cluster

from actors.contract import CommandPriority, ItemResult, WorkItem
from actors.host import HostSettings
from actors.remote import host_actor_class
from actors.solver import SolverSettings
from ingest.messages import decode_command
from ingest.sample import SampleShape, sample_commands
from ingest.translate import work_item
from tests.cluster.node_loss import lose, running_solve

LOOPBACK = "127.0.0.1"
USERS, COMMANDS = 12, 3


def commands() -> list[WorkItem]:
    shape = SampleShape(
        users=USERS, commands_per_user=COMMANDS, time_limit_ms=300, malformed_every=None, sync_share=0.0,
        run="cluster", user_prefix="node-user",
    )  # fmt: skip
    now = datetime.now(UTC)
    records = sample_commands(shape, now)
    return [work_item(decode_command(r.value), ("cluster", 0, n), now) for n, r in enumerate(records)]


def main(store_url: str) -> dict[str, object]:
    cluster = Cluster(
        initialize_head=True,
        head_node_args={
            "num_cpus": 0,
            "resources": {"shard-host": 1},
            "node_ip_address": LOOPBACK,
            # A lost node is declared dead within about a second rather than the default's tens.
            "_system_config": {"health_check_period_ms": 200, "health_check_failure_threshold": 5},
        },
    )
    solvers = [cluster.add_node(num_cpus=1, node_ip_address=LOOPBACK) for _ in range(2)]
    cluster.wait_for_nodes()
    ray.init(address=cluster.address, log_to_driver=False)
    try:
        head_cpus = sum(n["Resources"].get("CPU", 0) for n in ray.nodes() if "shard-host" in n["Resources"])
        limits = dict.fromkeys(CommandPriority, 0.3)
        host = host_actor_class(num_cpus=0, resources={"shard-host": 1}).remote(
            "cluster-host", store_url, HostSettings(), SolverSettings(inline_max_size=0, time_limit_s=limits)
        )
        items = commands()
        calls = [host.handle.remote(items[n : n + 6], "scenario", n // 6) for n in range(0, len(items), 6)]
        workers = running_solve(solvers[1], timeout_s=120)
        done, _ = ray.wait(calls, num_returns=len(calls), timeout=0)
        lose(cluster, solvers[1], workers)
        results: list[ItemResult] = [r for call in ray.get(calls, timeout=300) for r in call]
        stats = ray.get(host.stats.remote(), timeout=60)
        alive = _alive_after_loss(expected=2, timeout_s=60)
        return {
            "commands": len(items),
            "ok": sum(r.ok for r in results),
            "errors": sorted({f"{r.error_class}: {r.reason}" for r in results if not r.ok}),
            "outstanding_at_loss": len(calls) - len(done),
            "host": asdict(stats),
            "head_cpus": head_cpus,
            "alive_nodes": len(alive),
            "alive_cpus": sum(node["Resources"].get("CPU", 0) for node in alive),  # type: ignore[attr-defined]
        }
    finally:
        ray.shutdown()
        cluster.shutdown()


def _alive_after_loss(expected: int, timeout_s: float) -> list[dict[str, object]]:
    deadline = time.monotonic() + timeout_s
    while True:
        alive = [node for node in ray.nodes() if node["Alive"]]
        if len(alive) <= expected or time.monotonic() > deadline:
            return alive
        time.sleep(0.2)


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1])), flush=True)
