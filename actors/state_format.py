"""Which format a stored state is in, and the refusal of one written by a newer worker.

States refuse fields they do not know, so a worker rolled back to an older version cannot read a
state a newer one wrote with more fields. Saving what it could read would drop the newer fields for
good (streak counters, reminder policies), so it refuses instead, with an error that says what
happened: the command is dead-lettered at once, not retried, and can be replayed once the newer
worker is back. Every change to the stored form bumps `actors.state.STATE_FORMAT`; a test pins the
form to its format number.
"""

from __future__ import annotations

_PREFIX = b'{"format":'  # how `UserState` is written: its first field is the format


class StateFromNewerWorker(RuntimeError):
    """A stored state in a format this worker does not know yet."""

    retryable = False  # the same until the worker is upgraded: dead-letter the command at once

    def __init__(self, found: int, known: int) -> None:
        super().__init__(
            f"the user's state was written by a newer worker (state format {found}; this worker reads "
            f"formats up to {known}): run the newer worker again, then replay this command from the "
            "dead letters"
        )


def stored_format(raw: bytes) -> int | None:
    """The format number a stored state's JSON starts with, if it starts with one."""
    if not raw.startswith(_PREFIX):
        return None
    end = raw.find(b",", len(_PREFIX), len(_PREFIX) + 12)
    digits = raw[len(_PREFIX) : end]
    return int(digits) if end > 0 and digits.isdigit() else None


def check_format(raw: bytes, known: int) -> None:
    found = stored_format(raw)
    if found is not None and found > known:
        raise StateFromNewerWorker(found, known)
