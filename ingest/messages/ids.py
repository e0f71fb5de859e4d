"""Deterministic ids: outputs of a command get the same ids every time the command is replayed."""

from __future__ import annotations

import hashlib
import uuid

# Fixed for all time: changing it would change every derived id and break replay deduplication.
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://scheduling-worker/ids")
_PREFIX = _NAMESPACE.bytes


def derive_id(task_id: str, *parts: str) -> str:
    """A UUID (version 5) determined by the command id and the output's parts.

    Each part is length-prefixed, so ("a:b", "c") and ("a", "b:c") never collide.
    """
    name = "".join(f"{len(part)}:{part}" for part in (task_id, *parts))
    return _uuid5(name)


def _uuid5(name: str) -> str:
    # RFC 4122 version 5, exactly as `str(uuid.uuid5(_NAMESPACE, name))` (tested against it), without
    # building a UUID object: every output of every command gets one, so it is on the hot path.
    digest = bytearray(hashlib.sha1(_PREFIX + name.encode(), usedforsecurity=False).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
