"""The price of each soft rule, per unit, and how priority scales it.

WEIGHTED mode multiplies every term by the weight of the priority it serves; each level weighs ten
times the one below, so a higher priority wins unless ten times as much lower-priority cost is at
stake. LEXICOGRAPHIC mode ignores the priority weights and optimizes level by level instead.
Within one priority, missing work always costs more than placing it badly:
- a missed habit occurrence costs more than any ideal-time, duration, spread and move cost it can save;
- a minute of unplaced task work costs more than the largest possible lateness (the whole horizon)
  and a chunk more.
"""

from __future__ import annotations

from optimizer.domain import Priority

PRIORITY_WEIGHT: dict[Priority, int] = {
    Priority.LOW: 1,
    Priority.MEDIUM: 10,
    Priority.HIGH: 100,
    Priority.CRITICAL: 1000,
}

MINUTES_PER_DAY = 24 * 60

IDEAL_TIME = 1  # per minute a habit starts away from its ideal time
DURATION = 1  # per minute a habit runs shorter than its longest duration
SPREAD = 120  # per extra occurrence of a weekly habit on a day that already has one
MOVED = 60  # per block of the previous plan that does not stay where it was
MISSED = 2 * MINUTES_PER_DAY + SPREAD + MOVED  # per habit occurrence left out
LATE = 1  # per minute a task's last chunk ends after its due date
SPLIT = 30  # per chunk of a task beyond the fewest its work needs
FOCUS = 2  # per minute of a day's focus time left unprotected (served at MEDIUM priority)
# Per requirement given up (a defended habit's period, a hard due date), served at CRITICAL priority:
# 10^12 in all, more than everything else a plan can pay, so a plan keeping more requirements always
# wins. The solve holds requirements as constraints, so this price only shows in a plan that cannot
# keep them all, or in a given plan being scored.
REQUIRED = 10**9


def unplaced_weight(horizon_minutes: int, slot_minutes: int) -> int:
    """Per minute of task work left out: one slot of it outweighs being late by the whole horizon in
    one chunk more."""
    return (horizon_minutes * LATE + SPLIT) // slot_minutes + 1
