"""Deterministic ids: outputs of a command get the same ids every time the command is replayed."""

from __future__ import annotations

import uuid

# Fixed for all time: changing it would change every derived id and break replay deduplication.
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://scheduling-worker/ids")


def derive_id(task_id: str, *parts: str) -> str:
    """A UUID (version 5) determined by the command id and the output's parts.

    Each part is length-prefixed, so ("a:b", "c") and ("a", "b:c") never collide.
    """
    name = "".join(f"{len(part)}:{part}" for part in (task_id, *parts))
    return str(uuid.uuid5(_NAMESPACE, name))
