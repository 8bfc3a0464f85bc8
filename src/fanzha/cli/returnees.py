"""`fanzha returnees …`: the returnee ledger from the terminal — register a returnee, 双岗分包, record
meetings, list the overdue ones at a given time; outbound workers' daily reports, persuasion and missing
reports; the door-to-door survey's CSV import and coverage. The terminal has the whole store behind it (an
officer's tool): `show` prints a record in full and, like every list, is logged as a read."""

from __future__ import annotations

import getpass
from datetime import UTC, datetime
from typing import Annotated

import typer

from fanzha.cli.intel import DataDir
from fanzha.cli.outbound import (
    By,
    Community,
    _day,
    _engine,
    _fail,
    _reader,
    coverage,
    missing_reports,
    outbound_app,
    survey_app,
)

returnees_app = typer.Typer(
    help="涉诈回流人员台账（双岗分包、每周会面、逾期提醒），外出务工人员每日报告和劝返，入户走访排查。",
    no_args_is_help=True,
)
returnees_app.add_typer(outbound_app, name="outbound")
returnees_app.add_typer(survey_app, name="survey")
returnees_app.command("missing-reports")(missing_reports)
returnees_app.command("coverage")(coverage)


@returnees_app.command()
def add(
    name: Annotated[str, typer.Option(help="姓名")],
    community: Annotated[str, typer.Option(help="所在村（社区）")],
    returned_on: Annotated[str, typer.Option(help="回流日期，例如 2026-05-20")],
    how: Annotated[
        str, typer.Option(help="deported（遣返）| self（自行回流）| persuaded（劝返回国）| other")
    ] = "self",
    risk: Annotated[str, typer.Option(help="风险等级：high | medium | low")] = "medium",
    id_number: Annotated[str, typer.Option(help="身份证号")] = "",
    phone: Annotated[str, typer.Option(help="电话，写法不限")] = "",
    from_country: Annotated[str, typer.Option(help="回流国家，例如 缅甸")] = "",
    from_city: Annotated[str, typer.Option(help="城市，例如 妙瓦底")] = "",
    township: Annotated[str, typer.Option(help="乡镇（街道）")] = "",
    address: Annotated[str, typer.Option(help="住址")] = "",
    risk_notes: Annotated[str, typer.Option(help="风险说明")] = "",
    by: By = None,
    data_dir: DataDir = None,
) -> None:
    """登记一名涉诈回流人员。

    例：fanzha returnees add --name 张某 --community 南湖村 --returned-on 2026-05-20 --how deported --risk high --from-country 缅甸
    """
    from fanzha.returnees import ReturneeError, ReturneeIn, ReturneeLedger

    when = _day(returned_on, "回流日期")
    assert when is not None
    entry = ReturneeIn(name=name, community=community, returned_on=when, how=how, risk_level=risk, id_number=id_number,
                       phone=phone, from_country=from_country, from_city=from_city, township=township, address=address,
                       risk_notes=risk_notes)  # fmt: skip
    try:
        rid = ReturneeLedger(_engine(data_dir)).register(entry, actor=by or getpass.getuser())
    except ReturneeError as exc:
        _fail(exc)
    typer.echo(
        f"已登记回流人员 #{rid}：{name}（{community}）。请用 fanzha returnees assign {rid} 落实双岗分包。"
    )


@returnees_app.command("list")
def list_command(community: Community = None, lifted: Annotated[bool, typer.Option(help="列出已解除管控的")] = False,
                 data_dir: DataDir = None) -> None:  # fmt: skip
    """列出回流人员（身份证号、电话打码）及会面情况。例：fanzha returnees list --community 南湖村"""
    from fanzha.returnees import HOW, ReturneeLedger, meeting_status

    now = datetime.now(UTC)
    found = ReturneeLedger(_engine(data_dir)).records(reader=_reader("cli.list", community),
                                                      status="lifted" if lifted else "active")  # fmt: skip
    for r in found:
        m, s = r.masked(), meeting_status(r, now=now)
        pair = f"{r.assignment.cadre}/{r.assignment.officer}" if r.assignment else "未分包"
        typer.echo(f"#{r.id} {r.name} {m.id_number} {m.phone} {r.community} {HOW[r.how]} {r.returned_on} 分包：{pair} "
                   f"【{s.state_name}】{s.explanation}")  # fmt: skip
    if not found:
        typer.echo("没有记录。")


@returnees_app.command()
def show(returnee_id: Annotated[int, typer.Argument(help="回流人员编号")], data_dir: DataDir = None) -> None:
    """显示一名回流人员的完整档案（记入访问日志）。例：fanzha returnees show 3"""
    from fanzha.returnees import HOW, RISK, STATUS, ReturneeError, ReturneeLedger, meeting_status

    try:
        r = ReturneeLedger(_engine(data_dir)).view(returnee_id, reader=_reader("cli.show"))
    except ReturneeError as exc:
        _fail(exc)
    flags = f"（{'；'.join(r.phone_flags + r.id_flags)}）" if r.phone_flags or r.id_flags else ""
    typer.echo(f"#{r.id} {r.name} {r.sex} {r.age or ''} 身份证 {r.id_number} 电话 {r.phone}{flags}")
    typer.echo(
        f"  {r.community} {r.address}；{r.returned_on} 自{r.from_where or '（未填）'}{HOW[r.how]}；风险 {RISK[r.risk_level]} {r.risk_notes}"
    )
    typer.echo(f"  状态：{STATUS[r.status]}{('，' + r.lift_reason) if r.lift_reason else ''}"
               f"{f'；重点人员 #{r.key_person_id}' if r.key_person_id else ''}")  # fmt: skip
    for a in r.assignments:
        end = "（已调整）" if a.ended_at else "（当前）"
        typer.echo(
            f"  分包{end}：干部 {a.cadre} {a.cadre_phone} 民警 {a.officer} {a.officer_phone} 负责人 {a.supervisor}"
        )
    for mt in r.meetings:
        typer.echo(
            f"  会面 {mt.met_on} {mt.place}：{mt.cadre} {mt.officer}；{mt.findings} 下一步：{mt.next_steps}"
        )
    typer.echo("  " + meeting_status(r, now=datetime.now(UTC)).explanation)


@returnees_app.command()
def assign(
    returnee_id: Annotated[int, typer.Argument(help="回流人员编号")],
    cadre: Annotated[str, typer.Option(help="包村干部")],
    officer: Annotated[str, typer.Option(help="包案民警")],
    supervisor: Annotated[str, typer.Option(help="负责人（会面逾期时与干部、民警一同提醒）")] = "",
    cadre_phone: Annotated[str, typer.Option(help="干部电话")] = "",
    officer_phone: Annotated[str, typer.Option(help="民警电话")] = "",
    reason: Annotated[str, typer.Option(help="调整原因（重新分包时）")] = "",
    by: By = None,
    data_dir: DataDir = None,
) -> None:
    """双岗分包：指定或调整包村干部和民警。例：fanzha returnees assign 3 --cadre 李干部 --officer 王警官 --supervisor 赵所长"""
    from fanzha.returnees import PairIn, ReturneeError, ReturneeLedger

    pair = PairIn(cadre, officer, cadre_phone, officer_phone, supervisor, reason=reason)
    try:
        ReturneeLedger(_engine(data_dir)).assign(returnee_id, pair, actor=by or getpass.getuser())
    except ReturneeError as exc:
        _fail(exc)
    typer.echo(
        f"已分包 #{returnee_id}：包村干部 {cadre}、民警 {officer}"
        + (f"，负责人 {supervisor}" if supervisor else "")
    )


@returnees_app.command()
def meet(
    returnee_id: Annotated[int, typer.Argument(help="回流人员编号")],
    on: Annotated[str, typer.Option("--date", help="会面日期（北京时间）")],
    cadre: Annotated[str, typer.Option(help="到场干部")] = "",
    officer: Annotated[str, typer.Option(help="到场民警")] = "",
    place: Annotated[str, typer.Option(help="地点")] = "",
    findings: Annotated[str, typer.Option(help="了解到的情况")] = "",
    next_steps: Annotated[str, typer.Option(help="下一步措施")] = "",
    by: By = None,
    data_dir: DataDir = None,
) -> None:
    """记录每周会面。例：fanzha returnees meet 3 --date 2026-06-01 --cadre 李干部 --officer 王警官 --findings 在家务农"""
    from fanzha.returnees import MeetingIn, ReturneeError, ReturneeLedger

    when = _day(on, "会面日期")
    assert when is not None
    try:
        ReturneeLedger(_engine(data_dir)).meet(returnee_id, MeetingIn(when, cadre, officer, place, findings, next_steps),
                                               actor=by or getpass.getuser())  # fmt: skip
    except ReturneeError as exc:
        _fail(exc)
    typer.echo(f"已记录 #{returnee_id} 于 {when} 的会面。")


@returnees_app.command()
def lift(returnee_id: Annotated[int, typer.Argument(help="回流人员编号")], reason: Annotated[str, typer.Option(help="理由")],
         by: By = None, data_dir: DataDir = None) -> None:  # fmt: skip
    """解除管控（记录保留）。例：fanzha returnees lift 3 --reason 管控期满表现良好"""
    from fanzha.returnees import ReturneeError, ReturneeLedger

    try:
        ReturneeLedger(_engine(data_dir)).lift(returnee_id, reason=reason, actor=by or getpass.getuser())
    except ReturneeError as exc:
        _fail(exc)
    typer.echo(f"已解除 #{returnee_id} 的管控。")


@returnees_app.command()
def overdue(
    as_of: Annotated[str | None, typer.Option(help="按此日期或时刻计算（北京时间），默认现在")] = None,
    community: Community = None,
    data_dir: DataDir = None,
) -> None:
    """会面逾期（超过7天）和未分包的回流人员，并说明已提醒谁。例：fanzha returnees overdue --as-of 2026-06-20"""
    from fanzha.returnees import ReturneeLedger, overdue
    from fanzha.timezones import BEIJING, DateOutOfRange, check_date

    now = datetime.now(UTC)
    if as_of:
        try:
            parsed = datetime.fromisoformat(as_of.strip() + ("T12:00" if len(as_of.strip()) == 10 else ""))
            now = check_date(parsed if parsed.tzinfo else parsed.replace(tzinfo=BEIJING), "--as-of")
        except ValueError as exc:
            _fail(
                exc
                if isinstance(exc, DateOutOfRange)
                else ValueError(f"--as-of“{as_of[:30]}”不是日期或时刻（例如 2026-06-20）")
            )
    found = overdue(ReturneeLedger(_engine(data_dir)).records(reader=_reader("cli.list", community)), now=now)
    for r, s in found:
        typer.echo(f"#{r.id} {r.name}（{r.community}）【{s.state_name}】{s.explanation}")
    if not found:
        typer.echo("没有逾期的回流人员。")


@returnees_app.command()
def access(
    returnee_id: Annotated[int, typer.Argument(help="回流人员编号")], data_dir: DataDir = None
) -> None:
    """谁查看过这名回流人员的档案。例：fanzha returnees access 3"""
    from fanzha.returnees import access_log
    from fanzha.timezones import BEIJING, from_db

    found = access_log(_engine(data_dir), kind="returnee", record_id=returnee_id)
    for a in found:
        typer.echo(f"{from_db(a.at).astimezone(BEIJING):%Y-%m-%d %H:%M} {a.actor}（{a.role}）{a.view_name}")
    if not found:
        typer.echo("没有查看记录。")
