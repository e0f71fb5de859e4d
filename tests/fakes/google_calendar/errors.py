"""Errors of the fake, answered in the JSON shape Google APIs use, so the real client parses them."""

from __future__ import annotations

import json

_DOMAINS = {
    "rateLimitExceeded": "usageLimits",
    "userRateLimitExceeded": "usageLimits",
    "quotaExceeded": "usageLimits",
    "fullSyncRequired": "calendar",
}


class ApiError(Exception):
    """One error answer: HTTP status, Google `reason`, human message and extra headers."""

    def __init__(self, status: int, reason: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(f"{status} {reason}: {message}")
        self.status = status
        self.reason = reason
        self.message = message
        self.headers = headers or {}

    def body(self) -> bytes:
        detail = {
            "domain": _DOMAINS.get(self.reason, "global"),
            "reason": self.reason,
            "message": self.message,
        }
        return json.dumps(
            {"error": {"errors": [detail], "code": self.status, "message": self.message}}
        ).encode()


def not_found(what: str) -> ApiError:
    return ApiError(404, "notFound", f"Not Found: {what}")


def bad_request(message: str) -> ApiError:
    return ApiError(400, "invalid", message)


def full_sync_required() -> ApiError:
    return ApiError(410, "fullSyncRequired", "Sync token is no longer valid, a full sync is required.")


def precondition_failed() -> ApiError:
    return ApiError(412, "conditionNotMet", "Precondition Failed")


def unauthorized() -> ApiError:
    return ApiError(401, "authError", "Invalid Credentials", {"WWW-Authenticate": 'Bearer realm="fake"'})
