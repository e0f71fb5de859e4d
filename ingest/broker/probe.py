"""Ask a broker whether it serves: readiness comes from the broker's own answer, not a sleep."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable, Mapping

from confluent_kafka import KafkaException
from confluent_kafka.admin import AdminClient

from ingest.kafka_settings import ConfigValue


def port_open(host: str, port: int) -> bool:
    """Cheap first check: is anything listening at all?"""
    try:
        with socket.create_connection((host, port), timeout=1.0):
            return True
    except OSError:
        return False


def answers(admin_config: Mapping[str, ConfigValue], timeout_s: float = 2.0) -> bool:
    """True when the cluster returns metadata naming at least one live broker."""
    # log_level 0: a broker that is still starting refuses connections, which is expected here
    # and would otherwise fill the terminal with librdkafka errors.
    admin = AdminClient({**admin_config, "log_level": 0})
    try:
        metadata = admin.list_topics(timeout=timeout_s)
    except KafkaException:
        return False
    return bool(metadata.brokers)


def wait_until(ready: Callable[[], bool], alive: Callable[[], bool], timeout_s: float) -> bool:
    """Poll `ready` until it holds, `alive` fails, or the deadline passes."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if ready():
            return True
        if not alive():
            return False
        time.sleep(0.2)
    return False
