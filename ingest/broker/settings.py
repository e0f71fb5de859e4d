"""Settings of the local single-node Kafka broker that `scheduling-worker kafka up` runs."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

DATA_ROOT = Path.home() / ".local" / "share" / "scheduling-worker"
CACHE_ROOT = Path.home() / ".cache" / "scheduling-worker"


class BrokerSettings(BaseModel):
    """Version, ports, heap and where the broker keeps its files.

    The data directory lives outside the work tree (XDG data dir) so one broker serves every
    checkout of the project and survives a clean clone; tests point it elsewhere. The jars are
    cached per Kafka version, so changing `kafka_version` fetches the new one once.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    # Kafka 4.x (KRaft only); 4.1.1 runs on Java 17.
    kafka_version: str = "4.1.1"
    host: str = "127.0.0.1"
    port: int = Field(default=9092, gt=0, lt=65536)
    controller_port: int = Field(default=9093, gt=0, lt=65536)
    heap: str = "512m"
    data_dir: Path = DATA_ROOT / "kafka"
    cache_dir: Path = CACHE_ROOT
    start_timeout_s: float = 90.0
    stop_timeout_s: float = 30.0

    @property
    def bootstrap(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def jars_dir(self) -> Path:
        return self.cache_dir.expanduser() / f"kafka-{self.kafka_version}" / "jars"

    @property
    def home(self) -> Path:
        return self.data_dir.expanduser()
