"""Per-family, per-model figures from many measured solves, and the markdown table that shows them."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from optimizer.solution import SolveStatus


@dataclass(frozen=True)
class Measured:
    """One solve: wall and process CPU time, model building included (CPU time is the steadier figure
    on a shared machine), and how it compares with the greedy plan
    (scores are NaN when the model's scorer refused a plan)."""

    family: str
    model: str
    seed: int
    status: SolveStatus
    wall_ms: float
    cpu_ms: float
    gap: float | None
    score: float
    greedy_score: float
    violations: int
    unplaced: int


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile; NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(math.ceil(share * len(ordered)) - 1, 0)]


def gain(run: Measured) -> float:
    """Percent of the greedy plan's cost saved (negative when the solver did worse)."""
    return 100.0 * (run.greedy_score - run.score) / max(abs(run.greedy_score), 1e-9)


def count(runs: Sequence[Measured], status: SolveStatus) -> int:
    return sum(run.status is status for run in runs)


@dataclass(frozen=True)
class Row:
    family: str
    model: str
    runs: Sequence[Measured]

    def cells(self) -> list[str]:
        runs = self.runs
        times = [r.wall_ms for r in runs]
        cpu = [r.cpu_ms for r in runs]
        gaps = [100.0 * r.gap for r in runs if r.gap is not None]
        compared = [r for r in runs if not (math.isnan(r.score) or math.isnan(r.greedy_score))]
        gains = [gain(r) for r in compared]
        optimal = sum(r.status is SolveStatus.OPTIMAL for r in runs)
        solved = sum(r.status in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE) for r in runs)
        return [
            self.family,
            self.model,
            str(len(runs)),
            " / ".join(f"{percentile(times, q):.0f}" for q in (0.5, 0.95, 0.99)),
            " / ".join(f"{percentile(cpu, q):.0f}" for q in (0.5, 0.95, 0.99)),
            f"{100 * optimal / len(runs):.0f}%",
            f"{100 * solved / len(runs):.0f}%",
            f"{count(runs, SolveStatus.INFEASIBLE)} / {count(runs, SolveStatus.UNKNOWN)}",
            " / ".join(f"{percentile(gaps, q):.1f}" for q in (0.5, 0.95, 1.0)),
            f"{percentile(gains, 0.5):+.1f} / {min(gains, default=math.nan):+.1f}",
            str(sum(r.score > r.greedy_score + 1e-6 for r in compared)),
            str(len(runs) - len(compared)),
            str(sum(r.violations for r in runs)),
            f"{sum(r.unplaced for r in runs) / len(runs):.1f}",
        ]


HEADER = [
    "family",
    "model",
    "n",
    "wall ms p50 / p95 / p99",
    "CPU ms p50 / p95 / p99",
    "proven optimal",
    "feasible",
    "infeasible / unknown",
    "gap % p50 / p95 / max",
    "vs greedy % p50 / worst",
    "worse than greedy",
    "unscorable",
    "validator failures",
    "unplaced items (mean)",
]


def markdown(rows: Sequence[Row]) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(row.cells()) + " |" for row in rows]
    return "\n".join(lines)
