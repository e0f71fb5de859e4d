"""Reports the fields a tolerant read ignored, so producers' newer fields show up in logs and tests."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


def unknown_fields(raw: Any, message: BaseModel) -> list[str]:
    """Paths of fields in `raw` (the parsed JSON) that `message` (its decoded model) did not keep."""
    known = message.model_dump(mode="json", by_alias=True)
    found: list[str] = []
    _compare(raw, known, "", found)
    return found


def _compare(raw: Any, known: Any, path: str, found: list[str]) -> None:
    if isinstance(raw, dict) and isinstance(known, dict):
        for key, value in raw.items():
            where = f"{path}.{key}" if path else str(key)
            if key in known:
                _compare(value, known[key], where, found)
            else:
                found.append(where)
    elif isinstance(raw, list) and isinstance(known, list):
        for index, (raw_item, known_item) in enumerate(zip(raw, known, strict=False)):
            _compare(raw_item, known_item, f"{path}[{index}]", found)
