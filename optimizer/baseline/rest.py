"""What a task's work still needs while its chunks are placed, and where the chunk completing it may go.

The chunk that completes the effort lasts what is left of it and may be shorter than the smallest
chunk, but only as the last chunk in time, after every chunk of the task already placed. Short is a
matter of minutes, not only of slots: 17 minutes left of a task in chunks of 30-60 minutes reserve
two 15-minute slots, as a whole 30-minute chunk does, yet last less.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from optimizer.domain import Task
from optimizer.durations import lasts


@dataclass(frozen=True)
class Rest:
    slots: int  # slots the rest reserves
    minutes: int  # minutes it lasts
    after: int  # the first slot after the task's chunks already placed
    smallest: int  # minutes of the smallest whole chunk
    largest: int  # minutes of the largest
    slot: int  # minutes per slot

    @classmethod
    def of(cls, task: Task, slots: int, minutes: int, after: int, slot: int) -> Rest:
        return cls(slots, minutes, after, min(task.min_chunk, task.effort), task.max_chunk, slot)

    def shortest(self, low: int, start: int) -> int:
        """The fewest slots a chunk starting at `start` may reserve: `low`, or after the chunks
        placed, all of the rest when that is less."""
        return min(low, self.slots) if start >= self.after else low

    def misplaced(self, start: int, length: int) -> bool:
        """A chunk of `length` slots at `start` would complete the work shorter than the smallest
        chunk, before chunks already placed."""
        return start < self.after and length >= self.slots and self.minutes < self.smallest

    def took(self, length: int) -> Rest:
        """The rest once a whole chunk of `length` slots is placed."""
        taken = lasts(length, self.largest, self.slot)
        return replace(self, slots=self.slots - length, minutes=max(self.minutes - taken, 0))
