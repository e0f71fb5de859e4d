"""Secrets at rest: OAuth grants (and channel tokens) sealed with AES-256-GCM under a named key.

A sealed value reads `v1.<key id>.<base64url(nonce | ciphertext)>`. The key id lets keys rotate: new
values are sealed with the active key, and values sealed with any configured key still open, so old
keys can be retired once every value was re-sealed. The associated data binds a value to its owner (the
user id), so a sealed grant copied into another user's state does not open.
"""

from __future__ import annotations

import base64
import json
import os
import re

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from pydantic import BaseModel, ConfigDict, Field, SecretStr, model_validator

from actors.google_calendar.client import OAuthGrant

_KEY_ID = re.compile(r"^[A-Za-z0-9_-]{1,32}$")


class VaultError(Exception):
    """A secret could not be sealed or opened; the message names the key id, never the secret."""


class VaultSettings(BaseModel):
    """`keys`: key id -> 32-byte key, base64url. Set them from the environment or a secret file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    keys: dict[str, SecretStr] = Field(default_factory=dict)
    active_key: str = ""

    @model_validator(mode="after")
    def _usable(self) -> VaultSettings:
        if self.keys and self.active_key not in self.keys:
            raise ValueError(f"active_key {self.active_key!r} is not one of the configured key ids")
        for key_id in self.keys:
            if not _KEY_ID.match(key_id):
                raise ValueError(f"key id {key_id!r}: use 1-32 letters, digits, '_' or '-'")
        return self


def new_key() -> str:
    """A fresh 32-byte key, base64url: what goes into `keys`."""
    return base64.urlsafe_b64encode(os.urandom(32)).decode()


class Vault:
    def __init__(self, settings: VaultSettings) -> None:
        if not settings.keys:
            raise VaultError("no encryption keys configured: set calendar.vault.keys and active_key")
        self._active = settings.active_key
        self._keys = {kid: AESGCM(_key_bytes(kid, key)) for kid, key in settings.keys.items()}

    def seal(self, plain: bytes, owner: str) -> str:
        nonce = os.urandom(12)
        sealed = self._keys[self._active].encrypt(nonce, plain, owner.encode())
        return f"v1.{self._active}.{base64.urlsafe_b64encode(nonce + sealed).decode()}"

    def open(self, sealed: str, owner: str) -> bytes:
        version, key_id, body = [*sealed.split(".", 2), "", ""][:3]
        if version != "v1" or key_id not in self._keys:
            raise VaultError(f"sealed value uses unknown key id {key_id!r}: configure that key again")
        raw = base64.urlsafe_b64decode(body)
        try:
            return self._keys[key_id].decrypt(raw[:12], raw[12:], owner.encode())
        except InvalidTag:
            raise VaultError(f"sealed value does not open with key {key_id!r} for its owner") from None

    def seal_grant(self, grant: OAuthGrant, user_id: str) -> str:
        data = grant.model_dump(mode="json")  # SecretStr fields dump masked: reveal them for sealing only
        data["refresh_token"] = grant.refresh_token.get_secret_value()
        data["client_secret"] = grant.client_secret.get_secret_value()
        return self.seal(json.dumps(data).encode(), user_id)

    def open_grant(self, sealed: str, user_id: str) -> OAuthGrant:
        return OAuthGrant.model_validate_json(self.open(sealed, user_id))


def _key_bytes(key_id: str, key: SecretStr) -> bytes:
    try:
        raw = base64.urlsafe_b64decode(key.get_secret_value())
    except ValueError:
        raw = b""
    if len(raw) != 32:
        raise VaultError(f"key {key_id!r} must be 32 bytes, base64url-encoded (see new_key())")
    return raw
