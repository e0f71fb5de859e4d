"""Who and when: every outcome of one command carries the same user, command and `at`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Stamp:
    user_id: str
    task_id: str
    at: datetime  # when the command was first applied; replays keep it through the outbox
