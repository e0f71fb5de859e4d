"""The spec's retry policy: 3 retries after the first attempt, delays 1 s, 2 s, 4 s, capped at 30 s.

A request that cannot be decoded fails the same way every time, so it is not retried: it goes to the
dead letters at once. So does a Google Calendar answer that says trying again cannot help (a bad
request, a calendar that does not exist): its error says so (`retryable`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace

from pydantic import BaseModel, ConfigDict, Field

from actors.contract import ItemResult, WorkItem
from actors.request_codec import InvalidRequest

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
    """Whether another attempt may succeed: not for a request that cannot be decoded, nor for an error
    that knows it would be the same next time (`retryable`, as the Google Calendar edge's errors say)."""
    knows = getattr(error, "retryable", None)
    if isinstance(knows, bool):
        return knows
    return not isinstance(error, InvalidRequest)


async def with_retries(
    item: WorkItem,
    policy: RetryPolicy,
    attempt: Callable[[], Awaitable[ItemResult]],
    on_failure: Callable[[BaseException], None],
    failed: BaseException | None = None,
    first: int = 1,
) -> ItemResult:
    """The first successful attempt's result, or after the last attempt a result naming the error.
    `first` > 1 goes on after attempts made elsewhere, the last of which failed with `failed`."""
    error: BaseException = failed or RuntimeError("no attempt was made")
    number = first - 1
    if failed is not None and not is_retryable(failed):
        return _dead(item, error, number)
    for number in range(first, policy.max_attempts + 1):
        delay = policy.delay_before(number)
        if delay > 0:  # a first attempt does not yield to the loop first
            await asyncio.sleep(delay)
        try:
            result = await attempt()
        except Exception as failure:
            error = failure
            on_failure(failure)
            log.warning("task %s attempt %d failed: %s", item.task_id, number, type(failure).__name__)
            if not is_retryable(failure):
                break
        else:
            return result if number == 1 else replace(result, attempts=number)
    return _dead(item, error, number)


def _dead(item: WorkItem, error: BaseException, number: int) -> ItemResult:
    # The message, not a `reason` attribute: a Google error's is Google's short code ("notFound").
    reason = str(error) or type(error).__name__
    return ItemResult(
        item.task_id, item.user_id, error_class=type(error).__name__, reason=reason, attempts=number
    )
