"""Optimize a built model: weighted, or level by level (LEXICOGRAPHIC).

LEXICOGRAPHIC solves the highest priority level first, then fixes that level's cost at the value
found (`<=`) and goes on with the next level, each from the previous solution as a hint. Its
objective and bound are reported on the weighted scale: the sum over levels of priority weight times
the level's value (or proven bound).
"""

from __future__ import annotations

from collections.abc import Sequence

from ortools.sat.python import cp_model

from optimizer.domain import PriorityMode, SolveOptions
from optimizer.model.built import Built
from optimizer.model.full_search import full_search
from optimizer.model.hints import hint_solution
from optimizer.model.lns import improve
from optimizer.model.objective import levels, weighted
from optimizer.model.runner import Clock, Outcome, run
from optimizer.model.terms import REQUIRED_RULE, HardRule, Term
from optimizer.model.weights import PRIORITY_WEIGHT
from optimizer.solution import SolveStatus

FULL_SHARE = 0.3  # of the time, for the full model before LNS takes over
# Seconds, at least (within the time): enough to prove a week optimal under load. A fortnight's bound
# search, presolved once (`params`), has by 0.4 s the bound four presolve rounds gave at 0.5 s.
FULL_FLOOR = 0.4


def optimize(
    built: Built,
    options: SolveOptions,
    clock: Clock,
    held: Sequence[HardRule],
    given_up: Sequence[HardRule] = (),
) -> Outcome:
    """Optimize with the `held` rules true and the `given_up` ones (known not to hold) false.

    Rules are fixed as constraints rather than passed as assumptions: CP-SAT runs assumptions on one
    sequential worker with a weakened presolve, which costs more than the rare extra solves that
    `optimizer.explain` makes (with assumptions) when the requirements cannot all hold.
    """
    model = built.model.clone()
    for rule in held:
        model.add(rule.literal == 1)
    for rule in given_up:
        model.add(rule.literal == 0)
    terms = _priced(built.terms, [*held, *given_up])
    if options.priority_mode is PriorityMode.WEIGHTED or not terms:
        model.minimize(weighted(terms))
        return _weighted(built, model, options, clock)
    return _lexicographic(built, model, terms, options, clock)


def _weighted(built: Built, model: cp_model.CpModel, options: SolveOptions, clock: Clock) -> Outcome:
    """The full model first, for its bound and for a plan proven optimal where it can be (a week of
    habits is, in milliseconds); if it proves nothing within its share, the rest of the time
    improves its plan by LNS."""
    blocks = len(built.variables.all())
    first_seconds = max(clock.left() * FULL_SHARE, min(clock.left(), FULL_FLOOR))
    first = full_search(built, model, options, first_seconds)
    if first.status is SolveStatus.OPTIMAL or first.status is SolveStatus.INFEASIBLE:
        return first
    if not first.solved:
        return run(model, options, clock.left(), blocks, ())
    return improve(built, model, options, clock, first)


def _priced(terms: Sequence[Term], decided: Sequence[HardRule]) -> list[Term]:
    """The terms left to optimize: a decided requirement's price is a constant (0, or 10^12 when
    given up), and keeping such constants out of the solver's objective keeps its bound exact
    instead of lost in floating-point tolerance."""
    decided_names = {REQUIRED_RULE + rule.name for rule in decided}
    return [term for term in terms if term.rule not in decided_names]


def _lexicographic(
    built: Built, model: cp_model.CpModel, terms: Sequence[Term], options: SolveOptions, clock: Clock
) -> Outcome:
    steps = levels(terms)
    objective = bound = 0.0
    proven = True
    outcome: Outcome | None = None
    for index, (level, expr) in enumerate(steps):
        model.minimize(expr)
        share = clock.left() / (len(steps) - index)
        outcome = run(model, options, share, len(built.variables.all()), ())
        if not outcome.solved:
            return outcome
        value = round(outcome.solver.objective_value)
        model.add(expr <= value)
        hint_solution(model, outcome.solver)
        objective += PRIORITY_WEIGHT[level] * value
        bound += PRIORITY_WEIGHT[level] * (outcome.bound if outcome.bound is not None else value)
        proven = proven and outcome.status is SolveStatus.OPTIMAL
    assert outcome is not None
    status = SolveStatus.OPTIMAL if proven else SolveStatus.FEASIBLE
    return Outcome(status, outcome.solver, objective, bound)
