"""The daily cap: scheduled work (task, goal and focus blocks, frozen ones too) per local day.

Habits and calendar events do not count: the cap limits how much work the optimizer piles on a day.
A block that crosses local midnight counts towards each day by its minutes in that day.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from optimizer.domain import BlockKind
from optimizer.timegrid import local_days
from optimizer.validation.plan import Plan, Violation

CAPPED_KINDS = frozenset({BlockKind.TASK, BlockKind.GOAL, BlockKind.FOCUS})


def check_daily_cap(plan: Plan) -> Iterator[Violation]:
    cap = plan.instance.daily_cap_minutes
    if cap is None:
        return
    capped = [p for p in plan.placements if p.kind in CAPPED_KINDS]
    for day in local_days(plan.instance):
        used = sum(
            (min(p.end, day.end) - max(p.start, day.start)) // timedelta(minutes=1)
            for p in capped
            if p.start < day.end and day.start < p.end
        )
        if used > cap:
            message = f"{used} min of work scheduled on {day.date.isoformat()}, more than the {cap} min cap"
            yield Violation(rule="daily_cap", item_id=day.date.isoformat(), message=message)
