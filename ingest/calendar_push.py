"""Google Calendar push notifications in, SYNC_CALENDAR commands out on `scheduling.commands`.

The command id is derived from the channel id and Google's message number (carried in `reason`), so a
notification Google delivers twice becomes one command replayed, which the user actor answers from its
outbox. `enqueue` waits for the broker's acknowledgement: when it fails, the endpoint answers 503 and
Google delivers the notification again later.
"""

from __future__ import annotations

from datetime import UTC, datetime

from confluent_kafka import Producer

from ingest.messages import Command, Priority, SyncCalendarData, encode, message_key
from ingest.messages.ids import derive_id
from ingest.messages.task_data.kinds import SyncReason

PUSH_ID_SCOPE = "google-calendar-push"


def push_command(user_id: str, calendar_id: str, reason: str, now: datetime | None = None) -> Command:
    data = SyncCalendarData(calendar_id=calendar_id, full_sync=False, reason=SyncReason.PUSH)
    return Command.create(
        task_id=derive_id(PUSH_ID_SCOPE, user_id, reason),
        user_id=user_id,
        data=data,
        timestamp=now or datetime.now(UTC),
        priority=Priority.NORMAL,
    )


class CommandEnqueuer:
    """`enqueue(user_id, calendar_id, reason)` for `PushReceiver`: one acknowledged produce per call.

    `topic` is the commands topic the deployment's workers read (`pipeline.resolved_topics.commands`),
    which a suffix or a rename makes differ from the catalog's name.
    """

    def __init__(self, producer: Producer, topic: str, timeout_s: float = 5.0) -> None:
        self._producer = producer
        self._topic = topic
        self._timeout_s = timeout_s

    def __call__(self, user_id: str, calendar_id: str, reason: str) -> None:
        command = push_command(user_id, calendar_id, reason)
        failures: list[str] = []

        def delivered(error: object, _message: object) -> None:
            if error is not None:
                failures.append(str(error))

        self._producer.produce(self._topic, encode(command), message_key(command), on_delivery=delivered)
        if self._producer.flush(self._timeout_s) or failures:
            reason_text = failures[0] if failures else f"no acknowledgement within {self._timeout_s} s"
            raise RuntimeError(
                f"SYNC_CALENDAR for a push notification not delivered to {self._topic}: {reason_text}"
            )
