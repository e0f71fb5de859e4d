"""SYNC_CALENDAR through a shard host running as a real Ray actor: the host builds its calendar edge
(breaker, its gauge, vault) from the settings, inside its own process."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
import ray

from actors.google_calendar import OAuthGrant
from actors.host import HostSettings
from actors.settings import ActorSettings
from actors.store import open_store
from actors.supervisor import HostSet
from tests.fakes.google_calendar import FakeGoogleCalendar
from tests.google_calendar.support import UserHands
from tests.google_calendar.wiring import (
    FAST,
    calendar_changes,
    calendar_settings,
    connect,
    edge_for,
    on,
    stored,
    sync_item,
    updates,
)

pytestmark = [pytest.mark.ray, pytest.mark.usefixtures("ray_local")]


def test_a_sync_through_a_host_on_ray(
    fake: FakeGoogleCalendar, grant: OAuthGrant, user: UserHands, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'state.sqlite3'}"
    settings = calendar_settings(fake)
    connect(open_store(url), edge_for(settings), grant)
    user.add("Dentist", on(0, 10), on(0, 11))
    actor_settings = ActorSettings(
        hosts=1, name_prefix=f"cal-{uuid.uuid4().hex[:8]}", host=HostSettings(retry=FAST), calendar=settings
    )
    hosts = HostSet.start(url, actor_settings)
    try:
        (result,) = ray.get(hosts.handles[0].handle.remote([sync_item()]), timeout=60)
    finally:
        hosts.stop()

    assert result.ok, result.reason
    assert [c.summary for c in calendar_changes(result, "GOOGLE_CALENDAR")] == ["Dentist"]
    assert updates(result, "SYNC_COMPLETED")[0].events_processed == 1
    assert [e.title for e in stored(open_store(url)).events] == ["Dentist"]
