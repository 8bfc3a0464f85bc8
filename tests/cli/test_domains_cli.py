"""`fanzha domains check`: one host in Chinese, or JSONL in and out with bad lines reported in place."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from fanzha.cli import app

runner = CliRunner()


@pytest.mark.parametrize(
    ("host", "shown"),
    [
        ("icbc-95588.com", "仿冒域名（品牌名加词语或号码）"),
        ("https://www.icbc.com.cn/", "官方域名"),
        ("baidu.com", "未发现仿冒"),
    ],
)
def test_one_host_gets_one_chinese_line(host: str, shown: str) -> None:
    result = runner.invoke(app, ["domains", "check", host])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(shown) and result.output.count("\n") == 1


def test_json_output_carries_the_reason() -> None:
    result = runner.invoke(app, ["domains", "check", "--json", "1cbc.com.cn"])
    record = json.loads(result.stdout)
    assert (record["kind"], record["lookalike_of"], record["official"]) == ("homoglyph", "icbc.com.cn", False)
    assert "icbc.com.cn" in record["reason"]


@pytest.mark.parametrize("args", [["domains", "check", "bad host"], ["domains", "check"]])
def test_bad_or_missing_host_exits_2_with_a_message(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "错误：" in result.output and "Traceback" not in result.output


def test_jsonl_gives_one_line_per_input_line_in_order_and_goes_on_after_bad_lines() -> None:
    lines = [
        {"id": "a", "domain": "icbc-95588.com"},
        {"id": "b", "url": "https://mybank.icbc.com.cn/login"},
        "not json",
        {"id": "d"},
        {"id": "e", "domain": "a b"},
        {"id": "f", "domain": "zhihu.com"},
    ]
    stdin = "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n\n"
    result = runner.invoke(app, ["domains", "check", "--jsonl"], input=stdin)
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in out] == ["a", "b", None, "d", "e", "f"]
    assert {k: out[0][k] for k in ("official", "lookalike_of", "kind")} == {
        "official": False,
        "lookalike_of": "icbc.com.cn",
        "kind": "brand_word",
    }
    assert 0.9 <= out[0]["score"] <= 1.0
    assert (out[1]["official"], out[1]["kind"], out[1]["lookalike_of"]) == (True, "official", None)
    assert all("error" in out[i] for i in (2, 3, 4))
    assert "第3行" in out[2]["error"] and "空格" in out[4]["error"]
    assert (out[5]["kind"], out[5]["score"]) == ("unrelated", 0.0)
