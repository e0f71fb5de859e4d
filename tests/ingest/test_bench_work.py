"""`bench work` times the worker's own steps in one process, with every solve recalled, not re-run."""

from __future__ import annotations

from datetime import UTC, datetime

from ingest.bench_work import work_cost
from ingest.sample import SampleRecord, SampleShape, sample_commands

NOW = datetime(2026, 3, 2, 8, tzinfo=UTC)


def _records(sync_share: float) -> list[SampleRecord]:
    shape = SampleShape(
        users=3,
        commands_per_user=2,
        time_limit_ms=500,
        malformed_every=None,
        sync_share=sync_share,
        run="work",
    )
    return sample_commands(shape, NOW)


def test_planning_commands_are_timed_with_their_solves_recalled() -> None:
    records = _records(0.0)
    cost = work_cost(records, solving=True)
    assert cost.commands == len(records) == 6
    assert cost.solves == 6 and cost.missed == 0  # every command plans; none is solved while timed
    assert set(cost.us) == {"decode", "host", "outputs"}
    assert all(us > 0 for us in cost.us.values())


def test_commands_that_solve_nothing_ask_no_solver() -> None:
    cost = work_cost(_records(1.0), solving=False)
    assert cost.commands == 6 and cost.solves == 0
    assert cost.us["host"] > 0
