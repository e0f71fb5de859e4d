"""Solves fan out to other nodes of a multi-node Ray cluster, and survive losing one of them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_solves_run_on_the_solver_nodes_and_survive_losing_one(tmp_path: Path) -> None:
    store = f"sqlite:///{tmp_path / 'state.sqlite3'}"
    env = {**os.environ, "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0", "RAY_USAGE_STATS_ENABLED": "0"}
    run = subprocess.run(
        [sys.executable, "-m", "tests.cluster.scenario", store],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    outcome = json.loads(run.stdout.strip().splitlines()[-1])
    assert outcome["errors"] == []
    assert outcome["ok"] == outcome["commands"] == 36
    # Every command is a solve and none ran in the host's process: each was carried by a Ray task, and
    # as the head (the host's node) has no CPU, those tasks ran on the solver nodes.
    host = outcome["host"]
    assert outcome["head_cpus"] == 0
    assert host["solver_tasks"] > 0
    assert host["remote_solves"] >= 36
    # The node went while calls were outstanding, and took running solves with it: those attempts
    # failed (Ray does not retry solver tasks) and the retry policy ran them again on the node left.
    assert outcome["outstanding_at_loss"] > 0
    assert host["failed_attempts"] > 0
    assert host["remote_solves"] >= 36 + host["failed_attempts"]
    assert outcome["alive_nodes"] == 2
    assert outcome["alive_cpus"] == 1
