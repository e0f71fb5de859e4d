"""What a host reports for the status line: its users, its work in flight, and how commands ended."""

from __future__ import annotations

from dataclasses import dataclass

from actors.contract import ItemResult
from actors.store import StaleStateError


@dataclass
class HostStats:
    name: str
    pid: int = 0
    active_users: int = 0
    activations: int = 0
    passivations: int = 0
    state_bytes: int = 0  # estimated memory of the active users' state
    calls: int = 0  # handle() calls taken: commands per call shows how well calls batch
    in_flight: int = 0  # commands taken and not yet answered
    waiting: int = 0  # of those, ready but waiting for a slot
    applied: int = 0
    applied_at_once: int = 0  # of those, applied in the call that brought them (actors/host_now.py)
    replayed: int = 0
    failed_attempts: int = 0
    stale_conflicts: int = 0
    dead_lettered: int = 0
    solver_tasks: int = 0  # Ray tasks sent for solves, batches included
    remote_solves: int = 0  # solves those tasks carried: solves per task shows how well they batch
    solves_in_place: int = 0  # solves small enough to run in the host's process (no task)
    in_place_cpu_s: float = 0.0  # their CPU: part of the host's process's, though it is solving

    def finished(self, result: ItemResult) -> None:
        """Count a command's final result: applied, replayed or dead-lettered."""
        self.in_flight -= 1
        if not result.ok:
            self.dead_lettered += 1
        elif result.replayed:
            self.replayed += 1
        else:
            self.applied += 1

    def count_failure(self, error: BaseException) -> None:
        self.failed_attempts += 1
        if isinstance(error, StaleStateError):
            self.stale_conflicts += 1
