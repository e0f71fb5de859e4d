"""Deterministic ids: outputs of a command get the same ids every time the command is replayed."""

from __future__ import annotations

import hashlib
import uuid

from actors.ids import uuid5_of, uuid5_text

# Fixed for all time: changing it would change every derived id and break replay deduplication.
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://scheduling-worker/ids")
_PREFIX = _NAMESPACE.bytes


def derive_id(task_id: str, *parts: str) -> str:
    """A UUID (version 5) determined by the command id and the output's parts.

    Each part is length-prefixed, so ("a:b", "c") and ("a", "b:c") never collide.
    """
    return _uuid5(_name((task_id, *parts)))


def derive_ids(task_id: str, part: str, count: int) -> list[str]:
    """`derive_id(task_id, part, str(i))` for each i below `count`, hashing their shared start once."""
    start = _PREFIX + f"{len(task_id)}:{task_id}{len(part)}:{part}".encode()  # `_name((task_id, part))`
    if count == 1:  # most commands answer with one output (every sync does): one hash, nothing to share
        return [uuid5_of(hashlib.sha1(start + _INDEXES[0], usedforsecurity=False).digest())]
    shared = hashlib.sha1(start, usedforsecurity=False)
    ids = []
    for index in range(count):
        digest = shared.copy()
        digest.update(_INDEXES[index] if index < len(_INDEXES) else _name((str(index),)).encode())
        ids.append(uuid5_of(digest.digest()))
    return ids


def _name(parts: tuple[str, ...]) -> str:
    return "".join(f"{len(part)}:{part}" for part in parts)


# The named index parts of a command's first outputs, encoded once: `_name((str(i),)).encode()`.
_INDEXES = tuple(f"{len(str(index))}:{index}".encode() for index in range(256))


def _uuid5(name: str) -> str:
    return uuid5_text(_PREFIX, name)
