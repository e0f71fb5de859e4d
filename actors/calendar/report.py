"""How a sync tells its result: SYNC_COMPLETED or SYNC_FAILED, CONFLICT_RESOLVED when blocks moved,
and its cost on the analytics topic (Google requests, calendar writes, re-plans)."""

from __future__ import annotations

from collections.abc import Sequence

from actors.outcomes import CalendarBlockOutcome, CalendarUpdateOutcome, Outcome, PerformanceOutcome
from actors.stamp import Stamp


def sync_failed(stamp: Stamp, error: str) -> CalendarUpdateOutcome:
    return CalendarUpdateOutcome(
        user_id=stamp.user_id, at=stamp.at, update_type="SYNC_FAILED", errors=(error,)
    )


def sync_completed(stamp: Stamp, events_processed: int, moved: int) -> CalendarUpdateOutcome:
    return CalendarUpdateOutcome(
        user_id=stamp.user_id,
        at=stamp.at,
        update_type="SYNC_COMPLETED",
        events_processed=events_processed,
        conflicts_resolved=moved,
    )


def _said(change: CalendarBlockOutcome) -> str:
    when = f"{change.start.isoformat()} - {change.end.isoformat()}"
    verbs = {"UPDATED": "moved to", "CREATED": "placed at", "DELETED": "removed from"}
    return f"{change.summary} {verbs[change.change]} {when}"


def conflict_resolved(
    stamp: Stamp, changes: Sequence[CalendarBlockOutcome], writes: int, problems: Sequence[str]
) -> CalendarUpdateOutcome | None:
    """What the re-plan changed, in words; None when nothing moved and nothing was given up."""
    if not changes and not problems:
        return None
    return CalendarUpdateOutcome(
        user_id=stamp.user_id,
        at=stamp.at,
        update_type="CONFLICT_RESOLVED",
        events_processed=writes,
        conflicts_resolved=len(changes),
        errors=(*(_said(change) for change in changes), *problems),
    )


def completed(
    stamp: Stamp,
    calendar: Sequence[CalendarBlockOutcome],
    moves: Sequence[CalendarBlockOutcome],
    events_processed: int,
    writes: int,
    problems: Sequence[str],
) -> list[Outcome]:
    """Steps 5 and 6: the calendar's changes (GOOGLE_CALENDAR) and the worker's (WORKER), then
    CONFLICT_RESOLVED when blocks moved or work was given up, then SYNC_COMPLETED."""
    conflict = conflict_resolved(stamp, moves, writes, problems)
    return [
        *calendar,
        *moves,
        *([conflict] if conflict is not None else []),
        sync_completed(stamp, events_processed, len(moves)),
    ]


def sync_performance(
    stamp: Stamp, ms: float, labels: dict[str, str | int], endpoint: str = "google_calendar/sync"
) -> PerformanceOutcome:
    """EXTERNAL_API_CALL: the sync (or a schedule command's write-back, `endpoint`) as the command saw
    it; requests, writes and re-plans as labels."""
    return PerformanceOutcome(
        user_id=stamp.user_id,
        at=stamp.at,
        metric_type="EXTERNAL_API_CALL",
        value=round(ms, 3),
        labels={"endpoint": endpoint, **labels},
    )
