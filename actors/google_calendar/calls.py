"""Every Calendar API request goes out through `CalendarCalls`: the circuit breaker first, then the
request, then the spec's retry policy for what may succeed on a later try.

The client library's own retries stay off (`num_retries=0`), so one policy governs and the breaker sees
every attempt. A `Retry-After` longer than the policy's cap ends the retries at once: waiting it out here
would hold the user's command; the command retry path waits instead.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from actors.google_calendar.breaker import CircuitBreaker
from actors.google_calendar.classify import classify
from actors.google_calendar.errors import CalendarApiError, GoogleCalendarError
from actors.retry import RetryPolicy

log = logging.getLogger(__name__)


class CalendarCalls:
    def __init__(
        self,
        breaker: CircuitBreaker,
        policy: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.breaker = breaker
        self.policy = policy or RetryPolicy()
        self._sleep = sleep
        self.attempts = 0  # every request sent, retries included: tests and metrics read it
        self.last_answer: tuple[str, int] | None = None  # HTTP method and status Google last answered

    def http_labels(self) -> dict[str, str | int]:
        """The spec's `method` and `statusCode` metric labels, of the latest request Google answered;
        empty before any answer (none came, or no request was needed)."""
        if self.last_answer is None:
            return {}
        method, status = self.last_answer
        return {"method": method, "statusCode": status}

    def execute(self, request: Any, operation: str) -> Any:
        """Runs a googleapiclient `HttpRequest`; returns its parsed JSON or raises a `GoogleCalendarError`."""
        method = str(request.method)  # before a long GET is sent as POST with a method override

        def answered(response: Any) -> None:  # called for every answer, errors included
            self.last_answer = (method, int(response.status))

        request.add_response_callback(answered)
        attempt = 1
        while True:
            try:
                return self._once(request, operation)
            except CalendarApiError as failed:
                delay = self._delay(attempt, failed)
                if delay is None:
                    raise
                log.warning("%s; retry %d in %.1f s", failed, attempt, delay)
                self._sleep(delay)
                attempt += 1

    def _once(self, request: Any, operation: str) -> Any:
        self.breaker.before_call()
        self.attempts += 1
        try:
            result = request.execute(num_retries=0)
        except Exception as raw:
            error = classify(raw, operation)
            if error is None:
                self.breaker.record_failure()  # frees a half-open trial: a crash proves nothing good
                raise
            self._record(error)
            raise error from raw
        self.breaker.record_success()
        return result

    def _record(self, error: GoogleCalendarError) -> None:
        if isinstance(error, CalendarApiError) and error.dependency_failure:
            self.breaker.record_failure()
        else:
            self.breaker.record_success()  # Google answered; the request itself was the problem

    def _delay(self, attempt: int, failed: CalendarApiError) -> float | None:
        """Seconds before the next attempt, or None when no retry should follow."""
        if not failed.retryable or attempt >= self.policy.max_attempts:
            return None
        delay = self.policy.delay_before(attempt + 1)
        if failed.retry_after is not None:
            if failed.retry_after > self.policy.max_delay_s:
                return None
            delay = max(delay, failed.retry_after)
        return delay
