"""Solver tasks for one host: one task per solve while few are outstanding, batches when solves queue up.

A Ray task costs about 1.7 ms of CPU besides its solve (submission, Ray's own processes, the worker), a
fifth of a typical solve. While fewer than `batch_after` of this host's tasks are outstanding, each solve
is a task of its own, so the cluster's CPUs fill at once. Beyond that, solves join an open batch, which
goes out as one task when it holds `batch_max` solves, or as soon as an outstanding task ends: a deep
queue pays the task cost once per batch and still shows as pending tasks (the autoscaler's backlog),
while a short one never waits longer than a running task. HIGH commands' solves always go alone: in a
batch the solves run one after another, so a solve waits for the time limits of those before it.
Each solve keeps its own answer: a solve that fails in a batch fails alone, and its retry goes as a
task of its own. NORMAL and LOW solves in a batch would otherwise wait for each other's time limits
too: a batch task starts no solve after its time is up (`SolverSettings.batch_seconds`) and answers
the solves it ran; the rest go back to the head of the queue, and the next task starts with them.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Awaitable, Callable

SolveInput = tuple[str, bytes]  # (task type, instance JSON)
BatchAnswer = tuple[bytes | None, str]  # (solution JSON, or None and what went wrong)
RemoteSolve = Callable[[str, bytes], Awaitable[bytes]]
RemoteBatch = Callable[[list[SolveInput]], Awaitable[list[BatchAnswer]]]
Queued = tuple[int, SolveInput, "asyncio.Future[bytes]"]

FAILED_MEMORY = 1024  # solves whose last attempt failed, remembered so that their retry goes alone


class SolveFailed(RuntimeError):
    """One solve of a batch raised in the solver task; the others of its batch are unaffected."""


class SolveQueue:
    """`batch_after` may be a function: a host's share of a cluster that the autoscaler grows and
    shrinks is read again as it changes (`actors.cluster_share.ClusterShare`)."""

    def __init__(
        self, one: RemoteSolve, many: RemoteBatch | None, batch_after: int | Callable[[], int], batch_max: int
    ) -> None:
        self._one = one
        self._many = many
        self._after = batch_after if callable(batch_after) else (lambda: batch_after)
        self.batch_max = max(1, batch_max)
        self.outstanding = 0  # this host's solver tasks submitted and not yet answered
        self.tasks = self.batches = self.batched = 0  # tasks sent; of them batches; solves in batches
        self._open: list[Queued] = []
        self._failed: OrderedDict[int, None] = OrderedDict()
        self._collecting: set[asyncio.Task[None]] = set()  # strong references while batches run

    @property
    def batch_after(self) -> int:
        return max(1, self._after())

    async def solve(self, task_type: str, data: bytes, alone: bool = False) -> bytes:
        """`alone`: a task of its own whatever the queue (a HIGH command's solve never waits behind the
        solves of a batch, whose time limits add up)."""
        key = hash((task_type, data))
        many = self._many
        if alone or many is None or key in self._failed or self.outstanding < self.batch_after:
            return await self._alone(key, task_type, data)
        future: asyncio.Future[bytes] = asyncio.get_running_loop().create_future()
        self._open.append((key, (task_type, data), future))
        if len(self._open) >= self.batch_max:
            self._send_open(many)
        return await future

    async def _alone(self, key: int, task_type: str, data: bytes) -> bytes:
        self.outstanding += 1
        self.tasks += 1
        try:
            raw = await self._one(task_type, data)
        except Exception:
            self._remember_failed(key)
            raise
        finally:
            self._task_ended()
        self._failed.pop(key, None)
        return raw

    def _send_open(self, many: RemoteBatch) -> None:
        batch, self._open = self._open[: self.batch_max], self._open[self.batch_max :]
        self.outstanding += 1
        self.tasks += 1
        self.batches += 1
        self.batched += len(batch)
        answers = many([solve for _, solve, _ in batch])  # submitted here, answered later
        collecting = asyncio.ensure_future(self._collect(batch, answers))
        self._collecting.add(collecting)
        collecting.add_done_callback(self._collecting.discard)

    async def _collect(self, batch: list[Queued], answers: Awaitable[list[BatchAnswer]]) -> None:
        results: list[BatchAnswer] | None = None
        try:
            results = await answers
        except Exception as error:  # the whole task failed (a crashed worker, say): each solve fails
            for key, _, future in batch:
                self._remember_failed(key)
                failure = SolveFailed(f"the solver task of a batch of {len(batch)} failed: {error!r}")
                _settle(future, failure=failure)
            return
        finally:
            if results is not None:
                # The solves the task had no time for go first in the next one; every task runs at
                # least its first solve, so each of them gets its turn.
                self._open[:0] = batch[len(results) :]
            self._task_ended()
        for (key, (task_type, _), future), (raw, error_text) in zip(batch, results, strict=False):
            if raw is None:
                self._remember_failed(key)
                _settle(future, failure=SolveFailed(f"{task_type} solve failed in its task: {error_text}"))
            else:
                self._failed.pop(key, None)
                _settle(future, raw)

    def _task_ended(self) -> None:
        self.outstanding -= 1
        # A CPU is about to be free: the open batch goes now, whatever its size.
        if self._open and self._many is not None and self.outstanding < self.batch_after:
            self._send_open(self._many)

    def _remember_failed(self, key: int) -> None:
        self._failed[key] = None
        self._failed.move_to_end(key)
        while len(self._failed) > FAILED_MEMORY:
            self._failed.popitem(last=False)


def _settle(future: asyncio.Future[bytes], raw: bytes = b"", failure: BaseException | None = None) -> None:
    if future.done():  # its command was cancelled meanwhile: nobody waits for this answer
        return
    if failure is not None:
        future.set_exception(failure)
    else:
        future.set_result(raw)
