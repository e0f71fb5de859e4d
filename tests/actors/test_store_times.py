"""The state store's DB_QUERY_TIME metrics: what a window reports, and how a host's commands carry them."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import pytest

from actors.contract import ItemResult
from actors.host import HostSettings, ShardHost
from actors.outcomes import OUTCOMES, PerformanceOutcome
from actors.requests import SyncRequest
from actors.stamp import Stamp
from actors.store import open_store
from actors.store_times import KEEP, StoreTimes
from tests.actors.builders import item
from tests.actors.scripted import ScriptedSolver

STAMP = Stamp("user-1", "task-1", datetime(2026, 3, 2, 9, tzinfo=UTC))


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_nothing_is_reported_before_the_window_ends() -> None:
    clock = Clock()
    times = StoreTimes("host-0", "sqlite", 60.0, clock)
    times.add("save", 0.002, rows=4)
    clock.now += 59.9
    assert times.due(STAMP) == ()


def test_a_window_reports_each_kind_of_call_once_with_its_figures() -> None:
    clock = Clock()
    times = StoreTimes("host-0", "postgresql", 60.0, clock)
    for ms in range(1, 101):  # saves of 1 to 100 ms, 3 rows each
        times.add("save", ms / 1000, rows=3)
    times.add("load", 0.0005)
    clock.now += 61.0
    load, save = times.due(STAMP)
    assert (load.metric_type, save.metric_type) == ("DB_QUERY_TIME", "DB_QUERY_TIME")
    assert (load.user_id, load.at) == (STAMP.user_id, STAMP.at)
    assert load.labels["endpoint"] == "state_store/load" and load.value == 0.5
    assert save.value == 50.5  # the mean, in milliseconds
    assert save.labels == {
        "endpoint": "state_store/save",
        "store": "postgresql",
        "host": "host-0",
        "calls": 100,
        "rows": 300,
        "p50Us": 51_000,
        "p99Us": 100_000,
        "maxUs": 100_000,
        "windowS": 61,
    }
    assert times.due(STAMP) == ()  # once: the next window starts empty
    clock.now += 61.0
    assert times.due(STAMP) == ()  # and a window without calls reports nothing


def test_percentiles_come_from_a_bounded_sample_of_the_window() -> None:
    clock = Clock()
    times = StoreTimes("host-0", "sqlite", 1.0, clock)
    for n in range(KEEP * 5):
        times.add("save", 0.001 if n % 2 else 0.003)
    assert len(times._calls["save"].kept) == KEEP
    clock.now += 2.0
    (save,) = times.due(STAMP)
    assert save.labels["calls"] == KEEP * 5 and save.value == 2.0
    assert save.labels["p50Us"] in (1000, 3000) and save.labels["p99Us"] == 3000


def test_a_zero_window_never_reports() -> None:
    clock = Clock()
    times = StoreTimes("host-0", "sqlite", 0.0, clock)
    times.add("save", 0.001)
    clock.now += 3600.0
    assert times.due(STAMP) == ()


def metrics(result: ItemResult) -> list[PerformanceOutcome]:
    outcomes = OUTCOMES.validate_json(result.outcomes_json)
    return [o for o in outcomes if isinstance(o, PerformanceOutcome) and o.metric_type == "DB_QUERY_TIME"]


def test_a_hosts_next_command_carries_the_metrics_and_its_replay_the_same(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'state.sqlite3'}")
    shard = ShardHost("host-0", store, ScriptedSolver(), HostSettings(store_metrics_s=3600.0))
    first = asyncio.run(shard.handle([item("t1", SyncRequest(), user_id="u1")]))[0]
    assert first.ok and metrics(first) == []  # the window has not ended
    shard.store_times.window_s = 1e-9  # now every command ends one
    second = asyncio.run(shard.handle([item("t2", SyncRequest(), user_id="u2")]))[0]
    carried = {m.labels["endpoint"]: m for m in metrics(second)}
    # The metrics of the calls before the command's own save: u1's and u2's reads, u1's save.
    assert set(carried) == {"state_store/load", "state_store/save"}
    assert carried["state_store/load"].labels["calls"] == 2
    assert carried["state_store/save"].labels["rows"] == 1
    assert all(m.user_id == "u2" and m.labels["store"] == "sqlite" for m in carried.values())
    replayed = asyncio.run(shard.handle([item("t2", SyncRequest(), user_id="u2")]))[0]
    assert replayed.replayed and replayed.outcomes_json == second.outcomes_json
    shard.store.close()


@pytest.mark.parametrize("window_s", [-1.0])
def test_a_negative_window_is_refused(window_s: float) -> None:
    with pytest.raises(ValueError, match="store_metrics_s"):
        HostSettings(store_metrics_s=window_s)
