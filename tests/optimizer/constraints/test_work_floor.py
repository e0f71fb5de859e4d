"""The whole-work floor on lateness: exact ends, rows under every feasible lateness, and a higher root
bound on a task that cannot be on time, with the optimum unchanged."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from ortools.sat.python import cp_model

from optimizer.domain import BlockKind, Priority, Task
from optimizer.generate import heavy
from optimizer.greedy import greedy_plan
from optimizer.model.constraints.choices import add_choices
from optimizer.model.constraints.no_overlap import add_no_overlap
from optimizer.model.constraints.sequence import add_sequence
from optimizer.model.demands import TaskWork
from optimizer.model.objectives.work_floor import ends, hull_cuts, work_floor_rows
from optimizer.model.spans import Span, merge_spans
from optimizer.model.start_plan import build_model
from optimizer.model.terms import Term
from tests.optimizer.constraints.plan_cost import costs_without_and_with
from tests.optimizer.constraints.tiny import ROOT_LP, Tiny, at, slot, with_and_without

spans = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 8)), min_size=1, max_size=5)


def _free(raw: list[tuple[int, int]]) -> list[Span]:
    return merge_spans((lo, lo + size) for lo, size in raw)


@settings(max_examples=60, deadline=None)
@given(spans, st.integers(1, 30))
def test_ends_is_the_first_slot_by_which_the_free_time_holds_the_work(
    raw: list[tuple[int, int]], most: int
) -> None:
    free = _free(raw)
    end = ends(free, most)
    for n, found in enumerate(end):
        held = [sum(max(0, min(hi, t) - lo) for lo, hi in free) for t in range(found + 1)]
        assert held[found] >= n and (found == 0 or n == 0 or held[found - 1] < n)
    assert len(end) == min(most, sum(hi - lo for lo, hi in free)) + 1


@settings(max_examples=200, deadline=None)
@given(spans, st.integers(1, 30), st.integers(0, 80), st.integers(1, 4))
def test_every_row_holds_for_every_total_and_the_hull_is_tight(
    raw: list[tuple[int, int]], most: int, due: int, least: int
) -> None:
    end = ends(_free(raw), most)
    cuts = hull_cuts(end, due, least)
    for n in range(least, len(end)):
        late = max(0, end[n] - due)  # the least lateness a plan placing n slots can have
        assert all(m * late >= c + s * n for m, c, s in cuts)
        # With nothing placed (first chunk absent, total 0) every row reads 0 >= 0.
    if least < len(end) and end[least] > due:
        # The first point is on the hull: its row is exact there.
        assert any(m * (end[least] - due) == c + s * least for m, c, s in cuts)
    if least >= len(end) or end[-1] <= due:
        assert not cuts


def _late_task(floor: bool) -> tuple[Tiny, cp_model.LinearExprT]:
    """Three 30-minute chunks due Monday 08:00, allowed 09:00-12:00 with a meeting 09:30-10:30: the
    first fits before the meeting, the other two after it, so the last ends at 11:30 at the
    earliest: 14 slots late. Each chunk alone could end by 09:30 (6 slots late). A chunk left out
    costs 100, more than being late, so all three are placed."""
    tiny = Tiny(busy=((9.5, 10.5),))
    task = Task(
        id="t", title="Report", effort=90, min_chunk=30, max_chunk=30, due=at(8), priority=Priority.HIGH
    )
    chunks = [tiny.block(f"t#{i}", [(9, 12)], item="t", kind=BlockKind.TASK, coarse=True) for i in range(3)]
    add_sequence(tiny.model, [chunks], 0)
    add_no_overlap(tiny.model, tiny.ctx, chunks)
    late = tiny.model.new_int_var(0, tiny.ctx.n_slots, "late")
    for chunk in chunks:
        add_choices(tiny.model, chunk)
        tiny.model.add(late >= chunk.end - slot(8)).only_enforce_if(chunk.present)
    work = TaskWork(
        task=task, budget=6, frozen_minutes=0, due_slot=slot(8), blocks=tuple(c.spec for c in chunks)
    )
    if floor:
        term = Term("late:t", late * 15, 1, Priority.HIGH)
        rows = work_floor_rows([work], tiny.variables, [term], tiny.ctx.fixed.busy, 15)
        assert rows
        for expr, least in rows:
            tiny.model.add(expr >= least)
    left_out = cp_model.LinearExpr.sum([1 - chunk.present for chunk in chunks])
    tiny.model.minimize(late + 100 * left_out)
    return tiny, late


def test_the_rows_keep_the_optimum_and_raise_the_root_bound() -> None:
    values, bounds = with_and_without(lambda floor: _late_task(floor)[0], **ROOT_LP)
    assert values == [14, 14]
    assert bounds[1] == 14 > bounds[0]


def test_a_fortnight_with_a_task_due_before_it_can_start_keeps_its_plans_cost() -> None:
    """Heavy fortnight 25 holds a critical task that can only start two days after its due date."""
    instance = heavy(25)
    plan = greedy_plan(instance, include_tasks=True)
    built = build_model("schedule", instance, [plan])
    ctx = built.ctx
    rows = work_floor_rows(built.works, built.variables, built.terms, ctx.fixed.busy, ctx.slot_minutes)
    assert rows
    without, with_rows = costs_without_and_with(built, instance, plan, rows)
    assert without == with_rows
