"""A circuit breaker per external dependency, with the spec's figures.

CLOSED: calls go through; each dependency failure is time-stamped. When `failure_threshold` failures lie
within the last `monitoring_period_s` (the window (now - period, now]), the breaker OPENS. Successes do not
erase recorded failures: a dependency failing half the time still trips it.
OPEN: calls fail fast with `CircuitOpen` for `recovery_timeout_s` after opening.
HALF_OPEN: then exactly one trial call goes through (others still fail fast). Its success CLOSES the
breaker and forgets old failures; its failure OPENS it again for another full recovery timeout.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from actors.google_calendar.errors import CircuitOpen


class BreakerState(StrEnum):
    CLOSED = "closed"
    HALF_OPEN = "half_open"
    OPEN = "open"


GAUGE_VALUE = {BreakerState.CLOSED: 0, BreakerState.HALF_OPEN: 1, BreakerState.OPEN: 2}
"""The number a gauge shows per state (e.g. `circuit_breaker_state{dependency=...}`)."""


class BreakerSettings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    failure_threshold: int = Field(default=5, ge=1)
    recovery_timeout_s: float = Field(default=60.0, gt=0)
    monitoring_period_s: float = Field(default=10.0, gt=0)


OnChange = Callable[[str, BreakerState, BreakerState], None]


class CircuitBreaker:
    """`clock` returns monotonic seconds; `on_change(name, old, new)` fires after each transition."""

    def __init__(
        self,
        name: str,
        settings: BreakerSettings | None = None,
        clock: Callable[[], float] = time.monotonic,
        on_change: OnChange | None = None,
    ) -> None:
        self.name = name
        self.settings = settings or BreakerSettings()
        self._clock = clock
        self._on_change = on_change
        self._lock = threading.Lock()
        self._state = BreakerState.CLOSED
        self._failures: deque[float] = deque()
        self._opened_at = 0.0
        self._trial_running = False

    @property
    def state(self) -> BreakerState:
        with self._lock:
            moves = self._recover(self._clock())
            state = self._state
        self._announce(moves)
        return state

    def before_call(self) -> None:
        """Raises `CircuitOpen` unless a call may go out now."""
        with self._lock:
            now = self._clock()
            moves = self._recover(now)
            refused = self._state is BreakerState.OPEN or self._trial_running
            if self._state is BreakerState.HALF_OPEN and not refused:
                self._trial_running = True
            retry_in = max(self._opened_at + self.settings.recovery_timeout_s - now, 0.0)
        self._announce(moves)
        if refused:
            raise CircuitOpen(self.name, retry_in)

    def record_success(self) -> None:
        with self._lock:
            moves = []
            if self._state is BreakerState.HALF_OPEN:
                self._failures.clear()
                moves = self._move(BreakerState.CLOSED)
        self._announce(moves)

    def record_failure(self) -> None:
        with self._lock:
            now, moves = self._clock(), []
            if self._state is BreakerState.HALF_OPEN:
                moves = self._open(now)
            elif self._state is BreakerState.CLOSED:
                self._failures.append(now)
                while self._failures and self._failures[0] <= now - self.settings.monitoring_period_s:
                    self._failures.popleft()
                if len(self._failures) >= self.settings.failure_threshold:
                    moves = self._open(now)
        self._announce(moves)

    def _open(self, now: float) -> list[tuple[BreakerState, BreakerState]]:
        self._opened_at = now
        self._failures.clear()
        return self._move(BreakerState.OPEN)

    def _recover(self, now: float) -> list[tuple[BreakerState, BreakerState]]:
        waited = now - self._opened_at >= self.settings.recovery_timeout_s
        return self._move(BreakerState.HALF_OPEN) if self._state is BreakerState.OPEN and waited else []

    def _move(self, new: BreakerState) -> list[tuple[BreakerState, BreakerState]]:
        old, self._state, self._trial_running = self._state, new, False
        return [(old, new)]

    def _announce(self, moves: list[tuple[BreakerState, BreakerState]]) -> None:
        # Outside the lock: a callback may read `state` or update a metric without deadlocking.
        for old, new in moves:
            if self._on_change is not None:
                self._on_change(self.name, old, new)
