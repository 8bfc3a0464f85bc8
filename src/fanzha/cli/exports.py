"""`fanzha export …`: the desk's lists as CSV or Excel files from the terminal — cases, 串并 groups, stop-payment
and freeze orders — built by `fanzha.reports.exports` exactly as the console and the API build them, and
audited the same way (the actor is `命令行:<login name>` unless `--actor` names the officer)."""

from __future__ import annotations

import getpass
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from fanzha.cli.errors import fail
from fanzha.cli.intel import DataDir, store_url

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from fanzha.reports.exports import Export

export_app = typer.Typer(
    help="导出：案件、串并组、止付冻结指令，CSV 或 Excel，导出记入审计日志。", no_args_is_help=True
)

Format = Annotated[str, typer.Option("--format", "-f", help="csv（带BOM，Excel可直接打开）或 xlsx")]
Out = Annotated[
    Path | None,
    typer.Option(
        "--out", "-o", help="输出文件；不填则在当前目录按“案件_日期_时间.xlsx”命名；csv 可用 - 写到标准输出"
    ),
]
Actor = Annotated[str, typer.Option("--actor", help="审计日志记录的导出人（默认 命令行:登录名）")]
Since = Annotated[str, typer.Option("--since", help="日期起（北京时间，含），如 2026-11-01")]
Until = Annotated[str, typer.Option("--until", help="日期止（北京时间，含）")]


def _engine(data_dir: Path | None) -> Engine:
    from fanzha.store import make_engine, upgrade

    engine = make_engine(store_url(data_dir))
    upgrade(engine)
    return engine


def _days(since: str, until: str) -> tuple[datetime | None, datetime | None]:
    from fanzha.cases.listing import ListingError, day_span

    days: list[date | None] = []
    for raw, what in ((since, "起始日期"), (until, "截止日期")):
        try:
            days.append(date.fromisoformat(raw.strip()) if raw.strip() else None)
        except ValueError:
            fail(f"{what}“{raw[:20]}”不是日期，请写成 2026-11-06")
    try:
        return day_span(days[0], days[1])
    except ListingError as exc:
        fail(str(exc))


def _write(
    data_dir: Path | None, build: Callable[[Engine], Export], fmt: str, out: Path | None, actor: str
) -> None:
    """The export `build` makes from the store in `data_dir`, written to `out` (or a file named after it)
    and recorded in the audit log."""
    from fanzha.reports.exports import KINDS, csv_chunks, record_export, write_xlsx

    engine = _engine(data_dir)
    export = build(engine)
    if fmt not in ("csv", "xlsx"):
        fail(f"不支持的格式“{fmt[:10]}”，可选 csv 或 xlsx")
    if out is not None and str(out) == "-" and fmt == "xlsx":
        fail("Excel 文件不能写到标准输出，请用 --out 指定文件")
    started = time.perf_counter()
    target = out or Path(export.filename(fmt, datetime.now(UTC)))
    try:
        if str(target) == "-":
            for chunk in csv_chunks(export.tables[0]):
                sys.stdout.buffer.write(chunk)
        elif fmt == "xlsx":
            write_xlsx(export, target)
        else:
            with target.open("wb") as handle:
                for chunk in csv_chunks(export.tables[0]):
                    handle.write(chunk)
    except OSError as exc:
        fail(f"无法写入 {target}：{exc.strerror or exc}")
    record_export(engine, actor=actor or f"命令行:{getpass.getuser()}", export=export, fmt=fmt, via="cli")
    if str(target) != "-":
        typer.echo(
            f"已导出{KINDS[export.kind]} {export.total} 条到 {target}（{time.perf_counter() - started:.1f} 秒）",
            err=True,
        )


@export_app.command("cases")
def cases_cmd(
    fmt: Format = "xlsx",
    out: Out = None,
    status: Annotated[str, typer.Option("--status", help="案件状态，如 received、investigating")] = "",
    district: Annotated[str, typer.Option("--district", help="辖区")] = "",
    fraud_type: Annotated[str, typer.Option("--type", help="诈骗类型代码")] = "",
    text: Annotated[str, typer.Option("--q", help="案件编号、叙述或线索中的文字")] = "",
    since: Since = "",
    until: Until = "",
    actor: Actor = "",
    data_dir: DataDir = None,
) -> None:
    """导出案件：每案一行（转账、线索汇总在一格），Excel 另附转账明细、涉案线索两张表。

    例：fanzha export cases --format xlsx --out 案件.xlsx --since 2026-11-01 --district 西城区
    """
    from fanzha.cases.listing import CaseFilter
    from fanzha.reports.export_cases import cases_export

    start, end = _days(since, until)
    filters = CaseFilter(
        status=status, district=district, fraud_type=fraud_type, text=text, since=start, until=end
    )
    _write(data_dir, lambda e: cases_export(e, filters, details=fmt == "xlsx"), fmt, out, actor)


@export_app.command("groups")
def groups_cmd(
    fmt: Format = "xlsx",
    out: Out = None,
    order: Annotated[str, typer.Option("--order", help="size（按案件数）或 loss（按损失）")] = "size",
    two_cards: Annotated[
        bool, typer.Option("--two-cards", help="只导出经过断卡惩戒名单账户、号码的组")
    ] = False,
    actor: Actor = "",
    data_dir: DataDir = None,
) -> None:
    """导出两起以上案件的串并组：案件数、损失、辖区、类型、共享线索、两卡；Excel 另附组内案件表。

    例：fanzha export groups --order loss --out 串并组.xlsx
    """
    from fanzha.reports.export_desk import groups_export

    if order not in ("size", "loss"):
        fail("--order 只能是 size 或 loss")
    by: Literal["size", "loss"] = "loss" if order == "loss" else "size"
    xlsx = fmt == "xlsx"
    _write(data_dir, lambda e: groups_export(e, order=by, two_cards=two_cards, details=xlsx), fmt, out, actor)


@export_app.command("orders")
def orders_cmd(
    fmt: Format = "xlsx",
    out: Out = None,
    state: Annotated[str, typer.Option("--state", help="状态，如 requested、executed；open 为未结束")] = "",
    bank: Annotated[str, typer.Option("--bank", help="银行")] = "",
    soon: Annotated[bool, typer.Option("--soon", help="只导出 12 小时内到期（含已超期）的有效指令")] = False,
    since: Since = "",
    until: Until = "",
    actor: Actor = "",
    data_dir: DataDir = None,
) -> None:
    """导出止付、冻结指令（新申请的在前）。

    例：fanzha export orders --state open --format csv --out 指令.csv
    """
    from fanzha.orders.listing import OrderFilter
    from fanzha.reports.export_desk import orders_export

    start, end = _days(since, until)
    filters = OrderFilter(
        state=state, bank=bank, since=start, until=end, expiring_within=timedelta(hours=12) if soon else None
    )
    _write(data_dir, lambda e: orders_export(e, filters), fmt, out, actor)
