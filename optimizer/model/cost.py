"""What a solved plan pays, on the one scale `score_plan` uses.

Each term counts at its value, except a requirement's price, which counts only when the plan
actually breaks the requirement: one given up in the search (its literal fixed false) may still be
met by the plan, and then costs nothing.
"""

from __future__ import annotations

from collections import defaultdict

from ortools.sat.python import cp_model

from optimizer.model.built import Built
from optimizer.model.kept import kept_rules
from optimizer.model.objective import scale
from optimizer.model.terms import REQUIRED_RULE


def term_costs(built: Built, solver: cp_model.CpSolver) -> dict[str, int]:
    """Rule name -> weighted cost paid."""
    kept = kept_rules(built, solver)
    costs: dict[str, int] = defaultdict(int)
    for term in built.terms:
        if term.rule.startswith(REQUIRED_RULE):
            broken = term.rule.removeprefix(REQUIRED_RULE) not in kept
            costs[term.rule] += scale(term) if broken else 0
        else:
            costs[term.rule] += scale(term) * solver.value(term.expr)
    return dict(costs)


def plan_cost(built: Built, solver: cp_model.CpSolver) -> int:
    return sum(term_costs(built, solver).values())


def required_cost(built: Built, solver: cp_model.CpSolver) -> int:
    """The part of the cost that prices requirements the plan breaks."""
    return sum(cost for rule, cost in term_costs(built, solver).items() if rule.startswith(REQUIRED_RULE))
