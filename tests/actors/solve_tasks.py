"""Solver tasks for the batching tests, without Ray: each submitted task waits until the test ends it,
so the order of events is the test's to choose. A task answers each solve with its data reversed; data
starting with `bad` fails, as a solve that raises would."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from actors.solve_queue import BatchAnswer, SolveInput, SolveQueue


class Tasks:
    """Tasks as they were submitted; `end(n)` answers task n: each solve's data reversed, or its failure."""

    def __init__(self) -> None:
        self.sent: list[list[SolveInput]] = []
        self._answers: list[asyncio.Future[Any]] = []
        self.batch: list[bool] = []

    def one(self, task_type: str, data: bytes) -> Awaitable[bytes]:
        return self._submit([(task_type, data)], batch=False)

    def many(self, solves: list[SolveInput]) -> Awaitable[list[BatchAnswer]]:
        return self._submit(solves, batch=True)

    def _submit(self, solves: list[SolveInput], batch: bool) -> asyncio.Future[Any]:
        self.sent.append(solves)
        self.batch.append(batch)
        self._answers.append(asyncio.get_running_loop().create_future())
        return self._answers[-1]

    async def end(self, number: int, crash: bool = False, ran: int | None = None) -> None:
        """`ran`: a batch task whose time was up after that many solves answers only those."""
        solves, answer = self.sent[number], self._answers[number]
        if crash:
            answer.set_exception(RuntimeError("worker died"))
        elif not self.batch[number]:
            (_, data), *_ = solves
            if data.startswith(b"bad"):
                answer.set_exception(ValueError(f"cannot solve {data!r}"))
            else:
                answer.set_result(data[::-1])
        else:
            answer.set_result([_answer(data) for _, data in solves[:ran]])
        await settle()

    def sizes(self) -> list[int]:
        return [len(solves) if batch else 0 for solves, batch in zip(self.sent, self.batch, strict=True)]


def _answer(data: bytes) -> BatchAnswer:
    return (None, f"ValueError: cannot solve {data!r}") if data.startswith(b"bad") else (data[::-1], "")


async def settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


def start(queue: SolveQueue, *data: bytes) -> list[asyncio.Task[bytes]]:
    return [asyncio.ensure_future(queue.solve("SCHEDULE_HABITS", d)) for d in data]


def run(test: Callable[[Tasks], Coroutine[Any, Any, None]]) -> None:
    asyncio.run(test(Tasks()))
