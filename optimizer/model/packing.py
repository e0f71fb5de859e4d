"""A start plan for OPTIMIZE_SCHEDULE that leaves scarce time to the work that needs it.

The greedy baseline gives habits their longest duration first and then puts work, in priority
order, into the earliest free time: on two-week schedules the habits and the work that may go
anywhere took the working hours that working-hours tasks then lacked, and hours of work were left
out. A minute of work left out costs more than a minute of a habit cut short, and a missed
occurrence of a habit that may yield often costs less than the work that would fit in its time
(`weights.py`). So here:
1. defended habits are placed near their ideal time but at their shortest, off time that narrower
   work needs when it is short of it (`habit_room`);
2. work goes level by level, hard due dates first, then by priority (`contention`), each level
   after the habits that may yield and whose missed occurrence costs more than that much of its
   work (`outranks`);
3. the other habits that may yield, then focus time as greedy places it;
4. every habit occurrence is lengthened where the time after it is still free (`stretch`).
A second plan places every habit before any work; the one that leaves out less is kept. When it
still leaves something out, a third places every habit first too, but each occurrence where it cuts
the free time work is short of the least (`snug`), and is kept only if it leaves out less again.
"""

from __future__ import annotations

from collections.abc import Callable

from optimizer.baseline.board import Board
from optimizer.baseline.focus import place_focus
from optimizer.domain import Habit, Instance, Priority
from optimizer.greedy import start_board
from optimizer.model.contention import ContentionPlacer
from optimizer.model.habit_room import place_habit
from optimizer.model.snug import place_snug
from optimizer.model.start_choice import cheaper, left_out
from optimizer.model.stretch import stretched
from optimizer.model.weights import MISSED, PRIORITY_WEIGHT, unplaced_weight
from optimizer.model.work_order import REQUIRED
from optimizer.solution import Placement

PlaceHabit = Callable[[Board, Habit, list[Placement], ContentionPlacer], list[Placement]]


def packed_plan(instance: Instance, *, both: bool = True) -> list[Placement]:
    """The packed plan; with `both`, also the one placing every habit before any work (a price
    says what one occurrence is worth against work, but not whether the work would fit anyway: on
    some two-week schedules that plan left out less), and the one that leaves out less is kept;
    when it leaves anything out, also that plan with snug habits (`snug`)."""
    priced = _packed(instance, habits_first=False)
    if not both:
        return priced
    best = cheaper(instance, [priced, _packed(instance, habits_first=True)])
    if left_out(instance, best) == 0:
        return best
    return cheaper(instance, [best, _packed(instance, habits_first=True, place=place_snug)])


def _packed(instance: Instance, *, habits_first: bool, place: PlaceHabit = place_habit) -> list[Placement]:
    board, placed = start_board(instance, include_tasks=True)
    habits = sorted(instance.habits, key=lambda h: (-h.priority, h.id))
    work = ContentionPlacer(board, placed, instance.work_items())
    for habit in habits:
        if habit.defended:
            placed += place(board, habit, placed, work)
    yielding = [habit for habit in habits if not habit.defended]
    for level in range(REQUIRED, 0, -1):
        for habit in [habit for habit in yielding if habits_first or outranks(board, habit, level)]:
            placed += place(board, habit, placed, work)
            yielding.remove(habit)
        work.place_level(level)
    for habit in yielding:
        placed += place(board, habit, placed, work)
    if instance.focus is not None:
        placed += place_focus(board, instance.focus, placed)
    return stretched(instance, placed)


def outranks(board: Board, habit: Habit, level: int) -> bool:
    """A missed occurrence of the habit costs more than leaving out as much work of `level` as the
    occurrence takes time (work with a hard due date is a requirement: nothing outranks it)."""
    if level not in PRIORITY_WEIGHT:
        return False
    grid = board.grid
    per_minute = unplaced_weight(grid.n_slots * grid.minutes_per_slot, grid.minutes_per_slot)
    work = per_minute * habit.min_duration * PRIORITY_WEIGHT[Priority(level)]
    return MISSED * PRIORITY_WEIGHT[habit.priority] > work
