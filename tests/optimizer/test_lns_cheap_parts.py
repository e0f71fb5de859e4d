"""Cheaper LNS neighbourhoods: one model copy re-used for all of them, and a search without what
only pays on long runs."""

from __future__ import annotations

from optimizer.model.lns_part import Parts, part_model
from optimizer.model.params import solver_for
from optimizer.model.runner import run
from tests.optimizer.test_lns_part import OPTIONS, _week_plan


def test_a_neighbourhood_of_a_larger_model_skips_inprocessing_and_repeated_presolve() -> None:
    """Its search lasts milliseconds: clause inprocessing and presolve rounds after the first cost
    more than they help there (replayed neighbourhoods of heavy fortnights: about 15% less CPU)."""
    part = solver_for(OPTIONS, 1.0, blocks=230, search="part").parameters
    assert not part.use_sat_inprocessing and part.max_presolve_iterations == 1
    full = solver_for(OPTIONS, 1.0, blocks=230).parameters
    assert full.use_sat_inprocessing and full.max_presolve_iterations > 1
    small = solver_for(OPTIONS, 1.0, blocks=75, search="part").parameters
    assert small.use_sat_inprocessing


def test_one_copy_serves_every_neighbourhood_as_a_fresh_one_would() -> None:
    built, plan = _week_plan()
    blocks = [block for block in built.variables.all() if block.spec.choices]
    parts = Parts(built.model, blocks)
    first = {block.spec.name for block in blocks if block.spec.item_id == "t0"}
    second = {block.spec.name for block in blocks if block.spec.item_id in ("t1", "t2")}
    moved = parts.model_for(first, plan.solver).clone()  # the copy keeps the model's objective
    moved.minimize(-sum(block.start for block in blocks))
    other = run(moved, built.ctx.instance.options, 5.0, len(blocks), (), "part")
    assert other.solved

    for free, solver in ((first, plan.solver), (second, other.solver), (set(), plan.solver)):
        reused = parts.model_for(free, solver).proto
        fresh = part_model(built.model, blocks, free, solver).proto
        assert [list(v.domain) for v in reused.variables] == [list(v.domain) for v in fresh.variables]
        assert list(reused.solution_hint.values) == list(fresh.solution_hint.values)
