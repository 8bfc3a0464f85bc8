"""`fanzha domains check`: is a host or link an official brand domain, a lookalike of one, or unrelated?"""

from __future__ import annotations

import sys
from typing import Annotated, Any, BinaryIO

import orjson
import typer

from fanzha.cli.errors import fail
from fanzha.domains import check_domain

domains_app = typer.Typer(
    help="仿冒域名识别：银行、支付、电商、运营商、快递等品牌的官方域名与仿冒域名。", no_args_is_help=True
)

KIND_NAMES = {
    "official": "官方域名",
    "homoglyph": "仿冒域名（形近字符）",
    "typo": "仿冒域名（错拼）",
    "tld_swap": "仿冒域名（换后缀）",
    "subdomain": "仿冒域名（子域名冒充）",
    "brand_word": "仿冒域名（品牌名加词语或号码）",
    "pinyin": "仿冒域名（品牌中文名拼音）",
    "gov_mimic": "仿冒政府网站",
    "unrelated": "未发现仿冒",
    "invalid": "无效输入",
}


def check_line(raw: bytes, number: int) -> dict[str, Any]:
    """The output record for one input line `{"id", "domain"}` or `{"id", "url"}`."""
    try:
        row = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return {"id": None, "error": f"第{number}行不是合法的JSON（或不是UTF-8编码）"}
    if not isinstance(row, dict):
        return {"id": None, "error": f'第{number}行应是JSON对象 {{"id": …, "domain": …}}'}
    ident = row.get("id")
    value = row.get("domain", row.get("url"))
    if not isinstance(value, str):
        return {"id": ident, "error": f"第{number}行缺少字符串字段 domain 或 url"}
    verdict = check_domain(value)
    if verdict.kind == "invalid":
        return {"id": ident, "error": verdict.reason}
    return {"id": ident, **verdict.to_dict()}


def run_jsonl(source: BinaryIO, out: BinaryIO) -> int:
    """One output line per non-blank input line, in order; returns the number of error lines."""
    errors = 0
    for number, raw in enumerate(source, 1):
        if not raw.strip():
            continue
        result = check_line(raw, number)
        errors += "error" in result
        out.write(orjson.dumps(result) + b"\n")
    out.flush()
    return errors


@domains_app.command("check")
def check_cmd(
    host: Annotated[str | None, typer.Argument(help="要检查的域名或网址")] = None,
    jsonl: Annotated[
        bool,
        typer.Option("--jsonl", help='从标准输入逐行读取 {"id", "domain"} 或 {"id", "url"}，逐行输出结果'),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="以JSON输出")] = False,
) -> None:
    """是官方域名、仿冒域名，还是无关的网站？

    例：fanzha domains check icbc-95588.com
        fanzha domains check --jsonl < hosts.jsonl > verdicts.jsonl
    """
    if jsonl:
        if host is not None:
            fail("--jsonl 从标准输入读取，不要同时给出域名")
        run_jsonl(sys.stdin.buffer, sys.stdout.buffer)
        return
    if host is None:
        fail("请给出要检查的域名或网址，例如：fanzha domains check icbc-95588.com；或用 --jsonl 批量检查")
    verdict = check_domain(host)
    if verdict.kind == "invalid":
        fail(verdict.reason)
    if as_json:
        typer.echo(orjson.dumps(verdict.to_dict(), option=orjson.OPT_INDENT_2).decode())
        return
    score = f"（把握{verdict.score:.0%}）" if verdict.is_lookalike else ""
    typer.echo(f"{KIND_NAMES[verdict.kind]}{score}：{verdict.reason}")
