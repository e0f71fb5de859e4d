"""Python's cycle collector, set for the worker's long-lived, allocation-heavy processes.

CPython's default collects its youngest generation every 700 net allocations. A shard host builds
and drops pydantic states, plans and outcomes by the thousand per command, and each collection walks
every young object still alive, most of them the in-flight commands' data, which is not garbage. On
week-long plans (2 cores) `perf` found 15% of a host's CPU in the collector; a collector callback
counted about 1 s of collections per host over a benchmark run, 0.3 s with the thresholds below
(ingest actors: 0.4 s and 0.07 s). Everything alive at the first call (imported modules, Ray's and
OR-Tools' objects) stays alive for the process's life, so it is frozen out of the collector's walks.

The price is memory held by unreachable cycles a little longer: at most about `YOUNG` objects' worth
between collections. Reference counting still frees everything that is not a cycle at once.
"""

from __future__ import annotations

import gc

YOUNG = 50_000  # net allocations between collections of the youngest generation
OLDER = 20  # collections of a generation before the next one up is collected

_tuned = False


def tune_collector() -> None:
    """Once per process: freeze what is alive now and collect young objects less often."""
    global _tuned
    if _tuned:
        return
    _tuned = True
    gc.collect()  # what is garbage now is not frozen with the rest
    gc.freeze()
    gc.set_threshold(YOUNG, OLDER, OLDER)
