"""`fanzha claims …` for the medical-insurance office: store an audited claims file as a run (any size),
list the runs and the institutions with their findings and citizens' reports, write an institution's
自查自纠报告 (HTML, Excel or PDF), and work the reports queue. `register(claims_app)` adds the commands
to the audit's own `fanzha claims` app."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from fanzha.cli.errors import fail
from fanzha.cli.intel import DataDir, store_url

if TYPE_CHECKING:
    from sqlalchemy import Engine

FORMATS = ("html", "xlsx", "pdf")


def _engine(data_dir: Path | None) -> Engine:
    from fanzha.store import make_engine, upgrade

    engine = make_engine(store_url(data_dir))
    upgrade(engine)
    return engine


def _read(path: Path | None, what: str) -> bytes | None:
    if path is None:
        return None
    try:
        return path.read_bytes()
    except OSError as exc:
        fail(f"无法读取{what} {path}：{exc.__class__.__name__}")


def store(
    claims_file: Annotated[Path, typer.Argument(help="结算单 JSONL 文件，每行一份（大小不限）")],
    catalogue: Annotated[
        Path | None, typer.Option(help="收费目录 YAML 或 CSV（默认随软件附带的示例目录）")
    ] = None,
    stock: Annotated[Path | None, typer.Option(help="药品进销存 JSONL 或 CSV")] = None,
    by: Annotated[str, typer.Option(help="上传单位或人员（默认当前系统用户）")] = "",
    data_dir: DataDir = None,
) -> None:
    """审核结算单文件并保存为审核批次，供医保工作台和自查自纠报告使用。

    例：fanzha claims store 2026年3月住院结算.jsonl --catalogue 本地目录.yaml --by 城关区医保局
    """
    from fanzha.claims.office.model import OfficeError
    from fanzha.claims.office.upload import audit_and_store, make_auditor

    cat, stk = _read(catalogue, "目录文件"), _read(stock, "库存文件")
    try:
        auditor = make_auditor(
            catalogue=cat, catalogue_name=catalogue.name if catalogue else "", stock=stk,
            stock_name=stock.name if stock else "",
        )  # fmt: skip
    except OfficeError as exc:
        fail(str(exc))
    try:
        handle = claims_file.open("rb")
    except OSError as exc:
        fail(f"无法读取结算单文件 {claims_file}：{exc.__class__.__name__}")
    with handle:
        run = audit_and_store(
            _engine(data_dir), lines=handle, uploaded_by=by or getpass.getuser(), file_name=claims_file.name,
            auditor=auditor,
        )  # fmt: skip
    typer.echo(f"审核批次 {run.id}：{run.summary}")


def institutions(data_dir: DataDir = None) -> None:
    """列出各医疗机构的审核疑点、涉及金额和市民举报（涉及金额大的在前）。

    例：fanzha claims institutions
    """
    from fanzha.claims.office.institutions import list_institutions
    from fanzha.claims.office.model import yuan

    found = list_institutions(_engine(data_dir))
    if not found:
        typer.echo("还没有审核记录：先用 fanzha claims store 结算单.jsonl 导入。")
    for i in found:
        rules = "、".join(f"{r.name}{r.findings}处" for r in i.by_rule) or "未发现问题"
        typer.echo(
            f"{i.id}\t{i.shown_name}\t结算单 {i.claims} 份，疑点 {i.findings} 处，涉及 {yuan(i.at_stake_fen)}"
            f"（{rules}）；举报 {i.tips} 件，未办结 {i.open_tips} 件"
        )


def report(
    institution: Annotated[str, typer.Option(help="医疗机构编号，如 h-1（见 fanzha claims institutions）")],
    format: Annotated[str, typer.Option("--format", help="html、xlsx 或 pdf")] = "html",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="输出文件（默认：自查自纠-机构编号.格式）")
    ] = None,
    run_id: Annotated[int | None, typer.Option("--run", help="只含该审核批次", min=1)] = None,
    data_dir: DataDir = None,
) -> None:
    """生成医疗机构的自查自纠报告：问题分类、涉及金额、按月趋势和整改清单。

    例：fanzha claims report --institution h-1 --format xlsx -o 自查自纠.xlsx
    """
    from fanzha.claims.office.model import NotFound
    from fanzha.claims.office.report import build_report, render_html
    from fanzha.claims.office.report_excel import render_xlsx
    from fanzha.claims.office.report_pdf import render_pdf

    if format not in FORMATS:
        fail(f"不支持的格式：{format}（可选：html、xlsx、pdf）")
    try:
        built = build_report(_engine(data_dir), institution_id=institution, run_id=run_id)
    except NotFound as exc:
        fail(f"{exc}（已有的机构见 fanzha claims institutions）")
    data = {"html": lambda: render_html(built).encode(), "xlsx": lambda: render_xlsx(built),
            "pdf": lambda: render_pdf(built)}[format]()  # fmt: skip
    target = output or Path(f"自查自纠-{institution}.{format}")
    try:
        target.write_bytes(data)
    except OSError as exc:
        fail(f"无法写入 {target}：{exc.__class__.__name__}")
    typer.echo(f"已生成 {target}：{built.summary}")


def reports(
    status: Annotated[str | None, typer.Option(help="pending 待处理、checking 核查中、closed 已办结")] = None,
    institution: Annotated[str | None, typer.Option(help="只看该机构的举报")] = None,
    limit: Annotated[int, typer.Option(help="最多列出几件", min=1, max=1000)] = 50,
    data_dir: DataDir = None,
) -> None:
    """市民举报欺诈骗保线索的受理队列（未办结的在前，联系方式遮挡）。

    例：fanzha claims reports --status pending
    """
    from fanzha.claims.office.model import OfficeError
    from fanzha.claims.office.tips import list_tips
    from fanzha.timezones import BEIJING

    try:
        found, total = list_tips(_engine(data_dir), status=status, institution_id=institution, limit=limit)
    except OfficeError as exc:
        fail(str(exc))
    typer.echo(f"共 {total} 件" + (f"，列出 {len(found)} 件" if len(found) < total else ""))
    for t in found:
        when = t.happened_on.isoformat() if t.happened_on else "日期未填"
        typer.echo(
            f"[{t.id}] {t.reference} {t.status_name} {t.created_at.astimezone(BEIJING):%Y-%m-%d %H:%M} "
            f"{t.place}（{t.institution_id or '未匹配机构'}，{when}）联系：{t.masked_contact or '未留'}\n    {t.what[:120]}"
            + (f"\n    答复：{t.reply}" if t.reply else "")
        )


def reply(
    report_id: Annotated[int, typer.Argument(help="举报编号（见 fanzha claims reports 的方括号）", min=1)],
    status: Annotated[str, typer.Option(help="checking 核查中 或 closed 已办结")],
    text: Annotated[str, typer.Option("--reply", help="答复（办结时必填），举报人凭受理编号可见")] = "",
    by: Annotated[str, typer.Option(help="办理单位或人员（默认当前系统用户）")] = "",
    data_dir: DataDir = None,
) -> None:
    """更新举报的办理状态并答复。

    例：fanzha claims reply 3 --status closed --reply "经核查属实，已追回基金并处罚款" --by 城关区医保局
    """
    from fanzha.claims.office.model import OfficeError
    from fanzha.claims.office.tips import handle_tip

    try:
        t = handle_tip(
            _engine(data_dir), tip_id=report_id, status=status, reply=text, actor=by or getpass.getuser()
        )
    except OfficeError as exc:
        fail(str(exc))
    typer.echo(f"举报 {t.reference} 已更新为“{t.status_name}”")


def register(app: typer.Typer) -> None:
    """Add the office's commands to `fanzha claims`."""
    app.command("store")(store)
    app.command("institutions")(institutions)
    app.command("report")(report)
    app.command("reports")(reports)
    app.command("reply")(reply)
