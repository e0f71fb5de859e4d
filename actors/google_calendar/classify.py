"""Turns what the Google client libraries raise into this package's typed errors.

Retryable: 429, 5xx, 403 rateLimitExceeded/userRateLimitExceeded, and no answer at all. Everything else is
final: 403 quotaExceeded (the daily quota is gone), 400, 401 (the client library refreshed already), 404,
409, 410, 412. Rate and quota limits, 5xx and no answer count against the breaker; other answers prove
Google is up.
"""

from __future__ import annotations

import json
from typing import Any

import httplib2
from google.auth.exceptions import RefreshError, TransportError
from googleapiclient.errors import HttpError

from actors.google_calendar.errors import CalendarApiError, GoogleCalendarError, ReconnectNeeded

RATE_LIMITS = frozenset({"rateLimitExceeded", "userRateLimitExceeded"})
USAGE_LIMITS = RATE_LIMITS | {"quotaExceeded", "dailyLimitExceeded"}
_GRANT_GONE = frozenset({"invalid_grant", "unauthorized_client"})


def _reason_and_message(content: bytes) -> tuple[str, str]:
    try:
        error = json.loads(content)["error"]
        details = error.get("errors") or [{}]
        return str(details[0].get("reason") or error.get("status") or "unknown"), str(
            error.get("message", "")
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        return "unknown", content[:200].decode("utf-8", "replace")


def _retry_after(headers: Any) -> float | None:
    value = headers.get("retry-after") if headers is not None else None
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None  # an HTTP date: rare from Google; the backoff applies instead


def from_http_error(error: HttpError, operation: str) -> CalendarApiError:
    status = int(error.resp.status)
    reason, message = _reason_and_message(error.content)
    throttled = status == 429 or (status == 403 and reason in RATE_LIMITS)
    retryable = throttled or status >= 500
    unwell = retryable or (status == 403 and reason in USAGE_LIMITS)
    return CalendarApiError(
        operation,
        status,
        reason,
        message,
        retryable=retryable,
        dependency_failure=unwell,
        retry_after=_retry_after(error.resp),
    )


def from_refresh_error(error: RefreshError, operation: str) -> GoogleCalendarError:
    """A failed token refresh: a gone grant means reconnect; otherwise the token endpoint is unwell."""
    answer = next((arg for arg in error.args if isinstance(arg, dict)), {})
    code = str(answer.get("error") or str(error).split(":", 1)[0])
    if code in _GRANT_GONE:
        return ReconnectNeeded(code)
    retryable = bool(getattr(error, "retryable", False))
    return CalendarApiError(
        f"{operation} (token refresh)",
        None,
        code,
        str(error),
        retryable=retryable,
        dependency_failure=retryable,
    )


def classify(error: BaseException, operation: str) -> GoogleCalendarError | None:
    """The typed error for a library failure, or None when it is not a Google failure (a bug: re-raise)."""
    if isinstance(error, HttpError):
        return from_http_error(error, operation)
    if isinstance(error, RefreshError):
        return from_refresh_error(error, operation)
    if isinstance(error, TransportError | httplib2.HttpLib2Error | OSError):
        return CalendarApiError(
            operation, None, type(error).__name__, str(error), retryable=True, dependency_failure=True
        )
    return None
