"""Ids the hosts derive are exactly the RFC 4122 version 5 UUIDs of their names: stored ids stay valid."""

from __future__ import annotations

import uuid

from hypothesis import given
from hypothesis import strategies as st

from actors.ids import block_event_id, command_scoped_id, uuid5_text
from optimizer.domain import BlockKind


@given(st.text(max_size=40), st.text(max_size=40))
def test_uuid5_text_is_the_standard_uuid5(name: str, other: str) -> None:
    namespace = uuid.uuid5(uuid.NAMESPACE_DNS, other)
    assert uuid5_text(namespace.bytes, name) == str(uuid.uuid5(namespace, name))


def test_ids_keep_their_names() -> None:
    # Literal ids, not re-derived from the code's namespace: ids already stored and published must stay
    # the same across versions, so a changed namespace or name layout has to fail here.
    assert command_scoped_id("t1", "reminder", "gym") == "04026f2b-fbdc-5f3c-bdd8-e22732dd636b"
    assert block_event_id("u1", BlockKind.HABIT, "gym", 3, "t1") == "ef003e05-1eac-5025-93d2-a406fbb709cd"
