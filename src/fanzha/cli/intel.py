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
    from fanzha.intel.repository import IntelStore, Lookup

app = typer.Typer(help="风险情报：举报号码、链接、账户，查询风险等级。", no_args_is_help=True)

DataDir = Annotated[
    Path | None, typer.Option("--data-dir", help="数据目录（默认 ~/.local/share/fanzha，或 FANZHA_DATA_DIR）")
]
Kind = Annotated[
    str,
    typer.Option(
        help="类型：phone（电话）, bank_card（银行卡/账号）, url（网址）, domain（域名）, ip, qq, "
        "wechat（微信号）, alipay（支付宝账号）"
    ),
]
Value = Annotated[str, typer.Option(help="号码、链接或账号，写法不限")]


def data_home(data_dir: Path | None) -> Path:
    """--data-dir, else FANZHA_DATA_DIR, else ~/.local/share/fanzha."""
    return data_dir or Path(os.environ.get("FANZHA_DATA_DIR", Path.home() / ".local" / "share" / "fanzha"))


def store_url(data_dir: Path | None) -> str:
    """FANZHA_DATABASE_URL, else SQLite in --data-dir, FANZHA_DATA_DIR or ~/.local/share/fanzha."""
    from fanzha.store import database_url

    return database_url(url=os.environ.get("FANZHA_DATABASE_URL"), data_dir=data_home(data_dir))


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
    source: Annotated[
        str, typer.Option(help="来源：citizen（市民）, police（民警）, bank（银行）")
    ] = "citizen",
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
    typer.echo(lookup_card(found))


# The facts a lookup carries (fanzha.intel.facts), by their Chinese label.
FACT_NAMES = {
    "organisation": "官方所属",
    "carrier": "运营商",
    "region": "归属地",
    "virtual_operator": "虚拟运营商号段",
    "foreign": "境外号码",
    "lookalike": "仿冒判断",
    "imitates": "被仿冒的官方域名",
    "imitated": "被仿冒的机构",
    "warning": "提示",
}


def _fact(value: object) -> str:
    if value is True:
        return "是"
    if value is False:
        return "否"
    return str(value)


def lookup_card(found: Lookup) -> str:
    """A lookup as labelled lines: level, report counts, Beijing times, facts, then the reasons."""
    from fanzha.cli.tables import beijing, card
    from fanzha.extract.registry import KIND_NAMES

    fields = [
        ("类型", KIND_NAMES.get(found.kind, found.kind)),
        ("规范写法", found.value),
        ("风险等级", LEVEL_NAMES.get(found.level, found.level)),
        ("举报次数", str(found.report_count)),
    ]
    if found.first_seen is not None:
        fields += [("首次举报", beijing(found.first_seen)), ("最近举报", beijing(found.last_seen))]
    if found.fraud_types:
        from fanzha.taxonomy import fraud_type_name

        named = sorted(found.fraud_types.items(), key=lambda kv: -kv[1])
        fields.append(("举报的诈骗类型", "、".join(f"{fraud_type_name(t)} {n}次" for t, n in named)))
    fields += [(FACT_NAMES.get(k, k), _fact(v)) for k, v in found.facts.items()]
    if found.flags:
        fields.append(("写法提示", "、".join(found.flags)))
    lines = [card(fields)]
    if found.reasons:
        lines += ["", "依据：", *(f"  · {reason}" for reason in found.reasons)]
    return "\n".join(lines) + "\n（时间为北京时间）" * (found.first_seen is not None)


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
