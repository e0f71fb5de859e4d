"""What an ingest actor counts, and the worker's one-line status built from all of them."""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass, field, fields

LATENCY_SAMPLES = 200_000


@dataclass
class IngestStats:
    consumed: int = 0
    done: int = 0  # finished: every output acked, so committable
    dead_lettered: int = 0
    replayed: int = 0  # answered from a user's outbox (a re-sent or re-read command)
    resent: int = 0  # sent again after a host died
    host_calls: int = 0  # calls made to hosts: commands per call shows how well they batch
    abandoned: int = 0  # dropped on a revoke or a drain timeout, left for the next owner
    rewinds: int = 0  # partitions read again because outputs were not delivered
    errors: int = 0
    in_flight: int = 0
    lag: int = 0  # log-end offset minus committable offset, summed over assigned partitions
    partitions: int = 0
    pauses: int = 0  # times the in-flight bound paused the partitions
    paused: bool = False
    last_done_at: float = 0.0  # wall clock (epoch seconds) when the latest command was finished

    def __add__(self, other: IngestStats) -> IngestStats:
        total = IngestStats()
        for f in fields(self):
            setattr(total, f.name, getattr(self, f.name) + getattr(other, f.name))
        total.paused = self.paused or other.paused
        total.last_done_at = max(self.last_done_at, other.last_done_at)
        return total

    def line(self) -> str:
        paused = " (paused)" if self.paused else ""
        rewinds = f"  rewinds {self.rewinds}" if self.rewinds else ""  # outputs the broker did not take
        return (
            f"consumed {self.consumed}  done {self.done}  in flight {self.in_flight}{paused}  "
            f"lag {self.lag}  DLQ {self.dead_lettered}  replayed {self.replayed}  "
            f"resent {self.resent}  partitions {self.partitions}{rewinds}"
        )


@dataclass
class Latencies:
    """End-to-end latencies in ms (command timestamp to the last output's ack), the newest kept."""

    samples: deque[float] = field(default_factory=lambda: deque(maxlen=LATENCY_SAMPLES))
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, ms: float) -> None:
        with self.lock:
            self.samples.append(ms)

    def take(self) -> list[float]:
        """All samples so far, clearing them (the benchmark reads one run at a time)."""
        with self.lock:
            taken = list(self.samples)
            self.samples.clear()
        return taken


def percentile(values: list[float], q: float) -> float:
    """The q-quantile (0..1) by nearest rank; 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]
