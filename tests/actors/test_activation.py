"""Active users stay within the host's budget: idle ones and the least recently used go first."""

from __future__ import annotations

from actors.activation import ActiveUsers, Budget
from actors.user_actor import UserActor


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _actor(user_id: str, size: int = 100) -> UserActor:
    return UserActor(user_id, state_size=size)


def test_count_budget_passivates_least_recently_used_but_never_busy() -> None:
    users = ActiveUsers(Budget(max_users=3, idle_timeout_s=60), Clock())
    for name in "abcde":
        users.touch(_actor(name))
    users.get("a")  # a is now the most recent
    assert users.passivate(busy={"b"}) == 2
    assert users.get("b") is not None and users.get("a") is not None
    assert users.get("c") is None and users.get("d") is None and len(users) == 3


def test_memory_budget_counts_estimated_bytes() -> None:
    users = ActiveUsers(Budget(max_users=100, max_bytes=10_000, memory_factor=10, per_user_bytes=0), Clock())
    for n in range(5):
        users.touch(_actor(f"u{n}", size=400))
    assert users.estimated_bytes == 20_000
    users.passivate(busy=set())
    assert len(users) == 2 and users.estimated_bytes <= 10_000


def test_idle_users_are_passivated_after_the_timeout() -> None:
    clock = Clock()
    users = ActiveUsers(Budget(idle_timeout_s=60), clock)
    users.touch(_actor("old"))
    clock.now = 50
    users.touch(_actor("new"))
    clock.now = 70
    assert users.passivate(busy=set()) == 1
    assert users.get("old") is None and users.get("new") is not None
    assert users.passivations == 1 and users.stored_bytes == 100
