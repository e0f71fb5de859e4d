"""Injected failures: a queue of answers the next Calendar API requests get instead of a real one."""

from __future__ import annotations

import threading
from collections import deque

from .errors import ApiError

_MESSAGES = {
    "rateLimitExceeded": "Rate Limit Exceeded",
    "userRateLimitExceeded": "User Rate Limit Exceeded",
    "quotaExceeded": "Calendar usage limits exceeded.",
    "backendError": "Backend Error",
}


def fault(status: int, reason: str, retry_after: int | None = None) -> ApiError:
    """A Google-shaped error, e.g. `fault(403, "rateLimitExceeded")` or `fault(503, "backendError")`."""
    headers = {"Retry-After": str(retry_after)} if retry_after is not None else {}
    return ApiError(status, reason, _MESSAGES.get(reason, reason), headers)


class FaultQueue:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._queue: deque[ApiError] = deque()
        self.served = 0

    def push(self, error: ApiError, times: int = 1) -> None:
        with self._lock:
            self._queue.extend([error] * times)

    def clear(self) -> None:
        with self._lock:
            self._queue.clear()

    def pending(self) -> int:
        with self._lock:
            return len(self._queue)

    def next(self) -> ApiError | None:
        with self._lock:
            if not self._queue:
                return None
            self.served += 1
            return self._queue.popleft()
