"""Why the hard rules cannot all hold: conflicting sets in plain words, each with a relaxation.

Every requirement (a defended habit's period, a hard due date) is tied to one literal, and the solve
assumes them all. When that is infeasible, CP-SAT names a set of assumptions that is enough for it
(`sufficient_assumptions_for_infeasibility`). That set is shrunk by deletion (drop one rule, check
feasibility, keep it out if the rest still clash) to a minimal conflict, which is told in human
terms with the relaxation that would resolve it. The conflict's least important rule (lowest
priority) is then given up and the search goes on, so independent conflicts are each reported, up
to `MAX_CONFLICTS`; what is held at the end is known to hold together.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ortools.sat.python import cp_model

from optimizer.domain import SolveOptions
from optimizer.model.built import Built
from optimizer.model.conflict_text import conflict_message
from optimizer.model.relax import relaxation
from optimizer.model.runner import Clock, Outcome, run
from optimizer.model.terms import HardRule
from optimizer.solution import Conflict, SolveStatus

MAX_CONFLICTS = 10
SHOWN_RULES = 5  # in the message of requirements given up unexplained
CHECK_SECONDS = 1.0  # at most, per feasibility check or relaxation


@dataclass
class Explained:
    """The conflicts found, the rules that hold together, and a placement of their blocks that
    keeps them (every other block left out), when one was found."""

    conflicts: list[Conflict]
    held: list[HardRule]
    placement: Outcome | None


def explain(built: Built, rules: Sequence[HardRule], options: SolveOptions, clock: Clock) -> Explained:
    """The conflicts that keep `rules` from holding together: each conflict gives up its least
    important rule and the search goes on. When time runs out, the rest is given up too."""
    check = built.model.clone()
    check.clear_objective()
    check.clear_hints()
    held = list(rules)
    conflicts: list[Conflict] = []
    while len(conflicts) < MAX_CONFLICTS:
        outcome = _check(built, check, options, clock, held)
        if outcome.solved:
            return Explained(conflicts, held, outcome)
        if outcome.status is SolveStatus.UNKNOWN:
            break
        core = _minimal(built, check, options, clock, _core(built, outcome) or held)
        conflicts.append(_conflict(built, check, options, clock, core))
        victim = min(core, key=lambda rule: (rule.priority, rule.name))
        held = [rule for rule in held if rule.name != victim.name]
    return Explained(conflicts, [], None)


def unexplained(built: Built, broken: Sequence[HardRule], conflicts: Sequence[Conflict]) -> list[Conflict]:
    """A conflict for requirements the plan gives up that no conflict names (the time ran out)."""
    named = {rule for conflict in conflicts for rule in conflict.rules}
    left = [rule for rule in broken if rule.name not in named]
    if not left:
        return []
    what = "; ".join(rule.describe for rule in left[:SHOWN_RULES])
    more = f" and {len(left) - SHOWN_RULES} more" if len(left) > SHOWN_RULES else ""
    message = f"{what}{more}: not kept, and the time limit ran out before the clash was pinned down"
    return [Conflict(rules=tuple(rule.name for rule in left), message=message)]


def _rules_of(built: Built, core: Sequence[int]) -> list[HardRule]:
    wanted = set(core)
    return [rule for rule in built.rules if rule.literal.index in wanted]


def _core(built: Built, outcome: Outcome) -> list[HardRule]:
    if outcome.status is not SolveStatus.INFEASIBLE:
        return []
    return _rules_of(built, outcome.core)


def _check(
    built: Built, check: cp_model.CpModel, options: SolveOptions, clock: Clock, rules: Sequence[HardRule]
) -> Outcome:
    """Whether `rules` can hold together, with every block they do not concern left out.

    Leaving a block out never breaks a hard rule, so this answers the same question on a model a
    fraction of the size, which is what keeps the assumption-based search quick.
    """
    concerned = {name for rule in rules for name in rule.blocks}
    trial = check.clone()
    for block in built.variables.all():
        if block.spec.choices and block.spec.name not in concerned:
            trial.add(block.present == 0)
    seconds = min(CHECK_SECONDS, clock.left())
    return run(trial, options, seconds, len(built.variables.all()), [rule.literal for rule in rules])


def _minimal(
    built: Built, check: cp_model.CpModel, options: SolveOptions, clock: Clock, core: list[HardRule]
) -> list[HardRule]:
    """Deletion filter, trying the least important rules first: what stays is needed for the clash."""
    for rule in sorted(core, key=lambda r: (r.priority, r.name)):
        if len(core) == 1 or rule.name not in {r.name for r in core}:
            continue
        trial = [other for other in core if other.name != rule.name]
        outcome = _check(built, check, options, clock, trial)
        if outcome.status is SolveStatus.INFEASIBLE:
            core = _core(built, outcome) or trial
    return core


def _conflict(
    built: Built, check: cp_model.CpModel, options: SolveOptions, clock: Clock, core: list[HardRule]
) -> Conflict:
    suggestions = []
    for rule in core:
        others = [other for other in core if other.name != rule.name]
        seconds = min(CHECK_SECONDS, clock.left())
        suggestion = relaxation(built, check, options, seconds, rule, others)
        if suggestion:
            suggestions.append(suggestion)
    return Conflict(
        rules=tuple(rule.name for rule in core),
        message=conflict_message(built, core),
        relaxation="; or ".join(suggestions) or None,
    )
