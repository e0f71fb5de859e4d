"""A conflict in plain words: which requirements clash, in which hours, around which meetings.

"habit Gym 3x in week 2026-W02 cannot fit in 07:00-09:00 Mon-Fri with these meetings: Standup
(Mon 08:00), Review (Tue 07:30) and 3 more"
"""

from __future__ import annotations

from collections.abc import Sequence

from optimizer.domain import ALL_DAYS, CalendarEvent
from optimizer.model.built import Built
from optimizer.model.spans import Span, intersect, merge_spans
from optimizer.model.terms import HardRule
from optimizer.model.wording import hours_phrase, when

SHOWN_MEETINGS = 4


def conflict_message(built: Built, core: Sequence[HardRule]) -> str:
    subject = _join([rule.describe for rule in core])
    verb = "cannot fit" if len(core) == 1 else "cannot all fit"
    places = sorted({_where(built, rule)[0] for rule in core})
    where = f"in {places[0]}" if len(places) == 1 else "in their hours"
    spans = merge_spans(span for rule in core for span in _where(built, rule)[1])
    meetings = _meetings(built, spans)
    if not meetings:
        return f"{subject} {verb} {where} in the time left"
    zone = built.ctx.instance.zone
    named = [f"{event.title or 'busy'} ({when(event.start, zone)})" for event in meetings[:SHOWN_MEETINGS]]
    more = len(meetings) - len(named)
    listed = _join(named + ([f"{more} more"] if more else []))
    return f"{subject} {verb} {where} with these meetings: {listed}"


def _where(built: Built, rule: HardRule) -> tuple[str, list[Span]]:
    """The rule's hours in words, and the slots of them it may use."""
    ctx = built.ctx
    for period in built.periods:
        if period.rule == rule.name:
            habit = period.habit
            bounds = (ctx.day_starts[period.days[0]], ctx.day_ends[period.days[-1]])
            allowed = ctx.allowed(habit.hours, habit.custom_hours, habit.allowed_days)
            return hours_phrase(habit.hours, habit.custom_hours, habit.allowed_days), intersect(
                allowed, bounds
            )
    for work in built.works:
        if work.rule == rule.name:
            task = work.task
            due = work.due_slot if work.due_slot is not None else ctx.n_slots
            allowed = ctx.allowed(task.hours, task.custom_hours, ALL_DAYS)
            return hours_phrase(task.hours, task.custom_hours), intersect(allowed, (0, due))
    return "their hours", []


def _meetings(built: Built, spans: list[Span]) -> list[CalendarEvent]:
    ctx = built.ctx
    found = []
    for event in ctx.instance.events:
        lo, hi = ctx.outer(event.start, event.end)
        if event.busy and any(lo < span_hi and span_lo < hi for span_lo, span_hi in spans):
            found.append(event)
    return sorted(found, key=lambda event: (event.start, event.id))


def _join(parts: list[str]) -> str:
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]
