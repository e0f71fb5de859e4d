"""Connecting a user from the command line: the grant is stored sealed (never in the clear), opens only
for its user, survives a key rotation, and the next sync uses it. Also on a real PostgreSQL store."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from actors.google_calendar import OAuthGrant
from actors.google_calendar.vault import Vault, VaultError, VaultSettings, new_key
from actors.store import open_store
from ingest.cli import main
from tests.fakes.google_calendar import FakeGoogleCalendar
from tests.google_calendar.support import UserHands
from tests.google_calendar.wiring import (
    USER,
    calendar_settings,
    connect,
    edge_for,
    host_for,
    on,
    run,
    stored,
    sync_item,
    updates,
)


def test_the_cli_connects_a_user_with_a_sealed_grant(
    fake: FakeGoogleCalendar, grant: OAuthGrant, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = new_key()
    url = f"sqlite:///{tmp_path / 'state.sqlite3'}"
    token_file = tmp_path / "refresh-token"
    token_file.write_text(grant.refresh_token.get_secret_value() + "\n")
    env = {
        "STORE_URL": url,
        "ACTORS__CALENDAR__ENABLED": "true",
        "ACTORS__CALENDAR__CLIENT_ID": grant.client_id,
        "ACTORS__CALENDAR__CLIENT_SECRET": grant.client_secret.get_secret_value(),
        "ACTORS__CALENDAR__VAULT": json.dumps({"keys": {"k1": key}, "active_key": "k1"}),
    }
    for name, value in env.items():
        monkeypatch.setenv(f"SCHEDULING_WORKER_{name}", value)

    assert main(["calendar", "connect", "--user", USER, "--refresh-token-file", str(token_file)]) == 0

    store = open_store(url)
    raw = store.load(USER)
    assert raw is not None and grant.refresh_token.get_secret_value().encode() not in raw.state
    link = stored(store).calendar_link
    assert link is not None and link.grant.startswith("v1.k1.")
    rotated = Vault(VaultSettings(keys={"k2": new_key(), "k1": key}, active_key="k2"))
    assert rotated.open_grant(link.grant, USER) == grant  # an old key still opens what it sealed
    with pytest.raises(VaultError):
        rotated.open_grant(link.grant, "someone-else")


@pytest.mark.postgres
def test_sync_on_a_postgres_state_store(
    fake: FakeGoogleCalendar, grant: OAuthGrant, user: UserHands, postgres_url: str
) -> None:
    store = open_store(postgres_url)
    edge = edge_for(calendar_settings(fake))
    user_id = f"pg-{uuid.uuid4().hex[:8]}"
    user.add("Dentist", on(0, 10), on(0, 11))
    connect(store, edge, grant, user_id)
    host = host_for(store, edge)

    (result,) = run(host, sync_item(user_id=user_id))

    assert result.ok and updates(result, "SYNC_COMPLETED")[0].events_processed == 1
    assert [e.title for e in stored(store, user_id).events] == ["Dentist"]
