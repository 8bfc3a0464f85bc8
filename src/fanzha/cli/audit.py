"""`fanzha audit …`: check the hash-chained audit log, and keep its head (the anchor)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from fanzha.cli.errors import fail
from fanzha.cli.intel import DataDir, store_url

if TYPE_CHECKING:
    from sqlalchemy import Engine

audit_app = typer.Typer(
    help="审计日志：校验哈希链是否完整，保存和核对锚点（最新记录的序号与哈希）。", no_args_is_help=True
)


def _engine(data_dir: Path | None) -> Engine:
    from fanzha.store import make_engine, upgrade

    engine = make_engine(store_url(data_dir))
    upgrade(engine)
    return engine


@audit_app.command()
def verify(
    anchor: Annotated[
        str | None,
        typer.Option(
            "--anchor",
            help="核对的锚点：保存的锚点文件，或“序号:哈希”（fanzha audit anchor 的输出）；"
            "默认为系统自动记录的锚点（FANZHA_AUDIT_ANCHOR，默认在数据库旁）",
        ),
    ] = None,
    data_dir: DataDir = None,
) -> None:
    """从第一条起逐条校验审计日志，并与锚点核对：报告被改动、删除、调换的记录，以及锚点之后被删除或改写的记录。

    完整时退出码为 0，被破坏时为 1，锚点无法读取时为 2。
    例：fanzha audit verify
        fanzha audit verify --anchor 1234:5f2c…（民警保存的锚点）
    """
    from fanzha.audit.anchor import AnchorError, Head, anchor_for, read_anchor
    from fanzha.audit.log import verify as verify_chain

    engine = _engine(data_dir)
    source = ""
    head: Head | None = None
    try:
        if anchor is not None:
            head = read_anchor(anchor)
            source = "给定的锚点"
        else:
            kept = anchor_for(engine)
            head = kept.read() if kept is not None else None
            source = f"自动记录的锚点（{kept.describe()}）" if kept is not None else ""
    except AnchorError as exc:
        engine.dispose()
        fail(str(exc))
    result = verify_chain(engine, anchor=head)
    engine.dispose()
    typer.echo(f"已校验 {result.checked} 条记录")
    if result.ok:
        typer.echo("审计日志完整")
        if head is None:
            typer.echo(
                "未配置锚点，无法发现最新记录被删除：请用 fanzha audit anchor 保存最新哈希，或设置 FANZHA_AUDIT_ANCHOR"
            )
        else:
            typer.echo(
                f"与锚定值一致：{source}，第 {head.seq} 条"
                + (f"，其后新增 {result.after_anchor} 条" if result.after_anchor else "")
            )
    else:
        where = f"第 {result.bad_seq} 条记录——" if result.bad_seq is not None else ""
        typer.echo(f"审计日志被破坏：{where}{result.reason}")
        if head is not None:
            typer.echo(f"锚点：{source}，第 {head.seq} 条，哈希 {head.hash}")
    typer.echo(f"{'最新哈希' if result.ok else '最后一条完好记录的哈希'}：{result.head}")
    if not result.ok:
        raise typer.Exit(1)


@audit_app.command()
def anchor(
    out: Annotated[
        Path | None, typer.Option("--out", help="把锚点写入此文件（JSON），交由民警或上级单位另行保存")
    ] = None,
    reset: Annotated[
        bool,
        typer.Option("--reset", help="把系统自动记录的锚点重置为当前最新记录（仅在从备份恢复数据库后使用）"),
    ] = False,
    data_dir: DataDir = None,
) -> None:
    """校验审计日志并打印最新记录的锚点（序号:哈希），请另行保存：日后 fanzha audit verify --anchor 可发现其后被删除或改写的记录。

    例：fanzha audit anchor
        fanzha audit anchor --out 审计锚点-2026-11-23.json
    """
    from fanzha.audit.anchor import Head, anchor_for
    from fanzha.audit.log import verify as verify_chain

    engine = _engine(data_dir)
    result = verify_chain(engine)
    if not result.ok:
        engine.dispose()
        typer.echo(
            f"审计日志被破坏：第 {result.bad_seq} 条记录——{result.reason}；请先查明原因，不能据此生成锚点",
            err=True,
        )
        raise typer.Exit(1)
    head = Head(result.checked, result.head)
    if reset:
        kept = anchor_for(engine)
        if kept is None:
            engine.dispose()
            fail("未配置自动锚点（FANZHA_AUDIT_ANCHOR=off 或内存数据库），无法重置")
        kept.reset(head)
        typer.echo(f"已重置自动锚点：{kept.describe()}", err=True)
    engine.dispose()
    if out is not None:
        try:
            out.write_text(head.to_json() + "\n", encoding="utf-8")
        except OSError as exc:
            fail(f"无法写入 {out}：{exc.strerror or exc}")
        typer.echo(f"已写入 {out}", err=True)
    typer.echo(f"审计日志共 {result.checked} 条，最新为第 {head.seq} 条，哈希 {head.hash}", err=True)
    typer.echo(str(head))
