from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from fanzha.store import make_engine
from fanzha.store.checkpoints import WalCheckpointer


def _wal_pages(engine_path: Path) -> int:
    wal = Path(f"{engine_path}-wal")
    return wal.stat().st_size // 4096 if wal.exists() else 0


def test_the_server_checkpoints_from_a_thread_instead_of_inside_commits(tmp_path: Path) -> None:
    path = tmp_path / "fanzha.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (x TEXT)"))
    checkpointer = WalCheckpointer(engine, every_seconds=3600).start()  # the thread waits: rounds by hand
    try:
        with engine.connect() as conn:
            assert conn.execute(text("PRAGMA wal_autocheckpoint")).scalar() == 0
        for _ in range(30):  # well over SQLite's 1,000-page automatic checkpoint
            with engine.begin() as conn:
                conn.execute(text("INSERT INTO t VALUES (:x)"), [{"x": "字" * 1000} for _ in range(100)])
        assert _wal_pages(path) > 2000  # no commit copied the log back (it would restart at ~1,000 pages)
        log, copied = checkpointer.checkpoint() or (0, -1)
        assert copied == log > 2000  # the passive round copied the whole log
        assert checkpointer.checkpoints == 1
    finally:
        checkpointer.stop()
    engine.dispose()  # stopped: new connections checkpoint automatically again
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA wal_autocheckpoint")).scalar() == 1000
        assert conn.execute(text("SELECT count(*) FROM t")).scalar() == 3000


def test_only_an_sqlite_file_can_be_checkpointed() -> None:
    with pytest.raises(ValueError):
        WalCheckpointer(make_engine("sqlite://"))
