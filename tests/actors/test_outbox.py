"""The outbox as rows beside the state: written with it under its version, trimmed in batches, and
a replay answered with the bytes first stored, on both stores."""

from __future__ import annotations

import asyncio
import json
import uuid
from datetime import UTC, datetime

import pytest

from actors.contract import ItemResult
from actors.outbox import BOUNDS, COMMANDS_SLACK, Outbox, outcomes_json, record_of
from actors.requests import SyncRequest
from actors.store import OutboxRecord, Save, StaleStateError, StateStore
from actors.user_actor import UserActor
from tests.actors.builders import MONDAY, item
from tests.actors.scripted import DirectStorage, ScriptedSolver

AT = datetime(2026, 1, 5, 8, tzinfo=UTC)


def _user() -> str:
    return f"user-{uuid.uuid4()}"


def _row(task_id: str, count: int = 1) -> OutboxRecord:
    return OutboxRecord(task_id, AT, count, f'["{task_id}"]'.encode())


def test_rows_are_written_with_the_state_and_only_over_its_version(store: StateStore) -> None:
    user = _user()
    assert store.save_many([Save(user, b"s1", 0, "host-a", (_row("t1"),))]) == [1]
    assert store.save_many([Save(user, None, 1, "host-a", (_row("t2"),))]) == [2]  # state unchanged
    stale = store.save_many([Save(user, b"late", 1, "host-b", (_row("t3"),))])[0]
    assert isinstance(stale, StaleStateError)
    loaded = store.load(user)
    assert loaded is not None and (loaded.state, loaded.version) == (b"s1", 2)
    assert loaded.applied == ("t1", "t2") and loaded.kept_outcomes == 2
    assert store.recall(user, "t3") is None
    assert store.recall(user, "t2") == _row("t2")


def test_a_failed_group_writes_no_row(store: StateStore) -> None:
    user = _user()
    store.save_many([Save(user, b"s1", 0, "host-a", (_row("t1"),))])
    other = _user()
    duplicate = Save(user, None, 1, "host-a", (_row("t1"),))  # a row that exists already
    with pytest.raises(Exception):  # noqa: B017 - the driver's own integrity error
        store.save_many([Save(other, b"x", 0, "host-a", (_row("t9"),)), duplicate])
    loaded = store.load(user)
    assert loaded is not None and loaded.version == 1 and loaded.applied == ("t1",)
    assert store.load(other) is None


def test_trimming_keeps_the_newest_commands_and_outcomes(store: StateStore) -> None:
    user, version = _user(), 0
    total = BOUNDS.commands + 30
    for n in range(total):
        trim = n == total - 1
        save = Save(user, b"s" if version == 0 else None, version, "host-a", (_row(f"t{n}", 10),), trim)
        version = store.save_many([save])[0]  # type: ignore[assignment]
    loaded = store.load(user)
    assert loaded is not None
    assert loaded.applied == tuple(f"t{n}" for n in range(30, total))
    assert loaded.kept_outcomes == BOUNDS.outcomes
    newest_kept = total - BOUNDS.outcomes // 10
    recalled = store.recall(user, f"t{newest_kept}")
    assert recalled is not None and recalled.outcomes == f'["t{newest_kept}"]'.encode()
    let_go = store.recall(user, f"t{newest_kept - 1}")
    assert let_go is not None and let_go.outcomes is None and let_go.count == 10


def _sync(actor: UserActor, storage: DirectStorage, task_id: str) -> ItemResult:
    return asyncio.run(actor.handle(item(task_id, SyncRequest()), ScriptedSolver(), storage))


def test_a_command_that_changes_nothing_does_not_rewrite_the_state(store: StateStore) -> None:
    storage = DirectStorage(store)
    actor = UserActor("u1")
    first = _sync(actor, storage, "t1")
    stored = store.load("u1")
    assert stored is not None
    _sync(actor, storage, "t2")
    again = store.load("u1")
    assert again is not None and again.state == stored.state and again.version == 2 == actor.version
    replay = _sync(UserActor.activate("u1", again), storage, "t1")
    assert replay.replayed and replay.outcomes_json == first.outcomes_json


def test_the_actor_asks_for_a_trim_once_past_the_slack() -> None:
    outbox = Outbox(applied=(f"t{n}" for n in range(BOUNDS.commands + COMMANDS_SLACK - 1)))
    assert not outbox.due_for_trim(1)
    outbox.saved(record_of("a", MONDAY, b"[]", 0), trimmed=False)
    assert outbox.due_for_trim(1) and not Outbox(kept_outcomes=BOUNDS.outcomes).due_for_trim(1)
    outbox.saved(record_of("b", MONDAY, b"[]", 0), trimmed=True)
    assert len(outbox.applied) == BOUNDS.commands and "b" in outbox and "t0" not in outbox
    assert outcomes_json(None) == b"[]"


def test_an_outbox_of_format_one_moves_into_rows_with_the_next_save(store: StateStore) -> None:
    user = _user()
    kept = b'[{"kept":1}]'
    entry = {"task_id": "old", "applied_at": "2026-01-05T08:00:00Z", "count": 1, "packed": "W3sia2VwdCI6MX1d"}
    legacy = f'{{"format":1,"user_id":"{user}","outbox":[{json.dumps(entry)}]}}'.encode()
    store.save(user, legacy, 0, "older-worker")
    storage = DirectStorage(store)
    actor = UserActor.activate(user, store.load(user))
    replay = asyncio.run(actor.handle(item("old", SyncRequest(), user_id=user), ScriptedSolver(), storage))
    assert replay.replayed and replay.outcomes_json == kept
    asyncio.run(actor.handle(item("new", SyncRequest(), user_id=user), ScriptedSolver(), storage))
    moved = store.load(user)
    assert moved is not None and moved.applied == ("old", "new") and b"outbox" not in moved.state
    again = asyncio.run(
        UserActor.activate(user, moved).handle(
            item("old", SyncRequest(), user_id=user), ScriptedSolver(), storage
        )
    )
    assert again.replayed and again.outcomes_json == kept


def test_the_newest_commands_keep_their_outcomes_whatever_their_count(store: StateStore) -> None:
    user, version = _user(), 0
    big = BOUNDS.outcomes // 20  # twenty of these pass the outcome bound
    total = BOUNDS.replayable + 8
    for n in range(total):
        save = Save(
            user, b"s" if version == 0 else None, version, "host-a", (_row(f"t{n}", big),), n == total - 1
        )
        version = store.save_many([save])[0]  # type: ignore[assignment]
    oldest_kept = total - BOUNDS.replayable
    kept = store.recall(user, f"t{oldest_kept}")
    assert kept is not None and kept.outcomes == f'["t{oldest_kept}"]'.encode()
    let_go = store.recall(user, f"t{oldest_kept - 1}")
    assert let_go is not None and let_go.outcomes is None
