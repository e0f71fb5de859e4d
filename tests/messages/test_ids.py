"""Derived ids are stable across runs, differ per part, and cannot collide by shifting separators."""

from __future__ import annotations

import uuid

from hypothesis import given
from hypothesis import strategies as st

from ingest.messages import derive_id
from ingest.messages.ids import derive_ids


def test_same_inputs_same_id_and_a_valid_uuid5() -> None:
    first = derive_id("task-1", "calendar", "e1")
    assert first == derive_id("task-1", "calendar", "e1")
    assert uuid.UUID(first).version == 5


def test_ids_are_pinned_across_releases() -> None:
    # A change here would give replayed commands new ids, and consumers would see duplicates.
    namespace = uuid.uuid5(uuid.NAMESPACE_URL, "https://scheduling-worker/ids")
    assert derive_id("task-1", "reminder", "run", "0") == str(
        uuid.uuid5(namespace, "6:task-18:reminder3:run1:0")
    )
    assert derive_id("task-1", "reminder", "run", "0") == "455de7cc-7ac5-525f-9761-6eca805dbf23"


def test_parts_matter_and_boundaries_are_unambiguous() -> None:
    ids = {
        derive_id("t"),
        derive_id("t", ""),
        derive_id("t", "a", "b"),
        derive_id("t", "b", "a"),
        derive_id("t", "a:b"),
        derive_id("t:a", "b"),
        derive_id("1:t", "a"),
        derive_id("u", "a", "b"),
    }
    assert len(ids) == 8


@given(st.text(max_size=80), st.lists(st.text(max_size=40), max_size=4))
def test_the_fast_derivation_is_exactly_the_standard_uuid5(task_id: str, parts: list[str]) -> None:
    namespace = uuid.uuid5(uuid.NAMESPACE_URL, "https://scheduling-worker/ids")
    name = "".join(f"{len(part)}:{part}" for part in (task_id, *parts))
    assert derive_id(task_id, *parts) == str(uuid.uuid5(namespace, name))


@given(st.text(max_size=20), st.text(max_size=10), st.integers(0, 12))
def test_a_run_of_ids_is_each_derived_alone(task_id: str, part: str, count: int) -> None:
    assert derive_ids(task_id, part, count) == [derive_id(task_id, part, str(i)) for i in range(count)]
