"""Admits each caller's batches in the order the caller sent them.

Ray runs an async actor's calls out of order (a call whose arguments are still being fetched can be
overtaken), so the host cannot take arrival order for send order. Each caller numbers its calls to a host
0, 1, 2, ... under a caller id; a batch waits here until its predecessor was admitted. A caller whose call
failed starts a new caller id at 0. A gap that never fills (a lost call) is skipped after `gap_timeout_s`,
so one lost call cannot stall a host.
"""

from __future__ import annotations

import asyncio
import logging

log = logging.getLogger(__name__)


class Sequencer:
    def __init__(self, gap_timeout_s: float = 30.0) -> None:
        self._gap_timeout_s = gap_timeout_s
        self._next: dict[str, int] = {}
        self._waiting: dict[str, dict[int, asyncio.Future[None]]] = {}

    async def admit(self, caller: str, seq: int) -> None:
        """Return once every earlier call of `caller` was admitted; then the caller's turn has come."""
        if self._next.get(caller, 0) < seq:
            turn = asyncio.get_running_loop().create_future()
            self._waiting.setdefault(caller, {})[seq] = turn
            try:
                await asyncio.wait_for(turn, self._gap_timeout_s)
            except TimeoutError:
                log.warning("caller %s: calls before %d never came; going on without them", caller, seq)
            finally:
                waiting = self._waiting[caller]
                waiting.pop(seq, None)
                if not waiting:
                    del self._waiting[caller]
        self._next[caller] = max(self._next.get(caller, 0), seq + 1)
        self._wake(caller)

    def _wake(self, caller: str) -> None:
        ready = self._next[caller]
        for seq, turn in self._waiting.get(caller, {}).items():
            if seq <= ready and not turn.done():
                turn.set_result(None)

    def forget(self, caller: str) -> None:
        self._next.pop(caller, None)
