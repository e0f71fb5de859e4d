"""`scheduling-worker kafka up|down|status` as a user runs it, against real brokers."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.broker.process import is_live_broker
from ingest.settings import Settings

pytestmark = pytest.mark.kafka


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "ingest.cli", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, env=env)


def pid_of(settings: Settings) -> str:
    return (settings.broker.home / "broker.pid").read_text().strip()


@pytest.fixture
def local(kafka_settings: Settings) -> Settings:
    if kafka_settings.kafka_is_external:
        pytest.skip(f"the tests use an external cluster at {kafka_settings.kafka.bootstrap_servers}")
    return kafka_settings


def test_status_says_running_and_up_again_reuses(local: Settings) -> None:
    before = pid_of(local)

    status = cli("kafka", "status")
    again = cli("kafka", "up")

    assert status.returncode == 0 and status.stdout.startswith(f"running at {local.broker.bootstrap}")
    assert again.returncode == 0 and again.stdout.strip() == local.broker.bootstrap
    assert f"reusing the running broker (pid {before})" in again.stderr
    assert pid_of(local) == before


def test_external_cluster_starts_nothing(tmp_path: Path) -> None:
    env = {**os.environ, "KAFKA_BOOTSTRAP_SERVERS": "127.0.0.1:1"}
    env["SCHEDULING_WORKER_BROKER__DATA_DIR"] = str(tmp_path / "kafka")

    result = cli("kafka", "up", env=env)

    assert result.returncode == 0 and result.stdout.strip() == "127.0.0.1:1"
    assert "external" in result.stderr and "starting nothing" in result.stderr
    assert not (tmp_path / "kafka").exists()


def free_port_pair() -> int:
    for port in range(19500, 19700, 2):
        if all(_free(p) for p in (port, port + 1)):
            return port
    raise RuntimeError("no two free adjacent ports between 19500 and 19700")


def _free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def test_full_lifecycle_on_a_fresh_data_dir(tmp_path: Path) -> None:
    """A second broker of its own: up formats and starts, up reuses, down stops, status follows."""
    port = free_port_pair()
    env = {k: v for k, v in os.environ.items() if k != "KAFKA_BOOTSTRAP_SERVERS"}
    env |= {
        "SCHEDULING_WORKER_BROKER__DATA_DIR": str(tmp_path / "kafka"),
        "SCHEDULING_WORKER_BROKER__PORT": str(port),
        "SCHEDULING_WORKER_BROKER__CONTROLLER_PORT": str(port + 1),
        "SCHEDULING_WORKER_BROKER__HEAP": "256m",
    }
    try:
        first = cli("kafka", "up", env=env)
        assert first.returncode == 0, first.stderr
        assert "formatted new KRaft storage" in first.stderr and "broker ready" in first.stderr
        pid = (tmp_path / "kafka" / "broker.pid").read_text().strip()
        second = cli("kafka", "up", env=env)
        assert f"reusing the running broker (pid {pid})" in second.stderr
        assert "broker.log" in cli("kafka", "status", env=env).stdout
    finally:
        down = cli("kafka", "down", env=env)
    assert down.returncode == 0 and "stopped" in down.stderr
    status = cli("kafka", "status", env=env)
    assert status.returncode == 3 and status.stdout.startswith("not running")
    assert not is_live_broker(int(pid))
