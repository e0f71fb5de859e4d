"""The benchmark's CPU accounting: its own process and the processes it started, by role."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from ingest import bench_cpu

BURN = "import time\nend = time.process_time() + 5\nwhile time.process_time() < end: pass"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_a_child_is_counted_under_the_role_its_command_line_names() -> None:
    before = bench_cpu.sample()
    child = subprocess.Popen([sys.executable, "-c", BURN, "ray::IngestActor"])
    try:
        deadline = time.monotonic() + 20
        spent: dict[str, float] = {}
        while spent.get("ingest actors", 0) < 200_000 and time.monotonic() < deadline:
            time.sleep(0.05)
            spent = bench_cpu.per_command_us(before, bench_cpu.sample(), commands=1)
    finally:
        child.kill()
        child.wait(timeout=30)
    assert spent["ingest actors"] >= 200_000  # 0.2 s of the child's CPU, for one "command"


def test_work_measured_inside_a_role_is_set_apart_as_its_own() -> None:
    spent = {"solver tasks": 6000.0, "ingest actors": 2800.0, "Kafka broker": 400.0}
    split = bench_cpu.set_apart(spent, "ingest actors", bench_cpu.IN_PLACE, 900.0)
    assert split == {
        "solver tasks": 6000.0,
        "ingest actors": 1900.0,
        bench_cpu.IN_PLACE: 900.0,
        "Kafka broker": 400.0,
    }
    assert list(split) == ["solver tasks", "ingest actors", bench_cpu.IN_PLACE, "Kafka broker"]
    assert bench_cpu.set_apart(spent, "shard hosts", bench_cpu.IN_PLACE, 900.0) == spent  # no such role
    assert bench_cpu.set_apart(spent, "ingest actors", bench_cpu.IN_PLACE, 0.0) == spent
    # Whole ticks: a part read above its role leaves no role at zero or below.
    assert bench_cpu.set_apart({"ingest actors": 10.0}, "ingest actors", "x", 20.0) == {"x": 20.0}
