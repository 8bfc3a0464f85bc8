"""`fanzha cardban …`: 断卡 from the terminal — put a sold or rented account or phone card on the 惩戒 list,
list and lift entries, check an opening as a bank would, and list the 串并 groups that run through listed
accounts. Full holder data is shown: the terminal has the whole store behind it (an officer's tool)."""

from __future__ import annotations

import getpass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import orjson
import typer

from fanzha.cli.errors import fail
from fanzha.cli.intel import DataDir, store_url

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from fanzha.cardban import Entry

cardban_app = typer.Typer(
    help="断卡：两卡（出售、出租、出借的银行账户和电话卡）持有人惩戒名单，开户核查，经过两卡的串并组。",
    no_args_is_help=True,
)


def _engine(data_dir: Path | None) -> Engine:
    from fanzha.store import make_engine, upgrade

    engine = make_engine(store_url(data_dir))
    upgrade(engine)
    return engine


def _day(text: str | None, what: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        fail(f"{what}“{text[:20]}”不是日期（例如 2026-11-06）")


def _line(entry: Entry, today: date) -> str:
    from fanzha.cardban import EVIDENCE, KINDS, STATUSES

    basis = (
        f"案件 #{entry.case_id}"
        if entry.case_id
        else f"{EVIDENCE[entry.evidence]} {entry.review_ref}".strip()
    )
    flags = f"（{'；'.join(entry.flags)}）" if entry.flags else ""
    return (
        f"#{entry.id} {KINDS[entry.kind]} {entry.value}{flags} 持有人 {entry.holder_name} {entry.holder_id} "
        f"{entry.starts_on} 至 {entry.ends_on} {STATUSES[entry.status(today)]}，依据：{basis}"
    )


@cardban_app.command()
def add(
    kind: Annotated[str, typer.Option(help="bank_card（银行账户）或 phone（电话卡）")],
    value: Annotated[str, typer.Option(help="账户（卡号）或号码，写法不限")],
    holder_name: Annotated[str, typer.Option(help="持有人姓名")],
    holder_id: Annotated[str, typer.Option(help="持有人身份证号")],
    case_id: Annotated[int | None, typer.Option(help="依据的案件编号")] = None,
    review_ref: Annotated[str, typer.Option(help="依据为银行核查时：核查编号或说明")] = "",
    issuer: Annotated[str, typer.Option(help="开户行或运营商")] = "",
    starts_on: Annotated[str | None, typer.Option(help="起始日期，默认今天")] = None,
    ends_on: Annotated[str | None, typer.Option(help="截止日期（含），默认并最长五年")] = None,
    note: Annotated[str, typer.Option(help="备注")] = "",
    officer: Annotated[str | None, typer.Option(help="经办民警（默认为当前系统用户）")] = None,
    data_dir: DataDir = None,
) -> None:
    """登记出售、出租、出借的账户或电话卡及其持有人。

    例：fanzha cardban add --kind bank_card --value 6222021234567890128 --holder-name 张三 --holder-id 11010519491231002X --case-id 12
    """
    from fanzha.cardban import CardbanError, CardbanStore, EntryIn, today_in_beijing

    evidence = "case" if case_id is not None else "bank_review"
    entry = EntryIn(
        kind=kind, value=value, holder_name=holder_name, holder_id=holder_id, evidence=evidence, case_id=case_id,
        review_ref=review_ref, issuer=issuer, note=note, starts_on=_day(starts_on, "起始日期"),
        ends_on=_day(ends_on, "截止日期"),
    )  # fmt: skip
    try:
        added = CardbanStore(_engine(data_dir)).add(entry, actor=officer or getpass.getuser(), role="officer")
    except CardbanError as exc:
        fail(str(exc))
    typer.echo("已登记：" + _line(added, today_in_beijing()))


@cardban_app.command("list")
def list_command(
    status: Annotated[str | None, typer.Option(help="pending、active、expired、lifted；默认全部")] = None,
    holder_id: Annotated[str | None, typer.Option(help="按持有人身份证号查")] = None,
    value: Annotated[str | None, typer.Option(help="按账户或号码查")] = None,
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 200,
    as_json: Annotated[bool, typer.Option("--json", help="以JSON输出")] = False,
    data_dir: DataDir = None,
) -> None:
    """列出惩戒名单（新登记的在前）。例：fanzha cardban list --status active"""
    from dataclasses import asdict

    from fanzha.cardban import CardbanError, CardbanStore, today_in_beijing

    try:
        found = CardbanStore(_engine(data_dir)).list_entries(
            status=status, holder_id=holder_id, value=value, limit=limit
        )
    except CardbanError as exc:
        fail(str(exc))
    today = today_in_beijing()
    for entry in found:
        typer.echo(orjson.dumps(asdict(entry), default=str).decode() if as_json else _line(entry, today))
    if not found and not as_json:
        typer.echo("没有记录。")


@cardban_app.command()
def lift(
    entry_id: Annotated[int, typer.Argument(help="记录编号")],
    reason: Annotated[str, typer.Option(help="解除理由")],
    officer: Annotated[str | None, typer.Option(help="经办民警（默认为当前系统用户）")] = None,
    data_dir: DataDir = None,
) -> None:
    """提前解除一条记录（记录保留并注明解除）。例：fanzha cardban lift 3 --reason 申诉成立"""
    from fanzha.cardban import CardbanError, CardbanStore, today_in_beijing

    try:
        lifted = CardbanStore(_engine(data_dir)).lift(
            entry_id, reason=reason, actor=officer or getpass.getuser()
        )
    except CardbanError as exc:
        fail(str(exc))
    typer.echo("已解除：" + _line(lifted, today_in_beijing()))


@cardban_app.command()
def check(
    bank: Annotated[str, typer.Option(help="核查的银行")],
    name: Annotated[str, typer.Option(help="客户姓名")],
    id_number: Annotated[str, typer.Option(help="客户身份证号")],
    service: Annotated[
        str, typer.Option(help="open_account（开立账户）或 online_service（开通非柜面业务）")
    ] = "open_account",
    account: Annotated[str, typer.Option(help="账户（开通非柜面业务时必填）")] = "",
    phone: Annotated[str, typer.Option(help="预留手机号")] = "",
    staff: Annotated[str | None, typer.Option(help="经办人（默认为当前系统用户）")] = None,
    data_dir: DataDir = None,
) -> None:
    """开户核查：答复可办理、仅限柜面或需核实，并说明理由（记入审计日志）。

    例：fanzha cardban check --bank 中国工商银行 --name 张三 --id-number 11010519491231002X
    """
    from fanzha.cardban import VERDICTS, CardbanError, CheckIn, OpeningChecks

    who = staff or getpass.getuser()
    try:
        result = OpeningChecks(_engine(data_dir)).check(
            CheckIn(service=service, holder_name=name, holder_id=id_number, account=account, phone=phone),
            bank=bank, staff=who, actor=who,
        )  # fmt: skip
    except CardbanError as exc:
        fail(str(exc))
    typer.echo(f"核查 #{result.id}：{VERDICTS[result.verdict]}")
    for reason in result.reasons:
        typer.echo(f"  - {reason.text}")


@cardban_app.command()
def groups(
    min_cases: Annotated[int, typer.Option(min=1, help="至少多少起案件")] = 1,
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 100,
    data_dir: DataDir = None,
) -> None:
    """列出经过惩戒名单上账户、号码的串并组（案件数多的在前）。例：fanzha cardban groups --min-cases 2"""
    from sqlalchemy.orm import Session

    from fanzha.cardban import groups_through_listed, today_in_beijing

    with Session(_engine(data_dir)) as session:
        found = groups_through_listed(session, today=today_in_beijing(), min_cases=min_cases, limit=limit)
    for group, hits in found:
        through = "、".join(f"{h.value}（{h.holder_name}，#{h.entry_id}）" for h in hits)
        typer.echo(f"串并组 #{group.id}：{group.size} 起案件，损失 {group.total_loss:.2f} 元；经 {through}")
    if not found:
        typer.echo("没有经过惩戒名单账户、号码的串并组。")
