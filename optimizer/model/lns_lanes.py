"""The no-overlaps of an LNS neighbourhood with its fixed time merged into fewer intervals.

In a neighbourhood almost every interval of the two no-overlaps is fixed: on a heavy fortnight
about 470, of which about 30 belong to freed blocks. CP-SAT's disjunctive propagators (precedences,
not-last, edge finding) scan every interval of a no-overlap at each propagation, fixed ones
included, and were the largest part of a neighbourhood's search. Fixed intervals that touch (a
pinned block flush against a meeting or another block) cannot hold anything between them, so each
run of them is one interval here: about 470 became 233, and 142 replayed neighbourhoods of five
heavy fortnights took 4.9-5.0 s instead of 5.7-6.0 s on one core, with the same optima (most of a
neighbourhood's time on a quiet machine is elsewhere: a 2-s solve ran about 2% more of them).
Absent pinned blocks are left out. A present block lasts at least one slot, so nothing fits where two fixed
intervals meet: the merged intervals forbid exactly what the separate ones did.
"""

from __future__ import annotations

from dataclasses import dataclass

from ortools.sat.python import cp_model, cp_model_helper

Expr = tuple[tuple[tuple[int, int], ...], int]  # (variable index, coefficient) pairs, offset


@dataclass(frozen=True)
class Member:
    """One interval of a no-overlap: its index, the block whose variables it uses ("" when constant,
    None when it cannot be told), its enforcement literals, start and size."""

    index: int
    owner: str | None
    literals: tuple[int, ...]
    start: Expr
    size: Expr


class Lanes:
    """The no-overlap constraints of `model`, rewritten for each neighbourhood (`narrow`), with a
    spare constant interval for every member to hold merged runs."""

    def __init__(self, model: cp_model.CpModel, owners: dict[int, str]) -> None:
        proto = model.proto
        self.proto = proto
        self.lanes: list[tuple[int, list[Member], list[int]]] = []
        for index, constraint in enumerate(proto.constraints):
            if constraint.has_no_overlap():
                found = [_member(proto, i, owners) for i in constraint.no_overlap.intervals]
                spare = [model.new_fixed_size_interval_var(0, 1, "merged").index for _ in found]
                self.lanes.append((index, found, spare))

    def narrow(self, free: set[str], values: list[int]) -> None:
        """Each no-overlap as its freed blocks' intervals (and any not owned by one block) plus the
        fixed time of the others merged into runs, read from `values`."""
        constraints = self.proto.constraints
        for index, found, spare in self.lanes:
            kept: list[int] = []
            spans: list[tuple[int, int]] = []
            for member in found:
                if member.owner is None or member.owner in free:
                    kept.append(member.index)
                elif all(_literal(lit, values) for lit in member.literals):
                    start, size = _value(member.start, values), _value(member.size, values)
                    if size > 0:
                        spans.append((start, start + size))
                    else:
                        kept.append(member.index)
            for slot, (lo, hi) in zip(spare, _runs(spans), strict=False):
                interval = constraints[slot].interval
                interval.start.offset, interval.size.offset, interval.end.offset = lo, hi - lo, hi
                kept.append(slot)
            lane = constraints[index].no_overlap.intervals
            lane.clear()
            lane.extend(kept)


def _member(proto: cp_model_helper.CpModelProto, index: int, owners: dict[int, str]) -> Member:
    interval = proto.constraints[index].interval
    literals = tuple(proto.constraints[index].enforcement_literal)
    start, size = _expr(interval.start), _expr(interval.size)
    used = {owners.get(var) for var, _ in start[0] + size[0]} | {owners.get(_var(lit)) for lit in literals}
    owner = "" if not used else (used.pop() if len(used) == 1 else None)
    return Member(index, owner, literals, start, size)


def _expr(expr: cp_model_helper.LinearExpressionProto) -> Expr:
    return tuple(zip(expr.vars, expr.coeffs, strict=True)), expr.offset


def _var(literal: int) -> int:
    return literal if literal >= 0 else -literal - 1


def _literal(literal: int, values: list[int]) -> bool:
    value = values[_var(literal)]
    return bool(value) if literal >= 0 else not value


def _value(expr: Expr, values: list[int]) -> int:
    return expr[1] + sum(coeff * values[var] for var, coeff in expr[0])


def _runs(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Touching or overlapping spans as one each, in time order."""
    runs: list[tuple[int, int]] = []
    for lo, hi in sorted(spans):
        if runs and lo <= runs[-1][1]:
            runs[-1] = (runs[-1][0], max(runs[-1][1], hi))
        else:
            runs.append((lo, hi))
    return runs
