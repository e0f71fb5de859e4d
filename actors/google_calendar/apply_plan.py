"""Carrying out a `WritePlan`: removals first, then moves, then new blocks; user edits are collected,
not fought. Other failures propagate: every write is idempotent, so the command may simply run again."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from actors.google_calendar.client import UserCalendar
from actors.google_calendar.errors import UserEdited
from actors.google_calendar.events import GoogleEvent
from actors.google_calendar.write_plan import WritePlan
from actors.google_calendar.writeback import delete_block, upsert_block


class UserEdit(BaseModel):
    """A block the user changed (`event`) or deleted (`event` None or cancelled): plan around it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    block_id: str
    event: GoogleEvent | None


class WriteReport(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    created: tuple[GoogleEvent, ...] = ()
    updated: tuple[GoogleEvent, ...] = ()
    deleted: tuple[str, ...] = ()  # block ids
    unchanged: int = 0
    user_edits: tuple[UserEdit, ...] = ()

    @property
    def writes(self) -> int:
        """Calendar writes that changed something: the churn the user sees."""
        return len(self.created) + len(self.updated) + len(self.deleted)


def apply_plan(calendar: UserCalendar, plan: WritePlan) -> WriteReport:
    created: list[GoogleEvent] = []
    updated: list[GoogleEvent] = []
    deleted: list[str] = []
    edits = [UserEdit(block_id=e.block_id or e.id, event=e) for e in plan.user_edited]
    unchanged = len(plan.unchanged)
    for event in plan.deletes:
        block_id = event.block_id or event.id
        try:
            if delete_block(calendar, block_id, event):
                deleted.append(block_id)
        except UserEdited as edit:
            edits.append(UserEdit(block_id=block_id, event=edit.event))
    for known, block in [*plan.patches, *((None, block) for block in plan.inserts)]:
        try:
            write = upsert_block(calendar, block, known, listed=True)
        except UserEdited as edit:
            edits.append(UserEdit(block_id=block.block_id, event=edit.event))
            continue
        if write.change == "UNCHANGED":
            unchanged += 1
        else:
            (created if write.change == "CREATED" else updated).append(write.event)
    return WriteReport(
        created=tuple(created),
        updated=tuple(updated),
        deleted=tuple(deleted),
        unchanged=unchanged,
        user_edits=tuple(edits),
    )
