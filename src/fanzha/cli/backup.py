"""`fanzha backup` and `fanzha restore`: a consistent copy of the store while the service runs, and the
store put back from one (`fanzha.store.backup`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from fanzha.cli.errors import fail
from fanzha.cli.intel import DataDir, store_url


def backup_cmd(
    target: Annotated[
        Path, typer.Argument(help="备份写到哪里：SQLite 为一个数据库文件，PostgreSQL 为 pg_dump 归档")
    ],
    force: Annotated[bool, typer.Option("--force", help="覆盖已有的备份文件")] = False,
    data_dir: DataDir = None,
) -> None:
    """备份数据库：SQLite 用在线备份（服务不停），PostgreSQL 用 pg_dump。

    备份写完后检查完整性和迁移版本。例：fanzha backup /backup/fanzha-$(date +%F).sqlite3
    """
    from fanzha.store.backup import BackupError, backup

    try:
        info = backup(store_url(data_dir), target, overwrite=force)
    except BackupError as exc:
        fail(str(exc))
    made = f"，迁移版本 {info.revision}，{info.tables} 张表" if info.revision else ""
    typer.echo(f"已备份到 {info.path}（{info.size / 1_048_576:.1f} MB{made}）")


def restore_cmd(
    archive: Annotated[Path, typer.Argument(help="fanzha backup 写出的备份文件")],
    yes: Annotated[bool, typer.Option("--yes", help="确认用备份替换当前数据库")] = False,
    data_dir: DataDir = None,
) -> None:
    """用备份替换当前数据库（先停止服务）。SQLite 的原数据库文件保留在旁边（.before-restore-时间）。

    恢复后审计日志的锚点仍指向恢复前最新的记录：核对无误后运行 fanzha audit anchor --reset 重新记录。
    例：fanzha restore /backup/fanzha-2026-12-01.sqlite3 --yes
    """
    from fanzha.store.backup import BackupError, restore

    if not yes:
        fail("恢复会替换当前数据库：确认请加 --yes")
    try:
        info = restore(store_url(data_dir), archive)
    except BackupError as exc:
        fail(str(exc))
    made = f"（迁移版本 {info.revision}，{info.tables} 张表）" if info.revision else ""
    typer.echo(f"已从 {archive} 恢复{made}。核对无误后运行 fanzha audit anchor --reset 重新记录审计锚点。")
