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


def _columns(text: str) -> int:
    from fanzha.cli.tables import width

    return max(width(line) for line in text.splitlines())


def test_cases_list_and_show_fit_an_80_column_terminal_with_ids_whole(tmp_path: Path) -> None:
    long_case = CASE | {
        "fraud_type": "impersonate_service",  # 冒充电商物流客服、银行客服: wider than its column
        "district": "高新技术产业开发区",
        "payments": [
            {"amount": 50000, "paid_at": "2026-11-20T09:00:00+08:00", "channel": "gift_card",
             "from_account": "6222021001123456781", "to_account": "6222021001123456789", "to_bank": "中国邮政储蓄银行"},
            {"amount": 1234567.89, "channel": "bank_transfer", "from_account": "6217001234567890123",
             "to_account": "6228480402564890018", "to_bank": "上海浦东发展银行股份有限公司"},
        ],
        "identifiers": [{"kind": "url", "value": "https://m.huixin581-secure-login.vip/account/verify?from=sms"},
                        {"kind": "bank_card", "value": "6222 0212 3456 7890 127"}],
    }  # fmt: skip
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps(long_case, ensure_ascii=False), encoding="utf-8")
    run("cases", "add", "--file", str(case_file), "--officer", "王警官", data_dir=tmp_path)
    run("demo", "cases", "--n", "40", data_dir=tmp_path)
    for status in ("verified", "closed_solved"):
        run("cases", "status", "1", status, data_dir=tmp_path)

    listed = run("cases", "list", "--limit", "50", data_dir=tmp_path)
    assert _columns(listed) <= 80, listed
    assert all(f"\n {n:>3}  " in listed for n in (1, 12, 41))  # every id whole
    assert "冒充电商物流" in listed and "…" in listed and "结案·破案" in listed
    wide = run("cases", "list", "--wide", data_dir=tmp_path)
    assert "冒充电商物流客服、银行客服" in wide and "案件号" in wide  # --wide keeps everything

    shown = run("cases", "show", "1", data_dir=tmp_path)
    assert _columns(shown) <= 80, shown
    for whole in ("6222021001123456789", "6228480402564890018", "6222021234567890127", "1,234,567.89"):
        assert whole in shown  # receiving accounts, identifiers and amounts are never cut
    for case_id in range(2, 42):
        assert _columns(run("cases", "show", str(case_id), data_dir=tmp_path)) <= 80


def test_a_table_narrows_its_widest_columns_and_keeps_the_kept_ones() -> None:
    from fanzha.cli.tables import table, width

    rows = [["1", "6222021001123456789", "冒充电商物流客服、银行客服" * 2, "中国邮政储蓄银行"]]
    clipped = table(["编号", "账户", "类型", "银行"], rows, fit=50, keep=[0, 1])
    assert max(width(line) for line in clipped.splitlines()) <= 50
    assert "6222021001123456789" in clipped and "…" in clipped
    long = "冒充电商物流客服、银行客服" * 2
    wrapped = table(["编号", "类型"], [["1", long]], fit=20, keep=[0], overflow="wrap").splitlines()
    assert max(width(line) for line in wrapped) <= 20 and len(wrapped) > 3 and "…" not in "".join(wrapped)
    assert "".join(line[6:] for line in wrapped[2:]) == long  # wrapped onto more lines, nothing lost
