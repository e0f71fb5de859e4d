"""The solver-only bound's solves are the hosts' own: later commands plan on top of earlier plans."""

from __future__ import annotations

from datetime import UTC, datetime

from actors.solver import SolverSettings
from ingest.bench_replay import by_user, host_solves
from ingest.sample import SampleShape, sample_commands
from optimizer.domain import Instance

SHAPE = SampleShape(
    users=3, commands_per_user=2, time_limit_ms=500, malformed_every=None, sync_share=0.0, run="replay"
)


def test_each_users_commands_stay_in_one_group_in_order() -> None:
    records = sample_commands(SHAPE, datetime(2026, 3, 2, 8, tzinfo=UTC))
    groups = by_user(records, 2)
    assert sorted(r.task_id for g in groups for r in g) == sorted(r.task_id for r in records)
    for group in groups:
        for user in {r.user_id for r in group}:
            mine = [r.sequence for r in group if r.user_id == user]
            assert mine == sorted(mine) and len(mine) == SHAPE.commands_per_user
            assert all(user not in {r.user_id for r in other} for other in groups if other is not group)


def test_later_solves_carry_the_plan_the_earlier_ones_made() -> None:
    records = sample_commands(SHAPE, datetime(2026, 3, 2, 8, tzinfo=UTC))
    solves = host_solves(records, SolverSettings(num_cpus=1))
    assert len(solves) == len(records)  # every command plans
    instances = [Instance.model_validate_json(data) for _, data in solves]
    assert all(instance.options.num_workers == 1 for instance in instances)
    first = {i.user_id for i in instances if not i.previous_plan}
    later = [i for i in instances if i.previous_plan]
    assert first == {r.user_id for r in records}  # no earlier plan to build on
    assert later and all(i.user_id in first for i in later)
