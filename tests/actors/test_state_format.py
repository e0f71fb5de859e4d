"""A state written by a newer worker is refused with a clear error, and the stored form is pinned to
its format number, so that every change to it bumps the format."""

from __future__ import annotations

import asyncio
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from actors.host import HostSettings, ShardHost
from actors.retry import RetryPolicy, is_retryable
from actors.state import STATE_FORMAT, UserState, decode_state, dump_state
from actors.state_format import StateFromNewerWorker, stored_format
from actors.store import open_store
from tests.actors.builders import instance, item, schedule_request
from tests.actors.scripted import ScriptedSolver

# The stored form of format 2 (field names, types, nesting; not descriptions). When a test below fails
# on it, the stored form changed: bump STATE_FORMAT, make `decode_state` read the format before, and
# pin the new fingerprint here. Older workers then refuse the new states with a clear error instead
# of failing on fields they do not know (and never drop those fields by saving what they could read).
FORMAT_FINGERPRINTS = {2: "79cbf0af693edc98"}


def _newer(state: UserState) -> bytes:
    fields = json.loads(state.model_dump_json())
    fields["format"] = STATE_FORMAT + 1
    fields["a_field_from_the_future"] = 1
    return json.dumps(fields, separators=(",", ":")).encode()


def test_the_format_is_read_from_the_stored_bytes() -> None:
    state = UserState(user_id="u1")
    assert stored_format(dump_state(state)) == STATE_FORMAT
    assert stored_format(_newer(state)) == STATE_FORMAT + 1
    assert stored_format(b'{"user_id":"u1"}') is None


def test_a_state_from_a_newer_worker_is_refused_with_a_clear_error() -> None:
    with pytest.raises(StateFromNewerWorker) as refused:
        decode_state(_newer(UserState(user_id="u1")))
    message = str(refused.value)
    assert f"state format {STATE_FORMAT + 1}" in message and "newer worker" in message
    assert not is_retryable(refused.value)


def test_its_commands_are_dead_lettered_at_once_and_the_state_is_left_as_it_was(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'state.sqlite3'}")
    newer = _newer(UserState(user_id="u1"))
    store.save("u1", newer, expected_version=0, owner="a-newer-worker")
    settings = HostSettings.model_validate({"retry": RetryPolicy(initial_delay_s=0.01)})
    shard = ShardHost("host-0", store, ScriptedSolver(), settings)  # type: ignore[arg-type]
    command = item("t1", schedule_request(instance(user_id="u1")), user_id="u1")
    [result] = asyncio.run(shard.handle([command]))
    assert (result.ok, result.error_class, result.attempts) == (False, "StateFromNewerWorker", 1)
    stored = store.load("u1")
    assert stored is not None and stored.state == newer  # not overwritten with what could be read


def test_the_stored_form_is_pinned_to_its_format() -> None:
    assert _fingerprint(UserState.model_json_schema()) == FORMAT_FINGERPRINTS[STATE_FORMAT], (
        "UserState's stored form changed: bump STATE_FORMAT (see FORMAT_FINGERPRINTS)"
    )


def _fingerprint(schema: Any) -> str:
    """The schema without its prose: what the stored bytes may hold, not how it is described."""

    def shape(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: shape(v) for k, v in node.items() if k not in ("description", "title")}
        if isinstance(node, list):
            return [shape(v) for v in node]
        return node

    text = json.dumps(shape(schema), sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]
