"""Streaks by the user's calendar: completions count once, a whole period without one breaks the streak,
and a habit new to the worker starts from the streak the product gave."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from actors.requests import StreakSeed
from actors.state import HabitRecord
from actors.streaks import complete, lapse, period, started
from optimizer.domain import Frequency
from tests.actors.builders import gym

MON = date(2025, 3, 3)
AT = datetime(2025, 3, 3, 7, 30, tzinfo=UTC)


def test_two_completions_of_one_day_both_count_but_move_the_streak_once() -> None:
    first = complete(HabitRecord(name="Gym"), MON, AT)
    assert first is not None and (first.streak_current, first.last_done_at) == (1, AT)
    second = complete(first, MON, AT + timedelta(hours=10))
    assert second is not None and second.streak_current == 1  # a new completion, the same period
    assert complete(second, MON, AT + timedelta(hours=10)) is None  # the same completion again
    assert complete(second, MON, AT) is None  # one older than the newest counted: never rewritten


def test_a_completion_known_only_by_its_day_covers_the_whole_day() -> None:
    by_day = complete(HabitRecord(name="Gym"), MON)
    assert by_day is not None
    assert complete(by_day, MON, AT + timedelta(hours=12)) is None
    assert complete(by_day, MON + timedelta(days=1), AT + timedelta(days=1)) is not None


def test_weekly_periods_are_iso_weeks() -> None:
    sunday, next_monday = MON + timedelta(days=6), MON + timedelta(days=7)
    assert period(MON, Frequency.WEEKLY) == period(sunday, Frequency.WEEKLY)
    assert period(next_monday, Frequency.WEEKLY) == period(sunday, Frequency.WEEKLY) + 1
    assert period(next_monday, Frequency.DAILY) == period(sunday, Frequency.DAILY) + 1


def test_a_streak_breaks_only_after_a_whole_period_without_a_completion() -> None:
    done = HabitRecord(name="Gym", streak_current=4, streak_longest=6, last_done=MON)
    assert lapse(done, MON + timedelta(days=1)) is None  # today can still keep it
    broken = lapse(done, MON + timedelta(days=2))
    assert broken is not None and (broken.streak_current, broken.streak_longest) == (0, 6)
    assert lapse(broken, MON + timedelta(days=9)) is None  # already broken: nothing more to say
    weekly = done.model_copy(update={"frequency": Frequency.WEEKLY})
    assert lapse(weekly, MON + timedelta(days=13)) is None  # Sunday of the next week
    assert lapse(weekly, MON + timedelta(days=14)) is not None  # a whole week passed
    assert lapse(done, MON - timedelta(days=5)) is None  # a command older than the last completion


def test_a_new_habit_starts_from_the_given_streak_alive_through_yesterday() -> None:
    seeded = started(gym(), StreakSeed(current=12, longest=28), MON)
    assert (seeded.streak_current, seeded.streak_longest, seeded.last_done) == (12, 28, MON - timedelta(1))
    today = complete(seeded, MON, AT)
    assert today is not None and (today.streak_current, today.streak_longest) == (13, 28)
    assert complete(seeded, MON - timedelta(days=1), AT - timedelta(days=1)) is None  # already counted
    assert lapse(seeded, MON + timedelta(days=1)) is not None  # Monday passed without one
    weekly = started(gym(frequency="WEEKLY"), StreakSeed(current=3, longest=3), MON + timedelta(days=2))
    assert period(weekly.last_done or MON, Frequency.WEEKLY) == period(MON, Frequency.WEEKLY) - 1
    nothing = started(gym(), StreakSeed(current=0, longest=5), MON)
    assert (nothing.streak_current, nothing.streak_longest, nothing.last_done) == (0, 5, None)
    assert started(gym(times_per_period=2), None, MON) == HabitRecord(name="Gym", times_per_period=2)


def test_a_period_counts_once_done_its_times_per_period() -> None:
    twice = HabitRecord(name="Gym", times_per_period=2)
    once = complete(twice, MON, AT)
    assert once is not None and once.streak_current == 0  # half of Monday's
    full = complete(once, MON, AT + timedelta(hours=9))
    assert full is not None and (full.streak_current, full.last_met) == (1, MON)
    extra = complete(full, MON, AT + timedelta(hours=12))
    assert extra is not None and extra.streak_current == 1  # a third time: Monday already counted
    tuesday = complete(extra, MON + timedelta(days=1), AT + timedelta(days=1))
    assert tuesday is not None and tuesday.streak_current == 1  # Tuesday only half done so far
    assert lapse(tuesday, MON + timedelta(days=1)) is None  # Tuesday can still be done in full
    broken = lapse(tuesday, MON + timedelta(days=2))  # Tuesday ended half done
    assert broken is not None and broken.streak_current == 0
    seeded = started(gym(times_per_period=2), StreakSeed(current=5, longest=5), MON)
    first = complete(seeded, MON, AT)
    assert first is not None and first.streak_current == 5
    second = complete(first, MON, AT + timedelta(hours=1))
    assert second is not None and second.streak_current == 6


def test_a_record_stored_before_periods_were_counted_keeps_its_streak() -> None:
    stored = HabitRecord.model_validate_json(
        '{"name":"Gym","frequency":"DAILY","streak_current":3,"streak_longest":3,"last_done":"2025-03-03"}'
    )
    assert lapse(stored, MON + timedelta(days=1)) is None
    again = complete(stored, MON, AT)
    assert again is None  # Monday was counted as a whole day
    tuesday = complete(stored, MON + timedelta(days=1), AT + timedelta(days=1))
    assert tuesday is not None and tuesday.streak_current == 4
