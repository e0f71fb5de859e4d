"""Under KIP-848 the spec's session timeout is set on the group: a member that goes silent loses its
partitions after the group's timeout, not after the broker's 45 s default."""

from __future__ import annotations

import logging
import selectors
import subprocess
import sys
import time
import uuid

import pytest
from confluent_kafka import Consumer

from ingest.group_session import group_session_timeout, set_group_session_timeout
from ingest.settings import Settings
from tests.fixtures.kafka import NewTopicFactory

pytestmark = pytest.mark.kafka

# A member in a process of its own, killed once it owns partitions: it neither heartbeats nor leaves.
# It gives up after a minute whatever happens, so a member that never gets its partitions cannot outlive
# the test.
MEMBER = """
import sys, time
from confluent_kafka import Consumer
bootstrap, topic, group = sys.argv[1:]
deadline = time.monotonic() + 60
consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": group, "group.protocol": "consumer"})
consumer.subscribe([topic])
while not consumer.assignment() and time.monotonic() < deadline:
    consumer.poll(0.1)
print("assigned" if consumer.assignment() else "never assigned", flush=True)
while time.monotonic() < deadline:
    consumer.poll(0.1)
"""
ASSIGNED_WITHIN_S = 60


def _first_line(member: subprocess.Popen[str], timeout_s: float) -> str:
    """The member's first line, or what it lacked: a stuck member fails the test instead of hanging it."""
    assert member.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(member.stdout, selectors.EVENT_READ)
        if not selector.select(timeout_s):
            return f"nothing within {timeout_s} s"
    return member.stdout.readline().strip() or f"nothing: the member exited with {member.poll()}"


def _settled_timeout(admin: dict[str, object], group: str, expected: int, wait_s: float = 15) -> int:
    """The group's timeout once the brokers show `expected`, or what they show after `wait_s`: an
    accepted config reaches the broker's metadata a moment after the controller takes it."""
    deadline = time.monotonic() + wait_s
    while (found := group_session_timeout(admin, group)) != expected and time.monotonic() < deadline:
        time.sleep(0.2)
    return found


def test_the_group_takes_the_timeout_and_a_refusal_only_warns(
    kafka_settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    admin = kafka_settings.kafka.admin_config()
    group = f"test-session-{uuid.uuid4().hex[:8]}"
    assert set_group_session_timeout(admin, group, 30_000)
    assert _settled_timeout(admin, group, 30_000) == 30_000
    with caplog.at_level(logging.WARNING, logger="ingest.group_session"):
        assert not set_group_session_timeout(admin, group, 1)
    assert "group.consumer.min.session.timeout.ms <= 1 on the brokers" in caplog.text
    assert group_session_timeout(admin, group) == 30_000  # the refused value changed nothing


def test_a_silent_member_loses_its_partitions_after_the_groups_timeout(
    kafka_settings: Settings, new_topic: NewTopicFactory
) -> None:
    topic = new_topic(partitions=2)
    group = f"test-session-{uuid.uuid4().hex[:8]}"
    bootstrap = kafka_settings.kafka.bootstrap_servers
    if not set_group_session_timeout(kafka_settings.kafka.admin_config(), group, 6_000):
        pytest.skip("this cluster refuses a 6 s group session (group.consumer.min.session.timeout.ms)")
    assert _settled_timeout(kafka_settings.kafka.admin_config(), group, 6_000) == 6_000
    member = subprocess.Popen(
        [sys.executable, "-c", MEMBER, bootstrap, topic, group], stdout=subprocess.PIPE, text=True
    )
    try:
        said = _first_line(member, ASSIGNED_WITHIN_S + 10)
        assert said == "assigned", f"the first member never owned the partitions: {said}"
    finally:
        member.kill()
        member.wait()
    silenced = time.monotonic()
    config = {"bootstrap.servers": bootstrap, "group.id": group, "group.protocol": "consumer"}
    successor = Consumer(config)
    successor.subscribe([topic])
    try:
        while len(successor.assignment()) < 2 and time.monotonic() - silenced < 60:
            successor.poll(0.1)
        taken_after = time.monotonic() - silenced
        owned = len(successor.assignment())
    finally:
        successor.close()
    assert owned == 2, f"the dead member's partitions were not handed over within {taken_after:.0f} s"
    # With the broker's default session (45 s) the handover would take at least 45 s.
    assert taken_after < 25, f"the handover took {taken_after:.1f} s"
