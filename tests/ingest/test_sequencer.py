"""A user's results are released in the user's command order, whatever order they arrive in."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from ingest.sequencer import UserSequencer


def test_a_later_result_waits_for_the_earlier_one() -> None:
    seq: UserSequencer[int, str] = UserSequencer()
    seq.expect("ann", 1)
    seq.expect("bob", 2)
    seq.expect("ann", 3)
    assert seq.arrive(3, "ann-2") == []
    assert seq.arrive(2, "bob-1") == [(2, "bob-1")]
    assert seq.arrive(1, "ann-1") == [(1, "ann-1"), (3, "ann-2")]
    assert len(seq) == 0


def test_forgetting_an_abandoned_command_releases_what_it_held() -> None:
    seq: UserSequencer[int, str] = UserSequencer()
    seq.expect("ann", 1)
    seq.expect("ann", 2)
    assert seq.arrive(2, "second") == []
    assert seq.forget([1]) == [(2, "second")]
    assert seq.arrive(1, "late") == []  # a result for a forgotten command is dropped


@given(st.lists(st.sampled_from("abc"), min_size=1, max_size=40), st.randoms(use_true_random=False))
def test_release_order_is_each_users_command_order(users: list[str], rnd: random.Random) -> None:
    seq: UserSequencer[int, str] = UserSequencer()
    for ref, user in enumerate(users):
        seq.expect(user, ref)
    arrival = list(range(len(users)))
    rnd.shuffle(arrival)
    released = [ref for r in arrival for ref, _ in seq.arrive(r, users[r])]
    assert sorted(released) == list(range(len(users)))
    for user in set(users):
        mine = [ref for ref in released if users[ref] == user]
        assert mine == sorted(mine)
