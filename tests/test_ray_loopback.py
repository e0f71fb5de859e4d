"""The tests' local Ray listens on loopback only, like every other server the tests start."""

import os
import subprocess
import sys

import pytest
import ray

from ingest.local_ray import ONE_MACHINE

pytestmark = pytest.mark.ray


def test_the_local_ray_is_on_loopback(ray_local: None) -> None:
    assert ray.get_runtime_context().gcs_address.startswith("127.0.0.1:")


def test_the_worker_s_own_local_ray_is_on_loopback() -> None:
    """`scheduling-worker run` without RAY_ADDRESS starts a Ray of its own: that one too, even where
    Ray would otherwise take the machine's outward address (the tests' own setting is left out)."""
    script = (
        "from ingest.local_ray import stay_on_loopback\n"
        "stay_on_loopback()\n"
        "import ray\n"
        "from ingest.local_ray import connect_ray\n"
        "assert connect_ray()\n"
        "print(ray.get_runtime_context().gcs_address, ray.util.get_node_ip_address())\n"
        "ray.shutdown()\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("RAY_ADDRESS", ONE_MACHINE)}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120, check=True
    )
    gcs, node = done.stdout.split()[-2:]
    assert gcs.startswith("127.0.0.1:") and node == "127.0.0.1"
