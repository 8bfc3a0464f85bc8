"""`fanzha bulletin …`: the desk's bulletin (警情通报), a draft until an officer issues it.

- `fanzha bulletin [--period …]`: the bulletin of a period: as issued, or else the draft (marked so);
- `fanzha bulletin review`: the typical cases the draft would print, as published, with what was masked;
- `fanzha bulletin issue --officer …`: issue it, with the cases and wording the officer chose.
"""

from __future__ import annotations

import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import orjson
import typer

from fanzha.cli.errors import fail
from fanzha.cli.intel import DataDir, store_url

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from fanzha.reports.periods import Period

FORMATS = ("html", "pdf")

bulletin_app = typer.Typer(
    help="警情通报：生成草稿，审核典型案例，审核后发布。",
    invoke_without_command=True,
    no_args_is_help=False,
)

PeriodOption = Annotated[
    str | None,
    typer.Option("--period", help="通报期间：2026-W47（第47周）或 2026-11（11月）；默认上一个完整的周"),
]
FormatOption = Annotated[str, typer.Option("--format", help="输出格式：html 或 pdf")]
OutOption = Annotated[
    Path | None,
    typer.Option("--out", help="输出文件；默认 HTML 写到标准输出，PDF 写到 警情通报-<期间>.pdf"),
]
IssuerOption = Annotated[
    str | None, typer.Option(help="发布单位，例如 XX市公安局反诈中心（也可设 FANZHA_BULLETIN_ISSUER）")
]


def _engine(data_dir: Path | None) -> Engine:
    from fanzha.store import make_engine, upgrade

    engine = make_engine(store_url(data_dir))
    upgrade(engine)
    return engine


def _period(text: str | None) -> Period:
    from fanzha.reports.periods import last_complete, parse_period

    try:
        return parse_period(text) if text is not None else last_complete("week")
    except ValueError as exc:
        fail(str(exc))


def _write(content: str | bytes, *, fmt: str, out: Path | None, label: str, title: str) -> None:
    if fmt == "pdf":
        target = out or Path(f"警情通报-{label}.pdf")
        target.write_bytes(content if isinstance(content, bytes) else content.encode())
        typer.echo(f"已生成 {title}：{target}", err=True)
        return
    html = content if isinstance(content, str) else content.decode()
    if out is None:
        sys.stdout.write(html)
        return
    out.write_text(html, encoding="utf-8")
    typer.echo(f"已生成 {title}：{out}", err=True)


@bulletin_app.callback()
def bulletin(
    ctx: typer.Context,
    period: PeriodOption = None,
    fmt: FormatOption = "html",
    out: OutOption = None,
    issuer: IssuerOption = None,
    data_dir: DataDir = None,
) -> None:
    """警情通报：报警数、劝阻数、涉案金额，上升类型，发案走势图，脱敏后的典型案例和防范提示。

    已发布的期间输出发布时的版本；未发布的输出草稿（标明“草稿”），典型案例须经民警审核
    （fanzha bulletin review）后发布（fanzha bulletin issue）。

    例：fanzha bulletin --period 2026-W47 --format pdf --out 警情通报.pdf
        fanzha bulletin review --period 2026-W47
        fanzha bulletin issue --period 2026-W47 --officer 王五
    """
    if ctx.invoked_subcommand is not None:
        return
    from fanzha.reports.bulletin import build_bulletin
    from fanzha.reports.issue import issued
    from fanzha.reports.render import render_html, render_pdf

    if fmt not in FORMATS:
        fail(f"不支持的格式：{fmt}（可选：html、pdf）")
    chosen = _period(period)
    engine = _engine(data_dir)
    done = issued(engine, chosen)
    if done is not None:
        typer.echo(f"已发布版本：{done.issued_by}于 {done.issued_at:%Y-%m-%d %H:%M} 发布", err=True)
        _write(done.pdf if fmt == "pdf" else done.html, fmt=fmt, out=out, label=chosen.label,
               title=f"{done.issuer} 警情通报 {chosen.title}")  # fmt: skip
        return
    built = build_bulletin(engine, chosen, issuer=issuer)
    if built.totals.cases == 0:
        typer.echo(f"提示：{chosen.title}（{chosen.span}）没有案件，通报中各项为0。", err=True)
    typer.echo(
        f"草稿：典型案例须经审核（fanzha bulletin review --period {chosen.label}），"
        f"确认后发布（fanzha bulletin issue --period {chosen.label} --officer 姓名）。",
        err=True,
    )
    _write(render_pdf(built) if fmt == "pdf" else render_html(built), fmt=fmt, out=out, label=chosen.label,
           title=built.title)  # fmt: skip


@bulletin_app.command()
def review(
    period: PeriodOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="以JSON输出")] = False,
    data_dir: DataDir = None,
) -> None:
    """列出通报将刊登的典型案例：原始案情、刊登的文字和被脱敏的内容（姓名、地址、车牌、号码等），供发布前审核。

    例：fanzha bulletin review --period 2026-W47
    """
    from fanzha.reports.issue import review as review_cases

    chosen = _period(period)
    result = review_cases(_engine(data_dir), chosen)
    if as_json:
        typer.echo(orjson.dumps(result.to_dict(), option=orjson.OPT_INDENT_2).decode())
        return
    data = result.to_dict()
    typer.echo(f"{chosen.title}（{chosen.span}）警情通报：{data['status_name']}")
    if result.issued is not None:
        typer.echo(f"发布：{result.issued.issued_by}，{result.issued.issued_at:%Y-%m-%d %H:%M}")
    if not result.cases:
        typer.echo("本期没有典型案例。")
    for i, case in enumerate(result.cases, 1):
        typer.echo(f"\n案例{i}：{case.name}　案件 {case.case_id}（{case.ref}）　{case.day}·{case.district}")
        typer.echo(f"  刊登文字：{case.text}")
        masked = "；".join(f"{m.kind}“{m.text}”→“{m.replacement}”" for m in case.masked) or "无"
        typer.echo(f"  已脱敏：{masked}")
    if result.issued is None:
        typer.echo(
            f"\n确认无误后发布：fanzha bulletin issue --period {chosen.label} --officer 姓名"
            "（可用 --case 指定典型案例，--text 编号=文字 修改案例文字）"
        )


@bulletin_app.command()
def issue(
    period: PeriodOption = None,
    officer: Annotated[
        str | None, typer.Option("--officer", help="审核发布的民警（默认为当前系统用户）")
    ] = None,
    case: Annotated[
        list[int] | None, typer.Option("--case", help="典型案例的案件编号（可多次给出；默认为草稿所选）")
    ] = None,
    text: Annotated[
        list[str] | None,
        typer.Option("--text", help="修改案例文字：案件编号=文字（刊登前仍会脱敏；可多次给出）"),
    ] = None,
    fmt: FormatOption = "html",
    out: OutOption = None,
    issuer: IssuerOption = None,
    data_dir: DataDir = None,
) -> None:
    """审核后发布警情通报：写明发布民警和发布时审计日志的最新哈希，保存发布版本并记入审计日志。每期只能发布一次。

    例：fanzha bulletin issue --period 2026-W47 --officer 王五 --case 812 --case 907
    """
    from fanzha.reports.issue import BulletinError
    from fanzha.reports.issue import issue as issue_bulletin

    if fmt not in FORMATS:
        fail(f"不支持的格式：{fmt}（可选：html、pdf）")
    chosen = _period(period)
    texts: dict[int, str] = {}
    for item in text or []:
        number, sep, wording = item.partition("=")
        if not sep or not number.strip().isdigit() or not wording.strip():
            fail(f"--text 应为“案件编号=文字”：{item[:40]}")
        texts[int(number)] = wording.strip()
    try:
        done = issue_bulletin(
            _engine(data_dir), chosen, officer=officer or getpass.getuser(), cases=case or None,
            texts=texts or None, issuer=issuer,
        )  # fmt: skip
    except BulletinError as exc:
        fail(str(exc))
    typer.echo(
        f"已发布 {chosen.title} 警情通报：{done.issued_by}，{done.issued_at:%Y-%m-%d %H:%M}；"
        f"典型案例 {len(done.cases)} 起；发布时审计日志第 {done.audit_seq} 条，哈希 {done.audit_hash}",
        err=True,
    )
    _write(done.pdf if fmt == "pdf" else done.html, fmt=fmt, out=out, label=chosen.label,
           title=f"{done.issuer} 警情通报 {chosen.title}")  # fmt: skip
