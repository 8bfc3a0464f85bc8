"""`fanzha cases …`: the police case desk on the command line — pre-fill from a narrative, add and import
cases, list, show, change status, 串并 groups, and `link`, the bulk linking of a JSONL file of cases."""

from __future__ import annotations

import getpass
import os
import sys
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import orjson
import typer

from fanzha.cli.errors import fail
from fanzha.cli.intel import DataDir, store_url
from fanzha.cli.tables import TERMINAL, table
from fanzha.timezones import BEIJING

if TYPE_CHECKING:
    from fanzha.cases.repository import CaseStore

cases_app = typer.Typer(help="案件：受理（按案情预填）、导入、查询、状态流转、串并组。", no_args_is_help=True)

Officer = Annotated[str | None, typer.Option("--officer", help="经办民警（默认为当前系统用户）")]


def _cases(data_dir: Path | None) -> CaseStore:
    from fanzha.cases.repository import CaseStore
    from fanzha.intel.changes import feed_from_env
    from fanzha.intel.repository import IntelStore
    from fanzha.store import make_engine, upgrade
    from fanzha.warn.loop import wire_stores

    engine = make_engine(store_url(data_dir))
    upgrade(engine)
    intel = IntelStore(engine, feed=feed_from_env(engine))  # running workers hear of the change
    cases = CaseStore(engine, intel=intel)
    wire_stores(
        intel=intel, cases=cases
    )  # a linked group's identifiers warn the residents in contact at once
    return cases


def _json(value: Any) -> str:
    return orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS).decode()


def _read_stdin_or(path: Path | None) -> bytes:
    if path is not None:
        try:
            return path.read_bytes()
        except OSError as exc:
            fail(f"无法读取文件 {path}：{exc.strerror}")
    if sys.stdin.isatty():
        fail("请从标准输入或 --file 提供内容")
    return sys.stdin.buffer.read()


@cases_app.command()
def prefill(
    narrative: Annotated[str | None, typer.Argument(help="报警人所述案情；不给则从标准输入读取")] = None,
) -> None:
    """按报警人所述案情预填案件要素：诈骗类型、涉案号码账户网址、转账金额和时间、接触方式等（JSON输出）。

    例：fanzha cases prefill "我昨天接到自称公安的电话，说我涉嫌洗钱，让我转到安全账户6222 0210 0112 3456 789，转了5万元"
    """
    from fanzha.cases.intake import prefill as run_prefill
    from fanzha.detect.engine import Detector
    from fanzha.text.limits import InputError

    text = narrative if narrative is not None else _read_stdin_or(None).decode("utf-8", "replace")
    try:
        found = run_prefill(text, detector=Detector(), now=datetime.now(UTC))
    except InputError as exc:
        fail(str(exc))
    typer.echo(_json(asdict(found)))


def _case_in(raw: bytes | str, officer: str) -> Any:
    """The case a JSON text describes, checked as the store checks every record (`check_case`);
    ValueError (CaseError) with a Chinese message naming the field otherwise."""
    from pydantic import ValidationError

    from fanzha.api.case_schemas import CaseCreate
    from fanzha.api.errors import validation_errors
    from fanzha.cases.repository import check_case

    try:
        case = CaseCreate.model_validate_json(raw).to_case(officer=officer, now=datetime.now(UTC))
    except ValidationError as exc:
        first = validation_errors([dict(e) for e in exc.errors()])[0]
        where = ".".join(str(p) for p in first.loc) or "整行"
        raise ValueError(f"字段 {where}：{first.msg}") from None
    check_case(case)
    return case


def _beijing(at: datetime) -> str:
    """A stored time as the desk reads it (Beijing); one at the end of the calendar as stored, in UTC."""
    try:
        return at.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M")
    except OverflowError:
        return at.strftime("%Y-%m-%d %H:%M UTC")


@cases_app.command()
def add(
    file: Annotated[Path | None, typer.Option("--file", help="案件JSON文件；不给则从标准输入读取")] = None,
    officer: Officer = None,
    data_dir: DataDir = None,
) -> None:
    """登记一起案件（JSON，字段同 POST /v1/cases），输出案件编号和所属串并组。

    例：fanzha cases add --file case.json
    """
    from fanzha.cases.repository import CaseError

    actor = officer or getpass.getuser()
    try:
        case = _cases(data_dir).create(_case_in(_read_stdin_or(file), actor), actor=actor)
    except (CaseError, ValueError) as exc:
        fail(str(exc))
    typer.echo(f"已登记案件 {case.ref}（编号 {case.id}），串并组 {case.group_id}")


@cases_app.command("import")
def import_cases(
    file: Annotated[
        Path | None, typer.Option("--file", help="JSONL文件，每行一起案件；不给则从标准输入读取")
    ] = None,
    officer: Officer = None,
    data_dir: DataDir = None,
) -> None:
    """批量导入案件（JSONL，每行一起，字段同 POST /v1/cases），导入后重新串并。无法读取的行会指出行号并跳过。

    例：fanzha cases import --file cases.jsonl
    """
    from fanzha.cases.repository import CaseError, clean_identifiers

    actor = officer or getpass.getuser()
    good: list[Any] = []
    bad = 0
    for number, line in enumerate(_read_stdin_or(file).splitlines(), 1):
        if not line.strip():
            continue
        try:
            case = _case_in(line, actor)
            case.identifiers = clean_identifiers(case.identifiers)
            good.append(case)
        except (CaseError, ValueError) as exc:
            bad += 1
            typer.echo(f"第{number}行：{exc}", err=True)
    try:
        count = _cases(data_dir).add_many(good, actor=actor)
    except CaseError as exc:
        fail(str(exc))
    typer.echo(f"已导入 {count} 起案件" + (f"，{bad} 行无法读取已跳过" if bad else ""))


# A closed case's status as a narrow list column shows it (已结案（破案） is 14 columns).
SHORT_STATUS = {
    "received": "已受理",
    "verified": "已核实",
    "investigating": "侦查中",
    "closed_solved": "结案·破案",
    "closed_unsolved": "结案·未破",
}


@cases_app.command("list")
def list_cases(
    status: Annotated[
        str | None,
        typer.Option(
            help="状态：received（已受理）, verified（已核实）, investigating（侦查中）, "
            "closed_solved（已结案·破案）, closed_unsolved（已结案·未破）"
        ),
    ] = None,
    district: Annotated[str | None, typer.Option(help="地区")] = None,
    text: Annotated[str | None, typer.Option(help="在案件编号、案情和线索中查找")] = None,
    limit: Annotated[int, typer.Option(help="最多显示多少起", min=1, max=1000)] = 20,
    wide: Annotated[bool, typer.Option("--wide", help="加上案件号一列，不按80列终端收窄")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="以JSON输出（同 GET /v1/cases 的条目）")] = False,
    data_dir: DataDir = None,
) -> None:
    """列出案件（最新的在前）：编号、受理时间（北京时间）、状态、诈骗类型、损失、串并组、地区；
    按80列终端排版，过长的内容以“…”截断（--wide 显示案件号和全部内容）。

    例：fanzha cases list --status received --limit 50
    """  # fmt: skip
    from fanzha.api.case_schemas import case_out
    from fanzha.cases.listing import CaseFilter
    from fanzha.cases.model import STATUS_NAMES
    from fanzha.taxonomy import fraud_type_name

    filters = CaseFilter(status=status or "", district=district or "", text=text or "")
    total, cases = _cases(data_dir).search(filters, limit=limit)
    if as_json:
        typer.echo(_json({"total": total, "cases": [case_out(c, masked=False) for c in cases]}))
        return
    rows = [
        [
            str(c.id),
            *([c.ref] if wide else []),
            _beijing(c.received_at),
            (STATUS_NAMES if wide else SHORT_STATUS).get(c.status, c.status),
            fraud_type_name(c.fraud_type),
            f"{c.total_loss():,.2f}",
            f"组{c.group_id}" if c.group_id is not None else "-",
            c.district or "-",
        ]
        for c in cases
    ]
    typer.echo(f"共 {total} 起，显示 {len(cases)} 起（北京时间）")
    if rows:
        if wide:
            headers = ["编号", "案件号", "受理时间", "状态", "诈骗类型", "损失（元）", "串并组", "地区"]
            typer.echo(table(headers, rows, right=[0, 5]))
            return
        headers = ["编号", "受理时间", "状态", "诈骗类型", "损失（元）", "串并组", "地区"]
        limits = [None, None, None, None, None, None, 8]  # a long district name gives way first
        typer.echo(table(headers, rows, right=[0, 4], max_width=limits, fit=TERMINAL, keep=[0, 1, 4, 5]))


@cases_app.command()
def show(
    case_id: Annotated[int, typer.Argument(help="案件编号")],
    as_json: Annotated[
        bool, typer.Option("--json", help="以JSON输出全部要素和变更记录（供程序读取）")
    ] = False,
    data_dir: DataDir = None,
) -> None:
    """显示一起案件：要素、转账、涉案线索、案情和变更记录（北京时间）。

    例：fanzha cases show 12
        fanzha cases show 12 --json
    """
    from fanzha.api.case_schemas import case_out
    from fanzha.cli.case_card import case_card

    store = _cases(data_dir)
    case = store.get(case_id)
    if case is None:
        fail(f"没有编号为 {case_id} 的案件")
    history = store.history(case_id)
    if not as_json:
        typer.echo(case_card(case, history))
        return
    out = case_out(case, masked=False)
    out["history"] = [
        {"at": e.at.isoformat(), "actor": e.actor, "action": e.action, "detail": e.detail} for e in history
    ]
    typer.echo(_json(out))


@cases_app.command()
def status(
    case_id: Annotated[int, typer.Argument(help="案件编号")],
    new_status: Annotated[
        str, typer.Argument(help="verified, investigating, closed_solved, closed_unsolved")
    ],
    note: Annotated[str, typer.Option(help="说明")] = "",
    officer: Officer = None,
    data_dir: DataDir = None,
) -> None:
    """变更案件状态（已受理→已核实→侦查中→已结案），每次变更都记入审计日志。

    例：fanzha cases status 12 verified --note "已与报警人核实"
    """
    from fanzha.cases.model import STATUS_NAMES
    from fanzha.cases.repository import CaseError

    try:
        case = _cases(data_dir).set_status(case_id, new_status, actor=officer or getpass.getuser(), note=note)
    except CaseError as exc:
        fail(str(exc))
    typer.echo(f"案件 {case.ref} 状态：{STATUS_NAMES[case.status]}")


@cases_app.command()
def groups(
    min_cases: Annotated[int, typer.Option(help="至少多少起案件", min=1)] = 2,
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 20,
    by_loss: Annotated[bool, typer.Option("--by-loss", help="按涉案金额排序（默认按案件数）")] = False,
    data_dir: DataDir = None,
) -> None:
    """列出串并组（案件最多的在前）。例：fanzha cases groups --min-cases 3"""
    from sqlalchemy.orm import Session

    from fanzha.cases.groups import list_groups

    with Session(_cases(data_dir).engine) as session:
        found = list_groups(session, min_cases=min_cases, limit=limit, order="loss" if by_loss else "size")
    if not found:
        typer.echo(f"没有至少 {min_cases} 起案件的串并组")
    for g in found:
        span = (
            f"{_beijing(g.first_received)[:10]}至{_beijing(g.last_received)[:10]}"
            if g.first_received and g.last_received
            else "-"
        )
        typer.echo(f"组{g.id}\t{g.size}起\t{g.total_loss:,.2f}元\t{span}")


@cases_app.command()
def group(
    group_id: Annotated[int, typer.Argument(help="串并组编号")],
    data_dir: DataDir = None,
) -> None:
    """显示一个串并组：案件、共用线索（枢纽线索另行标出）、总损失、时间跨度和地区（JSON）。"""
    from sqlalchemy.orm import Session

    from fanzha.cases.groups import group_view

    with Session(_cases(data_dir).engine) as session:
        view = group_view(session, group_id)
    if view is None:
        fail(f"没有编号为 {group_id} 的串并组")
    out = view.to_dict()
    del out["graph"]  # for the page's drawing
    typer.echo(_json(out))


@cases_app.command()
def link(
    jsonl: Annotated[
        bool,
        typer.Option(
            "--jsonl", help='从标准输入逐行读取 {"id", "identifiers": [{"kind", "value"}]}，逐行输出所属组'
        ),
    ] = False,
    workers: Annotated[
        int | None, typer.Option(help="解析和规范化线索所用的进程数（默认每个CPU一个）", min=1)
    ] = None,
) -> None:
    """串并：共用诈骗账号、电话、网址等线索的案件归为一组。

    共用同一线索（银行卡/账号、电话、网址/域名、QQ、微信、支付宝、APP、IP）的案件归为一组，经中间案件相连的
    也归为一组。同一线索的不同写法（+86 138 0013 8000 与 13800138000）视为同一个；官方号码和大平台域名
    （如95588、taobao.com）不串并。

    例：fanzha cases link --jsonl < cases.jsonl > groups.jsonl

    输入一行：{"id": "A1", "identifiers": [{"kind": "phone", "value": "+86 138 0013 8000"}]}
    输出一行：{"id": "A1", "group": "A1"}（group 为该组在输入中最先出现的案件编号）

    未通过校验的线索（未分配号段的手机号、境外号码、校验位不符的卡号等）照样按规范写法串并，并在该行附上
    "flagged": [{"kind", "value", "flags": ["号段未分配"]}] 提示民警核实。
    """
    if not jsonl:
        fail("请用 --jsonl 从标准输入读取案件，例如：fanzha cases link --jsonl < cases.jsonl > groups.jsonl")
    if sys.stdin.isatty():
        fail("请从标准输入提供JSONL案件数据，例如：fanzha cases link --jsonl < cases.jsonl > groups.jsonl")
    from fanzha.cases.linking import link_jsonl

    out = sys.stdout.buffer
    errors = link_jsonl(sys.stdin.buffer, out, workers=workers or os.cpu_count() or 1)
    out.flush()
    if errors:
        typer.echo(f"有{errors}行无法读取，已在输出中标明 error，未参与串并", err=True)
