"""A host in the ingest actor's own process takes the request model as ingest built it; a host actor in
another process gets the model's JSON. Either way the host must make the same solves and answer with the
same outcomes."""

from __future__ import annotations

import asyncio
import json
import pickle
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from actors import user_actor
from actors.contract import CommandPriority, ItemResult, TaskType, WorkItem
from actors.host import HostSettings, ShardHost
from actors.request_codec import InvalidRequest, decode_request, request_bytes
from actors.requests import ScheduleRequest, SyncRequest
from actors.solver import SolverDispatch, SolverSettings, run_solver
from ingest.messages import decode_command
from ingest.sample import SampleShape, sample_commands
from ingest.translate import work_item
from optimizer.domain import Instance
from optimizer.solution import Solution

NOW = datetime(2026, 3, 2, 8, tzinfo=UTC)


def _items(shape: SampleShape) -> list[WorkItem]:
    records = sample_commands(shape, NOW)
    return [work_item(decode_command(r.value), ("t", 0, n), NOW) for n, r in enumerate(records)]


@dataclass
class _Solver:
    """Solves as the worker's dispatch prepares them; with `learn` off, answers only solves already
    made, so that both runs plan on the very same solutions."""

    answers: dict[bytes, bytes]
    learn: bool
    asked: list[bytes] = field(default_factory=list)
    dispatch: SolverDispatch = field(default_factory=lambda: SolverDispatch(SolverSettings()))

    async def solve(self, task_type: TaskType, instance: Instance, priority: CommandPriority) -> Solution:
        data = self.dispatch.prepare(instance, priority).model_dump_json().encode()
        self.asked.append(data)
        if self.learn:
            self.answers.setdefault(data, run_solver(task_type.value, data))
        return Solution.model_validate_json(self.answers[data])


def _handled(items: list[WorkItem], folder: Path, solver: _Solver) -> list[ItemResult]:
    host = ShardHost("handover", f"sqlite:///{folder / 'state.sqlite3'}", solver, HostSettings())
    try:
        return asyncio.run(host.handle(items))
    finally:
        host.store.close()


def _unclocked(result: ItemResult) -> list[dict[str, Any]]:
    """The outcomes but the time measured around the solve, which no two runs share."""
    outcomes: list[dict[str, Any]] = json.loads(result.outcomes_json)
    return [{**o, "value": None} if o["kind"] == "performance" else o for o in outcomes]


@pytest.mark.parametrize("days", [2, 7])
def test_a_model_handed_over_and_its_json_make_the_same_solves_and_outcomes(
    days: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(user_actor, "utc_now", lambda: NOW)  # outcomes carry the time they were made
    shape = SampleShape(users=4, commands_per_user=3, horizon_days=days, malformed_every=None, run="t")
    models = _items(shape)
    as_json = [replace(item, request=request_bytes(item.request)) for item in models]
    assert all(type(item.request) in (ScheduleRequest, SyncRequest) for item in models)
    assert all(type(item.request) is bytes for item in as_json)

    answers: dict[bytes, bytes] = {}
    first, second = _Solver(answers, learn=True), _Solver(answers, learn=False)
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    handed_over = _handled(models, tmp_path / "a", first)
    decoded = _handled(as_json, tmp_path / "b", second)

    assert first.asked and first.asked == second.asked
    assert all(r.error_class is None for r in handed_over)
    assert [_unclocked(r) for r in handed_over] == [_unclocked(r) for r in decoded]


def test_an_item_crosses_to_another_process_as_its_requests_json() -> None:
    shape = SampleShape(users=2, commands_per_user=4, sync_share=0.5, malformed_every=None, run="t")
    for item in _items(shape):
        crossed = pickle.loads(pickle.dumps(item, pickle.HIGHEST_PROTOCOL))
        assert crossed.request == request_bytes(item.request)
        decoded = decode_request(crossed.task_type, crossed.request)
        assert decoded == item.request
        assert decoded.model_fields_set == item.request.model_fields_set  # type: ignore[union-attr]


def test_a_model_of_the_wrong_kind_for_its_task_type_is_refused() -> None:
    with pytest.raises(InvalidRequest, match="must be a ScheduleRequest, not a SyncRequest"):
        decode_request(TaskType.OPTIMIZE_SCHEDULE, SyncRequest())
