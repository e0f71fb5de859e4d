"""What the benchmark commands print: a pipeline run's table row and its CPU by role, and costs by part."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ingest.bench_cpu import DRIVER

if TYPE_CHECKING:  # the CLI loads this module for every command: Ray and Kafka only when they run
    from ingest.bench_pipeline import BenchResult
    from ingest.bench_send import BenchPlan

HEADER = (
    "| mode | commands | max commands/s | per host call | at half rate | p50 ms | p99 ms "
    "| solver-only/s | ratio | solve CPU ms | command CPU ms | CPU ratio |"
)


def costs(heading: str, us_by_part: dict[str, float]) -> str:
    """µs per command, one part a line, and their sum."""
    lines = [heading, *(f"  {part:18s} {us:8.0f}" for part, us in us_by_part.items())]
    lines.append(f"  {'all of them':18s} {sum(us_by_part.values()):8.0f}")
    return "\n".join(lines)


def pipeline_table(result: BenchResult, plan: BenchPlan) -> str:
    """The run as a markdown table row (as docs/benchmarks.md keeps them), then its CPU by role."""
    weeks = ", weeks" if plan.week else ""
    mode = "trivial (no solves)" if plan.trivial else f"CP-SAT{weeks}, limit {plan.time_limit_ms} ms"
    solver = "-" if result.solver is None else f"{result.solver.rate:.0f}"
    solve_cpu = "-" if result.solver is None else f"{result.solver.cpu_ms:.1f}"
    command_cpu = sum(us for role, us in result.cpu_us.items() if role != DRIVER) / 1000
    row = (
        f"| {mode} | {result.commands} | {result.max_rate:.0f} | {result.per_call:.1f} | "
        f"{result.half_rate:.0f} | {result.p50_ms:.0f} | {result.p99_ms:.0f} | {solver} | "
        f"{_fixed(result.ratio)} | {solve_cpu} | {command_cpu:.2f} | {_fixed(result.cpu_ratio)} |"
    )
    lines = ["", HEADER, "|---|---|---|---|---|---|---|---|---|---|---|---|", row]
    if result.cpu_us:
        lines += ["", costs("CPU per command in the maximum-rate phase (µs), by role:", result.cpu_us)]
        lines.append("The CPU ratio leaves the benchmark driver (the producer of the commands) out.")
    return "\n".join(lines)


def _fixed(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"
