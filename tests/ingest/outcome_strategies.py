"""Hypothesis strategies for outcomes of every kind, within the wire's rules or anywhere beyond them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any, get_args

from hypothesis import strategies as st

from actors.contract import CommandPriority
from actors.outcomes import (
    CalendarBlockOutcome,
    CalendarUpdateOutcome,
    GoalOutcome,
    HabitOutcome,
    Outcome,
    PerformanceOutcome,
    ReminderOutcome,
)


def _choice(model: type[Any], name: str) -> st.SearchStrategy[Any]:
    return st.sampled_from(get_args(model.model_fields[name].annotation))


def outcomes(plain: bool) -> st.SearchStrategy[Outcome]:
    """Outcomes of all six kinds; `plain` keeps them within every wire rule, otherwise anything goes."""
    minutes = st.integers(-23 * 60 - 59, 23 * 60 + 59).map(lambda m: timezone(timedelta(minutes=m)))
    odd = st.timedeltas(-timedelta(hours=23), timedelta(hours=23)).map(timezone)  # seconds, microseconds
    zones = st.one_of(st.just(UTC), minutes) if plain else odd
    years = (datetime(2, 1, 1), datetime(9998, 12, 31)) if plain else (datetime.min, datetime.max)
    at = st.datetimes(*years, timezones=zones)
    text = st.text(max_size=12)  # any unicode: control characters, astral planes, quotes, escapes
    ident = st.text(min_size=1, max_size=12) if plain else st.text(max_size=12)
    count = st.integers(0, 10**6) if plain else st.one_of(st.integers(-2, 6), st.integers(0, 10**20))
    number = st.floats(0, 1e300) if plain else st.one_of(st.floats(), st.integers(-(10**20), 10**20))
    common = {"user_id": ident, "at": at}
    calendar = st.builds(
        CalendarBlockOutcome,
        **common,
        event_id=ident,
        change=_choice(CalendarBlockOutcome, "change"),
        calendar_id=ident,
        summary=text,
        start=at,
        end=at,
        source=_choice(CalendarBlockOutcome, "source"),
    )
    habit = st.builds(
        HabitOutcome,
        **common,
        habit_id=ident,
        change=_choice(HabitOutcome, "change"),
        name=text,
        frequency=_choice(HabitOutcome, "frequency"),
        streak_current=count,
        streak_longest=count,
    ).filter(lambda h: not plain or h.streak_longest >= h.streak_current)
    goal = st.builds(
        GoalOutcome,
        **common,
        goal_id=ident,
        change=_choice(GoalOutcome, "change"),
        title=text,
        goal_type=_choice(GoalOutcome, "goal_type"),
        target_date=at,
        progress_current=number,
        progress_target=number.filter(lambda n: not plain or n > 0),
        progress_unit=text,
    )
    reminder = st.builds(
        ReminderOutcome,
        **common,
        notification_id=ident,
        reminder_type=_choice(ReminderOutcome, "reminder_type"),
        channel=_choice(ReminderOutcome, "channel"),
        priority=st.sampled_from(CommandPriority),
        title=text,
        message=text,
        action_url=text,
        scheduled_for=at,
    )
    update = st.builds(
        CalendarUpdateOutcome,
        **common,
        update_type=_choice(CalendarUpdateOutcome, "update_type"),
        events_processed=count,
        conflicts_resolved=count,
        errors=st.lists(text, max_size=3).map(tuple),
    )
    performance = st.builds(
        PerformanceOutcome,
        **common,
        metric_type=_choice(PerformanceOutcome, "metric_type"),
        value=number,
        unit=st.text(min_size=1, max_size=12) if plain else text,
        labels=st.dictionaries(text, st.one_of(text, count), max_size=3),
    )
    return st.one_of(calendar, habit, goal, reminder, update, performance)  # fmt: skip
