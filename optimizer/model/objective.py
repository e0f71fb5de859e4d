"""The objective from the penalty terms: one weighted sum, or one sum per priority level."""

from __future__ import annotations

from collections.abc import Sequence

from ortools.sat.python import cp_model

from optimizer.domain import Priority
from optimizer.model.terms import Term
from optimizer.model.weights import PRIORITY_WEIGHT


def scale(term: Term) -> int:
    """The factor on a term's expression in the weighted objective."""
    return term.weight * PRIORITY_WEIGHT[term.priority]


def weighted(terms: Sequence[Term]) -> cp_model.LinearExprT:
    return cp_model.LinearExpr.weighted_sum([t.expr for t in terms], [scale(t) for t in terms])


def levels(terms: Sequence[Term]) -> list[tuple[Priority, cp_model.LinearExprT]]:
    """Highest priority first: each level's terms at their rule weights, without priority weights."""
    found = sorted({term.priority for term in terms}, reverse=True)
    return [
        (level, cp_model.LinearExpr.weighted_sum([t.expr for t in mine], [t.weight for t in mine]))
        for level in found
        for mine in [[t for t in terms if t.priority == level]]
    ]
