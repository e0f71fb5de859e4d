"""Versioned saves on both stores: a stale owner is refused, and of two racing owners exactly one wins."""

from __future__ import annotations

import multiprocessing
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from actors.store import StaleStateError, StateStore, StoreError, open_store


def _user() -> str:
    return f"user-{uuid.uuid4()}"


def test_unknown_user_loads_nothing(store: StateStore) -> None:
    assert store.load(_user()) is None


def test_saves_advance_the_version(store: StateStore) -> None:
    user = _user()
    assert store.save(user, b"one", 0, "host-a") == 1
    assert store.save(user, b"two", 1, "host-a") == 2
    loaded = store.load(user)
    assert loaded is not None
    assert (loaded.state, loaded.version, loaded.owner) == (b"two", 2, "host-a")


def test_stale_owner_is_refused_and_changes_nothing(store: StateStore) -> None:
    user = _user()
    store.save(user, b"first", 0, "host-a")
    store.save(user, b"by-b", 1, "host-b")
    with pytest.raises(StaleStateError, match="reload the state"):
        store.save(user, b"by-a", 1, "host-a")
    with pytest.raises(StaleStateError):
        store.save(user, b"again", 0, "host-a")  # a second "first" save is stale too
    loaded = store.load(user)
    assert loaded is not None and (loaded.state, loaded.version) == (b"by-b", 2)


def test_two_owners_racing_on_one_version_one_wins(store: StateStore, store_url: str) -> None:
    # Each owner has its own connection, as hosts in separate processes do, and all save at once: the
    # store's own version check decides, not a lock in one store object.
    user = _user()
    store.save(user, b"base", 0, "host-a")
    owners = [f"host-{i}" for i in range(8)]
    start = threading.Barrier(len(owners))

    def attempt(owner: str) -> str:
        own = open_store(store_url)
        try:
            start.wait(timeout=60)
            own.save(user, owner.encode(), 1, owner)
        except StaleStateError:
            return "refused"
        finally:
            own.close()
        return "won"

    with ThreadPoolExecutor(len(owners)) as pool:
        outcomes = list(pool.map(attempt, owners))
    assert sorted(outcomes) == ["refused"] * 7 + ["won"]
    loaded = store.load(user)
    assert loaded is not None and loaded.version == 2
    assert loaded.state == loaded.owner.encode()


def test_sqlite_is_shared_between_connections(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    first, second = open_store(url), open_store(url)
    first.save("u", b"x", 0, "host-a")
    with pytest.raises(StaleStateError):
        second.save("u", b"y", 0, "host-b")
    loaded = second.load("u")
    assert loaded is not None and loaded.state == b"x"
    first.close()
    second.close()


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:", "redis://localhost/0"])
def test_unusable_urls_are_refused_with_a_reason(url: str) -> None:
    with pytest.raises(StoreError, match="sqlite:///"):
        open_store(url)


_start: Any = None


def _hold_at(barrier: Any) -> None:
    global _start
    _start = barrier


def _open_and_save(args: tuple[str, str]) -> int:
    url, user = args
    _start.wait()  # every process opens the new file at the same moment
    store = open_store(url)
    try:
        return store.save(user, b"{}", 0, user)
    finally:
        store.close()


def test_hosts_opening_a_new_sqlite_file_at_once_all_get_in(tmp_path: Path) -> None:
    # Host processes start together and each opens (and so prepares) the same new file.
    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    spawn = multiprocessing.get_context("spawn")
    barrier = spawn.Barrier(6)
    with spawn.Pool(6, initializer=_hold_at, initargs=(barrier,)) as pool:
        versions = pool.map(_open_and_save, [(url, f"user-{n}") for n in range(6)], chunksize=1)
    assert versions == [1] * 6
