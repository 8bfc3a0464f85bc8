"""`fanzha intel …`: report identifiers and look up their risk in the intelligence store."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import orjson
import typer

from fanzha.cli.errors import fail

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
    from fanzha.intel.changes import feed_from_env
    from fanzha.intel.repository import IntelStore
    from fanzha.store import make_engine, upgrade
    from fanzha.warn.loop import wire_stores

    engine = make_engine(store_url(data_dir))
    upgrade(engine)
    store = IntelStore(engine, feed=feed_from_env(engine))  # running workers hear of the change
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


KindOption = Annotated[
    str | None,
    typer.Option(
        "--kind",
        help="类型（不填时按写法判断，与公众页面一致）：phone（电话）, bank_card（银行卡/账号）, url（网址）, "
        "domain（域名）, ip, qq, wechat（微信号）, alipay（支付宝账号）",
    ),
]


@app.command()
def lookup(
    given: Annotated[
        str | None, typer.Argument(metavar="[号码或链接]", help="要查询的号码、链接或账号")
    ] = None,
    kind: KindOption = None,
    value: Annotated[
        str | None, typer.Option("--value", help="号码、链接或账号（也可直接写在命令后）")
    ] = None,
    data_dir: DataDir = None,
    as_json: Annotated[bool, typer.Option("--json", help="以JSON输出")] = False,
) -> None:
    """查询号码、链接或账号：结论与公众页面一致（官方、疑似仿冒、已确认涉诈……）。

    例：fanzha intel lookup 95588
        fanzha intel lookup --kind phone --value 17012345678
    """
    from fanzha.intel.known import known
    from fanzha.intel.repository import IntelError

    if given is not None and value is not None and given != value:
        fail("号码或链接只需给一次：直接写在命令后，或用 --value")
    asked = value if value is not None else given
    if asked is None or not asked.strip():
        fail("请给出要查询的号码、链接或账号，例：fanzha intel lookup 95588")
    if kind is None:
        kind = guessed_kind(asked)
    try:
        found = _store(data_dir).lookup(kind=kind, value=asked)
    except IntelError as exc:
        fail(str(exc))
    seen = known(found)
    if as_json:
        record = {
            "kind": found.kind,
            "value": found.value,
            "verdict": seen.status,
            "verdict_name": seen.status_name,
            "level": found.level,
            "reasons": found.reasons,
            "report_count": found.report_count,
            "first_seen": found.first_seen.isoformat() if found.first_seen else None,
            "last_seen": found.last_seen.isoformat() if found.last_seen else None,
            "facts": found.facts,
            "flags": found.flags,
            "known": seen.to_dict(),
        }
        typer.echo(orjson.dumps(record, option=orjson.OPT_INDENT_2).decode())
        return
    typer.echo(lookup_card(found))


def guessed_kind(value: str) -> str:
    """The kind of a value given alone, read as the public page reads a pasted number or link; exit 2
    with a message when it is none, or several."""
    from fanzha.detect.prepare import lone_identifier

    found = lone_identifier(value)
    if found is None:
        fail(f"看不出“{value[:40]}”是电话、链接还是账号：请用 --kind 指明类型")
    return found.kind


def lookup_card(found: Lookup) -> str:
    """A lookup as the public page shows it: the verdict (official, imitation, confirmed …), whose it is or
    whom it imitates, report counts and Beijing times, then every line of what is known."""
    from fanzha.cli.tables import beijing, card
    from fanzha.extract.registry import KIND_NAMES
    from fanzha.intel.known import known

    seen = known(found)
    fields = [
        ("类型", KIND_NAMES.get(found.kind, found.kind)),
        ("规范写法", found.value),
        ("结论", seen.status_name),
    ]
    if seen.owner:
        fields.append(("官方所属", seen.owner))
    if seen.imitates:
        fields.append(("冒充的机构", seen.imitates))
    fields.append(("举报次数", str(found.report_count)))
    if found.first_seen is not None:
        fields += [("首次举报", beijing(found.first_seen)), ("最近举报", beijing(found.last_seen))]
    if found.fraud_types:
        from fanzha.taxonomy import fraud_type_name

        named = sorted(found.fraud_types.items(), key=lambda kv: -kv[1])
        fields.append(("举报的诈骗类型", "、".join(f"{fraud_type_name(t)} {n}次" for t, n in named)))
    lines = [card(fields)]
    if seen.lines:
        lines += ["", "说明：", *(f"  · {line}" for line in seen.lines)]
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
