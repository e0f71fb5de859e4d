"""Waiting for new topics to be usable: the controller answers a create before the brokers' metadata
shows the topic, and a describe or a produce right after would miss it."""

from __future__ import annotations

import time

from confluent_kafka.admin import AdminClient

from ingest.errors import IngestError


def await_leaders(admin: AdminClient, partitions: dict[str, int], timeout_s: float = 30.0) -> None:
    """Until each topic named in `partitions` shows that many partitions with a leader."""
    deadline = time.monotonic() + timeout_s
    waiting = dict(partitions)
    while waiting and time.monotonic() < deadline:
        topics = admin.list_topics(timeout=5).topics
        for name, count in list(waiting.items()):
            found = topics.get(name)
            led = [] if found is None else [p for p in found.partitions.values() if p.leader >= 0]
            if len(led) >= count:
                del waiting[name]
        if waiting:
            time.sleep(0.1)
    if waiting:
        late = sorted(waiting)
        raise IngestError(f"topics {late} have no leaders after {timeout_s:.0f} s; see the broker log")
