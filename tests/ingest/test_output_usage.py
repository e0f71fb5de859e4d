"""Usage analytics and habit progress as records: their exact bytes, the same by either way of writing.

The models' way (outcome model, wire model, `encode`) is the reference for the direct way from the
outbox's JSON, as for every other kind of output (tests/ingest/test_output_wire.py).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actors.outcomes import OUTCOMES, HabitOutcome, Outcome, UsageOutcome
from ingest.messages import UsageAnalytics, decode, derive_id
from ingest.output_wire import wire_message
from ingest.outputs import OutputRecord, outcomes_of, records_for, records_from_json
from ingest.pipeline_config import OutputTopics, PipelineTopics
from tests.ingest.outcome_strategies import outcomes as other_outcomes

AT = datetime(2025, 10, 27, 10, tzinfo=UTC)
DONE = datetime(2025, 10, 27, 8, 30, tzinfo=timezone(timedelta(hours=1)))
COMPLETED = UsageOutcome(user_id="ann", at=AT, event_type="HABIT_COMPLETED", item_id="gym", occurred_at=DONE)
CREATED = UsageOutcome(user_id="ann", at=AT, event_type="GOAL_CREATED", item_id="book", occurred_at=AT)
STREAK = HabitOutcome(user_id="ann", at=AT, habit_id="gym", change="COMPLETED", name="Gym",
                      frequency="DAILY", streak_current=13, streak_longest=28)  # fmt: skip


TOPICS = OutputTopics()


def both_ways(
    task_id: str, outcomes: tuple[Outcome, ...], topics: OutputTopics = TOPICS
) -> list[OutputRecord]:
    outcomes_json = OUTCOMES.dump_json(outcomes)
    direct = records_from_json(task_id, outcomes_json, topics)
    assert direct == records_for(task_id, outcomes_of(task_id, outcomes_json), topics)
    return direct


def test_usage_events_are_their_spec_message_with_no_session_details() -> None:
    completed, created = both_ways("t1", (COMPLETED, CREATED))
    assert (completed.topic, completed.key, created.topic) == (
        "scheduling.analytics.usage",
        b"ann",
        created.topic,
    )
    assert completed.value == (
        b'{"version":1,"userId":"ann","eventType":"HABIT_COMPLETED","metadata":{"habitId":"gym"},'
        b'"timestamp":"2025-10-27T07:30:00Z"}'
    )  # the completion's own instant, in UTC
    assert created.value == (
        b'{"version":1,"userId":"ann","eventType":"GOAL_CREATED","metadata":{"goalId":"book"},'
        b'"timestamp":"2025-10-27T10:00:00Z"}'
    )
    message = decode(completed.value, UsageAnalytics)
    assert (message.metadata.session_id, message.metadata.user_agent, message.metadata.ip_address) == (
        None,
    ) * 3
    assert [dict(r.headers)["messageId"] for r in (completed, created)] == [
        derive_id("t1", "output", str(i)).encode() for i in range(2)
    ]


def test_a_completion_is_a_habit_event_with_its_new_streak() -> None:
    (record,) = both_ways("t1", (STREAK,))
    assert record.topic == "scheduling.events.habits"
    assert record.value == (
        b'{"version":1,"habitId":"gym","eventType":"COMPLETED","userId":"ann","habitData":{"name":"Gym",'
        b'"frequency":"DAILY","streak":{"current":13,"longest":28}},"timestamp":"2025-10-27T10:00:00Z"}'
    )
    broken = STREAK.model_copy(update={"change": "STREAK_UPDATED", "streak_current": 0})
    (record,) = both_ways("t1", (broken,))
    assert (
        b'"eventType":"STREAK_UPDATED"' in record.value
        and b'"streak":{"current":0,"longest":28}' in record.value
    )


def test_the_usage_topic_is_renamed_with_the_others() -> None:
    topics = PipelineTopics().suffixed(".run7").outputs
    (record,) = both_ways("t1", (COMPLETED,), topics)
    assert record.topic == "scheduling.analytics.usage.run7"
    assert PipelineTopics().names()["scheduling.analytics.usage"] == "scheduling.analytics.usage"


def test_outcomes_a_host_does_not_write_take_the_models_way() -> None:
    ok = OUTCOMES.dump_python((COMPLETED,), mode="json")[0]
    assert wire_message(ok) is not None
    for odd in ({**ok, "event_type": "CALENDAR_VIEWED"}, {**ok, "item_id": ""}, {**ok, "session_id": "s"}):
        assert wire_message(odd) is None  # the frontend's event, an empty id, a field a host never writes


def _usage(plain: bool) -> st.SearchStrategy[UsageOutcome]:
    zones = st.just(UTC) if plain else st.timedeltas(-timedelta(hours=23), timedelta(hours=23)).map(timezone)
    years = (datetime(2, 1, 1), datetime(9998, 12, 31)) if plain else (datetime.min, datetime.max)
    at = st.datetimes(*years, timezones=zones)
    odd_ids = st.one_of(st.text(max_size=12), st.text(min_size=510, max_size=514))  # empty, over 512
    ident = st.text(min_size=1, max_size=12) if plain else odd_ids
    event = st.sampled_from(("GOAL_CREATED", "HABIT_COMPLETED"))
    return st.builds(UsageOutcome, user_id=ident, at=at, event_type=event, item_id=ident, occurred_at=at)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_usage(plain=True), other_outcomes(plain=True)), min_size=1, max_size=4))
def test_plain_usage_outcomes_are_written_directly_with_the_models_bytes(outcomes: list[Outcome]) -> None:
    outcomes_json = OUTCOMES.dump_json(tuple(outcomes))
    for dumped in OUTCOMES.dump_python(OUTCOMES.validate_json(outcomes_json), mode="json"):
        assert wire_message(dumped) is not None, f"{dumped['kind']} outcome took the models' way"
    both_ways("task-1", tuple(outcomes))


def _written(task_id: str, outcomes_json: bytes, direct: bool) -> object:
    try:
        if direct:
            return records_from_json(task_id, outcomes_json, TOPICS)
        return records_for(task_id, outcomes_of(task_id, outcomes_json), TOPICS)
    except Exception as error:  # the reference's failure, whatever it is, is what must repeat
        return type(error), str(error)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_usage(plain=False), max_size=2))
def test_any_usage_outcomes_give_the_models_records_or_their_error(outcomes: list[Outcome]) -> None:
    outcomes_json = OUTCOMES.dump_json(tuple(outcomes))
    assert _written("t", outcomes_json, direct=True) == _written("t", outcomes_json, direct=False)
