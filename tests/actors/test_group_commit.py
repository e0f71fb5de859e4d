"""Group commit: many users' states in one transaction, each save still checked against its own version."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

from actors.group_commit import GroupCommit
from actors.store import Save, StaleStateError, StateStore, open_store


def _users(count: int) -> list[str]:
    return [f"user-{uuid.uuid4()}" for _ in range(count)]


def test_save_many_checks_each_row_and_writes_the_rest(store: StateStore) -> None:
    fresh, current, moved = _users(3)
    store.save(current, b"v1", 0, "host-a")
    store.save(moved, b"v1", 0, "host-a")
    store.save(moved, b"v2 by b", 1, "host-b")
    answers = store.save_many(
        [Save(fresh, b"new", 0, "host-a"), Save(current, b"v2", 1, "host-a"), Save(moved, b"v2", 1, "host-a")]
    )
    assert answers[:2] == [1, 2]
    assert isinstance(answers[2], StaleStateError) and answers[2].user_id == moved
    loaded = [store.load(user) for user in (fresh, current, moved)]
    stored = [(s.state, s.version) for s in loaded if s is not None]
    assert stored == [(b"new", 1), (b"v2", 2), (b"v2 by b", 2)]


def test_saves_made_together_go_in_one_group_and_each_gets_its_answer(store: StateStore) -> None:
    users = _users(5)
    store.save(users[4], b"taken", 0, "host-b")  # host-a's first save of this user is stale
    commits = GroupCommit(store)

    async def save_all() -> list[int | BaseException]:
        saves = [commits.save(Save(user, b"state", 0, "host-a")) for user in users]
        return await asyncio.gather(*saves, return_exceptions=True)

    answers = asyncio.run(save_all())
    assert answers[:4] == [1, 1, 1, 1]
    assert isinstance(answers[4], StaleStateError)
    assert (commits.groups, commits.saves) == (1, 5)
    assert all((s := store.load(user)) is not None and s.state == b"state" for user in users[:4])


def test_a_failed_transaction_fails_every_save_in_it(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'state.sqlite3'}")
    commits = GroupCommit(store)
    store.close()  # every statement now fails

    async def save_two() -> list[int | BaseException]:
        saves = [commits.save(Save(user, b"state", 0, "host-a")) for user in _users(2)]
        return await asyncio.gather(*saves, return_exceptions=True)

    answers = asyncio.run(save_two())
    assert len(answers) == 2 and all(isinstance(answer, Exception) for answer in answers)
