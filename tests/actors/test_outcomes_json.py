"""A command's outcomes written model by model are the adapter's bytes exactly, and a sync's answer
reads as it always did: the outbox and every replay depend on both."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from actors.outcomes import OUTCOMES, CalendarUpdateOutcome, Outcome, UsageOutcome, dump_outcomes
from actors.requests import SyncRequest
from actors.stamp import Stamp
from actors.sync import sync_outcome
from tests.ingest.outcome_strategies import outcomes

AT = datetime(2025, 10, 27, 10, tzinfo=UTC)

usage = st.builds(
    UsageOutcome,
    user_id=st.text(max_size=12),
    at=st.datetimes(timezones=st.just(timezone(timedelta(hours=-3)))),
    event_type=st.sampled_from(["GOAL_CREATED", "HABIT_COMPLETED"]),
    item_id=st.text(max_size=12),
    occurred_at=st.datetimes(timezones=st.just(UTC)),
)


@given(st.lists(st.one_of(outcomes(plain=False), outcomes(plain=True), usage), max_size=6))
def test_outcomes_are_written_as_the_adapter_writes_them(written: list[Outcome]) -> None:
    assert dump_outcomes(written) == OUTCOMES.dump_json(tuple(written))


def test_a_sync_answer_and_no_outcomes_read_back_as_written() -> None:
    failed = CalendarUpdateOutcome(user_id="ann", at=AT, update_type="SYNC_FAILED", errors=("not set up",))
    assert dump_outcomes([]) == b"[]"
    assert dump_outcomes([failed]) == (
        b'[{"user_id":"ann","at":"2025-10-27T10:00:00Z","kind":"calendar_update",'
        b'"update_type":"SYNC_FAILED","events_processed":0,"conflicts_resolved":0,"errors":["not set up"]}]'
    )
    assert OUTCOMES.validate_json(dump_outcomes([failed, failed])) == (failed, failed)


def test_a_sync_answer_says_what_it_always_said() -> None:
    stamp = Stamp("ann", "t1", AT)
    [full, incremental] = (
        sync_outcome(SyncRequest(calendar_id="work", full_sync=full), stamp).errors for full in (True, False)
    )
    assert full == (
        "Google Calendar sync is not configured for this worker: calendar work was not synced (full sync "
        "requested). Configure the Google Calendar integration and send the command again.",
    )
    assert incremental == (full[0].replace("(full", "(incremental"),)
