"""A `CpModel` without the pre-PEP8 method aliases.

ortools' `CpModel.__init__` wraps every `add_*`/`new_*` method in a deprecated CamelCase alias on
each instance, about 130 µs per model (9.15). A solve builds and clones several models (the start
plan, plan pricing, the full search), so on small weeks that was about a tenth of a solve's CPU.
Nothing here uses the old names.
"""

from __future__ import annotations

from ortools.sat.python import cp_model


class LeanModel(cp_model.CpModel):
    def _add_pre_pep8_methods(self) -> None:
        return None

    def clone(self) -> LeanModel:
        copy = LeanModel()
        copy.proto.copy_from(self.proto)
        copy.rebuild_constant_map()
        return copy

    def __copy__(self) -> LeanModel:
        return LeanModel(self.model_proto)
