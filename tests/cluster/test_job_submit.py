"""The worker launched on a Ray cluster with `ray job submit`, as docs/running.md describes, and stopped
with `ray job stop`: it answers every command, commits to the end and drains on the job's SIGTERM."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.kafka, pytest.mark.ray, pytest.mark.timeout(600)]


def test_the_worker_runs_as_a_ray_job_and_drains_on_job_stop(kafka_bootstrap: str, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "SCHEDULING_WORKER_KAFKA__BOOTSTRAP_SERVERS": kafka_bootstrap,
        "RAY_USAGE_STATS_ENABLED": "0",
    }
    run = subprocess.run(
        [sys.executable, "-m", "tests.cluster.job_scenario", str(tmp_path)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=540,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    outcome = json.loads(run.stdout.strip().splitlines()[-1])
    log = outcome["log"]
    assert outcome["answered"] == outcome["commands"] == 24
    # `ray job stop` is a SIGTERM to the job: the worker drained and stopped by itself, within the
    # job's wait, so Ray reports it stopped rather than failed.
    assert outcome["status"] == "STOPPED", log[-2000:]
    assert "topics: " in log  # --create-topics made the job's topics
    assert "SIGTERM: draining in-flight work, then stopping" in log
    stopped = re.search(r"stopped: consumed (\d+)\s+done (\d+)\s+in flight (\d+)", log)
    assert stopped is not None, log[-2000:]
    assert stopped.groups() == ("24", "24", "0")
