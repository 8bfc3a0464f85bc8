"""`fanzha audit …`: check the hash-chained audit log."""

from __future__ import annotations

import typer

from fanzha.cli.intel import DataDir, store_url

audit_app = typer.Typer(help="审计日志：校验哈希链是否完整。", no_args_is_help=True)


@audit_app.command()
def verify(data_dir: DataDir = None) -> None:
    """从第一条起逐条校验审计日志，报告第一条不符的记录，并打印最新哈希（请另行保存以作锚定）。

    完整时退出码为 0，被改动、删除或调换时为 1。例：fanzha audit verify
    """
    from fanzha.audit.log import verify as verify_chain
    from fanzha.store import make_engine, upgrade

    engine = make_engine(store_url(data_dir))
    upgrade(engine)
    result = verify_chain(engine)
    typer.echo(f"已校验 {result.checked} 条记录")
    if result.ok:
        typer.echo("审计日志完整")
    else:
        typer.echo(f"审计日志被破坏：第 {result.bad_seq} 条记录——{result.reason}")
    typer.echo(f"{'最新哈希' if result.ok else '最后一条完好记录的哈希'}：{result.head}")
    engine.dispose()
    if not result.ok:
        raise typer.Exit(1)
