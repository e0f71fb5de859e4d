"""Small parts shared by events and payload data, so a goal or habit has one shape everywhere."""

from __future__ import annotations

from pydantic import Field, model_validator

from ingest.messages.base import WireModel
from ingest.messages.types import Amount


class Progress(WireModel):
    """How far a goal has come, in the goal's own unit."""

    current: Amount = Field(default=0, ge=0)
    """Progress so far."""
    target: Amount = Field(default=100, gt=0)
    """Progress at which the goal is reached."""
    unit: str = "percentage"
    """Unit of `current` and `target`, such as 'percentage', 'pages' or 'km'."""


class Streak(WireModel):
    """Consecutive periods in which a habit was done."""

    current: int = Field(default=0, ge=0)
    """Length of the running streak, in periods of the habit's frequency."""
    longest: int = Field(default=0, ge=0)
    """Longest streak ever reached."""

    @model_validator(mode="after")
    def _longest_covers_current(self) -> Streak:
        if self.longest < self.current:
            raise ValueError("longest must be at least current")
        return self
