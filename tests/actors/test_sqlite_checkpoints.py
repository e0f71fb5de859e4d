"""Saves never stop for a WAL checkpoint; the store's own thread copies the WAL into the database."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from actors.store.sqlite_checkpoints import Checkpointer, saves_without_checkpoints

PAGE_FILLER = b"x" * 5000  # more than a page a row, so that 1,200 rows pass the default 1,000 pages


def _write_rows(db: sqlite3.Connection, rows: int) -> None:
    db.execute("BEGIN")
    db.executemany("INSERT INTO t VALUES (?, ?)", [(n, PAGE_FILLER) for n in range(rows)])
    db.execute("COMMIT")


def _wal_connection(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE t (n INTEGER PRIMARY KEY, filler BLOB)")
    return db


def test_a_saving_connection_leaves_the_wal_to_the_checkpointer(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    db = _wal_connection(path)
    saves_without_checkpoints(db)
    before = path.stat().st_size
    _write_rows(db, 1200)  # SQLite's default would have checkpointed inside this commit
    assert path.stat().st_size == before
    assert Path(f"{path}-wal").stat().st_size > 1000 * 4096

    checkpoints = Checkpointer(path, interval_s=60.0)
    try:
        checkpoints.checkpoint()
        assert path.stat().st_size > 1200 * len(PAGE_FILLER)
        busy, frames, copied = db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        assert (busy, copied) == (0, frames)  # nothing was left to copy
    finally:
        checkpoints.close()
        db.close()


def test_the_thread_checkpoints_on_its_own(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    db = _wal_connection(path)
    saves_without_checkpoints(db)
    checkpoints = Checkpointer(path, interval_s=0.05)
    try:
        _write_rows(db, 50)
        deadline = time.monotonic() + 10
        while path.stat().st_size < 50 * len(PAGE_FILLER) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert path.stat().st_size >= 50 * len(PAGE_FILLER)
    finally:
        checkpoints.close()
        db.close()
