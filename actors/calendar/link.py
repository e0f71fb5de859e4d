"""What a user's state keeps about their calendar connection and about how their plan was asked for."""

from __future__ import annotations

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from actors.requests import ReminderPolicy
from optimizer.domain import Instance


class CalendarLink(BaseModel):
    """The user's Google Calendar connection. `grant` is sealed (actors.google_calendar.vault): the
    refresh token is never stored in the clear. `sync_token` is where the last completed sync left off."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    grant: str = Field(description="sealed OAuthGrant; opens only with the vault key and this user's id")
    calendar_id: str = "primary"
    sync_token: str | None = None
    reconnect_needed: bool = False
    shown_blocks: tuple[str, ...] = Field(default=(), description="plan blocks last left on the calendar")
    api_events: tuple[str, ...] = Field(
        default=(), description="ids of the stored events that schedule commands brought (source API)"
    )
    connected_at: AwareDatetime | None = None


class PlanningBasis(BaseModel):
    """The last schedule command's instance (without its events and plan): what a re-plan after a
    calendar change solves again, with the calendar's events and the stored plan put back in."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    task_type: str
    instance: Instance
    reminders: ReminderPolicy = ReminderPolicy()  # re-plans remind as the command asked
