"""Support for the SYNC_CALENDAR tests: a shard host wired to the fake Google, and commands for it.

Times are days from tomorrow (the user actor's clock is the real one), so the sync horizon, which starts
at the command's time, covers them.
"""

from __future__ import annotations

import asyncio
import itertools
from datetime import UTC, datetime, timedelta
from typing import Any

from actors.calendar.connect import connect_user
from actors.calendar.edge import CalendarEdge
from actors.calendar.settings import CalendarSettings
from actors.contract import ItemResult, TaskType, WorkItem
from actors.google_calendar import BreakerSettings, ChannelStore, CircuitBreaker, OAuthGrant
from actors.google_calendar.vault import Vault, VaultSettings, new_key
from actors.host import HostSettings, ShardHost
from actors.outcomes import CalendarBlockOutcome, CalendarUpdateOutcome, Outcome
from actors.requests import ScheduleRequest, SyncRequest
from actors.retry import RetryPolicy
from actors.solver import SolverDispatch, SolverSettings
from actors.state import UserState, load_state
from actors.store import StateStore
from optimizer.domain import CalendarEvent
from tests.actors.builders import gym, instance, item
from tests.fakes.google_calendar import FakeGoogleCalendar

DAY0 = (datetime.now(UTC) + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
FAST = RetryPolicy(initial_delay_s=0.01, max_delay_s=0.05)
USER = "u1"
_ids = itertools.count()


def on(day: int, hour: int, minute: int = 0) -> datetime:
    return DAY0 + timedelta(days=day, hours=hour, minutes=minute)


def calendar_settings(fake: FakeGoogleCalendar, **changes: object) -> CalendarSettings:
    base = {
        "enabled": True,
        "api_endpoint": fake.api_endpoint,
        "token_uri": fake.token_uri,
        "timeout_s": 5,
        "retry": FAST,
        "breaker": BreakerSettings(recovery_timeout_s=0.5),
        "vault": VaultSettings(keys={"k1": new_key()}, active_key="k1"),
    }
    return CalendarSettings.model_validate(base | changes)


def edge_for(settings: CalendarSettings, channels: ChannelStore | None = None) -> CalendarEdge:
    breaker = CircuitBreaker("google_calendar", settings.breaker)
    return CalendarEdge(settings, Vault(settings.vault), breaker, channels)


def host_for(store: StateStore, edge: CalendarEdge) -> ShardHost:
    solver = SolverDispatch(SolverSettings())  # no Ray here: the real CP-SAT in a worker thread
    return ShardHost("host-0", store, solver, HostSettings(retry=FAST), edge)


def connect(store: StateStore, edge: CalendarEdge, grant: OAuthGrant, user_id: str = USER) -> None:
    connect_user(store, user_id, grant, edge.vault)


def sync_item(task_id: str | None = None, full: bool = False, user_id: str = USER) -> WorkItem:
    return item(task_id or f"sync-{next(_ids)}", SyncRequest(full_sync=full), user_id=user_id)


def habits_item(days: int = 3, events: tuple[CalendarEvent, ...] = (), user_id: str = USER) -> WorkItem:
    """A daily one-hour gym habit, 9-17 on any day, over `days` days from DAY0, around `events`."""
    habit = gym(hours="WORKING")
    inst = instance(user_id, now=DAY0, days=days, habits=(habit,), working_hours=_every_day(), events=events)
    request = ScheduleRequest(instance=inst)
    return item(f"plan-{next(_ids)}", request, user_id=user_id, task_type=TaskType.SCHEDULE_HABITS)


def _every_day() -> dict[int, list[dict[str, str]]]:
    return {day: [{"start": "09:00", "end": "17:00"}] for day in range(7)}


def run(host: ShardHost, *items: object) -> list[ItemResult]:
    return asyncio.run(host.handle(list(items)))  # type: ignore[arg-type]


def fail_next_save(store: StateStore) -> None:
    """The store's next save (one row or a group) fails once, as a lost disk or connection would."""
    failures = [OSError("disk went away")]
    for name in ("save", "save_many"):
        real = getattr(store, name, None)
        if real is None:
            continue

        def flaky(*args: object, _real: Any = real) -> Any:
            if failures:
                raise failures.pop()
            return _real(*args)

        setattr(store, name, flaky)


def stored(store: StateStore, user_id: str = USER) -> UserState:
    found = store.load(user_id)
    assert found is not None
    return load_state(found.state)


def updates(result: ItemResult, kind: str) -> list[CalendarUpdateOutcome]:
    return [o for o in result.outcomes if isinstance(o, CalendarUpdateOutcome) and o.update_type == kind]


def calendar_changes(result: ItemResult, source: str) -> list[CalendarBlockOutcome]:
    return [o for o in result.outcomes if isinstance(o, CalendarBlockOutcome) and o.source == source]


def label(result: ItemResult, name: str) -> object:
    perf: list[Outcome] = [o for o in result.outcomes if getattr(o, "metric_type", "") == "EXTERNAL_API_CALL"]
    return perf[0].labels[name]  # type: ignore[union-attr]
