"""Check any plan against an instance's hard rules, independently of the models that produced it.

The rules and their exact reading live in `optimizer.validation`: `placements` (known item, horizon,
grid, hours, frozen blocks kept), `overlaps` (busy time, other blocks, buffers), `habits` (duration,
frequency, spacing), `tasks` (chunks, effort, dates, dependencies) and `capacity` (daily cap).
"""

from __future__ import annotations

from collections.abc import Iterable

from optimizer.domain import Instance
from optimizer.solution import Placement
from optimizer.validation.capacity import check_daily_cap
from optimizer.validation.habits import check_habits
from optimizer.validation.overlaps import check_overlaps
from optimizer.validation.placements import check_placements
from optimizer.validation.plan import Plan, PlanKind, Violation
from optimizer.validation.tasks import check_tasks

__all__ = ["Violation", "validate"]


def validate(instance: Instance, placements: Iterable[Placement], *, kind: PlanKind) -> list[Violation]:
    """Every hard rule the plan breaks; empty when it is valid. `kind` is "habits" or "schedule"."""
    plan = Plan(instance, kind, tuple(placements))
    violations = [
        *check_placements(plan),
        *check_overlaps(plan),
        *check_habits(plan),
    ]
    if kind == "schedule":
        violations += [*check_tasks(plan), *check_daily_cap(plan)]
    return violations
