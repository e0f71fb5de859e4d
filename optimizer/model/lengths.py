"""What each placed block lasts: it reserves whole slots and keeps its own minutes (`optimizer.durations`).

A block of the most slots lasts its `trim` less than it reserves. A task's chunks, in time order
(their index order: `constraints.sequence`), last at most the minutes of effort the frozen chunks
leave, so the chunk that completes the effort ends where the effort runs out.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from ortools.sat.python import cp_model

from optimizer.durations import up_to
from optimizer.model.built import Built


def lasting(built: Built, solver: cp_model.CpSolver) -> dict[str, int]:
    """Block name -> minutes it lasts, for every present block."""
    slot = built.ctx.slot_minutes
    found = {
        block.spec.name: block.spec.lasts(solver.value(block.length), slot)
        for block in built.variables.all()
        if block.spec.choices and solver.value(block.present)
    }
    for work in built.works:
        names = [spec.name for spec in work.blocks if spec.name in found]
        found.update(zip(names, up_to([found[name] for name in names], work.remaining), strict=True))
    return found


def spans(built: Built, solver: cp_model.CpSolver) -> dict[str, tuple[datetime, datetime]]:
    """Block name -> (start, end) as the plan reports it, for every present block."""
    minutes = lasting(built, solver)
    found = {}
    for block in built.variables.all():
        name = block.spec.name
        if name in minutes:
            start = built.ctx.time(solver.value(block.start))
            found[name] = (start, start + timedelta(minutes=minutes[name]))
    return found
