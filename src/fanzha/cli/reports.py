"""`fanzha bulletin` and `fanzha trends`: the desk's bulletin (警情通报) and case trends (发案走势).

The two commands are plain functions, registered on the main app as top-level commands; `reports_app`
holds them too, for tests and for anyone who prefers `fanzha reports bulletin …`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import orjson
import typer

from fanzha.cli.errors import fail
from fanzha.cli.intel import DataDir, store_url

if TYPE_CHECKING:
    from sqlalchemy import Engine

reports_app = typer.Typer(help="统计与通报：警情通报、发案走势。", no_args_is_help=True)

FORMATS = ("html", "pdf")


def _engine(data_dir: Path | None) -> Engine:
    from fanzha.store import make_engine, upgrade

    engine = make_engine(store_url(data_dir))
    upgrade(engine)
    return engine


def bulletin_cmd(
    period: Annotated[
        str | None,
        typer.Option("--period", help="通报期间：2026-W47（第47周）或 2026-11（11月）；默认上一个完整的周"),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="输出格式：html 或 pdf")] = "html",
    out: Annotated[
        Path | None,
        typer.Option("--out", help="输出文件；默认 HTML 写到标准输出，PDF 写到 警情通报-<期间>.pdf"),
    ] = None,
    issuer: Annotated[
        str | None, typer.Option(help="发布单位，例如 XX市公安局反诈中心（也可设 FANZHA_BULLETIN_ISSUER）")
    ] = None,
    data_dir: DataDir = None,
) -> None:
    """生成警情通报：报警数、劝阻数、涉案金额，上升类型，发案走势图，脱敏后的典型案例和防范提示。

    例：fanzha bulletin --period 2026-W47 --format pdf --out 警情通报.pdf
        fanzha bulletin --period 2026-11 > 十一月通报.html
    """
    from fanzha.reports.bulletin import build_bulletin, render_html, render_pdf
    from fanzha.reports.periods import last_complete, parse_period

    if fmt not in FORMATS:
        fail(f"不支持的格式：{fmt}（可选：html、pdf）")
    try:
        chosen = parse_period(period) if period is not None else last_complete("week")
    except ValueError as exc:
        fail(str(exc))
    bulletin = build_bulletin(_engine(data_dir), chosen, issuer=issuer)
    if bulletin.totals.cases == 0:
        typer.echo(f"提示：{chosen.title}（{chosen.span}）没有案件，通报中各项为0。", err=True)
    if fmt == "pdf":
        target = out or Path(f"警情通报-{chosen.label}.pdf")
        target.write_bytes(render_pdf(bulletin))
        typer.echo(f"已生成 {bulletin.title}：{target}", err=True)
        return
    html = render_html(bulletin)
    if out is None:
        sys.stdout.write(html)
        return
    out.write_text(html, encoding="utf-8")
    typer.echo(f"已生成 {bulletin.title}：{out}", err=True)


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
    data_dir: DataDir = None,
) -> None:
    """发案走势：每周（或每月）的报警数、劝阻数、涉案金额，以及按类型、地区、年龄段等的分布。

    例：fanzha trends --by week --last 12
        fanzha trends --by month --dimension district --json
    """
    from fanzha.reports.bulletin import money
    from fanzha.reports.trends import DIMENSIONS, key_name, trends

    if by not in ("week", "month", "day"):
        fail(f"不支持的时间粒度：{by}（可选：week、month、day）")
    if dimension not in DIMENSIONS:
        fail(f"不支持的分组：{dimension}（可选：{'、'.join(DIMENSIONS)}）")
    table = trends(_engine(data_dir), by=by, dimension=dimension, last=last)  # type: ignore[arg-type]
    if as_json:
        typer.echo(orjson.dumps(table.to_dict(), option=orjson.OPT_INDENT_2).decode())
        return
    if not table.periods:
        typer.echo("数据库中还没有案件。可以先运行 fanzha demo cases --n 1000 生成演示数据。")
        return
    keys = table.keys[:top]
    header = ["期间", "报警数", "劝阻数", "涉案金额", *(key_name(dimension, k) for k in keys)]
    typer.echo(f"按{DIMENSIONS[dimension]}（前{len(keys)}个）：")
    typer.echo("\t".join(header))
    for i, period in enumerate(table.periods):
        t = table.totals[i]
        cells = [period.label, str(t.cases), str(t.dissuaded), money(t.loss_fen)]
        typer.echo("\t".join(cells + [str(table.series(k)[i]) for k in keys]))


reports_app.command("bulletin")(bulletin_cmd)
reports_app.command("trends")(trends_cmd)
