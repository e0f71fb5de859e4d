"""The query of an events.list call, and sync tokens.

A sync token encodes (calendar, version, epoch); bumping the store's epoch invalidates every token.
An undecodable, foreign or outdated token gets 410 fullSyncRequired.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import datetime

from . import errors
from .times import parse_instant

_NOT_WITH_SYNC_TOKEN = (
    "timeMin",
    "timeMax",
    "privateExtendedProperty",
    "q",
    "iCalUID",
    "orderBy",
    "updatedMin",
)


@dataclass(frozen=True)
class Query:
    sync_token: str | None
    page_token: str | None
    single_events: bool
    show_deleted: bool
    window: tuple[datetime | None, datetime | None]
    private: tuple[tuple[str, str], ...]
    max_results: int


def parse_query(params: dict[str, list[str]]) -> Query:
    if "syncToken" in params and (clash := [name for name in _NOT_WITH_SYNC_TOKEN if name in params]):
        raise errors.bad_request(f"syncToken cannot be combined with {', '.join(clash)}")
    one = {name: values[0] for name, values in params.items()}
    private = tuple(_pair(item) for item in params.get("privateExtendedProperty", []))
    low, high = (parse_instant(one[name]) if name in one else None for name in ("timeMin", "timeMax"))
    return Query(
        sync_token=one.get("syncToken"),
        page_token=one.get("pageToken"),
        single_events=one.get("singleEvents") == "true",
        show_deleted=one.get("showDeleted") == "true",
        window=(low, high),
        private=private,
        max_results=min(int(one.get("maxResults", "250")), 2500),
    )


def _pair(item: str) -> tuple[str, str]:
    key, sep, value = item.partition("=")
    if not sep:
        raise errors.bad_request(f"Invalid privateExtendedProperty {item!r}: expected name=value")
    return key, value


def encode_sync_token(calendar_id: str, version: int, epoch: int) -> str:
    raw = json.dumps({"c": calendar_id, "v": version, "e": epoch}).encode()
    return base64.urlsafe_b64encode(raw).decode()


def since_version(token: str, calendar_id: str, epoch: int) -> int:
    try:
        fields = json.loads(base64.urlsafe_b64decode(token.encode()))
        if fields["c"] == calendar_id and fields["e"] == epoch:
            return int(fields["v"])
    except (ValueError, KeyError, TypeError):
        pass
    raise errors.full_sync_required()
