"""The host calls an ingest actor has in flight, and how it learns which have finished.

Ray's threads put a finished call's ref on a queue as its answer arrives. Waiting on that queue costs
nothing per call in flight, where asking Ray about every ref on each turn of the loop cost more than
the commands themselves when solves kept many calls out. A call's items and results cross as one
pickle each (`actors.call_bytes`).
"""

from __future__ import annotations

import itertools
import queue
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from actors.call_bytes import pack_items, unpack_results
from actors.contract import ItemResult, WorkItem

Handle = Any  # a Ray actor handle of a shard host


@dataclass
class Call:
    host: Handle
    items: list[WorkItem]
    order: int  # when it was sent, across hosts: lost calls go again in this order
    answer: Future[bytes]

    def results(self) -> list[ItemResult]:
        """The host's answers, in the order of `items`; raises what the call raised."""
        return unpack_results(self.answer.result())


class CallsInFlight:
    """`drive`, for a host in this process (`ingest.local_host`), runs it while waiting for answers."""

    def __init__(self, drive: Callable[[float], None] | None = None) -> None:
        self._calls: dict[Any, Call] = {}  # ObjectRef -> call
        self._finished: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._order = itertools.count()
        self._drive = drive

    def __len__(self) -> int:
        return len(self._calls)

    def send(self, host: Handle, batch: list[WorkItem], caller: str, number: int) -> None:
        ref = host.handle_packed.remote(pack_items(batch), caller, number)
        answer = ref.future()
        self._calls[ref] = Call(host, batch, next(self._order), answer)
        answer.add_done_callback(lambda _, ref=ref: self._finished.put(ref))

    def finished(self, timeout: float) -> list[Call]:
        """The calls that finished within `timeout` seconds (0: those finished already), no longer in
        flight. A call taken back meanwhile (`take_host`) is not among them."""
        if self._drive is not None:
            self._drive(timeout if self._finished.empty() else 0.0)
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
