"""A shard host's settings, and the refusal it answers with while stopping."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from actors.activation import Budget
from actors.retry import RetryPolicy


class HostSettings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    budget: Budget = Budget()
    concurrent_commands: int = Field(default=16, gt=0, description="commands running at once per host")
    retry: RetryPolicy = RetryPolicy()
    sequence_gap_timeout_s: float = Field(default=30.0, gt=0, description="see actors.sequencer")
    store_metrics_s: float = Field(
        default=60.0, ge=0, description="seconds between the store's DB_QUERY_TIME metrics; 0: none"
    )


class HostStopped(Exception):
    """The host is stopping and takes no new commands: keep them uncommitted and send them again."""
