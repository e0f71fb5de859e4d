"""The parts of a planning payload in the optimizer's terms: hours, habits, tasks, goals, options.

Each function returns the fields of the domain model as a dict, which `translate.instance_for`
validates as a whole, so a value the domain refuses is reported with its field path. Hours are the
exception: their windows come already built, since users send the same hours with every command.
"""

from __future__ import annotations

from datetime import time
from functools import lru_cache
from typing import Any

from pydantic import ValidationError

from ingest.messages.task_data import (
    FocusPolicy,
    Goal,
    Habit,
    ItemPriority,
    PlanningData,
    Task,
    Weekday,
    WeeklyHours,
)
from optimizer import domain


def hours(weekly: WeeklyHours | None) -> dict[domain.Weekday, Any] | None:
    if weekly is None:
        return None
    return {_DAYS[day]: _windows(tuple((w.start, w.end) for w in spans)) for day, spans in weekly.items()}


_DAYS = {day: domain.Weekday[day.value] for day in Weekday}

Spans = tuple[tuple[time, time], ...]


def _windows(spans: Spans) -> tuple[domain.TimeWindow, ...] | list[dict[str, time]]:
    try:
        return _built_windows(spans)
    except ValidationError:  # left to the instance's validation, which names the field
        return [{"start": start, "end": end} for start, end in spans]


@lru_cache(maxsize=4096)
def _built_windows(spans: Spans) -> tuple[domain.TimeWindow, ...]:
    # Users send the same hours again and again; a built (immutable) window is taken by the instance
    # as it is, where windows given as dicts were validated one by one on every command.
    return tuple(domain.TimeWindow(start=start, end=end) for start, end in spans)


@lru_cache(maxsize=256)
def _days(days: tuple[Weekday, ...]) -> frozenset[domain.Weekday]:
    return frozenset(_DAYS[day] for day in days)


def _priority(value: ItemPriority) -> domain.Priority:
    return domain.Priority[value.value]


def habit(wire: Habit) -> dict[str, Any]:
    shortest, longest = wire.duration_range
    return {
        "id": wire.id,
        "name": wire.name or wire.id,
        "min_duration": shortest,
        "max_duration": longest,
        "frequency": wire.frequency.value,
        "times_per_period": wire.times_per_period,
        "allowed_days": _days(wire.allowed_days),
        "hours": wire.hours.value,
        "custom_hours": hours(wire.custom_hours),
        "ideal_time": wire.ideal_time,
        "priority": _priority(wire.priority),
        "buffer_before": wire.buffer_before_minutes,
        "buffer_after": wire.buffer_after_minutes,
        "min_spacing": wire.min_spacing_minutes,
        "defended": wire.defended,
    }


def _chunks(item: Task | Goal) -> dict[str, Any]:
    return {
        "id": item.id,
        "title": item.title or item.id,
        "min_chunk": item.min_chunk_minutes,
        "max_chunk": item.max_chunk_minutes,
        "priority": _priority(item.priority),
        "hours": item.hours.value,
        "custom_hours": hours(item.custom_hours),
    }


def task(wire: Task) -> dict[str, Any]:
    due = {"earliest_start": wire.earliest_start, "due": wire.due, "due_is_hard": wire.due_is_hard}
    return {**_chunks(wire), **due, "effort": wire.effort_minutes, "depends_on": wire.depends_on}


def goal(wire: Goal) -> dict[str, Any]:
    progress = {"progress_current": wire.progress.current, "progress_target": wire.progress.target}
    return {**_chunks(wire), **progress, "target_date": wire.target_date, "effort": wire.effort_minutes}


def options(data: PlanningData) -> dict[str, Any]:
    wire = data.options
    # Only a limit the command names is passed on: otherwise the host applies its priority's limit.
    chosen: dict[str, Any] = {"use_hint": wire.use_hint, "priority_mode": wire.priority_mode.value}
    if wire.time_limit_ms is not None:
        chosen["time_limit_s"] = wire.time_limit_ms / 1000
    if wire.random_seed is not None:
        chosen["random_seed"] = wire.random_seed
    return chosen


def focus(policy: FocusPolicy) -> dict[str, Any]:
    kind = "WORKING" if policy.hours == "CUSTOM" else policy.hours.value  # CUSTOM has no windows here
    return {"min_block": policy.min_block_minutes, "daily_minutes": policy.daily_minutes, "hours": kind}
