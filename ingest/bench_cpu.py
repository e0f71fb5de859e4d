"""CPU time by role on this machine, read from /proc: where a benchmark phase spent its cores.

Wall rates on a shared machine move with everything else running; CPU seconds per command, per role
(ingest actors, shard hosts, solver tasks, the Kafka broker, Ray's own processes, the benchmark's
producer), do not, and they say which part to make cheaper. Linux only: elsewhere it reports nothing.
"""

from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path

ROLES = (
    ("ray::IngestActor", "ingest actors"),
    ("ray::RayShardHost", "shard hosts"),
    ("ray::_solve_task", "solver tasks"),
    ("ray::IDLE", "solver tasks"),  # a task worker between tasks
    ("kafka.Kafka", "Kafka broker"),
    ("raylet", "Ray system"),
    ("gcs_server", "Ray system"),
    ("ray/dashboard", "Ray system"),
    ("ray::", "Ray system"),
)

DRIVER = "benchmark driver"  # this process: it produces the commands
IN_PLACE = "solves in hosts"  # small solves a host runs in its own process (`actors.solver`)

Sample = dict[int, tuple[float, str]]  # pid -> (CPU seconds, role)


def sample(broker_pid: int | None = None) -> Sample:
    """Cumulative CPU seconds of this process (the producer), of the processes it started (a local
    Ray: its workers and actors), and of the Kafka broker: the one with `broker_pid` when it is
    known, else every Kafka process on the machine. Other work on the machine is left out."""
    ticks = os.sysconf("SC_CLK_TCK")
    processes = _processes()
    parents = {pid: parent for pid, (parent, _, _) in processes.items()}
    found: Sample = {}
    for pid, (_, ticks_used, command) in processes.items():
        role = DRIVER if pid == os.getpid() else _role(command)
        broker = role == "Kafka broker" and broker_pid in (None, pid)
        if role is not None and (broker or _descends(pid, parents)):
            found[pid] = (ticks_used / ticks, role)
    return found


def per_command_us(before: Sample, after: Sample, commands: int) -> dict[str, float]:
    """CPU µs per command by role between two samples (processes started in between count whole)."""
    spent: dict[str, float] = defaultdict(float)
    for pid, (seconds, role) in after.items():
        spent[role] += seconds - before.get(pid, (0.0, role))[0]
    ranked = sorted(spent.items(), key=lambda pair: -pair[1])
    return {role: s / max(commands, 1) * 1e6 for role, s in ranked if s > 0}


def set_apart(cpu_us: dict[str, float], role: str, part: str, us: float) -> dict[str, float]:
    """`cpu_us` with `us` of `role`'s CPU shown as a role of its own, `part`: work measured inside
    `role`'s processes (by thread) that belongs elsewhere."""
    if us <= 0 or role not in cpu_us:
        return cpu_us
    split = {**cpu_us, role: cpu_us[role] - us, part: us}
    # /proc counts whole ticks: on a short phase the part may read more than the role held.
    return dict(sorted(((r, v) for r, v in split.items() if v > 0), key=lambda pair: -pair[1]))


def _processes() -> dict[int, tuple[int, int, str]]:
    """pid -> (parent pid, CPU ticks, command line) of every process that could be read."""
    proc = Path("/proc")
    found = {}
    for entry in proc.iterdir() if proc.is_dir() else ():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue  # it exited meanwhile
        fields = stat.rsplit(")", 1)[1].split()
        found[int(entry.name)] = (int(fields[1]), int(fields[11]) + int(fields[12]), command)
    return found


def _descends(pid: int, parents: dict[int, int]) -> bool:
    me = os.getpid()
    while pid > 1:
        if pid == me:
            return True
        pid = parents.get(pid, 0)
    return False


def _role(command: str) -> str | None:
    return next((role for mark, role in ROLES if mark in command), None)
