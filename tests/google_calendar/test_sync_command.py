"""SYNC_CALENDAR through a shard host and the user actor, against the fake Google over HTTP, with the
real client library, a real SQLite state store and the real CP-SAT for re-plans."""

from __future__ import annotations

from actors.google_calendar import OAuthGrant
from actors.host import ShardHost
from actors.store import StateStore
from tests.fakes.google_calendar import FakeGoogleCalendar
from tests.google_calendar.support import UserHands
from tests.google_calendar.wiring import (
    calendar_changes,
    label,
    on,
    run,
    stored,
    sync_item,
    updates,
)


def test_first_sync_publishes_the_calendar_and_completes(
    host: ShardHost, user: UserHands, store: StateStore
) -> None:
    user.add("Dentist", on(0, 10), on(0, 11))
    user.add("Standup", on(1, 9), on(1, 9, 30))

    (result,) = run(host, sync_item())

    assert result.ok, result.reason
    created = calendar_changes(result, "GOOGLE_CALENDAR")
    assert [(c.change, c.summary) for c in created] == [("CREATED", "Dentist"), ("CREATED", "Standup")]
    (done,) = updates(result, "SYNC_COMPLETED")
    assert (done.events_processed, done.conflicts_resolved, done.errors) == (2, 0, ())
    state = stored(store)
    assert [e.title for e in state.events] == ["Dentist", "Standup"]
    assert state.calendar_link is not None and state.calendar_link.sync_token
    assert label(result, "full") == 1


def test_incremental_sync_applies_edits_and_deletions(
    host: ShardHost, user: UserHands, store: StateStore
) -> None:
    dentist = user.add("Dentist", on(0, 10), on(0, 11))
    standup = user.add("Standup", on(1, 9), on(1, 9, 30))
    run(host, sync_item())
    user.move(dentist["id"], on(2, 14), on(2, 15))
    user.delete(standup["id"])

    (result,) = run(host, sync_item())

    changes = [(c.change, c.summary, c.start) for c in calendar_changes(result, "GOOGLE_CALENDAR")]
    assert changes == [("DELETED", "Standup", on(1, 9)), ("UPDATED", "Dentist", on(2, 14))]
    assert updates(result, "SYNC_COMPLETED")[0].events_processed == 2
    assert label(result, "full") == 0
    assert [(e.title, e.start) for e in stored(store).events] == [("Dentist", on(2, 14))]


def test_a_refused_sync_token_wipes_and_resyncs_fully(
    host: ShardHost, user: UserHands, store: StateStore, fake: FakeGoogleCalendar
) -> None:
    user.add("Dentist", on(0, 10), on(0, 11))
    run(host, sync_item())
    gone = user.add("Gone soon", on(3, 10), on(3, 11))
    user.delete(gone["id"])
    user.add("Yoga", on(2, 18), on(2, 19))
    fake.store.expire_sync_tokens()

    (result,) = run(host, sync_item())

    assert result.ok and label(result, "full") == 1
    assert [e.title for e in stored(store).events] == ["Dentist", "Yoga"]
    assert [c.summary for c in calendar_changes(result, "GOOGLE_CALENDAR")] == ["Yoga"]


def test_a_revoked_grant_fails_once_and_asks_to_reconnect(
    host: ShardHost, store: StateStore, fake: FakeGoogleCalendar, grant: OAuthGrant
) -> None:
    fake.oauth.revoke(grant.refresh_token.get_secret_value())
    requests = fake.requests

    (first,) = run(host, sync_item())
    (second,) = run(host, sync_item())

    assert first.ok and first.attempts == 1  # not retried: retrying never helps
    (failed,) = updates(first, "SYNC_FAILED")
    assert "reconnect Google Calendar" in failed.errors[0]
    link = stored(store).calendar_link
    assert link is not None and link.reconnect_needed
    assert "reconnect needed" in updates(second, "SYNC_FAILED")[0].errors[0]
    assert fake.requests == requests  # the token endpoint refused; the API was never asked
