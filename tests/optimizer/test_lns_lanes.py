"""A neighbourhood's no-overlaps hold its fixed time merged into runs: fewer intervals, the same
plans. And after the first pass over the days, two neighbourhoods of three are aimed."""

from __future__ import annotations

import random

from ortools.sat.python import cp_model

from optimizer.domain import SolveOptions
from optimizer.generate import heavy
from optimizer.model.lns import aiming
from optimizer.model.lns_lanes import Lanes
from optimizer.model.lns_part import Parts, neighbourhood
from optimizer.model.objective import weighted
from optimizer.model.runner import run
from optimizer.model.scoring import score_fixed
from optimizer.model.start_plan import build_model, start_plan
from optimizer.model.terms import REQUIRED_RULE
from optimizer.model.warm_start import add_plan_hint
from optimizer.solution import SolveStatus

OPTIONS = SolveOptions(time_limit_s=2.0, num_workers=1, random_seed=4)


def _lane(model: cp_model.CpModel) -> list[tuple[int, int] | str]:
    """The one no-overlap's members: a constant interval as (start, end), another by its name."""
    proto = model.proto
    lane = next(c for c in proto.constraints if c.has_no_overlap()).no_overlap.intervals
    found: list[tuple[int, int] | str] = []
    for index in lane:
        interval = proto.constraints[index].interval
        if not interval.start.vars and not interval.size.vars:
            found.append((interval.start.offset, interval.start.offset + interval.size.offset))
        else:
            found.append(proto.constraints[index].name)
    return found


def test_touching_fixed_time_is_one_interval_and_absent_blocks_drop_out() -> None:
    model = cp_model.CpModel()
    meeting = model.new_fixed_size_interval_var(10, 5, "meeting")  # 10-15
    blocks = {}
    for name in ("a", "b", "c", "free"):
        present = model.new_bool_var(f"present:{name}")
        start = model.new_int_var(0, 40, f"start:{name}")
        blocks[name] = (present, start, model.new_optional_fixed_size_interval_var(start, 5, present, name))
    model.add_no_overlap([meeting, *(interval for _, _, interval in blocks.values())])
    owners = {var.index: name for name, (present, start, _) in blocks.items() for var in (present, start)}
    values = [0] * len(model.proto.variables)
    for name, at, placed in (("a", 15, 1), ("b", 30, 1), ("c", 0, 0), ("free", 35, 1)):
        present, start, _ = blocks[name]
        values[present.index], values[start.index] = placed, at
    lanes = Lanes(model, owners)

    lanes.narrow({"free"}, values)

    # a (15-20) touches the meeting (10-15): one run; b (30-35) stands apart; c is absent.
    assert sorted(_lane(model), key=str) == sorted(["free", (10, 20), (30, 35)], key=str)


def test_a_merged_neighbourhood_finds_the_same_optimum_with_fewer_intervals() -> None:
    instance = heavy(4).model_copy(update={"options": OPTIONS})
    plan = start_plan(instance, "schedule")
    built = build_model("schedule", instance, [plan])
    add_plan_hint(built, plan)
    start = score_fixed(built, plan, OPTIONS, 5.0, held=built.rules)
    assert start is not None and start.solved
    for rule in built.rules:
        built.model.add(rule.literal == 1)
    built.model.minimize(weighted([t for t in built.terms if not t.rule.startswith(REQUIRED_RULE)]))
    blocks = [block for block in built.variables.all() if block.spec.choices]
    days = sorted({choice.day for block in blocks for choice in block.spec.choices})
    merged, plain = Parts(built.model, blocks), Parts(built.model, blocks)
    plain.lanes.lanes = []  # its no-overlaps keep every interval

    for turn in (1, 5):  # single days of the first pass
        free = neighbourhood(blocks, start.solver, days, [], random.Random(0), turn)
        found = []
        for parts in (merged, plain):
            part = parts.model_for(free, start.solver)
            sizes = [len(c.no_overlap.intervals) for c in part.proto.constraints if c.has_no_overlap()]
            found.append((run(part, OPTIONS, 20.0, len(blocks), (), "part"), sum(sizes)))
        (fewer, few), (every, many) = found
        assert fewer.status is SolveStatus.OPTIMAL and every.status is SolveStatus.OPTIMAL
        assert fewer.objective == every.objective
        assert few < many * 0.75


def test_after_the_first_pass_two_neighbourhoods_of_three_are_aimed() -> None:
    assert [aiming(step, passed=False) for step in range(6)] == [False, False, True] * 2
    assert [aiming(step, passed=True) for step in range(6)] == [False, True, True] * 2
