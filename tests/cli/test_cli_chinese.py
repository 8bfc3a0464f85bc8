"""Every help page and usage error of `fanzha` is in Chinese, fits the terminal by display width (a Chinese
character takes two columns), and the desk's listings show Beijing time and fraud type names."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from fanzha.cli import app
from fanzha.cli.tables import table, width, wrap

runner = CliRunner()
ENGLISH = ("Usage:", "Options:", "Commands:", "Arguments:", "Show this message", "Error:", "Missing",
           "No such", "Invalid value", "Try '", "[default:", "[required]")  # fmt: skip


def _paths(command: Any, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    yield prefix
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        yield from _paths(sub, (*prefix, name))


COMMANDS = list(_paths(typer.main.get_command(app)))


def test_there_are_many_commands_to_walk() -> None:
    assert len(COMMANDS) > 60 and ("cases", "list") in COMMANDS and ("keys", "revoke") in COMMANDS


@pytest.mark.parametrize("columns", [80, 160])
@pytest.mark.parametrize("path", COMMANDS, ids=lambda path: " ".join(path) or "fanzha")
def test_every_help_page_is_chinese_and_fits_the_terminal(path: tuple[str, ...], columns: int) -> None:
    # One test per page: the two parallel test processes share the pages instead of one walking them all.
    result = runner.invoke(app, [*path, "--help"], terminal_width=columns)
    assert result.exit_code == 0, (path, result.output)
    out = result.output
    assert out.startswith("用法：fanzha"), path
    assert "显示此帮助并退出" in out and ("选项：" in out), path
    assert not [word for word in ENGLISH if word in out], (path, out)
    assert "╭" not in out and "│" not in out  # no rich boxes
    too_wide = [line for line in out.splitlines() if width(line) > columns]
    assert not too_wide, (path, too_wide)


def test_a_wide_terminal_gets_wide_help() -> None:
    narrow = runner.invoke(app, ["keys", "create", "--help"], terminal_width=80).output
    wide = runner.invoke(app, ["keys", "create", "--help"], terminal_width=160).output
    assert max(map(width, wide.splitlines())) > 100 >= max(map(width, narrow.splitlines())) - 20
    assert len(wide.splitlines()) < len(narrow.splitlines())


def test_examples_keep_their_lines() -> None:
    out = runner.invoke(app, ["serve", "--help"], terminal_width=120).output
    lines = out.splitlines()
    first = next(i for i, line in enumerate(lines) if "例：fanzha serve --port 8000" in line)
    assert "fanzha serve --demo" in lines[first + 1]


USAGE_ERRORS = [
    (["cases", "show"], "缺少参数 'case_id'（案件编号）"),
    (["cases", "show", "abc"], "'case_id' 的值无效：应为整数"),
    (["cases", "show", "1", "2"], "多余的参数：2"),
    (["cases", "list", "--limit", "x"], "'--limit' 的值无效：应为整数"),
    (["cases", "list", "--limit", "0"], "'--limit' 的值无效：不能小于 1"),
    (["cases", "list", "--limit", "5000"], "'--limit' 的值无效：不能大于 1000"),
    (["cases", "list", "--limit"], "选项 --limit 后面需要给出一个值"),
    (["cases", "list", "--lmit", "3"], "没有选项 --lmit（您要找的可能是：--limit）"),
    (["cases", "lst"], "没有命令 'lst'。您要找的可能是：'list'"),
    (["nosuch"], "没有命令 'nosuch'。"),
    (["keys", "create"], "缺少选项 '--role'（角色：public"),
    (["keys", "list", "--json=x"], "选项 --json 不接受值"),
]


@pytest.mark.parametrize(("args", "message"), USAGE_ERRORS)
def test_usage_errors_are_chinese_with_exit_code_2(args: list[str], message: str, tmp_path: Path) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert "错误：" + message in result.output, result.output
    if not args[-1].startswith("--"):  # the parser's own errors (a flag's value) come without the usage
        assert "用 'fanzha" in result.output and "查看帮助" in result.output
    assert not [word for word in ENGLISH if word in result.output], result.output


def test_a_huge_bad_value_is_not_echoed_back() -> None:
    result = runner.invoke(app, ["cases", "show", "9" * 100_001 + "x"])
    assert result.exit_code == 2 and len(result.output) < 2_000 and "'case_id' 的值无效" in result.output


def test_table_aligns_chinese_and_latin_columns() -> None:
    out = table(["名称", "数量"], [["幸福里社区", "3"], ["ABC", "12"]], right=[1]).splitlines()
    assert len({width(line) for line in out}) == 1  # every row as wide as the header
    assert out[2].endswith(" 3") and out[3].endswith("12")


def test_wrap_breaks_between_chinese_characters_not_inside_words() -> None:
    lines = wrap("请用 fanzha keys create --role officer 创建民警密钥，标签写民警姓名或警号。", 20)
    assert all(width(line) <= 20 for line in lines)
    assert "officer" in "".join(lines) and not any(line.startswith(("，", "。")) for line in lines)


CASE = {
    "received_at": "2026-11-18T02:30:00+00:00",  # 10:30 in Beijing
    "fraud_type": "impersonate_authority",
    "district": "东湖区",
    "victim": {"name": "李某某", "age": 67, "sex": "女"},
    "payments": [{"amount": 50000, "paid_at": "2026-11-18T01:00:00+00:00", "to_account": "6222021234567890128",
                  "to_bank": "中国工商银行"}],
    "identifiers": [{"kind": "phone", "value": "17012345678"}],
    "narrative": "自称公安的人来电称其涉嫌洗钱，要求把钱转到安全账户。",
}  # fmt: skip


def _desk(tmp_path: Path, *args: str) -> str:
    result = runner.invoke(app, [*args, "--data-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_cases_list_and_show_speak_the_desks_language(tmp_path: Path) -> None:
    (tmp_path / "case.json").write_text(json.dumps(CASE, ensure_ascii=False), encoding="utf-8")
    _desk(tmp_path, "cases", "add", "--file", str(tmp_path / "case.json"), "--officer", "王警官")
    listed = _desk(tmp_path, "cases", "list")
    assert "2026-11-18 10:30" in listed and "冒充公检法" in listed and "impersonate_authority" not in listed
    assert "50,000.00" in listed and "已受理" in listed and "受理时间" in listed.splitlines()[1]
    shown = _desk(tmp_path, "cases", "show", "1")
    assert not shown.lstrip().startswith("{")
    for expected in ("受理时间  2026-11-18 10:30", "2026-11-18 09:00", "冒充公检法", "李某某，女，67岁",
                     "6222021234567890128", "电话号码", "17012345678", "案情：", "变更记录：", "王警官"):  # fmt: skip
        assert expected in shown, expected
    record = json.loads(_desk(tmp_path, "cases", "show", "1", "--json"))
    assert record["fraud_type"] == "impersonate_authority" and record["history"][0]["actor"] == "王警官"
    listed_json = json.loads(_desk(tmp_path, "cases", "list", "--json"))
    assert listed_json["total"] == 1 and listed_json["cases"][0]["id"] == 1


def test_intel_lookup_labels_are_chinese(tmp_path: Path) -> None:
    _desk(tmp_path, "intel", "report", "--kind", "phone", "--value", "170 1234 5678")
    out = _desk(tmp_path, "intel", "lookup", "--kind", "phone", "--value", "17012345678")
    assert re.search(r"类型\s+电话号码", out) and "举报次数" in out and "运营商" in out
    assert not any(word in out for word in ("phone", "carrier", "region", "virtual_operator", "True"))
    official = _desk(tmp_path, "intel", "lookup", "--kind", "phone", "--value", "95588")
    assert "官方所属" in official and "中国工商银行" in official and "organisation" not in official


def test_check_explains_without_rule_codes() -> None:
    result = runner.invoke(app, ["check", "【工商银行】您的账户异常，请登录 icbc-vip.cc 验证"])
    assert result.exit_code == 0 and "判断依据：" in result.output
    assert "login_to_fix" not in result.output and "规则：" in result.output
    full = json.loads(runner.invoke(app, ["check", "--json", "您的账户异常，请登录 icbc-vip.cc 验证"]).stdout)
    assert any("“" in e for e in full["explanation"])  # --json keeps the machine form
