"""Focus time on the grid: per local day, blocks of at least `min_block` in the policy's hours,
together up to `daily_minutes` (a day with no such hours gets none)."""

from __future__ import annotations

from collections.abc import Mapping

from optimizer.domain import ALL_DAYS, BlockKind
from optimizer.model.blocks import BlockSpec, coarse_choices
from optimizer.model.context import Context
from optimizer.model.demands import FocusDay
from optimizer.model.spans import intersect

FOCUS_ID = "focus"


def focus_days(ctx: Context, counts: Mapping[str, int]) -> list[FocusDay]:
    """`counts` gives how many focus blocks some plan puts on a day, by local date."""
    policy = ctx.instance.focus
    if policy is None or policy.daily_minutes == 0:
        return []
    low = ctx.slots(policy.min_block)
    target = max(ctx.slots(policy.daily_minutes), low)
    allowed = ctx.allowed(policy.hours, None, ALL_DAYS)
    days = []
    for index, day in enumerate(ctx.days):
        bounds = (ctx.day_starts[index], ctx.day_ends[index])
        choices = coarse_choices(ctx, intersect(allowed, bounds), list(ctx.fixed.guarded), low)
        if not choices:
            continue
        label = day.date.isoformat()
        count = max(counts.get(label, 0), target // low)
        blocks = tuple(
            BlockSpec(
                name=f"focus@{label}#{k}",
                item_id=FOCUS_ID,
                kind=BlockKind.FOCUS,
                title="Focus",
                min_len=low,
                max_len=target,
                choices=choices,
                coarse=True,
            )
            for k in range(count)
        )
        days.append(FocusDay(index, label, target, blocks))
    return days
