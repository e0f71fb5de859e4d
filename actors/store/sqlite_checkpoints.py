"""WAL checkpoints on a thread of their own, so that a save never waits for one.

By default SQLite checkpoints inside whichever commit takes the WAL past 1,000 pages, and with
`synchronous=NORMAL` a checkpoint syncs the WAL and then the database file. In the pipeline benchmark
such commits held the saving thread (a host's, which is the ingest loop's with hosts in the ingest
actors) for up to 200 ms: more than a tenth of its time at full rate went to waiting on the disk. Here
the saving connection never checkpoints, and a thread with a connection of its own runs a PASSIVE
checkpoint, which blocks neither writers nor readers, every `interval_s`. sqlite3 lets go of the GIL
while it works. Every process that opens the store runs one; two at once cost no more than one, as a
checkpoint copies only the frames no other has copied.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

log = logging.getLogger(__name__)

# Once a checkpoint has copied everything, the next write starts the WAL over; the file is then cut
# back to this size rather than keeping the largest it ever grew to.
WAL_KEEP_BYTES = 64 * 1024 * 1024


def saves_without_checkpoints(db: sqlite3.Connection) -> None:
    db.execute("PRAGMA wal_autocheckpoint=0")
    db.execute(f"PRAGMA journal_size_limit={WAL_KEEP_BYTES}")


class Checkpointer:
    def __init__(self, path: Path, interval_s: float = 0.5) -> None:
        self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._interval_s = interval_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sqlite-checkpoints", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self._interval_s):
            self.checkpoint()

    def checkpoint(self) -> None:
        try:
            self._db.execute("PRAGMA wal_checkpoint(PASSIVE)")
        except sqlite3.Error as error:  # the next one copies what this one could not
            log.warning("WAL checkpoint of the state store failed: %s", error)

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.checkpoint()
        self._db.close()
