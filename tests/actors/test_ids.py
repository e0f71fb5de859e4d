"""Ids the hosts derive are exactly the RFC 4122 version 5 UUIDs of their names: stored ids stay valid."""

from __future__ import annotations

import uuid

from hypothesis import given
from hypothesis import strategies as st

from actors.ids import NAMESPACE, block_event_id, command_scoped_id, uuid5_text
from optimizer.domain import BlockKind


@given(st.text(max_size=40), st.text(max_size=40))
def test_uuid5_text_is_the_standard_uuid5(name: str, other: str) -> None:
    namespace = uuid.uuid5(uuid.NAMESPACE_DNS, other)
    assert uuid5_text(namespace.bytes, name) == str(uuid.uuid5(namespace, name))


def test_ids_keep_their_names() -> None:
    assert command_scoped_id("t1", "reminder", "gym") == str(uuid.uuid5(NAMESPACE, "command/t1/reminder/gym"))
    assert block_event_id("u1", BlockKind.HABIT, "gym", 3, "t1") == str(
        uuid.uuid5(NAMESPACE, "block/u1/HABIT/gym/3/t1")
    )
