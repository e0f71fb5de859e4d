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
