"""Which commands were out at a host each time it died: to tell the one that kills it.

A host process that dies takes every call in flight with it, so one death says little about which
command caused it. Each death counts for every command lost; a command lost `SOLO_AFTER` times makes
its actor send the lost commands one at a time (`ingest.host_lane`); a death while a command was that
actor's only one at the host counts against it alone, and `KILLER_AFTER` of those fail it. Another
ingest actor's command may have been out at the same time: hence more than one, and the varied pauses.
"""

from __future__ import annotations

from actors.contract import ItemResult, WorkItem

SOLO_AFTER = 2  # host deaths a command was in flight for, after which lost commands go one at a time
KILLER_AFTER = 3  # deaths while a command was alone at its host, after which it fails


class HostDeaths:
    """Per command in flight, the host deaths it saw, and those it saw as its actor's only command
    there. Entries go once the command is answered: the counts only ever cover commands still out."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}
        self._alone: dict[str, int] = {}

    def died(self, lost: list[list[WorkItem]]) -> list[WorkItem]:
        """Count a death for every lost command; returns those it makes killers."""
        alone = sum(len(batch) for batch in lost) == 1
        for batch in lost:
            for item in batch:
                self._seen[item.task_id] = self._seen.get(item.task_id, 0) + 1
                if alone:
                    self._alone[item.task_id] = self._alone.get(item.task_id, 0) + 1
        return [i for batch in lost for i in batch if self._alone.get(i.task_id, 0) >= KILLER_AFTER]

    def suspected(self, lost: list[list[WorkItem]]) -> bool:
        return any(self._seen.get(item.task_id, 0) >= SOLO_AFTER for batch in lost for item in batch)

    def crashed(self, item: WorkItem) -> ItemResult:
        deaths = self._seen.get(item.task_id, 0)
        self.forget([item])
        reason = (
            f"its shard host process died each time it ran this command ({deaths} times, the last "
            f"{KILLER_AFTER} with no other command of this worker there); check the host's log for the "
            "crash, fix its cause and replay this command from the dead letters"
        )
        return ItemResult(item.task_id, item.user_id, error_class="HostCrashed", reason=reason)

    def forget(self, items: list[WorkItem]) -> None:
        if self._seen:
            for item in items:
                self._seen.pop(item.task_id, None)
                self._alone.pop(item.task_id, None)
