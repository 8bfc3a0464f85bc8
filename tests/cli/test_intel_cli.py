from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fanzha.cli import app

runner = CliRunner()


def test_report_then_lookup_in_a_data_dir(tmp_path: Path) -> None:
    args = ["--kind", "phone", "--data-dir", str(tmp_path)]
    assert runner.invoke(app, ["intel", "report", "--value", "170 1234 5678", *args]).exit_code == 0
    result = runner.invoke(app, ["intel", "lookup", "--value", "+8617012345678", "--json", *args])
    record = json.loads(result.stdout)
    assert (record["value"], record["report_count"]) == ("17012345678", 1)
    assert (tmp_path / "fanzha.sqlite3").is_file()


def test_bad_kind_exits_2_with_a_message(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["intel", "lookup", "--kind", "fax", "--value", "1", "--data-dir", str(tmp_path)]
    )
    assert result.exit_code == 2 and "不支持的类型" in result.output


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("95588", "电话号码"),
        ("0095588", "电话号码"),
        ("icbc-95588.com", "域名"),
        ("https://www.icbc-vip.cc/login", "网址"),
        ("6222 0212 3456 7890 128", "银行卡/账号"),
        ("6217001234567890123", "银行卡/账号"),  # fails the check digit: still an account
    ],
)
def test_lookup_takes_a_bare_value_and_guesses_its_kind_as_the_page_does(
    tmp_path: Path, value: str, kind: str
) -> None:
    result = runner.invoke(app, ["intel", "lookup", value, "--data-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert re.search(rf"类型\s+{re.escape(kind)}", result.output)


def test_lookup_says_so_when_the_kind_cannot_be_guessed(tmp_path: Path) -> None:
    for args in (["hello world"], ["13800138000 95588"], []):
        result = runner.invoke(app, ["intel", "lookup", *args, "--data-dir", str(tmp_path)])
        assert result.exit_code == 2 and ("--kind" in result.output or "请给出" in result.output)
    both = runner.invoke(app, ["intel", "lookup", "95588", "--value", "95599", "--data-dir", str(tmp_path)])
    assert both.exit_code == 2 and "只需给一次" in both.output


def test_lookup_of_a_spoofed_number_prints_the_verdict_in_chinese(tmp_path: Path) -> None:
    out = runner.invoke(app, ["intel", "lookup", "--kind", "phone", "--value", "0095588",
                              "--data-dir", str(tmp_path)]).output  # fmt: skip
    assert re.search(r"结论\s+疑似仿冒", out) and "冒充的机构  中国工商银行" in out
    assert "未达到风险标记" not in out and "被仿冒的官方域名" not in out
    record = json.loads(runner.invoke(app, ["intel", "lookup", "0095588", "--json",
                                            "--data-dir", str(tmp_path)]).stdout)  # fmt: skip
    assert (record["verdict"], record["verdict_name"], record["level"]) == (
        "imitation",
        "疑似仿冒",
        "unknown",
    )
