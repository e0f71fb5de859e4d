"""How a solve reports itself: its timing on the analytics topic, and what it resolved or had to give up.

The calendar-updates notification of a solve (the same rule as a sync's, actors/calendar/report.py):
- CONFLICT_RESOLVED when the plan moved blocks off events that now overlap them: `conflictsResolved`
  counts those blocks, `errors` name whatever is still unresolved (nothing, when all went well);
- else SYNC_COMPLETED when the plan was applied but left work unplaced or late, or rules in conflict;
- else SYNC_FAILED when there is no new plan at all (infeasible, or no solution in time): the previous
  plan stays, and `errors` say why, with the optimizer's explanation and its suggested relaxation.
A complete plan that resolved nothing adds no notification.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from actors.contract import CommandPriority, TaskType
from actors.outcomes import CalendarUpdateOutcome, PerformanceOutcome
from actors.stamp import Stamp
from actors.state import PlanBlock
from optimizer.domain import CalendarEvent
from optimizer.solution import Solution, SolveStatus

PLANNED = (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE)


def carries_plan(solution: Solution) -> bool:
    """OPTIMAL and FEASIBLE always do. INFEASIBLE (requirements in conflict) and UNKNOWN (requirements
    given up unproven) do when the optimizer found the best valid plan without those: it gives an
    objective. A week with one blocked lunch then keeps the rest of its plan."""
    return solution.status in PLANNED or solution.objective is not None


def resolved_conflicts(
    before: Iterable[PlanBlock], after: Iterable[PlanBlock], events: Iterable[CalendarEvent]
) -> int:
    """Blocks of the plan in force that a busy event overlaps and that the new plan moved clear of
    every busy event: the conflicts this plan resolved."""
    busy = [(e.start, e.end) for e in events if e.busy]

    def clashes(block: PlanBlock) -> bool:
        return any(start < block.end and end > block.start for start, end in busy)

    moved = {block.key: block for block in after}
    return sum(
        1 for old in before if clashes(old) and (new := moved.get(old.key)) is not None and not clashes(new)
    )


def _problems(solution: Solution) -> list[str]:
    problems = []
    if not carries_plan(solution):
        problems.append(f"no new plan: the solver answered {solution.status.value}; the previous plan stays")
    for conflict in solution.conflicts:
        relax = f" Suggested change: {conflict.relaxation}" if conflict.relaxation else ""
        problems.append(f"{conflict.message}{relax}")
    problems += [
        f"{item.kind.value.lower()} {item.item_id}: {item.minutes} min not placed: {item.reason}"
        for item in solution.unplaced
    ]
    problems += [
        f"{item.item_id} finishes {item.minutes_late} min after its due time {item.due.isoformat()}"
        for item in solution.late
    ]
    return problems


def problems_outcome(
    solution: Solution, changes: int, stamp: Stamp, resolved: int = 0
) -> CalendarUpdateOutcome | None:
    """The solve's notification (see the module's rule); None for a complete plan that resolved nothing."""
    problems = _problems(solution)
    if not problems and not resolved:
        return None
    update_type: Literal["SYNC_COMPLETED", "SYNC_FAILED", "CONFLICT_RESOLVED"] = "CONFLICT_RESOLVED"
    if not resolved:
        update_type = "SYNC_COMPLETED" if carries_plan(solution) else "SYNC_FAILED"
    return CalendarUpdateOutcome(
        user_id=stamp.user_id,
        at=stamp.at,
        update_type=update_type,
        events_processed=changes,
        conflicts_resolved=resolved,
        errors=tuple(problems),
    )


def performance_outcome(
    solution: Solution, task_type: TaskType, priority: CommandPriority, solve_ms: float, stamp: Stamp
) -> PerformanceOutcome:
    """API_LATENCY: the solve as the command saw it, dispatch included; the solver's own time is a label.

    A solve is no HTTP call, so it carries no `method` or `statusCode`: the command's priority and the
    solver's status have labels of their own."""
    labels: dict[str, str | int] = {
        "endpoint": f"solve/{task_type.value}",
        "priority": priority.value,
        "solverStatus": solution.status.value,
        "solverMs": round(solution.solve_seconds * 1000),
        "placed": len(solution.placements),
        "unplaced": len(solution.unplaced),
        "late": len(solution.late),
        "conflicts": len(solution.conflicts),
        "moved": solution.moved,
    }
    if solution.gap is not None:
        labels["gap"] = f"{solution.gap:.4f}"
    return PerformanceOutcome(
        user_id=stamp.user_id, at=stamp.at, metric_type="API_LATENCY", value=round(solve_ms, 3), labels=labels
    )
