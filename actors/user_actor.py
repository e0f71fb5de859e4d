"""The logical per-user actor: one user's state and the handling of that user's commands, one at a time.

It knows nothing of Ray or of the store's kind: the host gives it a solver and its `Storage`. A command
counts as done only once its outbox row, and the new state when the command changed it, are saved over
the version this actor read; if another owner saved in between, the save is refused and nothing here
changes. `handle` does all of it; a host may instead run the steps itself (`prepare` or `prepare_now`,
save `Prepared.save`, then `finish`) to save many users' commands in one group.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from time import perf_counter

from actors.calendar.edge import CalendarEdge
from actors.commands import Applied, Solver, apply, apply_now, ms
from actors.contract import ItemResult, WorkItem
from actors.outbox import Outbox, outcomes_json, record_of
from actors.outcomes import dump_outcomes
from actors.prepared import Prepared, Storage
from actors.stamp import Stamp
from actors.state import UserState, decode_state, dump_state
from actors.store import OutboxRecord, Save, StoredState

__all__ = ["Prepared", "Solver", "Storage", "UserActor"]


def utc_now() -> datetime:
    return datetime.now(UTC)


class UserActor:
    def __init__(
        self,
        user_id: str,
        state: UserState | None = None,
        version: int = 0,
        state_size: int = 0,
        outbox: Outbox | None = None,
    ) -> None:
        self.user_id = user_id
        self.state = state or UserState(user_id=user_id)
        self.version = version
        self.state_size = state_size  # bytes of the stored state
        self.outbox = outbox or Outbox()
        self.clock: Callable[[], datetime] = utc_now

    @classmethod
    def activate(cls, user_id: str, stored: StoredState | None) -> UserActor:
        if stored is None:
            return cls(user_id)
        state, legacy = decode_state(stored.state)
        outbox = Outbox(stored.applied, stored.kept_outcomes)
        outbox.adopt(legacy)
        return cls(user_id, state, stored.version, len(stored.state), outbox)

    @property
    def size(self) -> int:
        """The host's memory estimate: stored state bytes plus the remembered task ids."""
        return self.state_size + self.outbox.size

    async def handle(
        self, item: WorkItem, solver: Solver, storage: Storage, calendar: CalendarEdge | None = None
    ) -> ItemResult:
        """`calendar`: the host's Google Calendar edge; None answers SYNC_CALENDAR "not configured"."""
        started = perf_counter()
        if item.task_id in self.outbox:
            record = self.outbox.pending.get(item.task_id) or await storage.recall(self.user_id, item.task_id)
            return self.replayed(item, record, started)
        prepared = await self.prepare(item, solver, calendar, started, storage)
        return self.finish(prepared, await storage.persist(prepared.save))

    def replayed(self, item: WorkItem, record: OutboxRecord | None, started: float) -> ItemResult:
        outcomes = outcomes_json(record)  # the bytes first stored; none once trimmed
        return ItemResult(
            item.task_id, self.user_id, outcomes, replayed=True, timings_ms={"total": ms(started)}
        )

    async def prepare(
        self, item: WorkItem, solver: Solver, calendar: CalendarEdge | None, started: float, storage: Storage
    ) -> Prepared:
        """The command applied in memory (not a replay: the caller checked the outbox)."""
        stamp = Stamp(self.user_id, item.task_id, self.clock())
        timings: dict[str, float] = {}
        applied = await apply(self.state, item, solver, stamp, calendar, timings)
        return self._prepared(item, stamp, applied, started, timings, storage)

    def prepare_now(self, item: WorkItem, calendar: CalendarEdge | None, storage: Storage) -> Prepared | None:
        """The command applied at once when it waits on nothing and is no replay, else None."""
        if item.task_id in self.outbox:
            return None
        started = perf_counter()
        stamp = Stamp(self.user_id, item.task_id, self.clock())
        applied = apply_now(self.state, item, stamp, calendar)
        return None if applied is None else self._prepared(item, stamp, applied, started, {}, storage)

    def _prepared(
        self,
        item: WorkItem,
        stamp: Stamp,
        applied: Applied,
        started: float,
        timings: dict[str, float],
        storage: Storage,
    ) -> Prepared:
        state, outcomes = applied
        reports = storage.reports(stamp)
        if reports:
            outcomes = [*outcomes, *reports]
        encoded = dump_outcomes(outcomes)
        record = record_of(item.task_id, stamp.at, encoded, len(outcomes))
        # An unchanged state is not rewritten: only its version moves, which keeps the fence.
        rewrite = state is not self.state or self.version == 0 or bool(self.outbox.pending)
        data = dump_state(state) if rewrite else None
        trim = self.outbox.due_for_trim(record.count)
        save = Save(self.user_id, data, self.version, storage.owner, self.outbox.rows(record), trim)
        return Prepared(item, state, record, encoded, save, started, timings)

    def finish(self, prepared: Prepared, version: int) -> ItemResult:
        """Take in a prepared command once its save was stored as `version`; its result."""
        save = prepared.save
        self.version = version
        self.outbox.saved(prepared.record, save.trim)
        self.state = prepared.state
        self.state_size = self.state_size if save.state is None else len(save.state)
        timings = prepared.timings
        timings["total"] = ms(prepared.started)
        return ItemResult(prepared.item.task_id, self.user_id, prepared.outcomes, timings_ms=timings)
