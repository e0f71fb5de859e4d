"""The benchmark command runs end to end on a tiny family and reports what it promises."""

from __future__ import annotations

import math

import pytest

from ingest.cli import main as cli_main
from optimizer.bench import main, run
from optimizer.benchmark.summary import percentile


def test_nearest_rank_percentiles() -> None:
    values = [float(v) for v in range(1, 101)]
    assert (percentile(values, 0.5), percentile(values, 0.95), percentile(values, 0.99)) == (50, 95, 99)
    assert percentile([7.0], 0.99) == 7.0
    assert math.isnan(percentile([], 0.5))


def test_run_reports_each_family_and_model() -> None:
    report = run(["small"], range(2), time_limit_s=1.0)
    assert [(row.family, row.model, len(row.runs)) for row in report.rows] == [
        ("small", "habits", 2),
        ("small", "schedule", 2),
    ]
    assert report.all_valid()
    table = report.markdown().splitlines()
    assert table[0].startswith("| family | model | n | wall ms p50 / p95 / p99")
    assert len(table) == 4 and all(line.count("|") == table[0].count("|") for line in table)
    assert main(["--family", "small", "--model", "habits", "--seeds", "1", "--time-limit", "1"]) == 0


def test_the_worker_cli_runs_the_solver_benchmark(capsys: pytest.CaptureFixture[str]) -> None:
    code = cli_main(["bench", "solver", "--family", "small", "--model", "habits", "--seeds", "1"])
    assert code == 0
    assert "| small | habits | 1 |" in capsys.readouterr().out
