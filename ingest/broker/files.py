"""The broker's files in its data directory: config, logging config, formatted storage."""

from __future__ import annotations

import subprocess
from pathlib import Path

from ingest.broker.errors import BrokerError
from ingest.broker.settings import BrokerSettings

LOG4J2_XML = """<?xml version="1.0" encoding="UTF-8"?>
<Configuration status="WARN">
  <Appenders>
    <RollingFile name="file" fileName="{log}" filePattern="{log}.%i">
      <PatternLayout pattern="[%d] %p %m (%c)%n"/>
      <Policies><SizeBasedTriggeringPolicy size="10 MB"/></Policies>
      <DefaultRolloverStrategy max="3"/>
    </RollingFile>
  </Appenders>
  <Loggers>
    <Root level="INFO"><AppenderRef ref="file"/></Root>
  </Loggers>
</Configuration>
"""


class BrokerFiles:
    """Paths of one broker's files, all under its data directory."""

    def __init__(self, broker: BrokerSettings) -> None:
        self.home = broker.home
        self.properties = self.home / "server.properties"
        self.log4j = self.home / "log4j2.xml"
        self.log = self.home / "broker.log"
        # The JVM's own stdout/stderr: crashes before logging starts land here.
        self.console = self.home / "broker.out"
        self.pidfile = self.home / "broker.pid"
        self.lock = self.home / "broker.lock"
        self.data = self.home / "data"


def server_properties(broker: BrokerSettings, data: Path) -> str:
    host, port, controller = broker.host, broker.port, broker.controller_port
    settings = {
        "process.roles": "broker,controller",
        "node.id": "1",
        "listeners": f"PLAINTEXT://{host}:{port},CONTROLLER://{host}:{controller}",
        "advertised.listeners": f"PLAINTEXT://{host}:{port}",
        "controller.listener.names": "CONTROLLER",
        "listener.security.protocol.map": "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "inter.broker.listener.name": "PLAINTEXT",
        "controller.quorum.bootstrap.servers": f"{host}:{controller}",
        "log.dirs": str(data),
        # One node: every internal topic has a single replica.
        "offsets.topic.replication.factor": "1",
        "transaction.state.log.replication.factor": "1",
        "transaction.state.log.min.isr": "1",
        "share.coordinator.state.topic.replication.factor": "1",
        "share.coordinator.state.topic.min.isr": "1",
        "min.insync.replicas": "1",
        # Groups form at once instead of waiting 3 s for more members: tests start faster.
        "group.initial.rebalance.delay.ms": "0",
        # The spec's 30 s consumer session is set on the group (`ingest.group_session`); brokers
        # refuse group session timeouts under this minimum, 45 s unless lowered.
        "group.consumer.min.session.timeout.ms": "6000",
        # Topics come from the catalog (`topics create`); a mistyped name fails instead of
        # silently creating a one-partition topic.
        "auto.create.topics.enable": "false",
    }
    return "".join(f"{key}={value}\n" for key, value in settings.items())


def write_config(broker: BrokerSettings, files: BrokerFiles) -> None:
    files.home.mkdir(parents=True, exist_ok=True)
    files.properties.write_text(server_properties(broker, files.data))
    files.log4j.write_text(LOG4J2_XML.format(log=files.log))


def format_storage_once(java: str, jars: Path, files: BrokerFiles) -> bool:
    """Format KRaft storage unless done before; True when it formatted now."""
    if (files.data / "meta.properties").is_file():
        return False
    classpath = ["-cp", f"{jars}/*", f"-Dlog4j2.configurationFile={files.log4j}"]
    cluster_id = _java(java, [*classpath, "kafka.tools.StorageTool", "random-uuid"]).split()[-1]
    storage = ["format", "--standalone", "-t", cluster_id, "-c", str(files.properties)]
    _java(java, [*classpath, "kafka.tools.StorageTool", *storage])
    return True


def _java(java: str, args: list[str]) -> str:
    result = subprocess.run([java, *args], capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if result.returncode != 0:
        raise BrokerError(
            f"formatting Kafka storage failed (exit {result.returncode}): {result.stderr.strip()[-800:]}. "
            "If the data directory holds a broken install, stop the broker and remove it."
        )
    return result.stdout
