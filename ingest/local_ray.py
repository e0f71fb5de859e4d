"""How the worker reaches Ray: the cluster at RAY_ADDRESS, or a local Ray that serves this machine only.

A local Ray listens on loopback. Ray replaces 127.0.0.1 with the machine's outward address unless it
is told the cluster is this one machine, and it reads that once, when ray is first imported: the CLI
calls `stay_on_loopback` before anything imports ray. With RAY_ADDRESS set the worker joins a
cluster, and nothing changes.
"""

from __future__ import annotations

import os

ONE_MACHINE = "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"  # "0": this machine alone, on loopback
NAMESPACE = "scheduling-worker"


def stay_on_loopback() -> None:
    if not os.environ.get("RAY_ADDRESS"):
        os.environ.setdefault(ONE_MACHINE, "0")


def connect_ray() -> bool:
    """Join the cluster at RAY_ADDRESS (as under `ray job submit`; `auto` finds one started on this
    machine), else start a local Ray of our own. True when this process started Ray."""
    import ray  # not at import: `stay_on_loopback` must come first

    if ray.is_initialized():
        return False
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    address = os.environ.get("RAY_ADDRESS") or "local"
    ray.init(address=address, namespace=NAMESPACE, log_to_driver=False)
    return True
