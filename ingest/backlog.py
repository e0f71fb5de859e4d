"""Commands waiting for room at their host: HIGH before NORMAL before LOW across users, FIFO within one.

Only a bounded window of work goes to a host at a time (`ingest.call_plan` weighs it), so that the
host is never handed more than it can finish soon. What waits here is released by priority, but a
user's command never passes that user's earlier ones: only the head of each user's queue competes.
"""

from __future__ import annotations

import heapq
import itertools
from collections import deque
from collections.abc import Callable

from actors.contract import CommandPriority, WorkItem
from ingest.call_plan import SOLVING

RANK = {CommandPriority.HIGH: 0, CommandPriority.NORMAL: 1, CommandPriority.LOW: 2}


class PriorityBacklog:
    def __init__(self) -> None:
        self._users: dict[str, deque[tuple[int, WorkItem]]] = {}
        self._heads: list[tuple[int, int, str]] = []  # (rank, arrival, user) of each user's first command
        self._arrival = itertools.count()
        self._size = 0
        self.solving = 0  # of the waiting commands, those that solve

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
        self.solving += item.task_type in SOLVING

    def pop(self, limit: int, weight: Callable[[WorkItem], int] | None = None) -> list[WorkItem]:
        """Commands in release order, up to `limit` of them, or up to `limit` in total `weight`; a
        user's next command competes once its previous one left. Release stops at the first command
        that does not fit, so a light command never overtakes a heavier one ranked before it."""
        taken: list[WorkItem] = []
        room = limit
        while self._heads and room > 0:
            _, _, user_id = self._heads[0]
            cost = 1 if weight is None else weight(self._users[user_id][0][1])
            if cost > room:
                break
            room -= cost
            self.solving -= self._users[user_id][0][1].task_type in SOLVING
            heapq.heappop(self._heads)
            queue = self._users[user_id]
            taken.append(queue.popleft()[1])
            if queue:
                arrival, following = queue[0]
                heapq.heappush(self._heads, (RANK[following.priority], arrival, user_id))
            else:
                del self._users[user_id]
        self._size -= len(taken)
        return taken
