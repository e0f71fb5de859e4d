"""A calendar sync that fails for good tells its user, not only the dead letters.

The dead-letter topic is read by monitoring; the user learns of a sync only from
`scheduling.notifications.calendar-updates`. So a SYNC_CALENDAR command whose last attempt failed
also gets a SYNC_FAILED there, next to its dead-letter record. Its error names the kind of failure
and the attempts, never the failure's message, which may quote calendar data.
"""

from __future__ import annotations

import logging
from datetime import datetime

from actors.contract import ItemResult
from actors.outcomes import CalendarUpdateOutcome
from ingest.messages import MessageError
from ingest.outputs import OutputRecord, records_for
from ingest.pipeline_config import OutputTopics

log = logging.getLogger(__name__)


def sync_failed_records(result: ItemResult, at: datetime, topics: OutputTopics) -> list[OutputRecord]:
    attempts = f"{result.attempts} attempt{'s' if result.attempts != 1 else ''}"
    error = (
        f"the calendar sync did not complete ({result.error_class or 'ProcessingFailed'} after "
        f"{attempts}); the next sync of this calendar picks up where the last completed one left off"
    )
    failed = CalendarUpdateOutcome(user_id=result.user_id, at=at, update_type="SYNC_FAILED", errors=(error,))
    try:
        return records_for(result.task_id, (failed,), topics)
    except MessageError:  # the dead letter still goes; the notice is what cannot be written
        log.warning("the SYNC_FAILED notice of task %s cannot be written", result.task_id)
        return []
