"""`fanzha screen …`: screen transfers (JSONL in, decisions out), backtest a candidate rule set, check and
document rule files, list a bank's transfers awaiting review."""

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
