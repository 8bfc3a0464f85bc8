"""`fanzha screen`: JSONL in file order with error lines, the backtest report, rule-file checks (exit 2
naming the rule and field), the rules document and the pending list."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from typer.testing import CliRunner

from fanzha.cli import app
from fanzha.screen.rules import DEFAULT_RULES

runner = CliRunner()
DEFAULT = Path(__file__).parents[2] / "src" / "fanzha" / "screen" / DEFAULT_RULES
MULE = {"account": "6217000000000001", "name": "陈某"}
LINES = [
    json.dumps({"id": f"v{i}", "time": f"2026-11-06T1{i}:00:00+08:00", "amount": 1000,
                "payer": {"account": f"62220000000000{i:02d}"}, "payee": MULE,
                "label": "fraud" if i >= 4 else "normal"}, ensure_ascii=False)
    for i in range(6)
]  # fmt: skip


def test_screen_jsonl_answers_every_line_in_order(tmp_path: Path) -> None:
    source = "\n".join([LINES[0], "not json", "", json.dumps({"id": "neg", "amount": -1}), *LINES[1:]]) + "\n"
    result = runner.invoke(app, ["screen", "--jsonl", "--data-dir", str(tmp_path)], input=source)
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == ["v0", None, "neg", "v1", "v2", "v3", "v4", "v5"]
    assert "第2行" in records[1]["error"] and "amount" in records[2]["error"]
    assert [r["outcome"] != "allow" for r in records[3:]] == [False, False, False, True, True]  # fan-in


def test_screen_run_is_the_same_command(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["screen", "run", "--jsonl", "--no-intel", "--explain"], input=LINES[0] + "\n"
    )
    record = json.loads(result.stdout)
    assert record["outcome"] == "allow" and record["executions"]


def test_backtest_shows_counts_transitions_and_quality(tmp_path: Path) -> None:
    candidate = yaml.safe_load(DEFAULT.read_text(encoding="utf-8"))
    candidate["version"] = "candidate-1"
    candidate["thresholds"] = {"warn": 100, "hold": 200, "block": 300}
    path = tmp_path / "candidate.yaml"
    path.write_text(yaml.safe_dump(candidate, allow_unicode=True), encoding="utf-8")
    args = ["screen", "backtest", "--rules", str(path), "--no-intel", "--json"]
    result = runner.invoke(app, args, input="\n".join(LINES) + "\n")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["screened"] == 6 and report["candidate"] == "candidate-1"
    assert report["transitions"]["warn"]["allow"] == 2 and report["changed"] == 2
    assert report["quality"]["live"]["at_least_warn"] == {
        "tp": 2,
        "fp": 0,
        "fn": 0,
        "tn": 4,
        "precision": 1.0,
        "recall": 1.0,
    }
    assert report["quality"]["candidate"]["at_least_warn"]["recall"] == 0.0
    text = runner.invoke(app, args[:-1], input="\n".join(LINES) + "\n").stdout
    assert "结论变化矩阵" in text and "精确率" in text


def test_a_bad_rule_file_exits_2_naming_rule_and_field(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    rules = yaml.safe_load(DEFAULT.read_text(encoding="utf-8"))
    rules["rules"][3]["when"] = {"fan_in": {"payers": 5}}
    path.write_text(yaml.safe_dump(rules, allow_unicode=True), encoding="utf-8")
    result = runner.invoke(app, ["screen", "rules", "--rules", str(path)])
    assert result.exit_code == 2 and "规则 mule_fan_in 的 when.fan_in：缺少字段 hours" in result.output
    missing = runner.invoke(app, ["screen", "--jsonl", "--rules", str(tmp_path / "none.yaml")], input="{}\n")
    assert missing.exit_code == 2 and "无法读取规则文件" in missing.output


def test_the_rules_document_covers_every_rule_and_operator() -> None:
    result = runner.invoke(app, ["screen", "rules", "--doc"])
    assert result.exit_code == 0
    assert result.stdout.count("- 为什么：") == len(
        yaml.safe_load(DEFAULT.read_text(encoding="utf-8"))["rules"]
    )
    assert "`contact_flagged`" in result.stdout


def test_pending_lists_nothing_for_a_new_store(tmp_path: Path) -> None:
    result = runner.invoke(app, ["screen", "pending", "--bank", "中国工商银行", "--data-dir", str(tmp_path)])
    assert result.exit_code == 0 and "没有待核实的交易" in result.stdout


def test_the_committed_rules_document_is_current() -> None:
    document = Path(__file__).parents[2] / "docs" / "screening-rules.md"
    assert document.read_text(encoding="utf-8") == runner.invoke(app, ["screen", "rules", "--doc"]).stdout
