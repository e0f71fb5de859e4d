"""Solver benchmark: seeded instance families, each solved on one core and checked.

    python -m optimizer.bench --family typical --family heavy --seeds 50 --time-limit 2

For each family and model it reports wall and CPU time (model building included) p50/p95/p99, the share
proven optimal, the gap, the cost against the greedy baseline (both scored by `score_plan`), validator
failures (must be 0) and unplaced items, as a markdown table. It is a command, not a timed test.
"""

from __future__ import annotations

import argparse
import math
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from optimizer.benchmark.summary import Measured, Row, markdown
from optimizer.domain import Instance, SolveOptions
from optimizer.generate import FAMILIES
from optimizer.greedy import greedy_plan
from optimizer.solution import Placement, Solution
from optimizer.solve import InvalidPlan, optimize_schedule, schedule_habits, score_plan
from optimizer.validate import validate
from optimizer.validation.plan import PlanKind

MODELS: dict[PlanKind, Callable[[Instance], Solution]] = {
    "habits": schedule_habits,
    "schedule": optimize_schedule,
}


@dataclass(frozen=True)
class Report:
    rows: tuple[Row, ...]

    def markdown(self) -> str:
        return markdown(self.rows)

    def all_valid(self) -> bool:
        return all(run.violations == 0 for row in self.rows for run in row.runs)


def scored(instance: Instance, placements: Sequence[Placement], model: PlanKind) -> float:
    """The plan's cost under the model; NaN when the model refuses the plan (counted as unscorable)."""
    try:
        return score_plan(instance, placements, kind=model)[0]
    except InvalidPlan:
        return math.nan


def measure(family: str, seed: int, model: PlanKind, time_limit_s: float) -> Measured:
    options = SolveOptions(time_limit_s=time_limit_s, num_workers=1, random_seed=seed)
    instance = FAMILIES[family](seed).model_copy(update={"options": options})
    started, cpu_started = time.perf_counter(), time.process_time()
    solution = MODELS[model](instance)
    wall_ms = 1000 * (time.perf_counter() - started)
    cpu_ms = 1000 * (time.process_time() - cpu_started)
    greedy = greedy_plan(instance, include_tasks=model == "schedule")
    return Measured(
        family=family,
        model=model,
        seed=seed,
        status=solution.status,
        wall_ms=wall_ms,
        cpu_ms=cpu_ms,
        gap=solution.gap,
        score=scored(instance, solution.placements, model),
        greedy_score=scored(instance, greedy, model),
        violations=len(validate(instance, solution.placements, kind=model)),
        unplaced=len(solution.unplaced),
    )


def run(
    families: Sequence[str],
    seeds: Iterable[int],
    *,
    models: Sequence[PlanKind] = ("habits", "schedule"),
    time_limit_s: float = 2.0,
) -> Report:
    seeds = tuple(seeds)
    rows = [
        Row(family, model, [measure(family, seed, model, time_limit_s) for seed in seeds])
        for family in families
        for model in models
    ]
    return Report(tuple(rows))


def main(argv: Sequence[str] | None = None, prog: str = "python -m optimizer.bench") -> int:
    parser = argparse.ArgumentParser(
        prog=prog, description="Benchmark the solver on seeded instance families."
    )
    parser.add_argument("--family", action="append", choices=sorted(FAMILIES), help="repeatable")
    parser.add_argument("--model", action="append", choices=sorted(MODELS), help="repeatable; default both")
    parser.add_argument("--seeds", type=int, default=20, help="seeds per family, from --first-seed")
    parser.add_argument("--first-seed", type=int, default=0)
    parser.add_argument("--time-limit", type=float, default=2.0, help="seconds per solve")
    args = parser.parse_args(argv)
    families = args.family or ["typical", "heavy", "tight"]
    seeds = range(args.first_seed, args.first_seed + args.seeds)
    report = run(families, seeds, models=args.model or ["habits", "schedule"], time_limit_s=args.time_limit)
    print(report.markdown())
    if not report.all_valid():
        print("\nvalidator failures: a solver plan broke a hard rule (see the table).")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
