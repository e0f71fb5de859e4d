"""What `bench pipeline`, `bench floor` and `bench work` print, from results made up here."""

from __future__ import annotations

from ingest.bench_cpu import DRIVER
from ingest.bench_pipeline import BenchResult
from ingest.bench_report import costs, pipeline_table
from ingest.bench_send import BenchPlan
from ingest.bench_solver import SolverBound

CPU = {"solver tasks": 6000.0, "ingest actors": 2000.0, DRIVER: 100.0}


def test_costs_list_each_part_and_their_sum() -> None:
    lines = costs("by role:", CPU).splitlines()
    assert lines[0] == "by role:"
    assert [line.split()[-1] for line in lines[1:]] == ["6000", "2000", "100", "8100"]


def test_a_solving_run_is_one_table_row_with_its_ratios() -> None:
    result = BenchResult(1000, 160.0, 80.0, 70.0, 210.0, SolverBound(200.0, 6.4), CPU, 7.9)
    table = pipeline_table(result, BenchPlan(200, 5, week=True))
    row = next(line for line in table.splitlines() if line.startswith("| CP-SAT"))
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert cells == ["CP-SAT, weeks, limit 1000 ms", "1000", "160", "7.9", "80", "70", "210", "200", "0.80",
                     "6.4", "8.00", "0.80"]  # fmt: skip
    assert "leaves the benchmark driver" in table  # the CPU ratio's 8.00 ms leaves its 100 µs out


def test_a_trivial_run_has_no_solver_figures() -> None:
    result = BenchResult(20, 5000.0, 2500.0, 20.0, 90.0, None, {}, 10.0)
    row = pipeline_table(result, BenchPlan(2, 10, trivial=True)).splitlines()[-1]
    assert row.startswith("| trivial (no solves) | 20 | 5000 |") and row.endswith("| - | - | 0.00 | - |")
