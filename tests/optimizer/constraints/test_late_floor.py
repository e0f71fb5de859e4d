"""The late floor: a chunk is at least as late as its picked day allows. It keeps every valid plan
and the optimum, and is a plain linear row, so the LP relaxation prices a late day."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ortools.sat.python import cp_model

from optimizer.generate import small, typical
from optimizer.greedy import greedy_plan
from optimizer.model.constraints.choices import add_choices
from optimizer.model.objectives.late_floor import add_late_floor, earliest_end
from optimizer.model.variables import BlockVars
from optimizer.solve import score_plan
from optimizer.validate import validate
from tests.optimizer.constraints.tiny import Tiny, slot

DUE = slot(10)


def late_day(floor: bool) -> tuple[Tiny, cp_model.IntVar, list[BlockVars]]:
    """A one-hour chunk due at 10:00: on time in 09:00-10:00, which costs 50 (say, another rule's
    price), or late in 13:00-15:00. Late is cheaper: 16 slots."""
    tiny = Tiny()
    chunks = [tiny.block("t#0", [(9, 10), (13, 15)], lengths=(4, 4), item="t")]
    late = tiny.model.new_int_var(0, tiny.ctx.n_slots, "late")
    for chunk in chunks:
        add_choices(tiny.model, chunk)
        tiny.model.add(chunk.present == 1)
        tiny.model.add(late >= chunk.end - DUE).only_enforce_if(chunk.present)
    if floor:
        add_late_floor(tiny.model, late, chunks, DUE)
    tiny.model.minimize(late + 50 * chunks[0].picks[0])
    return tiny, late, chunks


def test_earliest_end_is_the_first_start_plus_the_shortest_length() -> None:
    tiny = Tiny()
    chunk = tiny.block("t#0", [(13, 15)], lengths=(4, 8), item="t")
    assert earliest_end(chunk.spec.choices[0], chunk.spec.min_len) == slot(14)


def test_floor_keeps_the_optimum() -> None:
    values = []
    for floor in (False, True):
        tiny, _, _ = late_day(floor)
        status, solver = tiny.solve()
        assert status == "OPTIMAL"
        values.append(solver.objective_value)
    assert values[0] == values[1] == slot(14) - DUE  # late, ending 14:00 at the earliest


def test_floor_is_a_plain_linear_row_the_relaxation_keeps() -> None:
    """No enforcement literal: the LP relaxation holds the cut as it is, with the picks fractional."""
    plain, _, _ = late_day(False)
    tiny, late, (chunk,) = late_day(True)
    constraints = tiny.model.proto.constraints
    assert len(constraints) == len(plain.model.proto.constraints) + 1
    cut = constraints[len(constraints) - 1]
    assert not list(cut.enforcement_literal)
    coeffs = dict(zip(cut.linear.vars, cut.linear.coeffs, strict=True))
    # late - 16 * (picks the afternoon) >= 0; the on-time pick has no floor, so no term
    assert coeffs == {late.index: 1, chunk.picks[1].index: -(slot(14) - DUE)}
    assert cut.linear.domain[0] == 0  # the lower end: late - 16 * pick >= 0


def test_floor_leaves_the_true_lateness_to_the_model() -> None:
    tiny, late, chunks = late_day(True)
    tiny.model.add(chunks[0].start == slot(14))  # ends 15:00, later than the floor asks
    status, solver = tiny.solve()
    assert status == "OPTIMAL" and solver.value(late) == slot(15) - DUE


@settings(max_examples=15, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=2**32 - 1))
def test_floor_never_cuts_off_a_valid_plan(seed: int) -> None:
    """The model (every cut included) scores any valid plan; a cut that removed one would refuse it."""
    for instance in (small(seed), typical(seed % 1000)):
        plan = greedy_plan(instance, include_tasks=True)
        assert validate(instance, plan, kind="schedule") == []
        # score_plan raises InvalidPlan when the model refuses the plan; the score it gives must then
        # be made of the rules' own penalties, with nothing the floor alone added.
        cost, paid = score_plan(instance, plan, kind="schedule")
        assert cost == sum(penalty.cost for penalty in paid)
