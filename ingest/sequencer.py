"""Per-user release order: a user's results are published in the order the user's commands arrived.

Results come back per host call, and calls finish out of order: a call holding a user's second command
can finish before the call holding the first, if the first shares its call with a slow solve. The host
applies them in order either way; this makes the published events follow the same order.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

Ref = TypeVar("Ref", bound=Hashable)
Payload = TypeVar("Payload")


class UserSequencer(Generic[Ref, Payload]):
    def __init__(self) -> None:
        self._queues: dict[str, deque[Ref]] = {}
        self._arrived: dict[Ref, Payload] = {}
        self._owner: dict[Ref, str] = {}

    def __len__(self) -> int:
        return len(self._owner)

    def expect(self, user_id: str, ref: Ref) -> None:
        """`ref` is the user's next command; its result is released after all earlier ones."""
        queue = self._queues.get(user_id)  # not `setdefault`: it would build a queue every time
        if queue is None:
            queue = self._queues[user_id] = deque()
        queue.append(ref)
        self._owner[ref] = user_id

    def arrive(self, ref: Ref, payload: Payload) -> list[tuple[Ref, Payload]]:
        """Record a result; return every result now releasable, in the users' order."""
        user_id = self._owner.get(ref)
        if user_id is None:
            return []  # forgotten meanwhile (its partition was revoked)
        self._arrived[ref] = payload
        return self._release(user_id)

    def forget(self, refs: Iterable[Ref]) -> list[tuple[Ref, Payload]]:
        """Drop abandoned commands; results they were holding back are released."""
        touched = set()
        for ref in refs:
            user_id = self._owner.pop(ref, None)
            if user_id is None:
                continue
            self._arrived.pop(ref, None)
            self._queues[user_id].remove(ref)
            touched.add(user_id)
        return [pair for user_id in touched for pair in self._release(user_id)]

    def _release(self, user_id: str) -> list[tuple[Ref, Payload]]:
        queue = self._queues[user_id]
        released = []
        while queue and queue[0] in self._arrived:
            ref = queue.popleft()
            released.append((ref, self._arrived.pop(ref)))
            del self._owner[ref]
        if not queue:
            del self._queues[user_id]
        return released
