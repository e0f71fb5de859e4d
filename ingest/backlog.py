"""Commands waiting for room at their host: HIGH before NORMAL before LOW across users, FIFO within one.

Only a bounded window of commands goes to a host at a time, so that a host call returns as soon as
its few commands are done (a call with a hundred commands returns only when the slowest is). What
waits here is released by priority, but a user's command never passes that user's earlier ones: only
the head of each user's queue competes.
"""

from __future__ import annotations

import heapq
import itertools
from collections import deque

from actors.contract import CommandPriority, WorkItem

RANK = {CommandPriority.HIGH: 0, CommandPriority.NORMAL: 1, CommandPriority.LOW: 2}


class PriorityBacklog:
    def __init__(self) -> None:
        self._users: dict[str, deque[tuple[int, WorkItem]]] = {}
        self._heads: list[tuple[int, int, str]] = []  # (rank, arrival, user) of each user's first command
        self._arrival = itertools.count()
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def push(self, item: WorkItem) -> None:
        arrival = next(self._arrival)
        queue = self._users.get(item.user_id)
        if queue is None:
            queue = self._users[item.user_id] = deque()
            heapq.heappush(self._heads, (RANK[item.priority], arrival, item.user_id))
        queue.append((arrival, item))
        self._size += 1

    def pop(self, limit: int) -> list[WorkItem]:
        """Up to `limit` commands in release order; a user's next command competes once its previous left."""
        taken: list[WorkItem] = []
        while self._heads and len(taken) < limit:
            _, _, user_id = heapq.heappop(self._heads)
            queue = self._users[user_id]
            taken.append(queue.popleft()[1])
            if queue:
                arrival, following = queue[0]
                heapq.heappush(self._heads, (RANK[following.priority], arrival, user_id))
            else:
                del self._users[user_id]
        self._size -= len(taken)
        return taken
