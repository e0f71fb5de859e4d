"""The start plan is priced even when the time is up: without it the search would start cold."""

from __future__ import annotations

from optimizer.generate import FAMILIES
from optimizer.model.runner import Clock
from optimizer.model.start_plan import build_model, start_plan
from optimizer.model.warm_start import warm_start
from optimizer.solve import score_plan


def test_a_start_is_priced_when_no_time_is_left() -> None:
    instance = FAMILIES["typical"](1)
    plan = start_plan(instance, "schedule")
    built = build_model("schedule", instance, [plan])
    start = warm_start(built, "schedule", plan, built.rules, Clock(0.0))
    assert start.outcome is not None and start.outcome.solved
    assert start.outcome.objective == score_plan(instance, plan, kind="schedule")[0]
