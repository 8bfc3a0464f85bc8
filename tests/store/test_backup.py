"""`fanzha backup` / `fanzha restore` (`fanzha.store.backup`): a copy made while the store is open is whole
and checked; a restore puts the copied rows back (keeping the SQLite file it replaces beside it); a file that
is not a fanzha store, or a backup that would overwrite one, is refused in Chinese and changes nothing."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from fanzha.intel.repository import IntelStore
from fanzha.store import upgrade
from fanzha.store.backup import BackupError, backup, check_sqlite, restore, sqlite_path
from fanzha.store.tables import ReportRow


def _reports(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(ReportRow)) or 0)


def _url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def test_a_backup_restores_the_rows_it_copied(engine: Engine, tmp_path: Path) -> None:
    if engine.url.get_backend_name() == "postgresql" and shutil.which("pg_dump") is None:
        pytest.skip("pg_dump is not installed")
    upgrade(engine)
    store = IntelStore(engine)
    store.add_report(kind="phone", value="17012345678", source="police")
    archive = tmp_path / "backup"
    made = backup(_url(engine), archive)
    assert made.size > 0 and archive.is_file()
    store.add_report(kind="phone", value="17112345678", source="police")
    assert _reports(engine) == 2
    engine.dispose()
    restore(_url(engine), archive)
    assert _reports(engine) == 1
    if (database := sqlite_path(_url(engine))) is not None:
        (before,) = database.parent.glob(f"{database.name}.before-restore-*")
        assert check_sqlite(before).revision == made.revision  # the replaced store, kept whole
        with sqlite3.connect(before) as kept:
            assert kept.execute("SELECT count(*) FROM reports").fetchone()[0] == 2


def test_a_backup_of_an_open_store_in_the_middle_of_writes_is_whole(tmp_path: Path) -> None:
    from fanzha.store import make_engine

    database = tmp_path / "live.sqlite3"
    engine = make_engine(f"sqlite:///{database}")
    upgrade(engine)
    store = IntelStore(engine)
    for n in range(50):
        store.add_report(kind="phone", value=f"170{n:08d}", source="police")
    writer = sqlite3.connect(database)
    writer.execute("BEGIN IMMEDIATE")  # a write in progress, not committed
    writer.execute("DELETE FROM reports")
    info = backup(f"sqlite:///{database}", tmp_path / "copy.sqlite3")
    writer.rollback()
    writer.close()
    assert info.revision and info.tables > 40
    with sqlite3.connect(tmp_path / "copy.sqlite3") as copy:
        assert copy.execute("SELECT count(*) FROM reports").fetchone()[0] == 50


def test_what_cannot_be_backed_up_or_restored_is_refused_and_nothing_changes(tmp_path: Path) -> None:
    from fanzha.store import make_engine

    database = tmp_path / "store.sqlite3"
    url = f"sqlite:///{database}"
    engine = make_engine(url)
    upgrade(engine)
    IntelStore(engine).add_report(kind="phone", value="17012345678", source="police")
    engine.dispose()
    existing = tmp_path / "taken.sqlite3"
    existing.write_bytes(b"keep me")
    with pytest.raises(BackupError, match="已存在"):
        backup(url, existing)
    assert existing.read_bytes() == b"keep me"
    not_sqlite = tmp_path / "notes.txt"
    not_sqlite.write_text("不是数据库" * 100, encoding="utf-8")
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE t (x)")
    for bad, message in (
        (not_sqlite, "不是可读的 SQLite"),
        (other, "不是 fanzha"),
        (tmp_path / "nope", "不存在"),
    ):
        with pytest.raises(BackupError, match=message):
            restore(url, bad)
    assert not list(tmp_path.glob("store.sqlite3.before-restore-*"))
    assert check_sqlite(database).tables > 40
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT count(*) FROM reports").fetchone()[0] == 1
