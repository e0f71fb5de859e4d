"""`bench pipeline` on a tiny sample: every phase ends with each command done, the figures it reports
are there, and the benchmark's topics are gone afterwards. Its numbers are not checked: a benchmark
measures, a test only shows that it runs."""

from __future__ import annotations

import pytest
from confluent_kafka.admin import AdminClient

from ingest.bench_cpu import DRIVER, IN_PLACE, ROLES
from ingest.bench_pipeline import run_bench
from ingest.bench_send import BenchPlan
from ingest.settings import Settings

pytestmark = [
    pytest.mark.kafka,
    pytest.mark.ray,
    pytest.mark.usefixtures("ray_local"),
    pytest.mark.timeout(300),
]


@pytest.mark.parametrize("trivial", [True, False])
def test_a_tiny_benchmark_runs_every_phase_and_cleans_up(kafka_settings: Settings, trivial: bool) -> None:
    said: list[str] = []
    result = run_bench(kafka_settings, BenchPlan(users=6, commands=2, trivial=trivial), said.append)

    assert result.commands == 12
    assert result.max_rate > 0 and result.half_rate > 0
    assert 0 < result.p50_ms <= result.p99_ms
    # A phase this short may read no tick of CPU for a role (/proc counts hundredths of a second).
    assert set(result.cpu_us) <= {role for _, role in ROLES} | {DRIVER, IN_PLACE}
    assert all(us > 0 for us in result.cpu_us.values())
    assert any(line.startswith("maximum rate:") for line in said)
    if trivial:
        assert result.solver is None and result.ratio is None
    else:
        assert result.solver is not None and result.solver.rate > 0 and result.solver.cpu_ms > 0
        assert result.ratio is not None and result.ratio > 0
    topics = AdminClient(kafka_settings.kafka.admin_config()).list_topics(timeout=10).topics
    assert not [name for name in topics if ".bench-" in name]
