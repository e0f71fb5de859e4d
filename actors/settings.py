"""Settings of the Ray runtime: how many shard hosts, their budgets, and how solves are dispatched."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from actors.calendar.settings import CalendarSettings
from actors.host import HostSettings
from actors.solver import SolverSettings


class ActorSettings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    hosts: int = Field(default=2, gt=0, description="shard host actors; users spread over them by hash")
    host_cpus: float = Field(default=0.0, ge=0, description="Ray CPUs each host reserves")
    max_restarts: int = Field(default=-1, ge=-1, description="host restarts after a crash; -1 is no limit")
    name_prefix: str = "scheduling-host"
    host: HostSettings = HostSettings()
    solver: SolverSettings = SolverSettings()
    calendar: CalendarSettings = CalendarSettings()
