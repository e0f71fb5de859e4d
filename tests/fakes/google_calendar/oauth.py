"""The OAuth 2.0 token endpoint: refresh_token grants in, short-lived bearer tokens out.

Each account owns one calendar (its `primary`). Revoking a refresh token makes the endpoint answer
`invalid_grant`, as Google does when a user removes the app's access.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

ACCESS_TOKEN_SECONDS = 3600


@dataclass(frozen=True)
class Grant:
    """What the product stores for a user after consent: enough to mint access tokens."""

    account: str
    refresh_token: str
    client_id: str
    client_secret: str
    scopes: tuple[str, ...] = ("https://www.googleapis.com/auth/calendar.events",)


class OAuthServer:
    def __init__(self, now: Callable[[], datetime]) -> None:
        self._now = now
        self._lock = threading.Lock()
        self._grants: dict[str, Grant] = {}
        self._revoked: set[str] = set()
        self._access: dict[str, tuple[str, datetime]] = {}
        self.refreshes = 0

    def grant(self, account: str) -> Grant:
        new = Grant(account, secrets.token_urlsafe(24), f"client-{account}", secrets.token_urlsafe(16))
        with self._lock:
            self._grants[new.refresh_token] = new
        return new

    def revoke(self, refresh_token: str) -> None:
        with self._lock:
            self._revoked.add(refresh_token)
            owner = self._grants[refresh_token].account
            self._access = {t: v for t, v in self._access.items() if v[0] != owner}

    def expire_access_tokens(self) -> None:
        with self._lock:
            self._access.clear()

    def account_for(self, authorization: str | None) -> str | None:
        """The account a `Bearer` header speaks for, or None when the token is unknown or expired."""
        scheme, _, token = (authorization or "").partition(" ")
        with self._lock:
            found = self._access.get(token) if scheme == "Bearer" else None
        return found[0] if found and found[1] > self._now() else None

    def exchange(self, form: dict[str, str]) -> tuple[int, dict[str, object]]:
        """One token request; returns (HTTP status, JSON body) as Google's endpoint would."""
        if form.get("grant_type") != "refresh_token":
            return 400, {"error": "unsupported_grant_type"}
        with self._lock:
            grant = self._grants.get(form.get("refresh_token", ""))
            if grant is None or grant.refresh_token in self._revoked:
                return 400, {
                    "error": "invalid_grant",
                    "error_description": "Token has been expired or revoked.",
                }
            if (form.get("client_id"), form.get("client_secret")) != (grant.client_id, grant.client_secret):
                return 401, {"error": "invalid_client", "error_description": "Unauthorized"}
            token = secrets.token_urlsafe(24)
            self._access[token] = (grant.account, self._now() + timedelta(seconds=ACCESS_TOKEN_SECONDS))
            self.refreshes += 1
        scope = form.get("scope") or " ".join(grant.scopes)
        body = {
            "access_token": token,
            "expires_in": ACCESS_TOKEN_SECONDS,
            "token_type": "Bearer",
            "scope": scope,
        }
        return 200, body
