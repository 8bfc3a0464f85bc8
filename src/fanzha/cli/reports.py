"""`fanzha bulletin` and `fanzha trends`: the desk's bulletin (警情通报) and case trends (发案走势).

`trends_cmd` is a plain function and the bulletin a group of commands (`fanzha.cli.bulletin`), both
registered on the main app at the top level; `reports_app` holds them too, for tests and for anyone who
prefers `fanzha reports bulletin …`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import orjson
import typer

from fanzha.cli.bulletin import bulletin_app
from fanzha.cli.errors import fail
from fanzha.cli.intel import DataDir, store_url

if TYPE_CHECKING:
    from sqlalchemy import Engine

reports_app = typer.Typer(help="统计与通报：警情通报、发案走势。", no_args_is_help=True)


def _engine(data_dir: Path | None) -> Engine:
    from fanzha.store import make_engine, upgrade

    engine = make_engine(store_url(data_dir))
    upgrade(engine)
    return engine


def trends_cmd(
    by: Annotated[
        str, typer.Option("--by", help="时间粒度：week（按周）、month（按月）或 day（按日）")
    ] = "week",
    dimension: Annotated[
        str,
        typer.Option(
            "--dimension",
            help="分组：fraud_type（类型）、district（地区）、desk（接警台）、age_band（年龄段）、contact_channel（渠道）、victim_sex（性别）",
        ),
    ] = "fraud_type",
    last: Annotated[
        int, typer.Option("--last", help="最近多少期（截至最新案件所在的一期）", min=1, max=520)
    ] = 12,
    top: Annotated[int, typer.Option("--top", help="文本输出时列出前几个分组", min=1)] = 6,
    as_json: Annotated[bool, typer.Option("--json", help="以JSON输出全部数字")] = False,
    period: Annotated[
        str | None,
        typer.Option("--period", help="截至哪一期：2026-W47 或 2026-11；默认最新案件所在的一期"),
    ] = None,
    data_dir: DataDir = None,
) -> None:
    """发案走势：每周（或每月）的报警数、劝阻数（含预警劝阻成功）、涉案金额、避免损失，以及按类型、地区、年龄段等的分布。

    受理时间超出可接受范围的案件（数据库中的异常记录）不计入统计，并给出提示。

    例：fanzha trends --by week --last 12
        fanzha trends --by month --dimension district --json
        fanzha trends --period 2026-W47 --last 8
    """
    from fanzha.reports.formats import money
    from fanzha.reports.periods import parse_period
    from fanzha.reports.trends import DIMENSIONS, key_name, trends

    if by not in ("week", "month", "day"):
        fail(f"不支持的时间粒度：{by}（可选：week、month、day）")
    if dimension not in DIMENSIONS:
        fail(f"不支持的分组：{dimension}（可选：{'、'.join(DIMENSIONS)}）")
    try:
        until = parse_period(period) if period is not None else None
    except ValueError as exc:
        fail(str(exc))
    table = trends(_engine(data_dir), by=by, dimension=dimension, last=last, until=until)  # type: ignore[arg-type]
    if table.note:
        typer.echo(f"提示：{table.note}。", err=True)
    if as_json:
        typer.echo(orjson.dumps(table.to_dict(), option=orjson.OPT_INDENT_2).decode())
        return
    if not table.periods:
        typer.echo(
            "数据库中没有受理时间在可接受范围内的案件。"
            if table.skipped
            else "数据库中还没有案件。可以先运行 fanzha demo cases --n 1000 生成演示数据。"
        )
        return
    keys = table.keys[:top]
    # 劝阻数 counts cases recorded as dissuaded and warnings that ended 劝阻成功 (each once); 避免损失 is
    # the payments those warnings stopped
    header = ["期间", "报警数", "劝阻数", "涉案金额", "避免损失", *(key_name(dimension, k) for k in keys)]
    typer.echo(f"按{DIMENSIONS[dimension]}（前{len(keys)}个）：")
    typer.echo("\t".join(header))
    for i, row in enumerate(table.periods):
        t = table.totals[i]
        cells = [row.label, str(t.cases), str(t.dissuaded_total), money(t.loss_fen), money(t.prevented_fen)]
        typer.echo("\t".join(cells + [str(table.series(k)[i]) for k in keys]))


reports_app.add_typer(bulletin_app, name="bulletin")
reports_app.command("trends")(trends_cmd)
