"""The `fanzha` command: verdicts, the JSONL contract, and clear errors instead of tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fanzha.cli import app

runner = CliRunner()


def run_jsonl(args: list[str], data: bytes) -> list[dict[str, object]]:
    result = runner.invoke(app, args, input=data)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_check_prints_a_readable_verdict() -> None:
    result = runner.invoke(app, ["check", "您涉嫌洗钱，请将资金转入安全账户，联系13800138000"])
    assert result.exit_code == 0
    assert "疑似诈骗" in result.stdout
    assert "冒充公检法" in result.stdout
    assert "〖" in result.stdout and "13800138000" in result.stdout
    assert "建议" in result.stdout


def test_check_json_has_explanations() -> None:
    result = runner.invoke(app, ["check", "--json", "加微信刷单返利"])
    record = json.loads(result.stdout)
    assert record["explanation"] and "probabilities" in record


def test_check_jsonl_keeps_order_and_reports_bad_lines() -> None:
    lines = [
        json.dumps({"id": 1, "text": "您涉嫌洗钱，请转入安全账户"}, ensure_ascii=False).encode(),
        b"{not json",
        json.dumps({"id": "x"}).encode(),
        b"\xff\xfe bad utf-8",
        json.dumps({"id": 5, "text": ""}).encode(),
        json.dumps({"id": 6, "text": "妈我周末回家吃饭"}, ensure_ascii=False).encode(),
        json.dumps([1, 2]).encode(),
    ]
    out = run_jsonl(["check", "--jsonl"], b"\n".join(lines) + b"\n")
    assert len(out) == 7
    assert out[0]["id"] == 1 and out[0]["is_fraud"] is True
    assert set(out[0]) == {
        "id",
        "is_fraud",
        "risk",
        "fraud_type",
        "category",
        "confidence",
        "cues",
        "identifiers",
        "advice",
    }
    assert "JSON" in str(out[1]["error"])
    assert out[2] == {"id": "x", "error": "缺少字符串字段 text"}
    assert "UTF-8" in str(out[3]["error"])
    assert out[4]["id"] == 5 and "为空" in str(out[4]["error"])
    assert out[5]["id"] == 6 and out[5]["is_fraud"] is False
    assert "error" in out[6]


def test_check_jsonl_handles_a_10mb_text_without_a_traceback() -> None:
    huge = json.dumps({"id": "big", "text": "转账" * 5_000_000}, ensure_ascii=False).encode()
    out = run_jsonl(["check", "--jsonl"], huge + b"\n")
    assert out[0]["id"] == "big" and "过长" in str(out[0]["error"])


@pytest.mark.parametrize(("args", "message"), [(["check", ""], "为空"), (["extract", "  "], "为空")])
def test_empty_text_exits_2_with_a_message(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_extract_lists_identifiers() -> None:
    result = runner.invoke(app, ["extract", "请转账到6222021234567890128，联系138-0013-8000"])
    assert result.exit_code == 0
    assert "6222021234567890128" in result.stdout and "13800138000" in result.stdout


def test_extract_jsonl_contract() -> None:
    data = json.dumps({"id": "a", "text": "加QQ 123456789 或访问 t.cn/abc"}, ensure_ascii=False).encode()
    out = run_jsonl(["extract", "--jsonl"], data + b"\nnot json\n")
    assert out[0]["id"] == "a"
    kinds = {i["kind"] for i in out[0]["identifiers"]}  # type: ignore[union-attr]
    assert {"qq", "url"} <= kinds
    assert "error" in out[1]


def test_evaluate_reports_metrics(tmp_path: object) -> None:
    import pathlib

    path = pathlib.Path(str(tmp_path)) / "eval.jsonl"
    rows = [
        {"id": "1", "text": "您涉嫌洗钱，请转入安全账户", "label": "impersonate_authority"},
        {"id": "2", "text": "晚上一起吃饭吗", "label": "normal"},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    result = runner.invoke(app, ["evaluate", "--data", str(path), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["n"] == 2 and report["scam_recall"] == 1.0 and report["false_alarm_rate"] == 0.0


def test_evaluate_missing_file_exits_2() -> None:
    result = runner.invoke(app, ["evaluate", "--data", "/nonexistent.jsonl"])
    assert result.exit_code == 2 and "找不到" in result.output


def test_stdin_is_read_when_no_text_is_given() -> None:
    result = runner.invoke(app, ["extract"], input="电话13800138000".encode())
    assert result.exit_code == 0 and "13800138000" in result.stdout


def test_check_jsonl_with_worker_processes_matches_one_process() -> None:
    texts = ["您涉嫌洗钱，请转入安全账户", "妈我周末回家吃饭", "加微信刷单返利日结300", "{bad json"]
    lines = []
    for i in range(700):  # several chunks, so the worker pool is used
        text = texts[i % len(texts)]
        lines.append(text.encode() if text.startswith("{") else json.dumps({"id": i, "text": text}).encode())
    data = b"\n".join(lines) + b"\n"
    one = runner.invoke(app, ["check", "--jsonl", "--workers", "1"], input=data)
    two = runner.invoke(app, ["check", "--jsonl", "--workers", "2"], input=data)
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout
    assert len(two.stdout.splitlines()) == 700


def test_recalibrating_without_the_fold_models_fails_in_chinese_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path
    result = runner.invoke(app, ["train", "--calibrate-only", "--out", str(out)])
    assert result.exit_code != 0
    assert "--folds-dir" in result.output and "各折模型目录" in result.output
    assert list(out.iterdir()) == []
