"""Schedule commands of a connected user: Google's copy of the calendar wins over the request's, the
placed blocks reach Google with the fewest writes before the plan is stored, and nothing is written twice."""

from __future__ import annotations

from pathlib import Path

from actors.calendar.connect import connect_user
from actors.calendar.edge import CalendarEdge
from actors.google_calendar import OAuthGrant, google_event_id
from actors.host import ShardHost
from actors.outcomes import CalendarBlockOutcome
from actors.store import StateStore, open_store
from optimizer.domain import CalendarEvent
from tests.fakes.google_calendar import FakeGoogleCalendar, fault
from tests.google_calendar.conftest import ACCOUNT
from tests.google_calendar.support import UserHands
from tests.google_calendar.wiring import (
    USER,
    fail_next_save,
    habits_item,
    host_for,
    label,
    on,
    run,
    stored,
    sync_item,
)


def version(fake: FakeGoogleCalendar) -> int:
    return fake.store.calendar(ACCOUNT).version


def gym_starts(user: UserHands) -> list[str]:
    return sorted(e["start"]["dateTime"][:16] for e in user.live_events() if e.get("summary") == "Gym")


def synced_dentist(host: ShardHost, user: UserHands) -> str:
    """Day 0: a dentist 9:00-16:00 in Google, seen by a first sync. Returns its Google id."""
    dentist = user.add("Dentist", on(0, 9), on(0, 16))
    (first,) = run(host, sync_item())
    assert first.ok
    return str(dentist["id"])


def test_googles_events_win_the_requests_are_added_and_the_blocks_are_written(
    host: ShardHost, fake: FakeGoogleCalendar, user: UserHands, store: StateStore
) -> None:
    dentist = synced_dentist(host, user)
    stale = CalendarEvent(
        id=dentist, title="Dentist", start=on(0, 13), end=on(0, 14)
    )  # the product's old copy
    review = CalendarEvent(id="api-review", title="Review", start=on(1, 9), end=on(1, 16))
    before = version(fake)

    (result,) = run(host, habits_item(days=3, events=(stale, review)))

    assert result.ok, result.reason
    state = stored(store)
    assert [(e.id, e.start, e.end) for e in state.events] == [
        (dentist, on(0, 9), on(0, 16)),
        ("api-review", on(1, 9), on(1, 16)),
    ]
    assert state.calendar_link is not None and state.calendar_link.api_events == ("api-review",)
    # The solve saw Google's dentist and the request's review: only 16-17 is free on days 0 and 1.
    assert [(b.start, b.end) for b in state.plan][:2] == [(on(0, 16), on(0, 17)), (on(1, 16), on(1, 17))]
    assert label(result, "writes") == 3 and version(fake) == before + 3
    assert len(gym_starts(user)) == 3
    assert set(state.calendar_link.shown_blocks) == {b.event_id for b in state.plan}

    (again,) = run(host, habits_item(days=3))  # a request with no events deletes no Google event

    assert [e.id for e in stored(store).events] == [dentist]
    assert label(again, "writes") == 0 and len(gym_starts(user)) == 3  # a stable re-plan: no churn


def test_a_replay_writes_nothing_and_a_retried_save_writes_nothing_twice(
    host: ShardHost, fake: FakeGoogleCalendar, user: UserHands, store: StateStore
) -> None:
    command = habits_item(days=3)
    fail_next_save(store)

    (first,) = run(host, command)

    assert first.ok and first.attempts == 2 and label(first, "writes") == 0  # the retry found them shown
    assert version(fake) == 3 and len(gym_starts(user)) == 3
    requests = fake.requests
    (replay,) = run(host, command)
    assert replay.replayed and replay.outcomes == first.outcomes and fake.requests == requests
    (sync,) = run(host, sync_item())
    assert label(sync, "writes") == 0 and version(fake) == 3


def test_a_block_the_user_deletes_after_a_schedule_command_leaves_the_plan_on_the_next_sync(
    host: ShardHost, user: UserHands, store: StateStore
) -> None:
    run(host, sync_item())
    run(host, habits_item(days=3))
    first = min(stored(store).plan, key=lambda b: b.start)
    user.delete(google_event_id(first.event_id))

    (result,) = run(host, sync_item())

    assert result.ok and first.event_id not in {b.event_id for b in stored(store).plan}
    assert len(gym_starts(user)) == 2


def test_api_events_survive_a_full_sync_and_googles_own_events_still_update(
    host: ShardHost, user: UserHands, store: StateStore
) -> None:
    dentist = synced_dentist(host, user)
    review = CalendarEvent(id="api-review", title="Review", start=on(1, 9), end=on(1, 16))
    run(host, habits_item(days=3, events=(review,)))
    user.move(dentist, on(2, 9), on(2, 12))

    run(host, sync_item(full=True))

    state = stored(store)
    assert [(e.id, e.start) for e in state.events] == [("api-review", on(1, 9)), (dentist, on(2, 9))]
    assert state.calendar_link is not None and state.calendar_link.api_events == ("api-review",)


def test_google_failing_sends_the_command_to_the_retry_path_and_stores_nothing(
    host: ShardHost, fake: FakeGoogleCalendar, store: StateStore
) -> None:
    run(host, sync_item())
    fake.faults.push(fault(503, "backendError"), times=100)

    (failed,) = run(host, habits_item(days=3))

    assert (
        not failed.ok and failed.attempts == 4 and failed.error_class in {"CalendarApiError", "CircuitOpen"}
    )
    assert stored(store).plan == ()
    assert failed.task_id not in store.load(failed.user_id).applied  # type: ignore[union-attr]
    fake.faults.clear()


def test_an_unconnected_user_keeps_the_requests_events_and_google_is_not_called(
    store: StateStore, edge: CalendarEdge, fake: FakeGoogleCalendar
) -> None:
    host = host_for(store, edge)
    review = CalendarEvent(id="api-review", title="Review", start=on(1, 9), end=on(1, 16))

    (result,) = run(host, habits_item(days=3, events=(review,), user_id="u2"))

    assert result.ok and fake.requests == 0
    assert not [o for o in result.outcomes if getattr(o, "metric_type", "") == "EXTERNAL_API_CALL"]
    state = stored(store, "u2")
    assert (
        state.calendar_link is None
        and [e.id for e in state.events] == ["api-review"]
        and len(state.plan) == 3
    )


def test_the_blocks_of_a_user_linked_to_a_named_calendar_name_that_calendar(
    fake: FakeGoogleCalendar, edge: CalendarEdge, grant: OAuthGrant, tmp_path: Path
) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'named.sqlite3'}")
    connect_user(store, USER, grant, edge.vault, calendar_id=ACCOUNT)

    (result,) = run(host_for(store, edge), habits_item(days=2))  # the request says "primary"

    assert result.ok, result.reason
    blocks = [o for o in result.outcomes if isinstance(o, CalendarBlockOutcome)]
    assert [o.change for o in blocks] == ["CREATED", "CREATED"]
    assert {o.calendar_id for o in blocks} == {ACCOUNT}
    assert stored(store).calendar_id == ACCOUNT
    assert len(fake.store.calendar(ACCOUNT).events) >= 2  # written where the outcomes say
