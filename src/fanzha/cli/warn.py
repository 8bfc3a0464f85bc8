"""`fanzha warn …`: warnings (金钟罩, 预警劝阻) from the terminal — the batch match of a city's backlog,
registering residents from a file, importing contact events, flagging an identifier, the task queue, one
task with its call script and SMS, and recording an outcome. Full resident data is shown: the terminal has
the whole store behind it (an officer's tool)."""

from __future__ import annotations

import getpass
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from fanzha.cli.errors import fail
from fanzha.cli.intel import DataDir, store_url

if TYPE_CHECKING:
    from fanzha.warn import Task, WarnService

warn_app = typer.Typer(
    help="预警劝阻（金钟罩）：居民登记、联系记录、碰撞预警任务、处置结果；以及全市存量数据的批量比对。",
    no_args_is_help=True,
)
Officer = Annotated[str | None, typer.Option(help="经办人（默认为当前系统用户）")]


def _service(data_dir: Path | None) -> WarnService:
    from fanzha.intel.changes import feed_from_env
    from fanzha.intel.repository import IntelStore
    from fanzha.store import make_engine, upgrade
    from fanzha.warn import WarnService

    engine = make_engine(store_url(data_dir))
    upgrade(engine)
    intel = IntelStore(engine, feed=feed_from_env(engine))  # running workers hear of the change
    service = WarnService(engine, intel=intel)
    intel.add_listener(service.on_intel)
    return service


def _exists(path: Path, what: str) -> Path:
    if not path.is_file():
        fail(f"找不到{what}文件：{path}")
    return path


@warn_app.command()
def match(
    residents: Annotated[Path, typer.Option(help="居民 JSONL：{id, phone, accounts, age, family}")],
    events: Annotated[
        Path, typer.Option(help="联系记录 JSONL：{kind, resident_identifier, other, at, amount}")
    ],
    flagged: Annotated[Path, typer.Option(help="涉诈标识 JSONL：{kind, value, level, fraud_type}")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="输出文件（默认标准输出）")] = None,
    now: Annotated[str | None, typer.Option(help="判断“最近”的时间（默认为文件中最晚的联系时间）")] = None,
) -> None:
    """批量比对：每位居民与每个涉诈标识输出一行预警任务 {resident, identifier, priority, reason}，优先级高的在前。

    有误的行在标准错误输出中注明文件和行号并跳过，全部处理完后以退出码2结束。

    例：fanzha warn match --residents residents.jsonl --events events.jsonl --flagged flagged.jsonl -o tasks.jsonl
    """
    from fanzha.warn import WarnError
    from fanzha.warn.batch import match_files
    from fanzha.warn.events import parse_time

    for path, what in ((residents, "居民"), (events, "联系记录"), (flagged, "涉诈标识")):
        _exists(path, what)
    try:
        judged = parse_time(now, "--now") if now else None
    except WarnError as exc:
        fail(str(exc))

    def report(message: str) -> None:
        typer.echo(message, err=True)

    handle = output.open("wb") if output is not None else sys.stdout.buffer
    try:
        written, bad = match_files(
            residents=residents, events=events, flagged=flagged, out=handle, report=report, now=judged
        )
    finally:
        if output is not None:
            handle.close()
        else:
            handle.flush()
    typer.echo(f"预警任务 {written} 条，有误的行 {bad} 行", err=True)
    if bad:
        raise typer.Exit(2)


@warn_app.command()
def register(
    path: Annotated[
        Path,
        typer.Argument(
            help="居民 JSONL，每行一位：{name, phone, community, age, police_station, accounts, family}"
        ),
    ],
    officer: Officer = None,
    data_dir: DataDir = None,
) -> None:
    """从文件登记居民（登记方式记为批量导入，同意记录默认标准文本）。有误的行注明行号并跳过，结束时退出码2。

    例：fanzha warn register residents.jsonl --officer 社区张
    """
    from fanzha.warn import WarnError
    from fanzha.warn.imports import read_residents

    service, actor, stored, bad = _service(data_dir), officer or getpass.getuser(), 0, 0
    for number, item in read_residents(_exists(path, "居民")):
        try:
            if isinstance(item, WarnError):
                raise item
            service.register(item, actor=actor)
            stored += 1
        except WarnError as exc:
            bad += 1
            typer.echo(f"第{number}行：{exc}", err=True)
    typer.echo(f"已登记 {stored} 位居民，有误的行 {bad} 行")
    if bad:
        raise typer.Exit(2)


@warn_app.command("events")
def import_events(
    path: Annotated[Path, typer.Argument(help="联系记录 JSONL 或 CSV（按扩展名）")],
    check: Annotated[bool, typer.Option(help="逐条比对并生成预警任务；--no-check 只批量存储存量记录")] = True,
    data_dir: DataDir = None,
) -> None:
    """导入联系记录（通话、短信、付款）。有误的行注明行号并跳过，结束时退出码2。

    例：fanzha warn events calls.jsonl    例：fanzha warn events backlog.csv --no-check
    """
    from fanzha.warn import EventIn, WarnError
    from fanzha.warn.events import read_events

    service, bad, stored = _service(data_dir), 0, 0
    tasks: set[int] = set()
    pending: list[EventIn] = []

    def flush() -> None:
        nonlocal stored
        if check:
            results = service.record_events(pending)
            tasks.update(t for r in results for t in r.tasks)
            stored += len(results)
        else:
            stored += service.store_events(pending)
        pending.clear()

    for number, item in read_events(_exists(path, "联系记录")):
        if isinstance(item, WarnError):
            bad += 1
            typer.echo(f"第{number}行：{item}", err=True)
            continue
        pending.append(item)
        if len(pending) >= 1_000:
            flush()
    if pending:
        flush()
    typer.echo(f"已导入 {stored} 条联系记录，涉及预警任务 {len(tasks)} 个，有误的行 {bad} 行")
    if bad:
        raise typer.Exit(2)


@warn_app.command()
def flag(
    kind: Annotated[str, typer.Option(help="phone, bank_card, alipay, wechat, qq, url, domain")],
    value: Annotated[str, typer.Option(help="号码或账户，写法不限")],
    level: Annotated[
        str, typer.Option(help="confirmed（已确认涉诈）或 suspicious（多人举报）")
    ] = "confirmed",
    fraud_type: Annotated[str | None, typer.Option(help="诈骗类型代码，例如 impersonate_authority")] = None,
    reason: Annotated[str, typer.Option(help="标记依据")] = "",
    data_dir: DataDir = None,
) -> None:
    """标记一个涉诈标识并立即比对已存储的联系记录，生成预警任务。

    例：fanzha warn flag --kind phone --value 17012345678 --fraud-type impersonate_authority --reason 案件确认
    """
    from fanzha.taxonomy import UnknownFraudType, check_fraud_type
    from fanzha.warn import WarnError

    if level not in ("confirmed", "suspicious"):
        fail("--level 只能是 confirmed 或 suspicious")
    try:
        check_fraud_type(fraud_type)
        tasks = _service(data_dir).flag(
            kind=kind, value=value, level=level, source="import", fraud_type=fraud_type, reason=reason
        )
    except (WarnError, UnknownFraudType) as exc:
        fail(str(exc))
    typer.echo(
        f"生成或更新预警任务 {len(tasks)} 个" + (f"：{', '.join(f'#{t}' for t in tasks)}" if tasks else "")
    )


def _line(task: Task) -> str:
    from fanzha.taxonomy import fraud_type_name
    from fanzha.warn.model import OUTCOMES, TASK_STATES

    state = OUTCOMES.get(task.outcome, "") if task.state == "done" else TASK_STATES[task.state]
    return (
        f"#{task.id} 优先级{task.priority} [{state}] {task.community} {task.resident_name} {task.resident_phone}"
        f" ← {task.identifier.kind}:{task.identifier.value}（{fraud_type_name(task.fraud_type)}）"
        f" 理由：{'；'.join(task.reasons)}"
    )


@warn_app.command("tasks")
def list_tasks(
    community: Annotated[str | None, typer.Option(help="社区/村")] = None,
    station: Annotated[str | None, typer.Option(help="派出所")] = None,
    state: Annotated[str, typer.Option(help="open（待预警）、done（已处置）或 all")] = "open",
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 50,
    data_dir: DataDir = None,
) -> None:
    """预警任务队列：待预警的在前，按优先级从高到低，每条附理由。例：fanzha warn tasks --community 幸福里社区"""
    if state not in ("open", "done", "all"):
        fail("--state 只能是 open、done 或 all")
    found, total = _service(data_dir).tasks.queue(
        community=community, police_station=station, state=None if state == "all" else state, limit=limit
    )
    for task in found:
        typer.echo(_line(task))
    typer.echo(f"共 {total} 个任务" if found else "没有任务。")


@warn_app.command()
def show(
    task_id: Annotated[int, typer.Argument(help="预警任务编号")],
    data_dir: DataDir = None,
) -> None:
    """一个预警任务：居民、涉诈标识、理由、96110劝阻话术和12381预警短信。例：fanzha warn show 12"""
    from fanzha.warn import WarnNotFound
    from fanzha.warn.scripts import call_script, sms_text

    try:
        task = _service(data_dir).tasks.get(task_id)
    except WarnNotFound as exc:
        fail(str(exc))
    typer.echo(_line(task))
    typer.echo("劝阻话术：")
    for line in call_script(task):
        typer.echo(f"  {line}")
    typer.echo(f"预警短信：{sms_text(task)}")


@warn_app.command()
def outcome(
    task_id: Annotated[int, typer.Argument(help="预警任务编号")],
    result: Annotated[
        str,
        typer.Option(
            "--outcome", help="prevented 劝阻成功 / deceived 已受骗 / unreachable 无法联系 / false_alarm 误报"
        ),
    ],
    method: Annotated[str, typer.Option(help="call 电话 / sms 短信 / visit 上门")] = "call",
    note: Annotated[str, typer.Option(help="处置说明")] = "",
    at: Annotated[
        str | None, typer.Option(help="预警时间（默认现在），例如 2026-11-06T10:30:00+08:00")
    ] = None,
    loss: Annotated[float | None, typer.Option(help="已受骗时的损失（元）")] = None,
    officer: Officer = None,
    data_dir: DataDir = None,
) -> None:
    """记录预警结果；已受骗时自动立案并关联案件。例：fanzha warn outcome 12 --outcome prevented --method visit"""
    from fanzha.cases.repository import CaseStore
    from fanzha.warn import WarnError
    from fanzha.warn.events import parse_time

    service = _service(data_dir)
    try:
        moment: datetime | None = parse_time(at, "--at") if at else None
        task = service.tasks.record_outcome(
            task_id, outcome=result, method=method, note=note, at=moment, loss=loss,
            by=officer or getpass.getuser(), cases=CaseStore(service.engine, intel=service.intel),
        )  # fmt: skip
    except WarnError as exc:
        fail(str(exc))
    extra = f"，已立案 #{task.case_id}" if task.case_id else ""
    told = f"，已告知家属：{'、'.join(task.family_notified)}" if task.family_notified else ""
    typer.echo(f"已记录：{_line(task)}（预警用时 {task.minutes_to_warning} 分钟{extra}{told}）")
