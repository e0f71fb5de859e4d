"""The circuit breaker's state as a metric: `circuit_breaker_state{dependency}` 0 closed, 1 half open,
2 open.

Ray's metrics (ray.util.metrics) are exported by each node's agent; prometheus_client in many actor
processes would fight over ports. Outside a Ray worker (pure tests, the CLI) the gauge is skipped and
only the log line remains.
"""

from __future__ import annotations

import logging
from typing import Any

from actors.google_calendar.breaker import GAUGE_VALUE, BreakerState, OnChange

log = logging.getLogger(__name__)
METRIC = "circuit_breaker_state"


def _gauge() -> Any | None:
    try:
        import ray
        from ray.util.metrics import Gauge
    except ImportError:
        return None
    if not ray.is_initialized():
        return None
    return Gauge(METRIC, description="0 closed, 1 half open, 2 open", tag_keys=("dependency",))


def breaker_metric(dependency: str) -> OnChange:
    """An `on_change` that logs each transition and sets the gauge (starting at closed)."""
    gauge = _gauge()
    if gauge is not None:
        gauge.set(GAUGE_VALUE[BreakerState.CLOSED], tags={"dependency": dependency})

    def changed(name: str, old: BreakerState, new: BreakerState) -> None:
        log.warning("circuit breaker %s: %s -> %s", name, old.value, new.value)
        if gauge is not None:
            gauge.set(GAUGE_VALUE[new], tags={"dependency": name})

    return changed
