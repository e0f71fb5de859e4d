"""A redundant cut: two habit occurrences that want the same free time of one day, meetings included.

The pair cut (`pair_floor.py`) prices a clash as if the day were free, and the cost floor
(`cost_floor.py`) prices each block alone. Between meetings a clash costs more: a critical code
review wanted at 14:30 (30-60 minutes) and a critical walk at 15:00, in an afternoon of meetings
with free stretches of an hour or less, cannot both sit near their ideals; one of them goes to
another stretch hours away, or runs short. The LP relaxation sees neither (each block alone may
take the best stretch). Here the least weighted ideal-time plus duration cost of both blocks on
the day, in either order with their buffers between them, is computed from the day's own free
stretches (`day_costs.py`); where it exceeds what the two floors promise (a cost `extra` more),
`w_a cost_a + w_b cost_b >= w_a least_a on_a + w_b least_b on_b + extra (on_a + on_b - 1)`,
w the priority weights; where both cannot fit at all, `on_a + on_b <= 1`. No plan is cut off: both
blocks on the day cost at least that least total, one alone at least its own least, and costs are
never negative.
Heavy fortnights 0-29, the full search's bound after 0.3 s of CP-SAT's deterministic time: higher on
26 (fortnight 8, whose best plan known costs 6.91 million: 6.29 to 6.75; fortnight 2 +6.6%, 7 +18%,
19 +5.4%), 0.0-3.4% lower on 4; 14-228 rows and 2-8 ms per fortnight.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from ortools.sat.python import cp_model

from optimizer.domain import Habit, Priority
from optimizer.model.blocks import BlockSpec, Choice
from optimizer.model.context import Context
from optimizer.model.day_view import DayView
from optimizer.model.objectives.day_costs import NONE, DayCosts, best_placement, day_costs, least_in_order
from optimizer.model.objectives.ideal_time import ideal_slot
from optimizer.model.variables import BlockVars
from optimizer.model.weights import DURATION, IDEAL_TIME, PRIORITY_WEIGHT

Row = tuple[cp_model.LinearExprT, int]  # the expression is at least the number
Priced = tuple[Habit, BlockVars, cp_model.LinearExprT, cp_model.LinearExprT]  # distance, shortfall


def _candidates(entries: list[Entry]) -> Iterator[tuple[Entry, Entry]]:
    """Pairs whose cheapest placements may clash: two blocks of one habit (in their order), or two
    of different habits whose cheapest placements lie within the largest buffer of each other."""
    pad = max(max(e.spec.before, e.spec.after) for e in entries)
    ordered = sorted(entries, key=lambda e: e.at[0])
    for i, a in enumerate(ordered):
        for b in itertools.islice(ordered, i + 1, None):
            if b.at[0] >= a.at[1] + pad:
                break
            if a.key != b.key:
                yield a, b
    for a, b in itertools.combinations(entries, 2):
        if a.key == b.key:
            yield a, b


def _costs(known: dict[tuple[object, ...], DayCosts], e: Entry) -> DayCosts:
    key = (e.spec.min_len, e.spec.max_len, *e.choices, e.ideal, e.weight)
    if key not in known:
        known[key] = day_costs(e.spec, e.choices, e.ideal, e.weight)
    return known[key]


@dataclass(frozen=True)
class Entry:
    """A habit block that may land on a day: its cost expression (weighted), its literal "on the
    day", its fine choices there, its ideal start slot there and its priority weight."""

    key: str
    spec: BlockSpec
    cost: cp_model.LinearExprT
    on_day: cp_model.IntVar
    choices: list[Choice]
    ideal: int
    weight: int
    least: int
    at: tuple[int, int]


def busy_pair_floors(ctx: Context, view: DayView, priced: list[Priced]) -> list[Row]:
    """`priced` lists each habit block with an ideal time, its distance and its shortfall, in
    each habit's block order. Returns the cuts, for the caller to add to a model."""
    spacing = {habit.id: ctx.slots(habit.min_spacing) for habit, *_ in priced}
    cuts: list[Row] = []
    for entries in _by_day(ctx, view, priced).values():
        known: dict[tuple[object, ...], DayCosts] = {}
        for a, b in _candidates(entries):
            same = a.key == b.key
            gap_ab = max(a.spec.after, b.spec.before, spacing[a.key] if same else 0)
            gap_ba = max(b.spec.after, a.spec.before)
            if a.at[1] + gap_ab <= b.at[0] or (not same and b.at[1] + gap_ba <= a.at[0]):
                continue  # both fit where each alone costs least
            ca, cb = _costs(known, a), _costs(known, b)
            least = least_in_order(ca, cb, gap_ab)
            if not same:
                least = min(least, least_in_order(cb, ca, gap_ba))
            if least >= NONE:  # no room for both on the day
                cuts.append((cp_model.LinearExpr.weighted_sum([a.on_day, b.on_day], [-1, -1]), -1))
                continue
            extra = least - a.least - b.least
            if extra > 0:
                # least_a on_a + least_b on_b + extra (on_a + on_b - 1), linear and not enforced, so
                # that the LP relaxation keeps it.
                terms = [a.cost, b.cost, a.on_day, b.on_day]
                weights = [1, 1, -a.least - extra, -b.least - extra]
                cuts.append((cp_model.LinearExpr.weighted_sum(terms, weights), -extra))
    return cuts


def _by_day(ctx: Context, view: DayView, priced: list[Priced]) -> dict[int, list[Entry]]:
    by_day: dict[int, list[Entry]] = defaultdict(list)
    for habit, block, far, short in priced:
        weight = PRIORITY_WEIGHT[habit.priority]
        cost = cp_model.LinearExpr.weighted_sum([far, short], [IDEAL_TIME * weight, DURATION * weight])
        days = view.on_days(block)
        if len(days) > 1 and habit.priority < Priority.HIGH:
            # A block that may land on several days (a weekly habit's) is on each only fractionally
            # in the relaxation, where the cut says less; for low and medium priorities it was not
            # worth its time (heavy fortnights 0-3: 225-490 cuts and 11-15 ms with them, 60-230 and
            # 5-8 ms without, for 0.1% of the bound or less).
            continue
        for day, on_day in days.items():
            ideal = ideal_slot(ctx, habit, day)
            choices = [choice for choice in block.spec.choices if choice.day == day]
            if ideal is not None:
                least, *at = best_placement(block.spec, choices, ideal, weight)
                entry = Entry(
                    habit.id, block.spec, cost, on_day, choices, ideal, weight, least, (at[0], at[1])
                )
                by_day[day].append(entry)
    return by_day
