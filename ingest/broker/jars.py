"""Fetch the broker's jars from Maven Central into a per-version cache, once."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from ingest.broker.errors import BrokerError
from ingest.broker.settings import BrokerSettings

POM = Path(__file__).with_name("pom.xml")
HEARTBEAT_S = 15.0


def require_tool(name: str, install_hint: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BrokerError(f"{name} not found on PATH: {install_hint}")
    return path


def require_java() -> str:
    return require_tool("java", "install OpenJDK 17 (apt-get install -y openjdk-17-jre-headless)")


def ensure_jars(broker: BrokerSettings, say: Callable[[str], None]) -> Path:
    """The directory holding the broker's jars, fetching them first if not cached yet."""
    target = broker.jars_dir
    if (target / f"kafka_2.13-{broker.kafka_version}.jar").is_file():
        return target
    mvn = require_tool("mvn", "install Maven (apt-get install -y maven)")
    say(f"fetching Apache Kafka {broker.kafka_version} jars from Maven Central (first time only) ...")
    target.parent.mkdir(parents=True, exist_ok=True)
    # Copy into a scratch directory and rename at the end, so an interrupted fetch leaves no
    # half-filled cache behind.
    scratch = Path(tempfile.mkdtemp(prefix="jars-", dir=target.parent))
    started = time.monotonic()
    _run_maven(mvn, broker.kafka_version, scratch, say)
    shutil.rmtree(target, ignore_errors=True)
    scratch.rename(target)
    say(f"fetched {len(list(target.glob('*.jar')))} jars in {time.monotonic() - started:.1f}s into {target}")
    return target


def _run_maven(mvn: str, version: str, output: Path, say: Callable[[str], None]) -> None:
    command = [
        mvn, "-B", "-q", "-f", str(POM), "dependency:copy-dependencies",
        f"-DoutputDirectory={output}", f"-Dkafka.version={version}",
    ]  # fmt: skip
    log = output.parent / "maven.log"
    with log.open("w") as sink:
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        started = time.monotonic()
        while True:
            try:
                code = process.wait(timeout=HEARTBEAT_S)
                break
            except subprocess.TimeoutExpired:
                say(f"  still fetching ({time.monotonic() - started:.0f}s) ...")
    if code != 0:
        shutil.rmtree(output, ignore_errors=True)
        tail = "\n".join(log.read_text(errors="replace").splitlines()[-15:])
        raise BrokerError(
            f"Maven could not fetch Kafka {version} (exit {code}); full log in {log}. "
            f"Check access to Maven Central and that the version exists.\n{tail}"
        )
