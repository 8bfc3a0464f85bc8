"""`fanzha claims audit | rules | generate`: one output line per claim (errors kept, counted on stderr,
exit 0), a bad catalogue or stock file is exit 2 with a Chinese message, and the generated set audits
to its labels."""

from __future__ import annotations

from pathlib import Path

import orjson
from typer.testing import CliRunner

from fanzha.cli.commands import app

runner = CliRunner()


def test_generate_then_audit_agrees_with_the_labels(tmp_path: Path) -> None:
    claims, labels, stock = tmp_path / "claims.jsonl", tmp_path / "labels.jsonl", tmp_path / "stock.jsonl"
    made = runner.invoke(
        app, ["claims", "generate", "--n", "500", "--seed", "2", "--labels", str(labels), "--stock", str(stock),
              "-o", str(claims)],
    )  # fmt: skip
    assert made.exit_code == 0, made.output
    result = runner.invoke(
        app, ["claims", "audit", "--jsonl", "--stock", str(stock)], input=claims.read_bytes()
    )
    assert result.exit_code == 0, result.output
    lines = [orjson.loads(x) for x in result.stdout.splitlines()]
    assert len(lines) == 500
    found = {(x["claim_id"], f["rule"]): f["item_refs"] for x in lines for f in x["findings"]}
    expected = {
        (x["claim_id"], x["rule"]): x["item_refs"]
        for x in map(orjson.loads, labels.read_bytes().splitlines())
    }
    assert found == expected and found
    assert "审核结算单 500 份" in result.stderr


def test_a_bad_line_is_an_error_line_and_the_run_succeeds() -> None:
    good = {"claim_id": "c-1", "institution": {"id": "h"}, "patient_id": "p", "items": [
        {"ref": "1", "code": "210300002", "category": "exam", "date": "2026-03-01", "qty": 1, "unit_price": 300}]}  # fmt: skip
    bad = dict(good, claim_id="c-2", items=[dict(good["items"][0], unit_price=-5)])
    data = orjson.dumps(good) + b"\n" + orjson.dumps(bad) + b"\nnot json\n"
    result = runner.invoke(app, ["claims", "audit", "--jsonl"], input=data)
    assert result.exit_code == 0
    first, second, third = (orjson.loads(x) for x in result.stdout.splitlines())
    assert first["findings"][0]["rule"] == "price_above_standard" and first["findings"][0]["amount"] == 100.0
    assert second["claim_id"] == "c-2" and "单价" in second["error"]
    assert third == {"claim_id": "", "error": "第3行不是有效的 JSON"}
    assert "无法读取的行 2 行" in result.stderr


def test_a_bad_catalogue_is_exit_2_naming_the_item(tmp_path: Path) -> None:
    path = tmp_path / "目录.yaml"
    path.write_text("items: [{code: A, category: food}]", encoding="utf-8")
    result = runner.invoke(app, ["claims", "audit", "--jsonl", "--catalogue", str(path)], input=b"")
    assert result.exit_code == 2 and "第1个项目（A）：类别应为" in result.stderr
    missing = runner.invoke(
        app, ["claims", "audit", "--jsonl", "--stock", str(tmp_path / "none.jsonl")], input=b""
    )
    assert missing.exit_code == 2 and "找不到进销存文件" in missing.stderr


def test_rules_are_listed_in_chinese() -> None:
    result = runner.invoke(app, ["claims", "rules"])
    assert result.exit_code == 0 and "分解收费" in result.stdout and "进销存不符" in result.stdout
    assert "例：" in runner.invoke(app, ["claims", "audit", "--help"]).stdout


def test_generate_refuses_bad_sizes_in_chinese() -> None:
    for args, message in (
        (["--n", "0"], "--n 应在 1 至 10,000,000 之间"),
        (["--violations", "1.5"], "--violations 应在 0 至 1 之间"),
    ):
        result = runner.invoke(app, ["claims", "generate", *args])
        assert result.exit_code == 2 and message in result.stderr
