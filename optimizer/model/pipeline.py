"""One solve from instance to `Solution`: start plan, search, explanation, extraction.

1. Requirements that fail on their own are given up and reported at once (`impossible`).
2. The start is the greedy plan (habits) or the packed plan (schedules), built around the previous
   plan's blocks where they still stand, repaired around the requirements (explaining the conflicts
   when they cannot all hold) and around high-priority work, and priced as a complete hint
   (`warm_start`).
3. If the start keeps the requirements that hold together, CP-SAT optimizes with them held as
   constraints. If not (the time ran short), they stay soft at their 10^12 price, so the start is
   still a first solution and the search keeps what it can; `optimizer.explain` then looks for
   conflicts behind the rest. Without a start, requirements are held, and an infeasible search is
   explained and re-run without the rules in conflict. A plan that gives up proven conflicts is
   INFEASIBLE; one that gives up requirements never shown to clash is UNKNOWN.
4. The start plan is returned when the search does no better, and the plain greedy plan when that
   scores better still or nothing else was found: never worse than greedy.
"""

from __future__ import annotations

from collections.abc import Sequence

from optimizer.domain import Instance
from optimizer.explain import explain, unexplained
from optimizer.greedy import greedy_plan
from optimizer.model.built import Built, PlanKind
from optimizer.model.cost import plan_cost
from optimizer.model.impossible import impossible
from optimizer.model.kept import kept_rules
from optimizer.model.optimize import optimize
from optimizer.model.runner import Clock, Outcome
from optimizer.model.scoring import score_fixed
from optimizer.model.solution_parts import build_solution
from optimizer.model.start_plan import build_model, start_plan
from optimizer.model.terms import HardRule
from optimizer.model.warm_start import warm_start
from optimizer.solution import Placement, Solution, SolveStatus

SOFT_SEARCH_SHARE = 0.75  # of the time left, when requirements are soft; the rest explains
FALLBACK_SECONDS = 0.5  # at most, to price the plain greedy plan (fixed: milliseconds), past the limit


def solve_instance(instance: Instance, kind: PlanKind) -> Solution:
    options = instance.options
    clock = Clock(options.time_limit_s)
    plan = start_plan(instance, kind) if options.use_hint else []
    greedy = _plain_greedy(instance, kind, plan)
    built = build_model(kind, instance, [plan, greedy])
    conflicts, rules = impossible(built, built.rules)
    held, start = rules, None
    if plan:
        begin = warm_start(built, kind, plan, rules, clock, also=greedy)
        built, start, rules = begin.built, begin.outcome, begin.held
        conflicts += begin.conflicts
        held = rules if begin.keeps_all else []  # else the search keeps what it can, at their price
    share = 1.0 if held or not rules else SOFT_SEARCH_SHARE
    outcome = optimize(built, options, Clock(clock.left() * share), held, _without(built.rules, rules))
    if outcome.status is SolveStatus.INFEASIBLE:
        found = explain(built, rules, options, Clock(clock.left() / 2))
        conflicts += found.conflicts
        held = rules = found.held
        outcome = optimize(built, options, clock, held, _without(built.rules, held))
    outcome = _best(built, outcome, start)
    if outcome.status is not SolveStatus.OPTIMAL or len(held) < len(built.rules):
        # An optimum with requirements given up (an explanation cut short gives up more than it
        # must) is optimal only among plans that give them up too; greedy may keep them.
        outcome = _not_below_greedy(built, greedy, outcome)
    kept = kept_rules(built, outcome.solver) if outcome.has_plan else set()
    if not held and any(rule.name not in kept for rule in rules):
        conflicts += explain(built, rules, options, clock).conflicts
    failed = {rule.name for rule in built.rules} - kept
    unproven = unexplained(built, [rule for rule in built.rules if rule.name in failed], conflicts)
    status = outcome.status
    if conflicts and status is not SolveStatus.UNKNOWN:
        status = SolveStatus.INFEASIBLE
    elif unproven:
        status = SolveStatus.UNKNOWN  # requirements given up that were never shown to clash
    searched_held = bool(held) or not rules
    return build_solution(
        built, outcome, status, conflicts + unproven, failed, clock.elapsed(), searched_held
    )


def _named(rules: Sequence[HardRule], wanted: Sequence[HardRule]) -> list[HardRule]:
    names = {rule.name for rule in wanted}
    return [rule for rule in rules if rule.name in names]


def _without(rules: Sequence[HardRule], kept: Sequence[HardRule]) -> list[HardRule]:
    names = {rule.name for rule in kept}
    return [rule for rule in rules if rule.name not in names]


def _best(built: Built, outcome: Outcome, start: Outcome | None) -> Outcome:
    """The search's outcome, or the start plan's when the search did no better."""
    if start is None or not start.has_plan or outcome.status is SolveStatus.OPTIMAL:
        return outcome
    if outcome.has_plan and plan_cost(built, outcome.solver) <= plan_cost(built, start.solver):
        return outcome
    return Outcome(SolveStatus.FEASIBLE, start.solver, start.objective, outcome.bound)


def _plain_greedy(instance: Instance, kind: PlanKind, start: list[Placement]) -> list[Placement]:
    """The greedy baseline itself: the start plan of habits, unless a previous plan shaped that."""
    if start and not instance.previous_plan and kind == "habits":
        return start
    return greedy_plan(instance, include_tasks=kind == "schedule")


def _not_below_greedy(built: Built, plan: list[Placement], outcome: Outcome) -> Outcome:
    """The outcome, or the plain greedy plan when it scores better (the start may differ from it:
    built around the previous plan, repaired) or nothing else was found (then UNKNOWN, since it may
    give up requirements never shown to clash)."""
    greedy = score_fixed(built, plan, built.ctx.instance.options, FALLBACK_SECONDS)
    if greedy is None or not greedy.solved or greedy.objective is None:
        return outcome
    if outcome.has_plan and plan_cost(built, outcome.solver) <= plan_cost(built, greedy.solver):
        return outcome
    status = SolveStatus.FEASIBLE if outcome.has_plan else SolveStatus.UNKNOWN
    return Outcome(status, greedy.solver, greedy.objective, outcome.bound if outcome.has_plan else None)
