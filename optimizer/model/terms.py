"""Penalty terms and hard rules: what constraint helpers hand back to the model builder.

A helper adds its hard limits to the model and returns `Term`s (readable rule name, a non-negative
expression, a weight per unit, the priority it serves) and `HardRule`s (a requirement tied to one
literal, so the solver can be asked which requirements cannot hold together).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from optimizer.domain import Priority

REQUIRED_RULE = "required:"  # prefix of the terms that price giving a requirement up


@dataclass(frozen=True)
class Term:
    """`weight` x `expr` (>= 0) enters the objective, scaled by the priority weight in WEIGHTED mode."""

    rule: str
    expr: cp_model.LinearExprT
    weight: int
    priority: Priority


@dataclass(frozen=True)
class HardRule:
    """A requirement that holds when `literal` is true; the solve assumes every literal.

    `blocks` names the blocks it concerns, `describe` says in plain words what it asks for.
    """

    name: str
    literal: cp_model.IntVar
    item_id: str
    describe: str
    priority: Priority
    blocks: tuple[str, ...] = field(default=())


@dataclass
class Parts:
    """Terms and rules collected while a model is built."""

    terms: list[Term] = field(default_factory=list)
    rules: list[HardRule] = field(default_factory=list)

    def add(self, terms: list[Term] | None = None, rules: list[HardRule] | None = None) -> None:
        self.terms += terms or []
        self.rules += rules or []
