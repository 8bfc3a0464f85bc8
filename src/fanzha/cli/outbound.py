"""`fanzha returnees outbound …`, `fanzha returnees survey …`, `missing-reports` and `coverage`: outbound
workers in or bound for risky regions (daily reports, persuasion to return, coming back) and the
door-to-door survey (CSV import, coverage per village), plus the helpers the returnee commands share."""

from __future__ import annotations

import getpass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from fanzha.cli.errors import fail
from fanzha.cli.intel import DataDir, store_url

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from fanzha.returnees import Reader

outbound_app = typer.Typer(
    help="外出务工人员（广西、云南、缅甸等重点地区）：登记、每日报告、劝返、返乡。", no_args_is_help=True
)
survey_app = typer.Typer(
    help="入户走访排查（村不漏组、组不漏户、户不漏人）：导入走访表，各村覆盖情况。", no_args_is_help=True
)
By = Annotated[str | None, typer.Option("--by", help="经办人（默认为当前系统用户）")]
Community = Annotated[str | None, typer.Option(help="只看一个村（社区）")]
WorkerId = Annotated[int, typer.Argument(help="外出务工人员编号")]


def _engine(data_dir: Path | None) -> Engine:
    from fanzha.store import make_engine, upgrade

    engine = make_engine(store_url(data_dir))
    upgrade(engine)
    return engine


def _reader(view: str, community: str | None = None) -> Reader:
    from fanzha.returnees import Reader

    return Reader(getpass.getuser(), "officer", view, community=community or None)


def _day(text: str | None, what: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        fail(f"{what}“{text[:20]}”不是日期（例如 2026-11-06）")


def _fail(exc: Exception) -> NoReturn:
    fail(str(exc))


def _today() -> date:
    from fanzha.returnees import beijing_day

    return beijing_day(datetime.now(UTC))


@outbound_app.command("add")
def add_worker(
    name: Annotated[str, typer.Option(help="姓名")],
    community: Annotated[str, typer.Option(help="所在村（社区）")],
    region: Annotated[str, typer.Option(help="务工省份或国家：广西、云南、缅甸…")],
    place: Annotated[str, typer.Option(help="具体地点")] = "",
    planned: Annotated[bool, typer.Option(help="尚未出发（拟外出）")] = False,
    employer: Annotated[str, typer.Option(help="务工单位")] = "",
    since: Annotated[str | None, typer.Option(help="外出（或计划外出）日期")] = None,
    phone: Annotated[str, typer.Option(help="本人电话")] = "",
    family_contact: Annotated[str, typer.Option(help="家属联系人")] = "",
    family_phone: Annotated[str, typer.Option(help="家属电话")] = "",
    reporter: Annotated[str, typer.Option(help="负责每日报告的人")] = "",
    by: By = None,
    data_dir: DataDir = None,
) -> None:
    """登记外出务工人员（登记次日起每日报告）。例：fanzha returnees outbound add --name 王某 --community 柳树村 --region 缅甸 --place 妙瓦底"""
    from fanzha.returnees import OutboundLedger, ReturneeError, WorkerIn

    entry = WorkerIn(name=name, community=community, region=region, place=place, state="planned" if planned else "away",
                     employer=employer, since=_day(since, "外出日期"), phone=phone, family_contact=family_contact,
                     family_phone=family_phone, reporter=reporter)  # fmt: skip
    try:
        wid = OutboundLedger(_engine(data_dir)).register(entry, actor=by or getpass.getuser())
    except ReturneeError as exc:
        _fail(exc)
    typer.echo(f"已登记外出务工人员 #{wid}：{name}（{community}，{region}{place}）。")


@outbound_app.command("list")
def list_workers(community: Community = None, data_dir: DataDir = None) -> None:
    """列出在外和拟外出的人员（电话打码）及最近一次日报。例：fanzha returnees outbound list --community 柳树村"""
    from fanzha.returnees import OutboundLedger
    from fanzha.text.masking import mask_phone

    found = OutboundLedger(_engine(data_dir)).workers(reader=_reader("cli.list", community))
    for w in found:
        last = w.last_report
        seen = (
            f"最近日报 {last.day} {last.location}{'' if last.safe else '（不安全）'}" if last else "尚无日报"
        )
        typer.echo(
            f"#{w.id} {w.name} {mask_phone(w.phone)} {w.community} {w.state_name} {w.region}{w.place}；{seen}"
        )
    if not found:
        typer.echo("没有记录。")


@outbound_app.command()
def report(
    worker_id: WorkerId,
    on: Annotated[str | None, typer.Option("--date", help="报告日期（北京时间），默认今天")] = None,
    location: Annotated[str, typer.Option(help="当前所在地")] = "",
    unsafe: Annotated[bool, typer.Option(help="不安全")] = False,
    no_contact: Annotated[bool, typer.Option(help="联系不上")] = False,
    note: Annotated[str, typer.Option(help="情况说明")] = "",
    by: By = None,
    data_dir: DataDir = None,
) -> None:
    """每日报告。例：fanzha returnees outbound report 5 --date 2026-06-01 --location 妙瓦底"""
    from fanzha.returnees import OutboundLedger, ReportIn, ReturneeError

    entry = ReportIn(_day(on, "报告日期") or _today(), location, not unsafe, not no_contact, note)
    try:
        OutboundLedger(_engine(data_dir)).report(worker_id, entry, actor=by or getpass.getuser())
    except ReturneeError as exc:
        _fail(exc)
    typer.echo(f"已记录 #{worker_id} {entry.day} 的日报。")


@outbound_app.command()
def persuade(
    worker_id: WorkerId,
    method: Annotated[str, typer.Option(help="phone（电话）| visit（上门）| family（家属）| video（视频）")],
    outcome: Annotated[
        str, typer.Option(help="agreed（同意回国）| returned（已回国）| refused（拒绝）| lost（失联）")
    ],
    on: Annotated[str | None, typer.Option("--date", help="日期，默认今天")] = None,
    note: Annotated[str, typer.Option(help="情况说明")] = "",
    by: By = None,
    data_dir: DataDir = None,
) -> None:
    """记录劝返及结果。例：fanzha returnees outbound persuade 5 --method family --outcome agreed"""
    from fanzha.returnees import OUTCOMES, OutboundLedger, ReturneeError

    try:
        OutboundLedger(_engine(data_dir)).persuade(worker_id, on=_day(on, "日期") or _today(), method=method,
                                                   outcome=outcome, note=note, actor=by or getpass.getuser())  # fmt: skip
    except ReturneeError as exc:
        _fail(exc)
    typer.echo(f"已记录 #{worker_id} 的劝返：{OUTCOMES[outcome]}。")


@outbound_app.command()
def returned(
    worker_id: WorkerId,
    on: Annotated[str | None, typer.Option("--date", help="返乡日期，默认今天")] = None,
    how: Annotated[str, typer.Option(help="deported | self | persuaded | other")] = "persuaded",
    risk: Annotated[str, typer.Option(help="high | medium | low")] = "medium",
    by: By = None,
    data_dir: DataDir = None,
) -> None:
    """从境外返乡：据其档案登记为回流人员。例：fanzha returnees outbound returned 5 --date 2026-06-03"""
    from fanzha.returnees import OutboundLedger, ReturneeError

    try:
        rid = OutboundLedger(_engine(data_dir)).came_back(worker_id, returned_on=_day(on, "返乡日期") or _today(), how=how,
                                                          risk_level=risk, actor=by or getpass.getuser())  # fmt: skip
    except ReturneeError as exc:
        _fail(exc)
    typer.echo(f"已登记为回流人员 #{rid}。请用 fanzha returnees assign {rid} 落实双岗分包。")


def missing_reports(
    on: Annotated[str | None, typer.Option("--date", help="北京时间日期，默认今天")] = None,
    community: Community = None,
    data_dir: DataDir = None,
) -> None:
    """某日应报未报日报的外出务工人员。例：fanzha returnees missing-reports --date 2026-06-05"""
    from fanzha.returnees import OutboundLedger, ReturneeError
    from fanzha.returnees import missing_reports as missing

    day = _day(on, "日期") or _today()
    try:
        found = missing(OutboundLedger(_engine(data_dir)), reader=_reader("cli.list", community), on=day)
    except ReturneeError as exc:
        _fail(exc)
    for m in found:
        typer.echo(f"#{m.worker.id} {m.explanation}")
    if not found:
        typer.echo(f"{day} 的日报已齐。")


@survey_app.command("import")
def import_csv(
    path: Annotated[
        Path,
        typer.Argument(
            help="走访表 CSV（UTF-8；表头：村,组,户,地址,户籍人数,姓名,关系,年龄,外出,务工地,具体地点,工作,电话,走访日期,走访人）"
        ),
    ],
    township: Annotated[str, typer.Option(help="乡镇")] = "",
    by: By = None,
    data_dir: DataDir = None,
) -> None:
    """导入入户走访表（一行一名成员；未走访的户只填村、组、户）。例：fanzha returnees survey import 走访表.csv"""
    from fanzha.returnees import ReturneeError, Survey, read_households_text

    try:
        data = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        fail(f"无法读取 {path}：{exc.strerror}")
    except UnicodeDecodeError:
        fail(f"{path} 不是 UTF-8 编码的 CSV（请在表格软件中另存为 CSV UTF-8）")
    try:
        written = Survey(_engine(data_dir)).record(
            read_households_text(data, township=township), actor=by or getpass.getuser()
        )
    except ReturneeError as exc:
        _fail(exc)
    typer.echo(f"已导入 {written} 户。")


@survey_app.command("coverage")
def coverage(community: Community = None, data_dir: DataDir = None) -> None:
    """各村走访覆盖（村不漏组、组不漏户、户不漏人）。例：fanzha returnees coverage"""
    from fanzha.returnees import Survey

    found = Survey(_engine(data_dir)).coverage(reader=_reader("cli.list", community))
    for c in found:
        typer.echo(f"{c.community}：{c.explanation}")
    if not found:
        typer.echo("尚无走访登记。")
