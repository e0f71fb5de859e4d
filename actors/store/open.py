"""Open a state store from its URL: `sqlite:///path/to/file` or `postgresql://user@host:port/db`."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from actors.store.base import StateStore, StoreError


def open_store(url: str) -> StateStore:
    scheme = urlsplit(url).scheme
    if scheme == "sqlite":
        from actors.store.sqlite import SqliteStore

        return SqliteStore(sqlite_path(url))
    if scheme in ("postgresql", "postgres"):
        from actors.store.postgres import PostgresStore

        return PostgresStore(url)
    raise StoreError(f"unsupported store URL scheme {scheme!r}: use sqlite:///path or postgresql://host/db")


def sqlite_path(url: str) -> Path:
    """`sqlite:///abs/path` and `sqlite:///relative` (three slashes) as a file path; memory is refused."""
    path = url.removeprefix("sqlite://")
    if path in ("", "/", "/:memory:"):
        raise StoreError(f"store URL {url!r} names no file: hosts share state, so give sqlite:///path")
    # As in SQLAlchemy: sqlite:///rel is relative to the working directory, sqlite:////abs is absolute.
    return Path(path[1:])
