"""Losing a node of a `ray.cluster_utils.Cluster` as a machine is lost: with the tasks running on it.

Linux only: a node's workers are found as its raylet's descendants in /proc, and a busy worker by the
title Ray gives it (`ray::<task name>`; an idle one is `ray::IDLE`).
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
from pathlib import Path

from ray._private.node import Node
from ray._private.ray_constants import PROCESS_TYPE_RAYLET
from ray.cluster_utils import Cluster


def workers_of(node: Node) -> list[int]:
    """The node's worker processes: the raylet's descendants (found in /proc, Linux)."""
    raylet = node.all_processes[PROCESS_TYPE_RAYLET][0].process.pid
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [raylet]
    while todo:
        found.extend(kids := children.get(todo.pop(), []))
        todo.extend(kids)
    return found


def running_solve(node: Node, timeout_s: float) -> list[int]:
    """Waits until one of the node's workers runs a solver task (Ray titles a busy worker after its
    task); returns the node's workers."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        workers = workers_of(node)
        for pid in workers:
            try:
                title = Path(f"/proc/{pid}/cmdline").read_bytes()
            except OSError:
                continue
            if title.startswith(b"ray::_solve"):
                return workers
        time.sleep(0.02)
    raise TimeoutError(f"no solver task ran on the node within {timeout_s}s")


def lose(cluster: Cluster, node: Node, workers: list[int]) -> None:
    """The node goes as a machine would: its workers and its raylet at once. Removing the raylet alone
    lets a running task finish and answer its caller directly, so it would not hit a solve. The
    workers go first, the moment after one was seen solving, so that solve cannot finish meanwhile."""
    for pid in workers:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    cluster.remove_node(node, allow_graceful=False)
