"""The collector settings of the worker's processes, checked in a fresh interpreter of their own:
freezing and thresholds are process-wide, and the test process must keep its defaults."""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import gc, json, weakref
from actors.collector import YOUNG, tune_collector

class Node:
    pass

before = gc.get_freeze_count()
tune_collector()
frozen = gc.get_freeze_count()
kept = [Node() for _ in range(1000)]  # alive after the first call
tune_collector()  # a second call changes nothing: what came later is not frozen
cycle = Node()
cycle.self = cycle
ref = weakref.ref(cycle)
del cycle
gc.collect()
print(json.dumps({
    "before": before, "frozen": frozen, "again": gc.get_freeze_count(),
    "threshold": gc.get_threshold(), "young": YOUNG, "cycle_freed": ref() is None,
}))
"""


def probe() -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_tuning_freezes_what_lives_once_and_still_collects_cycles() -> None:
    seen = probe()
    assert seen["before"] == 0
    assert isinstance(seen["frozen"], int) and seen["frozen"] > 1000  # the imported modules' objects
    assert seen["again"] == seen["frozen"]
    assert seen["threshold"][0] == seen["young"]  # type: ignore[index]
    assert seen["cycle_freed"] is True
