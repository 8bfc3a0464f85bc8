"""`fanzha screen …`: screen transfers (JSONL in, decisions out), backtest a candidate rule set, check and
document rule files, list a bank's transfers awaiting review; streamed screening over NATS JetStream
(`fanzha screen publish`, `fanzha screen-worker`, `fanzha screen decisions`: fanzha.screen.stream)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, BinaryIO

import orjson
import typer

from fanzha.cli.errors import fail
from fanzha.cli.intel import DataDir, store_url

if TYPE_CHECKING:
    from fanzha.screen.intel_view import IntelView
    from fanzha.screen.rules import RuleSet
    from fanzha.screen.stream import PublishReport, StreamNames, WorkerStats

screen_app = typer.Typer(
    help="转账风险筛查：fanzha screen --jsonl < transfers.jsonl > decisions.jsonl",
    invoke_without_command=True,
)

RulesOpt = Annotated[Path | None, typer.Option("--rules", help="规则文件（YAML）；默认使用内置规则集")]
ShadowOpt = Annotated[
    Path | None, typer.Option("--shadow", help="影子规则集：与现行规则并行评估，结论记入 shadow，不影响结果")
]
NoIntelOpt = Annotated[
    bool, typer.Option("--no-intel", help="不读取风险情报库（收款账户、联系号码不查情报）")
]
JsonlOpt = Annotated[bool, typer.Option("--jsonl", help="从标准输入逐行读取交易，逐行输出筛查结论")]
ExplainOpt = Annotated[bool, typer.Option("--explain", help="输出每条规则的执行结果（executions）")]


def _rules(path: Path | None) -> RuleSet:
    from fanzha.screen.operators import RuleError
    from fanzha.screen.rules import default_rules, load_rules

    try:
        return load_rules(path) if path is not None else default_rules()
    except RuleError as exc:
        fail(str(exc))


def _intel(data_dir: Path | None, no_intel: bool) -> IntelView | None:
    if no_intel:
        return None
    from fanzha.screen.intel_view import FlaggedSet
    from fanzha.store import make_engine, upgrade

    engine = make_engine(store_url(data_dir))
    upgrade(engine)
    return FlaggedSet(engine)


def _input() -> BinaryIO:
    if sys.stdin.isatty():
        fail("请从标准输入提供交易（每行一个JSON），例如：fanzha screen --jsonl < transfers.jsonl")
    return sys.stdin.buffer


def _run(
    rules: Path | None, shadow: Path | None, data_dir: Path | None, no_intel: bool, explain: bool
) -> None:
    from fanzha.screen.engine import Screener
    from fanzha.screen.jsonl import record, screen_stream
    from fanzha.screen.state import MemoryState

    live, candidate = _rules(rules), _rules(shadow) if shadow is not None else None
    source = _input()
    screener = Screener(live, shadow=candidate, intel=_intel(data_dir, no_intel))
    out = sys.stdout.buffer
    counts: dict[str, int] = {}
    for item in screen_stream(source, screener=screener, state=MemoryState()):
        out.write(orjson.dumps(record(item, executions=explain)) + b"\n")
        key = item.decision.outcome if item.decision is not None else "error"
        counts[key] = counts.get(key, 0) + 1
    out.flush()
    summary = "，".join(f"{k} {v}" for k, v in sorted(counts.items()))
    typer.echo(f"筛查完成：{summary or '没有交易'}", err=True)


@screen_app.callback()
def screen_main(
    ctx: typer.Context,
    jsonl: JsonlOpt = False,
    rules: RulesOpt = None,
    shadow: ShadowOpt = None,
    data_dir: DataDir = None,
    no_intel: NoIntelOpt = False,
    explain: ExplainOpt = False,
) -> None:
    """转账风险筛查。例：fanzha screen --jsonl < transfers.jsonl > decisions.jsonl"""
    if ctx.invoked_subcommand is not None:
        return
    if not jsonl:
        typer.echo(ctx.get_help())
        raise typer.Exit(0)
    _run(rules, shadow, data_dir, no_intel, explain)


@screen_app.command("run")
def run_command(
    jsonl: JsonlOpt = False,
    rules: RulesOpt = None,
    shadow: ShadowOpt = None,
    data_dir: DataDir = None,
    no_intel: NoIntelOpt = False,
    explain: ExplainOpt = False,
) -> None:
    """按文件顺序筛查交易（每笔都能看到之前的交易）。例：fanzha screen run --jsonl < t.jsonl > d.jsonl"""
    if not jsonl:
        fail("请加 --jsonl 并从标准输入提供交易，例如：fanzha screen run --jsonl < transfers.jsonl")
    _run(rules, shadow, data_dir, no_intel, explain)


@screen_app.command("backtest")
def backtest_command(
    rules: Annotated[Path, typer.Option("--rules", help="候选规则文件（YAML）")],
    live: Annotated[Path | None, typer.Option("--live", help="现行规则文件；默认内置规则集")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="输出JSON")] = False,
    examples: Annotated[int, typer.Option(help="每种结论变化列出的示例数", min=0, max=100)] = 3,
    data_dir: DataDir = None,
    no_intel: NoIntelOpt = False,
) -> None:
    """回测：候选规则集与现行规则集在同一批交易上的结论对比（带 label 时给出精确率、召回率）。

    例：fanzha screen backtest --rules candidate.yaml < transfers.jsonl
    """
    from fanzha.screen.backtest import backtest, render

    candidate, current = _rules(rules), _rules(live)
    source = _input()
    report = backtest(
        source,
        live=current,
        candidate=candidate,
        intel=_intel(data_dir, no_intel),
        examples=examples,
    )
    if as_json:
        typer.echo(orjson.dumps(report.to_dict(), option=orjson.OPT_INDENT_2).decode())
    else:
        typer.echo(render(report))


@screen_app.command("rules")
def rules_command(
    rules: RulesOpt = None,
    doc: Annotated[bool, typer.Option("--doc", help="输出Markdown文档（docs/screening-rules.md）")] = False,
) -> None:
    """检查并列出规则集（有错误时指出规则和字段）。例：fanzha screen rules --rules my_rules.yaml"""
    ruleset = _rules(rules)
    if doc:
        from fanzha.screen.ruledoc import rules_markdown

        typer.echo(rules_markdown(ruleset))
        return
    thresholds = "，".join(f"{o}≥{s}" for o, s in reversed(ruleset.thresholds))
    typer.echo(f"规则集 {ruleset.version}：{len(ruleset.rules)} 条规则；分数线 {thresholds}")
    for rule in ruleset.rules:
        forced = f" 至少{rule.outcome}" if rule.outcome else ""
        typer.echo(f"  {rule.id:28} {rule.score:+4d}{forced}  {rule.condition}")


@screen_app.command("operators")
def operators_command() -> None:
    """列出规则可用的条件及其含义。例：fanzha screen operators"""
    from fanzha.screen.operators import describe_operators

    for op in describe_operators():
        typer.echo(f"{op['name']:18} {op['help']}\n{'':18} 例：{op['example']}")


@screen_app.command("pending")
def pending_command(
    bank: Annotated[str, typer.Option(help="银行（与其API密钥的标签一致）")],
    limit: Annotated[int, typer.Option(min=1, max=500)] = 50,
    data_dir: DataDir = None,
) -> None:
    """列出待核实的延迟结算与拦截交易（账号、姓名已遮盖）。例：fanzha screen pending --bank 中国工商银行"""
    from fanzha.screen.decisions import DecisionStore
    from fanzha.store import make_engine, upgrade

    engine = make_engine(store_url(data_dir))
    upgrade(engine)
    found = DecisionStore(engine).pending(bank=bank, limit=limit)
    if not found:
        typer.echo(f"{bank} 没有待核实的交易")
        return
    for item in found:
        shown = item.detail()["transfer"]
        payee = shown.get("payee", {})
        typer.echo(
            f"{item.transfer_id} {item.outcome} {item.score}分 {shown.get('amount', '?')}元 → "
            f"{payee.get('account', '?')} {payee.get('name', '')}  "
            + "；".join(r["clause"] for r in item.reasons[:3])
        )


BankOpt = Annotated[str, typer.Option("--bank", help="银行名称（与其API密钥的标签一致）")]


def _nats_settings() -> tuple[str, StreamNames]:
    from fanzha.screen.stream import StreamError, settings_from_env

    try:
        return settings_from_env()
    except StreamError as exc:
        fail(str(exc))


@screen_app.command("publish")
def publish_command(bank: BankOpt, jsonl: JsonlOpt = False) -> None:
    """把交易发布到 NATS JetStream，由 fanzha screen-worker 筛查（交易格式与 fanzha screen --jsonl 相同）。

    例：FANZHA_NATS_STREAM=FANZHA fanzha screen publish --jsonl --bank 中国工商银行 < transfers.jsonl
    """
    import asyncio

    from fanzha.screen.feed import read_lines
    from fanzha.screen.stream import (
        PublishInterrupted,
        StreamError,
        check_bank,
        connect,
        ensure_stream,
        publish_transfers,
    )

    if not jsonl:
        fail(
            "请加 --jsonl 并从标准输入提供交易，例如：fanzha screen publish --jsonl --bank 某银行 < transfers.jsonl"
        )
    try:
        check_bank(bank)
    except StreamError as exc:
        fail(str(exc))
    url, names = _nats_settings()
    source = _input()

    async def go() -> PublishReport:
        nc = await connect(url, reconnect=False)
        try:
            js = nc.jetstream()
            await ensure_stream(js, names)
            return await publish_transfers(
                js,
                names,
                bank=bank,
                lines=read_lines(source, limit=nc.max_payload),
                max_payload=nc.max_payload,
            )
        finally:
            await nc.close()

    try:
        report = asyncio.run(go())
    except PublishInterrupted as exc:  # says how many were acknowledged: those stay in the stream
        fail(str(exc))
    except StreamError as exc:
        fail(f"{exc}；已确认发布 0 笔交易")
    except Exception as exc:  # NATS refused or timed out before the first transfer was published
        fail(f"发布中断（{type(exc).__name__}：{exc}）：已确认发布 0 笔交易")
    for error in report.errors:
        typer.echo(f"未发布：{error}", err=True)
    typer.echo(
        f"已发布 {report.published} 笔交易到 {names.transfers}（其中 {report.duplicates} 笔此前已发布）"
        + (f"，{len(report.errors)} 行未发布" if report.errors else ""),
        err=True,
    )
    if report.errors:
        raise typer.Exit(2)


@screen_app.command("decisions")
def decisions_command(
    jsonl: JsonlOpt = False,
    bank: Annotated[str | None, typer.Option("--bank", help="只列出该银行的结论")] = None,
    data_dir: DataDir = None,
) -> None:
    """逐行输出已存储的筛查结论 {"id", "outcome", …}（每笔交易一行）。例：fanzha screen decisions --jsonl"""
    from fanzha.screen.stream import stored_decisions
    from fanzha.store import make_engine, upgrade

    if not jsonl:
        fail("请加 --jsonl，例如：fanzha screen decisions --jsonl > decisions.jsonl")
    engine = make_engine(store_url(data_dir))
    upgrade(engine)
    out = sys.stdout.buffer
    for record in stored_decisions(engine, bank=bank):
        out.write(orjson.dumps(record) + b"\n")
    out.flush()


def worker_command(
    bank: Annotated[
        str | None, typer.Option("--bank", help="消息没有 Fanzha-Bank 头时使用的银行名称")
    ] = None,
    batch: Annotated[int, typer.Option("--batch", help="每次最多取的交易数", min=1, max=1000)] = 100,
    data_dir: DataDir = None,
) -> None:
    """筛查工作进程：从 NATS JetStream 取交易（FANZHA_NATS_URL、FANZHA_NATS_STREAM），筛查、存储，并把结论发布到 <流名>.decisions。

    可同时运行多个（共用一个持久消费者）；SIGTERM / Ctrl-C 时处理完手头的一批再退出。
    例：FANZHA_NATS_STREAM=FANZHA fanzha screen-worker
    """
    import asyncio
    import contextlib
    import os
    import signal

    from fanzha.intel.changes import feed_from_env
    from fanzha.intel.repository import IntelStore
    from fanzha.screen.operators import RuleError
    from fanzha.screen.service import build_service_from_env
    from fanzha.screen.stream import StreamError, StreamWorker, check_bank, connect, ensure_stream
    from fanzha.store import make_engine, upgrade
    from fanzha.warn.loop import wire_stores

    if bank is not None:
        try:
            check_bank(bank)
        except StreamError as exc:
            fail(str(exc))
    url, names = _nats_settings()
    engine = make_engine(store_url(data_dir))
    upgrade(engine)
    redis_url = os.environ.get("FANZHA_REDIS_URL") or None
    feed = feed_from_env(engine, redis_url)  # the API workers' reports and decisions reach this worker
    intel = IntelStore(engine, feed=feed)
    try:
        service = build_service_from_env(engine=engine, intel=intel, redis_url=redis_url)
    except (RuleError, ValueError) as exc:
        fail(str(exc))
    service.add_listener(wire_stores(intel=intel).on_held_transfer)  # as the API does: warn on a hold
    if feed is not None:
        feed.start()

    async def go() -> WorkerStats:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        nc = await connect(url)
        try:
            js = nc.jetstream()
            await ensure_stream(js, names)
            typer.echo(f"筛查工作进程已启动：{url} 流 {names.stream}，取 {names.transfers}", err=True)
            worker = StreamWorker(service=service, js=js, names=names, batch=batch, default_bank=bank)
            return await worker.run(stop)
        finally:
            # The acks of the last batch go out before the connection closes (if they cannot, JetStream
            # redelivers the batch and the store answers it).
            with contextlib.suppress(Exception):
                await nc.flush(timeout=5)
            await nc.close()

    try:
        stats = asyncio.run(go())
    except StreamError as exc:
        fail(str(exc))
    finally:
        engine.dispose()
    typer.echo(
        f"筛查工作进程已停止：处理 {stats.messages} 条消息，结论 {stats.decided} 条，错误 {stats.errors} 条",
        err=True,
    )
