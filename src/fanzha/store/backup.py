"""Backing up and restoring the store (`fanzha backup`, `fanzha restore`).

SQLite: the online backup API (`sqlite3.Connection.backup`) copies a consistent snapshot while the service
keeps reading and writing, page by page; the copy is checked (`PRAGMA integrity_check`, the migration
revision) before it is reported as made. A restore checks the backup the same way, keeps the database it
replaces beside it (`<name>.before-restore-<time>`) and copies the backup into place with the same API, so a
reader never sees half a database.

PostgreSQL: `pg_dump --format=custom` and `pg_restore --clean --if-exists --single-transaction`, the tools
a PostgreSQL administrator already trusts (they must be on PATH; the URL's driver part is dropped for them).

After a restore the audit log's anchor (kept outside the database) names a later head than the restored
log holds: `fanzha audit verify` reports it, and `fanzha audit anchor --reset` sets it to the restored head once an
officer has checked the restore.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from fanzha.timezones import BEIJING

PAGES_PER_STEP = 1024  # pages copied per step of the online backup: writers are not held up for long


class BackupError(RuntimeError):
    """A backup or restore that cannot be made; the message is for the user (Chinese)."""


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    size: int  # bytes
    revision: str  # the migration revision of the copied store ("" for a pg_dump archive)
    tables: int


def sqlite_path(url: str) -> Path | None:
    """The file of an SQLite URL (None for another database or an in-memory one)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    return Path(parsed.database) if parsed.database and parsed.database != ":memory:" else None


def backup(url: str, target: Path, *, overwrite: bool = False) -> BackupInfo:
    """A copy of the store at `url` written to `target` (a file for SQLite, an archive for PostgreSQL)."""
    if target.exists() and not overwrite:
        raise BackupError(f"备份文件已存在：{target}（覆盖请加 --force）")
    target.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite_path(url)
    if source is not None:
        return _backup_sqlite(source, target)
    if make_url(url).get_backend_name() == "postgresql":
        _run(["pg_dump", "--format=custom", "--no-owner", f"--file={target}", _libpq(url)], "pg_dump")
        return BackupInfo(target, target.stat().st_size, "", 0)
    raise BackupError(f"不支持备份这种数据库：{make_url(url).get_backend_name()}")


def restore(url: str, archive: Path) -> BackupInfo:
    """The store at `url` replaced by the backup `archive`; for SQLite, the replaced file is kept beside."""
    if not archive.is_file():
        raise BackupError(f"备份文件不存在：{archive}")
    target = sqlite_path(url)
    if target is not None:
        return _restore_sqlite(archive, target)
    if make_url(url).get_backend_name() == "postgresql":
        _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
              f"--dbname={_libpq(url)}", str(archive)], "pg_restore")  # fmt: skip
        return BackupInfo(archive, archive.stat().st_size, "", 0)
    raise BackupError(f"不支持恢复这种数据库：{make_url(url).get_backend_name()}")


def check_sqlite(path: Path) -> BackupInfo:
    """A readable, intact fanzha SQLite store, or `BackupError` saying what is wrong with it."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            verdict = db.execute("PRAGMA integrity_check").fetchone()
            tables = db.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
            try:
                revision = db.execute("SELECT version_num FROM alembic_version").fetchone()
            except sqlite3.OperationalError:
                revision = None
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} 不是可读的 SQLite 数据库：{exc}") from None
    if verdict is None or verdict[0] != "ok":
        raise BackupError(f"{path} 已损坏：{verdict[0] if verdict else '无法检查'}")
    if revision is None:
        raise BackupError(f"{path} 不是 fanzha 的数据库（没有迁移版本记录）")
    return BackupInfo(path, path.stat().st_size, str(revision[0]), int(tables))


def _backup_sqlite(source: Path, target: Path) -> BackupInfo:
    if not source.is_file():
        raise BackupError(f"数据库文件不存在：{source}")
    partial = target.with_name(target.name + ".partial")
    try:
        _copy(source, partial)
        info = check_sqlite(partial)
        partial.replace(target)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"备份失败：{exc}") from None
    except BackupError:
        partial.unlink(missing_ok=True)
        raise
    return BackupInfo(target, info.size, info.revision, info.tables)


def _restore_sqlite(archive: Path, target: Path) -> BackupInfo:
    info = check_sqlite(archive)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        if target.exists():  # the store being replaced, kept whole (its write-ahead log included)
            stamp = datetime.now(BEIJING).strftime("%Y%m%dT%H%M%S")  # Beijing time, as the user reads it
            _copy(target, target.with_name(f"{target.name}.before-restore-{stamp}"))
        _copy(archive, target)  # in place: a reader sees the old store or the new one, never half of one
    except (sqlite3.Error, OSError) as exc:
        raise BackupError(f"恢复失败：{exc}") from None
    return BackupInfo(target, target.stat().st_size, info.revision, info.tables)


def _copy(source: Path, target: Path) -> None:
    """SQLite's online backup of `source` into `target`, a step of pages at a time."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst, pages=PAGES_PER_STEP)
        finally:
            dst.close()
    finally:
        src.close()


def _libpq(url: str) -> str:
    """The URL as PostgreSQL's own tools take it (no SQLAlchemy driver part)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _run(command: list[str], tool: str) -> None:
    if shutil.which(tool) is None:
        raise BackupError(
            f"找不到 {tool}：请安装 PostgreSQL 客户端工具（Debian：apt install postgresql-client）"
        )
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BackupError(f"{tool} 失败（退出码 {done.returncode}）：{done.stderr.strip()[-500:]}")
