"""The host calls an ingest actor has in flight, and how it learns which have finished.

Ray's threads put a finished call's ref on a queue as its answer arrives. Waiting on that queue costs
nothing per call in flight, where asking Ray about every ref on each turn of the loop cost more than
the commands themselves when solves kept many calls out. A call's items and results cross as one
pickle each (`actors.call_bytes`). A host in this process (`ingest.local_host`) takes the items as
they are: pickling them there cost 7% of the loop's CPU on commands that solve nothing.
"""

from __future__ import annotations

import itertools
import queue
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, Protocol

from actors.call_bytes import pack_items, unpack_results
from actors.contract import ItemResult, WorkItem

Handle = Any  # a Ray actor handle of a shard host, or the `InProcess` host


class InProcess(Protocol):
    """A host run by the caller's own thread: called directly, and run while the caller waits."""

    def call(self, items: list[WorkItem], caller: str, seq: int) -> Future[list[ItemResult]]: ...

    def drive(self, timeout: float) -> None: ...


@dataclass
class Call:
    host: Handle
    items: list[WorkItem]
    order: int  # when it was sent, across hosts: lost calls go again in this order
    answer: Future[Any]  # the results as bytes from a host actor, as a list from one in process
    packed: bool

    def results(self) -> list[ItemResult]:
        """The host's answers, in the order of `items`; raises what the call raised."""
        answer = self.answer.result()
        return unpack_results(answer) if self.packed else answer


class CallsInFlight:
    """With `local`, every call goes to that host in this process, which runs while answers are awaited."""

    def __init__(self, local: InProcess | None = None) -> None:
        self._calls: dict[Any, Call] = {}  # ObjectRef (or the local answer) -> call
        self._finished: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._order = itertools.count()
        self._local = local

    def __len__(self) -> int:
        return len(self._calls)

    def send(self, host: Handle, batch: list[WorkItem], caller: str, number: int) -> None:
        if self._local is not None:
            key: Any = self._local.call(batch, caller, number)
            answer = key
        else:
            key = host.handle_packed.remote(pack_items(batch), caller, number)
            answer = key.future()
        self._calls[key] = Call(host, batch, next(self._order), answer, packed=self._local is None)
        answer.add_done_callback(lambda _, key=key: self._finished.put(key))

    def finished(self, timeout: float) -> list[Call]:
        """The calls that finished within `timeout` seconds (0: those finished already), no longer in
        flight. A call taken back meanwhile (`take_host`) is not among them."""
        if self._local is not None:
            self._local.drive(timeout if self._finished.empty() else 0.0)
            timeout = 0.0
        refs = []
        try:
            refs.append(self._finished.get(timeout=timeout) if timeout > 0 else self._finished.get_nowait())
            while True:
                refs.append(self._finished.get_nowait())
        except queue.Empty:
            pass
        return [call for ref in refs if (call := self._calls.pop(ref, None)) is not None]

    def take_host(self, host: Handle) -> list[Call]:
        """Every call in flight at `host`, no longer in flight, in the order they were sent."""
        taken = sorted((c for c in self._calls.values() if c.host == host), key=lambda c: c.order)
        self._calls = {ref: c for ref, c in self._calls.items() if c.host != host}
        return taken
