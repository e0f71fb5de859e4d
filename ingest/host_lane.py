"""What one ingest actor has going at one host: its backlog, its window, call numbers and resends.

Pure bookkeeping, so the rules are testable without Ray: at most `window` units of work out at once; calls
numbered 0, 1, 2, ... under a caller epoch; after a failure, a new epoch (the lost numbers will never
come), the lost calls held back for a growing pause, and nothing new sent before they are. When some
lost command may be what kills the host (`solo`), the lost commands go again one at a time, each alone
in its own call, and nothing else goes to the host before the last of them is answered; their pause
varies a little, so that two ingest actors doing the same rarely send theirs together.
"""

from __future__ import annotations

import random
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
    solo: bool = False  # the lost commands go one at a time, each alone

    def room(self, window: int) -> int:
        """How many units of backlog work may go now; none while lost calls wait to go again."""
        if self.resend_at is not None or self.solo:
            return 0
        return max(0, window - self.outstanding)

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
        if self.solo and not self.resend and not self.calls_out:
            self.solo = False

    def failed(self, lost: list[list[WorkItem]], now: float, solo: bool = False) -> float:
        """Hold the lost calls (oldest first, before any still held) for a pause that grows with each
        failure in a row; `solo` cuts them into calls of one command each."""
        delay = RESEND_DELAYS_S[min(self.failures, len(RESEND_DELAYS_S) - 1)]
        self.failures += 1
        self.epoch, self.number, self.outstanding, self.calls_out = self.epoch + 1, 0, 0, 0
        self.solo = self.solo or solo
        if self.solo:
            lost = [[item] for batch in lost for item in batch]
            delay *= random.uniform(1.0, 2.0)
        self.resend, self.resend_at = [*lost, *self.resend], now + delay
        return delay

    def due(self, now: float) -> list[list[WorkItem]]:
        """The held calls, once their pause is over; one at a time, after the previous one's answer,
        in solo mode."""
        if self.resend_at is None or self.resend_at > now:
            return []
        if not self.solo:
            batches, self.resend, self.resend_at = self.resend, [], None
            return batches
        if self.calls_out or not self.resend:
            return []
        batch = self.resend.pop(0)
        if not self.resend:
            self.resend_at = None
        return [batch]
