"""`fanzha claims …`: the medical-insurance claims audit (打击欺诈骗保) from the terminal — audit a JSONL
file of claims against the catalogue and stock records, list the rules, and generate synthetic claims with
labelled violations. The office's commands (store, report …) are added by `fanzha.cli.claims_office`."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import Annotated

import orjson
import typer

from fanzha.cli.claims_office import register
from fanzha.cli.errors import fail

claims_app = typer.Typer(
    help="医保基金监管（打击欺诈骗保）：按目录和进销存审核结算单，列出审核规则，生成带标注的模拟结算单。",
    no_args_is_help=True,
)


@claims_app.command()
def audit(
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help="输入输出都是 JSONL（每行一份结算单 / 一份结果）")
    ] = True,
    catalogue: Annotated[
        Path | None, typer.Option(help="本地收费项目目录（YAML 或 CSV），默认用随附的示例目录")
    ] = None,
    stock: Annotated[Path | None, typer.Option(help="药品进销存记录（JSONL 或 CSV）")] = None,
    input_file: Annotated[
        Path | None, typer.Option("--input", "-i", help="结算单文件（默认标准输入）")
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="结果文件（默认标准输出）")] = None,
) -> None:
    """审核结算单：每份结算单输出一行 {claim_id, findings: [{rule, item_refs, amount, explanation}]}；
    无法读取的行输出 {claim_id, error}，不中断审核，结束时在标准错误输出中说明有几行有误（退出码0）。

    进销存和重复住院按结算单的先后顺序累计：同一批结算单请放在一个文件中审核。

    例：fanzha claims audit --jsonl --catalogue 本地目录.yaml --stock 进销存.jsonl < claims.jsonl > findings.jsonl
    """
    from fanzha.claims import Auditor, ClaimError, load_catalogue, read_stock, result_line

    if not jsonl:
        fail("目前只支持 JSONL 输入输出（--jsonl）")
    try:
        cat = load_catalogue(_exists(catalogue, "目录")) if catalogue is not None else None
        records = read_stock(_exists(stock, "进销存")) if stock is not None else []
    except ClaimError as exc:
        fail(str(exc))
    auditor = Auditor(catalogue=cat, stock=records)
    try:
        source = input_file.open("rb") if input_file is not None else sys.stdin.buffer
    except OSError as exc:
        fail(f"无法读取结算单文件 {input_file}：{exc.__class__.__name__}")
    target = output.open("wb") if output is not None else sys.stdout.buffer
    gc.freeze()  # the catalogue and stock stay for the run: the collector need not walk them again
    flagged = 0
    try:
        for result in auditor.audit_lines(source):
            flagged += bool(result.findings)
            target.write(result_line(result))
    except OSError as exc:
        fail(f"读写失败：{exc.__class__.__name__}")
    finally:
        if input_file is not None:
            source.close()
        if output is not None:
            target.close()
        else:
            target.flush()
    typer.echo(
        f"审核结算单 {auditor.audited} 份，有疑点 {flagged} 份；无法读取的行 {auditor.bad} 行", err=True
    )


@claims_app.command("rules")
def rules_cmd() -> None:
    """列出审核规则：规则编号、名称和说明。

    例：fanzha claims rules
    """
    from fanzha.claims import describe_rules

    for rule in describe_rules():
        typer.echo(f"{rule['id']}\t{rule['name']}\t{rule['description']}")


@claims_app.command()
def generate(
    n: Annotated[int, typer.Option("--n", help="结算单份数（1 至 10,000,000）")] = 1000,
    seed: Annotated[int, typer.Option(help="随机种子（相同种子生成相同数据）")] = 1,
    violations: Annotated[float, typer.Option(help="注入违规的结算单比例，0 至 1（每份至多一种）")] = 0.2,
    labels: Annotated[Path | None, typer.Option(help="写出标注：每行 {claim_id, rule, item_refs}")] = None,
    stock_out: Annotated[
        Path | None, typer.Option("--stock", help="写出与之相符的进销存记录（JSONL）")
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="结算单文件（默认标准输出）")] = None,
) -> None:
    """生成模拟结算单（【演示数据】）：合规但易误判的情形（出院日收床位费而入院日不收、限次内重复、
    按标准价收费、套餐整体收费、同日转院），以及按比例注入的各类违规，并可写出标注和进销存记录。

    例：fanzha claims generate --n 1000 --seed 1 --violations 0.2 --labels labels.jsonl --stock stock.jsonl > claims.jsonl
    """
    from fanzha.claims.generate import ClaimGenerator
    from fanzha.claims.stockfile import stock_line

    if not 1 <= n <= 10_000_000:
        fail(f"--n 应在 1 至 10,000,000 之间：{n}")
    if not 0.0 <= violations <= 1.0:
        fail(f"--violations 应在 0 至 1 之间：{violations}")
    generator = ClaimGenerator(n=n, seed=seed, violations=violations)
    target = output.open("wb") if output is not None else sys.stdout.buffer
    try:
        for claim in generator.claims():
            target.write(orjson.dumps(claim, option=orjson.OPT_APPEND_NEWLINE))
        if labels is not None:
            labels.write_bytes(
                b"".join(orjson.dumps(x, option=orjson.OPT_APPEND_NEWLINE) for x in generator.labels)
            )
        if stock_out is not None:
            stock_out.write_bytes(b"".join(stock_line(r) + b"\n" for r in generator.stock))
    except OSError as exc:
        fail(f"写入失败：{exc.__class__.__name__}")
    finally:
        if output is not None:
            target.close()
        else:
            target.flush()
    typer.echo(
        f"生成结算单 {n} 份，注入违规 {len(generator.labels)} 处，进销存记录 {len(generator.stock)} 条",
        err=True,
    )


def _exists(path: Path, what: str) -> Path:
    if not path.is_file():
        fail(f"找不到{what}文件：{path}")
    return path


register(claims_app)
