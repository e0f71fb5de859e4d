"""The variables container: one `BlockVars` per block spec, found by block name or by item.

A block's `length` is 0 exactly when it is absent, so sums of lengths count placed minutes directly.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ortools.sat.python import cp_model

from optimizer.domain import BlockKind
from optimizer.model.blocks import BlockSpec


@dataclass(frozen=True)
class BlockVars:
    spec: BlockSpec
    present: cp_model.IntVar
    start: cp_model.IntVar
    length: cp_model.IntVar
    end: cp_model.IntVar
    picks: tuple[cp_model.IntVar, ...]  # one literal per choice; exactly one holds when present
    core: cp_model.IntervalVar


class Variables:
    def __init__(self) -> None:
        self._blocks: dict[str, BlockVars] = {}
        self._by_item: dict[tuple[BlockKind, str], list[BlockVars]] = defaultdict(list)

    def add(self, model: cp_model.CpModel, spec: BlockSpec) -> BlockVars:
        if spec.name in self._blocks:
            raise ValueError(f"block {spec.name} is declared twice; block names must be unique")
        block = new_block(model, spec)
        self._blocks[spec.name] = block
        self._by_item[spec.kind, spec.item_id].append(block)
        return block

    def block(self, name: str) -> BlockVars:
        return self._blocks[name]

    def all(self) -> list[BlockVars]:
        return list(self._blocks.values())

    def of_item(self, kind: BlockKind, item_id: str) -> list[BlockVars]:
        return list(self._by_item.get((kind, item_id), ()))


def new_block(model: cp_model.CpModel, spec: BlockSpec) -> BlockVars:
    name = spec.name
    starts = spec.starts
    if not starts:
        present = model.new_constant(0)
        start = model.new_constant(0)
        length = model.new_constant(0)
        return BlockVars(spec, present, start, length, start, (), model.new_interval_var(0, 0, 0, name))
    present = model.new_bool_var(f"present:{name}")
    start_domain = cp_model.Domain.from_intervals([[lo, hi - 1] for lo, hi in starts])
    start = model.new_int_var_from_domain(start_domain, f"start:{name}")
    length_domain = cp_model.Domain.from_intervals([[0, 0], [spec.min_len, spec.max_len]])
    length = model.new_int_var_from_domain(length_domain, f"length:{name}")
    lowest, highest = starts[0][0], max(choice.hi for choice in spec.choices)
    end = model.new_int_var(lowest, highest, f"end:{name}")
    # Linear rather than reified: the LP relaxation then knows length is 0 when absent.
    model.add(length >= spec.min_len * present)
    model.add(length <= spec.max_len * present)
    core = model.new_optional_interval_var(start, length, end, present, f"core:{name}")
    picks = _picks(model, spec, present)
    return BlockVars(spec, present, start, length, end, picks, core)


def _picks(model: cp_model.CpModel, spec: BlockSpec, present: cp_model.IntVar) -> tuple[cp_model.IntVar, ...]:
    if len(spec.choices) == 1:
        return (present,)
    picks = tuple(model.new_bool_var(f"pick:{spec.name}:{i}") for i in range(len(spec.choices)))
    model.add(cp_model.LinearExpr.sum(picks) == present)
    return picks
