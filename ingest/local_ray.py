"""A Ray the worker starts for itself serves this machine only, so it listens on loopback.

Ray replaces 127.0.0.1 with the machine's outward address unless it is told the cluster is this one
machine, and it reads that once, when ray is first imported: the CLI calls `stay_on_loopback` before
anything imports ray. With RAY_ADDRESS set the worker joins a cluster, and nothing changes.
"""

from __future__ import annotations

import os

ONE_MACHINE = "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"  # "0": this machine alone, on loopback


def stay_on_loopback() -> None:
    if not os.environ.get("RAY_ADDRESS"):
        os.environ.setdefault(ONE_MACHINE, "0")
