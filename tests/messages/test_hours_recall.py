"""Hours checked once and recalled later give exactly what a full check gives, and nothing is shared."""

from __future__ import annotations

from typing import Annotated, Any

from hypothesis import given
from hypothesis import strategies as st
from pydantic import AfterValidator, TypeAdapter, ValidationError

from ingest.messages.task_data import (
    DEFAULT_PERSONAL_HOURS,
    DEFAULT_WORKING_HOURS,
    ScheduleHabitsData,
    TimeWindow,
    Weekday,
    WeeklyHours,
)
from ingest.messages.task_data.hours import _disjoint
from ingest.messages.task_data.recall import _key

HOURS = TypeAdapter(WeeklyHours)
# The same type without the recall: the reference for what a full check gives.
CHECKED = TypeAdapter(Annotated[dict[Weekday, tuple[TimeWindow, ...]], AfterValidator(_disjoint)])

clock = st.sampled_from(["00:00", "07:30", "09:00", "12:00", "17:00", "23:59", "24:00", "9:00", "25:00", ""])
window = st.fixed_dictionaries({"start": clock, "end": clock})
days = st.sampled_from([*(day.value for day in Weekday), "FUNDAY"])
hours = st.dictionaries(days, st.lists(window, max_size=3), max_size=3)


def _outcome(raw: object, adapter: TypeAdapter[Any] = HOURS) -> object:
    try:
        return adapter.validate_python(raw)
    except ValidationError as error:
        return error.errors(include_url=False, include_context=False)


@given(hours)
def test_recalled_hours_equal_a_first_check_and_failures_repeat_in_full(raw: dict[str, Any]) -> None:
    reference = _outcome(raw, CHECKED)
    assert _outcome(raw) == reference
    assert _outcome(raw) == reference  # recalled when it passed, checked again when it failed


def test_recalled_hours_are_a_new_dict_each_time() -> None:
    raw = {"MON": [{"start": "09:00", "end": "17:00"}]}
    first = HOURS.validate_python(raw)
    first[Weekday.TUE] = ()
    again = HOURS.validate_python(raw)
    assert again == {Weekday.MON: first[Weekday.MON]} and again is not first
    assert again[Weekday.MON] is first[Weekday.MON]  # recalled, not checked again


def test_overlapping_hours_are_refused_every_time() -> None:
    raw = {"TUE": [{"start": "09:00", "end": "12:00"}, {"start": "11:00", "end": "13:00"}]}
    for _ in range(3):
        error = _outcome(raw)
        assert isinstance(error, list) and "overlap" in error[0]["msg"]
    assert _disjoint({}) == {}


def test_only_plain_json_text_is_recalled() -> None:
    assert _key({"MON": [{"start": "09:00", "end": "17:00"}]}) is not None
    assert _key({"MON": [{"start": 9, "end": "17:00"}]}) is None
    assert _key({"MON": ({"start": "09:00", "end": "17:00"},)}) is None
    assert _key([]) is None
    # the layout is part of the key: two windows and one window with more fields never meet
    two = {"MON": [{"start": "a"}, {"end": "b"}]}
    one = {"MON": [{"start": "a", "end": "b"}]}
    assert _key(two) != _key(one)


def test_default_hours_are_a_new_dict_per_message_and_equal_the_defaults() -> None:
    first, second = ScheduleHabitsData(), ScheduleHabitsData()
    assert first.working_hours == DEFAULT_WORKING_HOURS and first.personal_hours == DEFAULT_PERSONAL_HOURS
    assert first.working_hours is not second.working_hours
    first.working_hours.clear()
    assert ScheduleHabitsData().working_hours == DEFAULT_WORKING_HOURS
