"""WAL checkpoints off the request path, for a long-running server on SQLite.

SQLite copies the write-ahead log back into the database file (a checkpoint, with an fsync) inside
whichever commit crosses 1,000 log pages, so every few hundred screened transfers one request waited
for it — the p99 of `POST /v1/screen`. The server turns that off on its own connections
(`wal_autocheckpoint=0`) and runs a passive checkpoint from a thread every second instead: the log stays
small, readers and writers are never blocked by it, and SQLite releases the GIL while it copies. Other
processes on the same file (the CLI) keep SQLite's automatic checkpoints.
"""

from __future__ import annotations

import sqlite3
import threading
from typing import Any

from sqlalchemy import Engine, event

EVERY_SECONDS = 1.0


class WalCheckpointer:
    def __init__(self, engine: Engine, *, every_seconds: float = EVERY_SECONDS) -> None:
        if engine.dialect.name != "sqlite" or not engine.url.database or engine.url.database == ":memory:":
            raise ValueError("WAL checkpoints are for an SQLite file")
        self.engine = engine
        self.path = engine.url.database
        self.every_seconds = every_seconds
        self.checkpoints = 0  # passive checkpoints run (tests, diagnostics)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> WalCheckpointer:
        """Turn automatic checkpoints off on the engine's connections (those already pooled are closed
        and reopened with the setting) and start the thread."""
        if self._thread is None:
            event.listen(self.engine, "connect", _no_autocheckpoint)
            self.engine.dispose()
            self._thread = threading.Thread(target=self._run, name="wal-checkpoint", daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        """Stop the thread after a last checkpoint; new connections checkpoint automatically again."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None
            event.remove(self.engine, "connect", _no_autocheckpoint)

    def checkpoint(self) -> tuple[int, int] | None:
        """One passive checkpoint: copies what no reader still needs, never waits for a lock. Returns
        (pages in the log, pages copied), or None when the database was busy (the next round copies)."""
        connection = sqlite3.connect(self.path, timeout=0.1)
        try:
            _busy, log, copied = connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            self.checkpoints += 1
            return log, copied
        except sqlite3.OperationalError:
            return None
        finally:
            connection.close()

    def _run(self) -> None:
        while not self._stop.wait(self.every_seconds):
            self.checkpoint()
        self.checkpoint()


def _no_autocheckpoint(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA wal_autocheckpoint=0")
    cursor.close()
