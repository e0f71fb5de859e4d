"""What one ingest actor has going at one host: its backlog, its window, call numbers and resends.

Pure bookkeeping, so the rules are testable without Ray: at most `window` units of work out at once; calls
numbered 0, 1, 2, ... under a caller epoch; after a failure, a new epoch (the lost numbers will never
come), the lost calls held back for a growing pause, and nothing new sent before they are.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from actors.contract import WorkItem
from ingest.backlog import PriorityBacklog

RESEND_DELAYS_S = (0.5, 1.0, 2.0, 5.0)


@dataclass
class HostLane:
    backlog: PriorityBacklog = field(default_factory=PriorityBacklog)
    epoch: int = 0
    number: int = 0  # the next call's number within the epoch
    outstanding: int = 0  # units of work sent and not answered
    calls_out: int = 0  # calls sent and not answered
    failures: int = 0  # consecutive failed calls
    resend_at: float | None = None
    resend: list[list[WorkItem]] = field(default_factory=list)

    def room(self, window: int) -> int:
        """How many units of backlog work may go now; none while lost calls wait to go again."""
        return 0 if self.resend_at is not None else max(0, window - self.outstanding)

    def numbered(self, units: int) -> tuple[int, int]:
        """(epoch, number) of a call about to carry `units` of work."""
        number = self.number
        self.number += 1
        self.outstanding += units
        self.calls_out += 1
        return self.epoch, number

    def answered(self, units: int) -> None:
        self.outstanding -= units
        self.calls_out -= 1
        self.failures = 0

    def failed(self, lost: list[list[WorkItem]], now: float) -> float:
        """Hold the lost calls (oldest first) for a pause that grows with each failure in a row."""
        delay = RESEND_DELAYS_S[min(self.failures, len(RESEND_DELAYS_S) - 1)]
        self.failures += 1
        self.epoch, self.number, self.outstanding, self.calls_out = self.epoch + 1, 0, 0, 0
        self.resend, self.resend_at = [*self.resend, *lost], now + delay
        return delay

    def due(self, now: float) -> list[list[WorkItem]]:
        """The held calls, once their pause is over."""
        if self.resend_at is None or self.resend_at > now:
            return []
        batches, self.resend, self.resend_at = self.resend, [], None
        return batches
