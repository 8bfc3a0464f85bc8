"""`fanzha orders …`: stop-payment and freeze orders from the terminal (list, mark overdue ones expired)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import orjson
import typer

from fanzha.cli.intel import DataDir, store_url
from fanzha.cli.tables import beijing
from fanzha.orders.machine import ACTIVE, KIND_NAMES, STATE_NAMES, STATES
from fanzha.text.masking import mask_account

if TYPE_CHECKING:
    from fanzha.orders import Order, OrderStore

orders_app = typer.Typer(help="紧急止付与冻结指令：查看、将已过期限的指令置为到期。", no_args_is_help=True)


def _store(data_dir: Path | None) -> OrderStore:
    from fanzha.orders import OrderStore
    from fanzha.store import make_engine, upgrade

    engine = make_engine(store_url(data_dir))
    upgrade(engine)
    return OrderStore(engine)


def _line(order: Order, now: datetime, *, masked: bool = False) -> str:
    account = mask_account(order.account) if masked else order.account
    text = (
        f"#{order.id} {KIND_NAMES[order.kind]} {STATE_NAMES[order.state]} {account}（{order.bank}）"
        f" 申请 {order.amount_requested:.2f} 元，实际 {order.amount_stopped:.2f} 元"
    )
    if order.expires_at is not None and order.state in ACTIVE:
        hours = (order.expires_at - now).total_seconds() / 3600
        due = f"已超期 {-hours:.1f} 小时" if hours <= 0 else f"剩余 {hours:.1f} 小时"
        text += f"，{beijing(order.expires_at)}（北京时间）到期（{due}）"
    if order.covers:
        text += f"，含其他受害者资金 {len(order.covers)} 笔"
    return text


@orders_app.command("list")
def list_command(
    expiring: Annotated[
        float | None, typer.Option("--expiring", help="只列出这么多小时内到期（含已超期）的指令", min=0)
    ] = None,
    state: Annotated[str | None, typer.Option(help="按状态筛选：" + ", ".join(STATES))] = None,
    data_dir: DataDir = None,
    as_json: Annotated[bool, typer.Option("--json", help="以JSON输出")] = False,
) -> None:
    """列出指令（最新的在前；--expiring 时按到期先后）。例：fanzha orders list --expiring 12"""
    from fanzha.cli.errors import fail

    if state is not None and state not in STATES:
        fail(f"不支持的状态：{state}（可选：{', '.join(STATES)}）")
    now = datetime.now(UTC)
    within = timedelta(hours=expiring) if expiring is not None else None
    found = _store(data_dir).list_orders(state=state, expiring_within=within, now=now, limit=10_000)
    if as_json:
        for order in found:
            typer.echo(orjson.dumps(order).decode())
        return
    if not found:
        typer.echo("没有符合条件的指令")
    for order in found:
        typer.echo(_line(order, now))


@orders_app.command("expire-due")
def expire_due_command(data_dir: DataDir = None) -> None:
    """将已过期限、未续期的指令置为“已到期”（每次都记入审计日志）。可由定时任务运行。

    例：fanzha orders expire-due
    """
    now = datetime.now(UTC)
    expired = _store(data_dir).expire_due(now=now)
    typer.echo(f"已将 {len(expired)} 条指令置为到期")
    for order in expired:
        typer.echo("  · " + _line(order, now, masked=True))
