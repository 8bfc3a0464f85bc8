"""`fanzha alerts …`: the counter alarm from the terminal — the alerts from bank counters, and the report of
drills (演练) and real alerts counted apart (for a bank's 演练总结 or the desk's monthly figures)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import orjson
import typer

from fanzha.cli.errors import fail
from fanzha.cli.intel import DataDir, store_url
from fanzha.timezones import BEIJING

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from fanzha.counter import Alert
    from fanzha.counter.drills import Tally

alerts_app = typer.Typer(help="柜面报警：查看银行柜面报警，演练与真实报警分开统计。", no_args_is_help=True)


def _engine(data_dir: Path | None) -> Engine:
    from fanzha.store import make_engine, upgrade

    engine = make_engine(store_url(data_dir))
    upgrade(engine)
    return engine


def _time(text: str | None, what: str) -> datetime | None:
    """A time typed at the terminal (Beijing time unless it names its zone)."""
    if not text:
        return None
    try:
        at = datetime.fromisoformat(text.strip().replace("/", "-"))
    except ValueError:
        fail(f"{what}“{text[:30]}”无法识别，请写成 2026-06-01 或 2026-06-01 09:00")
    return at if at.tzinfo is not None else at.replace(tzinfo=BEIJING)


def _seconds(value: float | None) -> str:
    if value is None:
        return "—"
    minutes, secs = divmod(int(value), 60)
    return f"{minutes} 分 {secs} 秒" if minutes else f"{secs} 秒"


def _line(alert: Alert) -> str:
    at = alert.occurred_at.astimezone(BEIJING)
    text = (
        f"#{alert.id}{'【演练】' if alert.drill else ''} {at:%Y-%m-%d %H:%M} {alert.bank}{alert.branch}{alert.counter} "
        f"{alert.kind_name} — {alert.state_name}"
    )
    if alert.seconds_to_acknowledge is not None:
        text += f"（接警用时 {_seconds(alert.seconds_to_acknowledge)}）"
    if alert.case_id is not None:
        text += f"，案件 #{alert.case_id}"
    if alert.outcome:
        text += f"，{alert.outcome_name}"
    return text


@alerts_app.command("list")
def list_command(
    state: Annotated[
        str | None,
        typer.Option(help="active（未处置）、open（待接警）、acknowledged（已接警）、closed（已处置）"),
    ] = None,
    drill: Annotated[bool | None, typer.Option("--drill/--real", help="只看演练 / 只看真实报警")] = None,
    bank: Annotated[str | None, typer.Option(help="只看一家银行")] = None,
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 200,
    as_json: Annotated[bool, typer.Option("--json", help="以JSON输出")] = False,
    data_dir: DataDir = None,
) -> None:
    """列出柜面报警（待接警的在前，新的在前；时间为北京时间）。例：fanzha alerts list --state open"""
    from dataclasses import asdict

    from fanzha.counter import AlertError, AlertStore

    try:
        found = AlertStore(_engine(data_dir)).list_alerts(state=state, bank=bank, drill=drill, limit=limit)
    except AlertError as exc:
        fail(str(exc))
    if as_json:
        for alert in found:
            typer.echo(orjson.dumps(asdict(alert)).decode())
        return
    for alert in found:
        typer.echo(_line(alert))
    if not found:
        typer.echo("没有柜面报警。")


def _tally_lines(name: str, tally: Tally) -> list[str]:
    from fanzha.counter import OUTCOMES

    outcomes = "、".join(f"{OUTCOMES.get(k, k)} {n}" for k, n in tally.outcomes.items()) or "—"
    return [
        f"{name}：报警 {tally.raised}，已接警 {tally.acknowledged}，已处置 {tally.closed}，待接警 {tally.waiting}",
        f"  接警用时：中位数 {_seconds(tally.median_seconds)}，平均 {_seconds(tally.mean_seconds)}，"
        f"最长 {_seconds(tally.max_seconds)}",
        f"  处置结果：{outcomes}",
    ]


@alerts_app.command()
def report(
    since: Annotated[str | None, typer.Option(help="起始时间（含），北京时间，如 2026-06-01")] = None,
    until: Annotated[str | None, typer.Option(help="截止时间（不含）")] = None,
    bank: Annotated[str | None, typer.Option(help="只看一家银行")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="以JSON输出")] = False,
    data_dir: DataDir = None,
) -> None:
    """演练与真实报警分开统计：报警数、接警用时、处置结果、各银行数量。例：fanzha alerts report --since 2026-06-01 --until 2026-07-01"""
    from fanzha.counter import AlertError
    from fanzha.counter.drills import alert_report

    start, end = _time(since, "起始时间"), _time(until, "截止时间")
    try:
        found = alert_report(_engine(data_dir), since=start, until=end, bank=bank)
    except AlertError as exc:
        fail(str(exc))
    if as_json:
        typer.echo(orjson.dumps(found.to_dict(), option=orjson.OPT_INDENT_2).decode())
        return
    span = f"{start:%Y-%m-%d %H:%M} 起" if start else "全部时间"
    span += f"，至 {end:%Y-%m-%d %H:%M} 止（北京时间）" if end else ""
    typer.echo(f"柜面报警统计（{span}{'，' + found.bank if found.bank else ''}）")
    for line in _tally_lines("真实报警", found.real) + _tally_lines("演练", found.drills):
        typer.echo(line)
    for row in found.banks:
        typer.echo(f"  {row.bank}：真实 {row.real}，演练 {row.drills}")
