"""The spec's retry policy: 3 retries after the first attempt, delays 1 s, 2 s, 4 s, capped at 30 s.

A request that cannot be decoded fails the same way every time, so it is not retried: it goes to the
dead letters at once.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace

from pydantic import BaseModel, ConfigDict, Field

from actors.contract import ItemResult, WorkItem
from actors.requests import InvalidRequest

log = logging.getLogger(__name__)


class RetryPolicy(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    max_retries: int = Field(default=3, ge=0)
    backoff_multiplier: float = Field(default=2.0, ge=1.0)
    initial_delay_s: float = Field(default=1.0, ge=0)
    max_delay_s: float = Field(default=30.0, ge=0)

    @property
    def max_attempts(self) -> int:
        return 1 + self.max_retries

    def delay_before(self, attempt: int) -> float:
        """Seconds to wait before attempt number `attempt` (2 is the first retry)."""
        if attempt < 2:
            return 0.0
        return min(self.initial_delay_s * self.backoff_multiplier ** (attempt - 2), self.max_delay_s)


def is_retryable(error: BaseException) -> bool:
    """A request that cannot be decoded fails the same way every time: it goes to the dead letters at once."""
    return not isinstance(error, InvalidRequest)


async def with_retries(
    item: WorkItem,
    policy: RetryPolicy,
    attempt: Callable[[], Awaitable[ItemResult]],
    on_failure: Callable[[BaseException], None],
) -> ItemResult:
    """The first successful attempt's result, or after the last attempt a result naming the error."""
    error: BaseException = RuntimeError("no attempt was made")
    for number in range(1, policy.max_attempts + 1):
        await asyncio.sleep(policy.delay_before(number))
        try:
            result = await attempt()
        except Exception as failure:
            error = failure
            on_failure(failure)
            log.warning("task %s attempt %d failed: %s", item.task_id, number, type(failure).__name__)
            if not is_retryable(failure):
                break
        else:
            return replace(result, attempts=number)
    reason = getattr(error, "reason", None) or str(error) or type(error).__name__
    return ItemResult(
        item.task_id, item.user_id, error_class=type(error).__name__, reason=reason, attempts=number
    )
