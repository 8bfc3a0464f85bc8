"""`fanzha intel …`: report identifiers and look up their risk in the intelligence store."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import orjson
import typer

from fanzha.cli.errors import fail
from fanzha.intel.risk import LEVEL_NAMES

if TYPE_CHECKING:
    from fanzha.intel.repository import IntelStore

app = typer.Typer(help="风险情报：举报号码、链接、账户，查询风险等级。", no_args_is_help=True)

DataDir = Annotated[
    Path | None, typer.Option("--data-dir", help="数据目录（默认 ~/.local/share/fanzha，或 FANZHA_DATA_DIR）")
]
Kind = Annotated[str, typer.Option(help="类型：phone, bank_card, url, domain, ip, qq, wechat, alipay")]
Value = Annotated[str, typer.Option(help="号码、链接或账号，写法不限")]


def store_url(data_dir: Path | None) -> str:
    """FANZHA_DATABASE_URL, else SQLite in --data-dir, FANZHA_DATA_DIR or ~/.local/share/fanzha."""
    from fanzha.store import database_url

    default_dir = Path(os.environ.get("FANZHA_DATA_DIR", Path.home() / ".local" / "share" / "fanzha"))
    return database_url(url=os.environ.get("FANZHA_DATABASE_URL"), data_dir=data_dir or default_dir)


def _store(data_dir: Path | None) -> IntelStore:
    from fanzha.intel.repository import IntelStore
    from fanzha.store import make_engine, upgrade
    from fanzha.warn.loop import wire_stores

    engine = make_engine(store_url(data_dir))
    upgrade(engine)
    store = IntelStore(engine)
    wire_stores(intel=store)  # a confirmed identifier warns the residents in contact with it at once
    return store


@app.command()
def report(
    kind: Kind,
    value: Value,
    fraud_type: Annotated[str | None, typer.Option(help="诈骗类型代码，可不填")] = None,
    text: Annotated[str | None, typer.Option(help="补充说明，可不填")] = None,
    source: Annotated[str, typer.Option(help="来源：citizen, police, bank")] = "citizen",
    data_dir: DataDir = None,
) -> None:
    """举报一个号码、链接或账户。例：fanzha intel report --kind phone --value "170 1234 5678\""""
    from fanzha.intel.repository import IntelError

    try:
        report_id = _store(data_dir).add_report(
            kind=kind, value=value, fraud_type=fraud_type, text=text, source=source
        )
    except IntelError as exc:
        fail(str(exc))
    typer.echo(f"已记录举报 #{report_id}")


@app.command()
def lookup(
    kind: Kind,
    value: Value,
    data_dir: DataDir = None,
    as_json: Annotated[bool, typer.Option("--json", help="以JSON输出")] = False,
) -> None:
    """查询风险等级。例：fanzha intel lookup --kind phone --value 17012345678"""
    from fanzha.intel.repository import IntelError

    try:
        found = _store(data_dir).lookup(kind=kind, value=value)
    except IntelError as exc:
        fail(str(exc))
    if as_json:
        record = {
            "kind": found.kind,
            "value": found.value,
            "level": found.level,
            "reasons": found.reasons,
            "report_count": found.report_count,
            "first_seen": found.first_seen.isoformat() if found.first_seen else None,
            "last_seen": found.last_seen.isoformat() if found.last_seen else None,
            "facts": found.facts,
        }
        typer.echo(orjson.dumps(record, option=orjson.OPT_INDENT_2).decode())
        return
    typer.echo(f"{found.kind} {found.value}：{LEVEL_NAMES[found.level]}（举报 {found.report_count} 次）")
    for reason in found.reasons:
        typer.echo(f"  · {reason}")
    if found.facts:
        typer.echo("  · " + "，".join(f"{k}: {v}" for k, v in found.facts.items()))


keys_app = typer.Typer(help="API密钥：按角色创建（只显示一次）。", no_args_is_help=True)


@keys_app.command("create")
def create_key_command(
    role: Annotated[str, typer.Option(help="角色：public, officer, bank, community, admin")],
    label: Annotated[str, typer.Option(help="持有人或用途，例如 反诈中心-张三")] = "",
    data_dir: DataDir = None,
) -> None:
    """创建API密钥。例：fanzha keys create --role officer --label 反诈中心-001"""
    import getpass

    from fanzha.intel.keys import create_key

    try:
        key = create_key(_store(data_dir).engine, role=role, label=label or role, actor=getpass.getuser())
    except ValueError as exc:
        fail(str(exc))
    typer.echo(key)
    typer.echo("请妥善保存：密钥只显示这一次，数据库中只存它的哈希。", err=True)


@app.command("import")
def import_command(
    path: Annotated[
        Path, typer.Argument(help="CSV（表头 kind,value[,source,fraud_type,text]）或 JSONL 文件")
    ],
    data_dir: DataDir = None,
) -> None:
    """批量导入号码、链接、账户名单（可重复运行：已导入的行会跳过，中断后再运行即可续传）。

    例：fanzha intel import reported.csv
    """
    import getpass

    from tqdm import tqdm

    from fanzha.intel.bulk import import_file

    if not path.is_file():
        fail(f"找不到文件：{path}")
    with tqdm(unit="行", disable=not sys.stderr.isatty(), file=sys.stderr) as bar:
        summary = import_file(_store(data_dir), path, progress=bar.update, actor=getpass.getuser())
    typer.echo(f"导入 {summary.imported} 行，跳过已导入 {summary.skipped} 行，出错 {len(summary.errors)} 行")
    for error in summary.errors[:20]:
        typer.echo(f"  · {error}", err=True)


@app.command("export")
def export_command(
    path: Annotated[Path, typer.Argument(help="输出文件，.csv 或 .jsonl")],
    data_dir: DataDir = None,
) -> None:
    """导出情报库中的全部号码、链接、账户及举报次数。例：fanzha intel export all.jsonl"""
    from fanzha.intel.bulk import export_file

    with path.open("w", encoding="utf-8", newline="") as out:
        n = export_file(_store(data_dir), out, fmt="csv" if path.suffix.lower() == ".csv" else "jsonl")
    typer.echo(f"已导出 {n} 行到 {path}")
