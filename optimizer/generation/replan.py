"""A generated week some hours into it: what re-planning starts from."""

from __future__ import annotations

import random
from datetime import timedelta

from optimizer.domain import Instance, PlacedBlock
from optimizer.greedy import greedy_plan


def later(rng: random.Random, instance: Instance) -> Instance:
    """The same week some hours later: a previous plan (made before a few meetings arrived), its
    started blocks frozen, a few locked, and a freeze window after `now`."""
    earlier = instance.model_copy(update={"events": instance.events[: len(instance.events) * 4 // 5]})
    previous = greedy_plan(earlier, include_tasks=True)
    plan = tuple(
        PlacedBlock(
            item_id=p.item_id,
            kind=p.kind,
            occurrence=p.occurrence,
            start=p.start,
            end=p.end,
            locked=rng.random() < 0.05,
        )
        for p in previous
    )
    now = instance.horizon_start + timedelta(hours=rng.choice((6, 8, 10, 30)), minutes=rng.choice((0, 7, 30)))
    return instance.model_copy(
        update={
            "now": now,
            "freeze_until": now + timedelta(hours=rng.choice((0, 1, 2))),
            "previous_plan": plan,
        }
    )
