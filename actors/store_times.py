"""How long a host's state store takes, sent as DB_QUERY_TIME metrics once per window.

A host's store calls are timed as they return (`actors.store.timed.TimedStore`): an activation's read
(`load`), a replay's outbox read (`recall`) and a group commit's transaction (`save`, several users'
rows at once). Timing each command's own share of a group would mean splitting one transaction among its
rows, so the metrics describe the store instead: once `window_s` has passed, the next command the host
applies carries one metric per kind of call seen in the window among its outcomes. They are stored with
that command's other outcomes, so a replay sends them again with the same ids, and they are keyed like
its other outputs. A window whose carrying command is then refused by the store (another owner saved
first) is not sent again: these are measurements, not commands.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from actors.outcomes import PerformanceOutcome
from actors.stamp import Stamp

KEEP = 1024  # durations kept per kind of call and window for its percentiles (a uniform sample beyond)


@dataclass
class CallTimes:
    """One kind of store call in one window."""

    count: int = 0
    rows: int = 0
    total_s: float = 0.0
    max_s: float = 0.0
    kept: list[float] = field(default_factory=list)

    def add(self, seconds: float, rows: int, rng: random.Random) -> None:
        self.count += 1
        self.rows += rows
        self.total_s += seconds
        self.max_s = max(self.max_s, seconds)
        if len(self.kept) < KEEP:
            self.kept.append(seconds)
        else:  # reservoir sampling: every call of the window is equally likely to be kept
            slot = rng.randrange(self.count)
            if slot < KEEP:
                self.kept[slot] = seconds

    def percentile_us(self, share: float) -> int:
        ordered = sorted(self.kept)
        return round(ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1e6)


class StoreTimes:
    """The calls of the current window; the store's thread (a remote store's) and the host's loop both
    add to it, so it is guarded by a lock."""

    def __init__(
        self, host: str, store: str, window_s: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.host, self.store, self.window_s = host, store, window_s
        self._clock = clock
        self._started = clock()
        self._calls: dict[str, CallTimes] = {}
        self._lock = threading.Lock()
        self._rng = random.Random()

    def add(self, call: str, seconds: float, rows: int = 1) -> None:
        with self._lock:
            times = self._calls.get(call)
            if times is None:
                times = self._calls[call] = CallTimes()
            times.add(seconds, rows, self._rng)

    def due(self, stamp: Stamp) -> tuple[PerformanceOutcome, ...]:
        """The ended window's metrics for the command of `stamp` to carry, once; else nothing."""
        now = self._clock()
        if self.window_s <= 0 or now - self._started < self.window_s:
            return ()
        with self._lock:
            calls, self._calls = self._calls, {}
        window_s, self._started = now - self._started, now
        return tuple(self._metric(stamp, call, times, window_s) for call, times in sorted(calls.items()))

    def _metric(self, stamp: Stamp, call: str, times: CallTimes, window_s: float) -> PerformanceOutcome:
        labels: dict[str, str | int] = {
            "endpoint": f"state_store/{call}",
            "store": self.store,
            "host": self.host,
            "calls": times.count,
            "rows": times.rows,
            "p50Us": times.percentile_us(0.5),
            "p99Us": times.percentile_us(0.99),
            "maxUs": round(times.max_s * 1e6),
            "windowS": round(window_s),
        }
        mean_ms = round(times.total_s / times.count * 1000, 3)
        return PerformanceOutcome(
            user_id=stamp.user_id, at=stamp.at, metric_type="DB_QUERY_TIME", value=mean_ms, labels=labels
        )
