"""`fanzha cases …` and `fanzha persons …`: the desk on the command line, on a SQLite data directory."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fanzha.cli.commands import app

runner = CliRunner()
NARRATIVE = "我昨天接到自称公安的电话，对方号码17012345678，说我涉嫌洗钱，让我转到安全账户6222021001123456789，转了5万元"
CASE = {
    "received_at": "2026-11-20T10:00:00+08:00",
    "narrative": NARRATIVE,
    "fraud_type": "impersonate_authority",
    "victim": {"name": "李某某", "age": 68, "phone": "13912345678"},
    "payments": [{"amount": 50000, "to_account": "6222021001123456789"}],
    "identifiers": [{"kind": "phone", "value": "+86 170 1234 5678"}],
}


@pytest.fixture(autouse=True)
def _sqlite_in_data_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FANZHA_DATABASE_URL", raising=False)


def run(*args: str, data_dir: Path | None = None, stdin: str | None = None) -> str:
    extra = ["--data-dir", str(data_dir)] if data_dir is not None else []
    result = runner.invoke(app, [*args, *extra], input=stdin)
    assert result.exit_code == 0, result.output
    return result.output


def test_prefill_reads_the_narrative() -> None:
    found = json.loads(run("cases", "prefill", NARRATIVE))
    assert found["fraud_type"] == "impersonate_authority"
    assert {"kind": "phone", "value": "17012345678"} in [
        {"kind": i["kind"], "value": i["value"]} for i in found["identifiers"]
    ]
    assert found["loss"] == 50000


def test_add_import_list_show_status_and_groups(tmp_path: Path) -> None:
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps(CASE, ensure_ascii=False), encoding="utf-8")
    assert "已登记案件" in run(
        "cases", "add", "--file", str(case_file), "--officer", "王警官", data_dir=tmp_path
    )
    second = {**CASE, "identifiers": [{"kind": "phone", "value": "17012345678"}], "victim": {"name": "张某"}}
    lines = [json.dumps(second, ensure_ascii=False), "{not json", json.dumps({"payments": [{"amount": -1}]})]
    result = runner.invoke(app, ["cases", "import", "--data-dir", str(tmp_path)], input="\n".join(lines))
    assert result.exit_code == 0, result.output
    assert "已导入 1 起案件，2 行无法读取已跳过" in result.output and "第2行" in result.output

    listed = run("cases", "list", data_dir=tmp_path)
    assert listed.startswith("共 2 起")
    shown = json.loads(run("cases", "show", "1", "--json", data_dir=tmp_path))
    assert shown["victim"]["name"] == "李某某" and shown["history"][0]["actor"] == "王警官"
    assert "已核实" in run("cases", "status", "1", "verified", "--note", "核实", data_dir=tmp_path)
    refused = runner.invoke(app, ["cases", "status", "1", "received", "--data-dir", str(tmp_path)])
    assert refused.exit_code == 2 and "错误" in refused.output

    groups = run("cases", "groups", data_dir=tmp_path)
    assert "2起" in groups  # the two cases share the scammer's number
    group_id = groups.split("\t", 1)[0].removeprefix("组")
    view = json.loads(run("cases", "group", group_id, data_dir=tmp_path))
    assert view["size"] == 2 and view["shared"][0]["value"] == "17012345678"


def test_key_persons_are_linked_to_cases_by_their_identifiers(tmp_path: Path) -> None:
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps(CASE, ensure_ascii=False), encoding="utf-8")
    run("cases", "add", "--file", str(case_file), data_dir=tmp_path)
    added = run(
        "persons", "add", "赵某", "--category", "suspect", "-i", "phone:170 1234 5678", data_dir=tmp_path
    )
    assert "关联 1 起案件" in added
    assert "赵某" in run("persons", "list", data_dir=tmp_path)
    person = json.loads(run("persons", "show", "1", data_dir=tmp_path))
    assert person["cases"][0][0] == 1
    bad = runner.invoke(
        app, ["persons", "add", "钱某", "--category", "suspect", "-i", "nocolon", "--data-dir", str(tmp_path)]
    )
    assert bad.exit_code == 2
