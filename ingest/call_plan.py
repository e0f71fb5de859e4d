"""How much of a host's window a command takes, and how a batch for one host is cut into calls.

A host call returns only when every command in it is done. Commands that solve take milliseconds to
seconds, so they go in small calls that keep results and commits flowing; every other command takes
microseconds, and for those the call itself is the cost (Ray's call machinery is about 50 µs per command
in calls of 32 and about 20 µs in calls of 128, measured, docs/benchmarks.md), so they go in large ones.
The window counts weights for the same reason: a solve holds a slot worth many cheap commands.
"""

from __future__ import annotations

from dataclasses import dataclass

from actors.contract import TaskType, WorkItem

SOLVING = frozenset({TaskType.SCHEDULE_HABITS, TaskType.OPTIMIZE_SCHEDULE})


@dataclass(frozen=True)
class CallPlan:
    solve_weight: int  # window units a solving command takes; any other command takes 1
    call_solves: int  # solving commands per call, at most
    calls_ahead: int = 1  # calls out at a host from which a small cheap batch waits to grow
    min_call: int = 128  # cheap commands worth a call of their own while `calls_ahead` are out

    def hold(self, calls_out: int, waiting: int, solving: int) -> bool:
        """Whether `waiting` commands (`solving` of them solve) should wait for a call to return.

        A host with calls out is busy; cheap commands that arrive meanwhile ride together in the next
        call instead of each poll's few making a call of their own. Solves never wait: their call's
        cost is small beside them, and solver tasks run elsewhere on the cluster.
        """
        return calls_out >= self.calls_ahead and waiting < self.min_call and not solving

    def weight(self, item: WorkItem) -> int:
        return self.solve_weight if item.task_type in SOLVING else 1

    def weigh(self, items: list[WorkItem]) -> int:
        return sum(self.weight(item) for item in items)

    def calls(self, items: list[WorkItem]) -> list[list[WorkItem]]:
        """`items` cut, in order, into calls holding at most `call_solves` solving commands each.

        The cuts keep the order: calls are numbered as they go and the host admits them by number,
        so a user's commands still run in the order they came.
        """
        calls: list[list[WorkItem]] = [[]]
        solves = 0
        for item in items:
            if item.task_type in SOLVING:
                if solves == self.call_solves:
                    calls.append([])
                    solves = 0
                solves += 1
            calls[-1].append(item)
        return [call for call in calls if call]
