"""Watch channels around the sync: opened by the first sync, kept in the state store's database,
renewed before they expire with the user's own grant, and stopped when the user must reconnect."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from actors.calendar.channel_store import SqlChannelStore
from actors.calendar.renewal import renew_due
from actors.google_calendar import OAuthGrant
from actors.store import open_store
from tests.fakes.google_calendar import FakeGoogleCalendar
from tests.google_calendar.wiring import (
    calendar_settings,
    connect,
    edge_for,
    host_for,
    run,
    stored,
    sync_item,
)


def test_channels_are_opened_renewed_and_stopped_on_reconnect(
    fake: FakeGoogleCalendar, grant: OAuthGrant, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'state.sqlite3'}"
    store = open_store(url)
    settings = calendar_settings(fake, push_address="https://push.example.com/google-calendar/notifications")
    channels = SqlChannelStore(url, edge_for(settings).vault)
    edge = edge_for(settings, channels)
    connect(store, edge, grant)
    host = host_for(store, edge)

    run(host, sync_item())
    (opened,) = channels.all()
    run(host, sync_item())
    assert [c.channel_id for c in channels.all()] == [opened.channel_id]  # one channel per user
    assert renew_due(edge, channels, store, datetime.now(UTC)) == 0  # a week left: not due

    assert renew_due(edge, channels, store, datetime.now(UTC) + timedelta(days=6, hours=12)) == 1
    (renewed,) = channels.all()
    assert renewed.channel_id != opened.channel_id and renewed.token.get_secret_value()
    assert set(fake.channels.channels) == {renewed.channel_id}  # the old one was stopped at Google

    fake.oauth.revoke(grant.refresh_token.get_secret_value())
    (failed,) = run(host, sync_item())
    assert "1 push channel(s) stopped" in failed.outcomes[0].errors[0]  # type: ignore[union-attr]
    assert channels.all() == [] and stored(store).calendar_link.reconnect_needed  # type: ignore[union-attr]
    channels.close()
