"""One readable line per output message: topic, user, command (`taskId` header) and what happened.

Lines never show the sensitive fields (attendees, locations, notification text). A solve's metric says
how many blocks it placed and how many it moved, so a re-plan shows how much of the plan it kept.
"""

from __future__ import annotations

from typing import Any, Protocol

FIRST_ERROR_CHARS = 120


class Described(Protocol):
    """An output read back (ingest/tail.py's Output)."""

    @property
    def topic(self) -> str: ...
    @property
    def key(self) -> str: ...
    @property
    def task_id(self) -> str: ...
    @property
    def body(self) -> dict[str, Any]: ...


def describe(output: Described) -> str:
    topic = output.topic.removeprefix("scheduling.")
    try:
        what = _what(output.body)
    except (KeyError, TypeError, AttributeError, ValueError):  # another shape than the worker writes
        what = "not a message the worker writes"
    return f"{topic:40} {output.key:14} {output.task_id:28} {what}"


def _what(b: dict[str, Any]) -> str:
    if "unreadable" in b:
        return str(b["unreadable"])
    if "eventId" in b:
        data = b.get("eventData") or {}
        start = _instant(data.get("start", {}).get("dateTime", ""))
        return f"{b['eventType']} block {data.get('summary', '')!r} at {start}"
    if "habitId" in b:
        streak = (b.get("habitData") or {}).get("streak") or {}
        return f"{b['eventType']} habit {b['habitId']} streak {streak.get('current', 0)}"
    if "goalId" in b:
        data = b.get("goalData") or {}
        return f"{b['eventType']} goal {b['goalId']} {data.get('title', '')!r} {_progress(data['progress'])}"
    if "notificationId" in b:
        return f"{b['type']} via {b['channel']} for {_instant(b['scheduledFor'])}"
    if "updateType" in b:
        return _update(b["updateType"], b.get("details") or {})
    if "metadata" in b:  # usage analytics
        meta = b.get("metadata") or {}
        return f"{b['eventType']} {meta.get('habitId') or meta.get('goalId') or ''}".rstrip()
    if "metricType" in b:
        return _metric(b)
    return f"{b.get('errorClass')}: {b.get('reason', '')[:120]}"


def _instant(text: str) -> str:
    """To the second: a reminder due right away carries the microseconds of the command's time."""
    head, dot, rest = text.partition(".")
    return head + rest.lstrip("0123456789") if dot else text


def _progress(progress: dict[str, Any]) -> str:
    current, target, unit = progress["current"], progress["target"], progress.get("unit", "")
    if unit == "percentage" and target == 100:
        return f"at {current:g}%"
    return f"at {current:g}/{target:g} {unit}".rstrip()


def _update(update_type: str, details: dict[str, Any]) -> str:
    """The type, what the plan resolved and changed (when it did), and its first error in brief."""
    resolved, changes = details.get("conflictsResolved") or 0, details.get("eventsProcessed") or 0
    counts = [f"{resolved} conflict{'s' * (resolved != 1)} resolved"] if resolved else []
    counts += [f"{changes} calendar change{'s' * (changes != 1)}"] if changes else []
    head = f"{update_type} ({', '.join(counts)})" if counts else update_type
    errors = details.get("errors") or []
    if not errors:
        return head
    more = f" (+{len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{head}: {_brief(str(errors[0]))}{more}"


def _brief(error: str) -> str:
    """Its first sentence, cut at a word if still long: the full text is in the message."""
    sentence = error.split(". ", 1)[0]
    if len(sentence) <= FIRST_ERROR_CHARS:
        return sentence
    return sentence[:FIRST_ERROR_CHARS].rsplit(" ", 1)[0] + " ..."


def _metric(b: dict[str, Any]) -> str:
    labels = b.get("labels", {})
    if "calls" in labels:  # a state store's window (DB_QUERY_TIME)
        count = labels["calls"]
        calls = f"{labels.get('endpoint', '')}, {count} call{'' if count == 1 else 's'}"
        calls += f", p99 {labels.get('p99Us', 0) / 1000:g} ms"
        return f"{b['metricType']} {b['value']} {b['unit']} {calls}"
    # A solve's status (`status` in records of older versions), else a Google call's HTTP status.
    status = labels.get("solverStatus", labels.get("status", labels.get("statusCode", "")))
    line = f"{b['metricType']} {b['value']} {b['unit']} {status}"
    if "placed" in labels:
        line += f", placed {labels['placed']} moved {labels.get('moved', 0)}"
    return line
