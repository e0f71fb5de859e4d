"""How a solve reports itself: its timing on the analytics topic, and anything it had to give up.

A plan that leaves work unplaced or late, or no plan at all (infeasible, or no solution in time), is told
to the user as a CalendarUpdateOutcome CONFLICT_RESOLVED whose `errors` name each item given up and why,
with the optimizer's explanation of conflicting rules and its suggested relaxation. A complete plan adds
no such outcome. The same counts appear on the performance outcome's labels for monitoring.
"""

from __future__ import annotations

from actors.contract import CommandPriority, TaskType
from actors.outcomes import CalendarUpdateOutcome, PerformanceOutcome
from actors.stamp import Stamp
from optimizer.solution import Solution, SolveStatus

_NO_PLAN = (SolveStatus.INFEASIBLE, SolveStatus.UNKNOWN)


def _problems(solution: Solution) -> list[str]:
    problems = []
    if solution.status in _NO_PLAN:
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


def problems_outcome(solution: Solution, changes: int, stamp: Stamp) -> CalendarUpdateOutcome | None:
    problems = _problems(solution)
    if not problems:
        return None
    return CalendarUpdateOutcome(
        user_id=stamp.user_id,
        at=stamp.at,
        update_type="CONFLICT_RESOLVED",
        events_processed=changes,
        conflicts_resolved=len(solution.unplaced) + len(solution.late) + len(solution.conflicts),
        errors=tuple(problems),
    )


def performance_outcome(
    solution: Solution, task_type: TaskType, priority: CommandPriority, solve_ms: float, stamp: Stamp
) -> PerformanceOutcome:
    """API_LATENCY: the solve as the command saw it, dispatch included; the solver's own time is a label."""
    labels: dict[str, str | int] = {
        "endpoint": f"solve/{task_type.value}",
        "method": priority.value,
        "status": solution.status.value,
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
