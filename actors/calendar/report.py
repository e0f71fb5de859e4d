"""How a sync tells its result, by the same rule as a solve (actors/report.py), and its cost on the
analytics topic (Google requests, calendar writes, re-plans).

CONFLICT_RESOLVED when the re-plan moved blocks off what now overlaps them (the user's events, their
edits of our blocks): `conflictsResolved` counts the blocks it moved, placed or removed, `errors` name
only what is still unresolved. Then SYNC_COMPLETED, or SYNC_FAILED. Each unresolved problem is told
once: on the CONFLICT_RESOLVED when there is one, else on the SYNC_COMPLETED."""

from __future__ import annotations

from collections.abc import Sequence

from actors.outcomes import CalendarBlockOutcome, CalendarUpdateOutcome, Outcome, PerformanceOutcome
from actors.stamp import Stamp


def sync_failed(stamp: Stamp, error: str) -> CalendarUpdateOutcome:
    return CalendarUpdateOutcome(
        user_id=stamp.user_id, at=stamp.at, update_type="SYNC_FAILED", errors=(error,)
    )


def sync_completed(
    stamp: Stamp, events_processed: int, moved: int, problems: Sequence[str] = ()
) -> CalendarUpdateOutcome:
    return CalendarUpdateOutcome(
        user_id=stamp.user_id,
        at=stamp.at,
        update_type="SYNC_COMPLETED",
        events_processed=events_processed,
        conflicts_resolved=moved,
        errors=tuple(problems),
    )


def conflict_resolved(
    stamp: Stamp, changes: Sequence[CalendarBlockOutcome], writes: int, problems: Sequence[str]
) -> CalendarUpdateOutcome | None:
    """The blocks the re-plan changed to clear conflicts, and what it left unresolved; None when it
    changed nothing (nothing was resolved)."""
    if not changes:
        return None
    return CalendarUpdateOutcome(
        user_id=stamp.user_id,
        at=stamp.at,
        update_type="CONFLICT_RESOLVED",
        events_processed=writes,
        conflicts_resolved=len(changes),
        errors=tuple(problems),
    )


def replan_notice(
    stamp: Stamp, changes: Sequence[CalendarBlockOutcome], writes: int, problems: Sequence[str]
) -> CalendarUpdateOutcome | None:
    """A write-back's re-plan outside a sync: CONFLICT_RESOLVED when it changed blocks, else a
    SYNC_COMPLETED naming what it gave up, else nothing."""
    conflict = conflict_resolved(stamp, changes, writes, problems)
    if conflict is None and problems:
        return sync_completed(stamp, writes, 0, problems)
    return conflict


def completed(
    stamp: Stamp,
    calendar: Sequence[CalendarBlockOutcome],
    moves: Sequence[CalendarBlockOutcome],
    events_processed: int,
    writes: int,
    problems: Sequence[str],
) -> list[Outcome]:
    """Steps 5 and 6: the calendar's changes (GOOGLE_CALENDAR) and the worker's (WORKER), then
    CONFLICT_RESOLVED when blocks moved, then SYNC_COMPLETED."""
    conflict = conflict_resolved(stamp, moves, writes, problems)
    left = problems if conflict is None else ()
    return [
        *calendar,
        *moves,
        *([conflict] if conflict is not None else []),
        sync_completed(stamp, events_processed, len(moves), left),
    ]


def sync_performance(
    stamp: Stamp, ms: float, labels: dict[str, str | int], endpoint: str = "google_calendar/sync"
) -> PerformanceOutcome:
    """EXTERNAL_API_CALL: the sync (or a schedule command's write-back, `endpoint`) as the command saw
    it; requests, writes and re-plans as labels, and the `method` and `statusCode` of the last Google
    request (`CalendarCalls.http_labels`) when one was answered."""
    return PerformanceOutcome(
        user_id=stamp.user_id,
        at=stamp.at,
        metric_type="EXTERNAL_API_CALL",
        value=round(ms, 3),
        labels={"endpoint": endpoint, **labels},
    )
