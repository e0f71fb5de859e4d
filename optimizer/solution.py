"""What a solve returns: the plan, what did not fit and why, and how good the plan provably is."""

from __future__ import annotations

from enum import StrEnum

from pydantic import AwareDatetime, BaseModel, ConfigDict

from optimizer.domain import BlockKind


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SolveStatus(StrEnum):
    OPTIMAL = "OPTIMAL"
    FEASIBLE = "FEASIBLE"
    INFEASIBLE = "INFEASIBLE"
    UNKNOWN = "UNKNOWN"


class Placement(Frozen):
    """One scheduled block. `occurrence` numbers a habit's occurrences or a task's chunks from 0."""

    item_id: str
    kind: BlockKind
    occurrence: int
    title: str
    start: AwareDatetime
    end: AwareDatetime


class Unplaced(Frozen):
    """Work that did not fit: `minutes` of it, with a human reason."""

    item_id: str
    kind: BlockKind
    minutes: int
    reason: str


class Late(Frozen):
    item_id: str
    minutes_late: int
    due: AwareDatetime


class Penalty(Frozen):
    """The cost one named rule added to the objective, e.g. rule="ideal_time:gym"."""

    rule: str
    cost: int


class Conflict(Frozen):
    """A set of hard rules that cannot hold together, told in human terms."""

    rules: tuple[str, ...]
    message: str
    relaxation: str | None = None


class Solution(Frozen):
    status: SolveStatus
    placements: tuple[Placement, ...] = ()
    unplaced: tuple[Unplaced, ...] = ()
    late: tuple[Late, ...] = ()
    objective: float | None = None
    best_bound: float | None = None
    gap: float | None = None
    solve_seconds: float = 0.0
    penalties: tuple[Penalty, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    moved: int = 0
