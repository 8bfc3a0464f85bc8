"""`fanzha warn …`: the batch match (one task per resident and identifier, highest priority first, bad lines
named on stderr and exit 2), and the store commands — register, events, flag, tasks, show, outcome."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest
from typer.testing import CliRunner

from fanzha.cli.commands import app

runner = CliRunner()
SCAMMER, MULE = "17012345678", "6226090000000048"


@pytest.fixture(autouse=True)
def _sqlite_in_data_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FANZHA_DATABASE_URL", raising=False)


def _jsonl(path: Path, rows: list[Any]) -> Path:
    path.write_bytes(b"".join((r if isinstance(r, bytes) else orjson.dumps(r)) + b"\n" for r in rows))
    return path


def _event(
    kind: str, resident: str, other_kind: str, other: str, at: str, amount: float | None = None
) -> dict[str, Any]:
    return {"kind": kind, "resident_identifier": resident, "other": {"kind": other_kind, "value": other},
            "at": at, "amount": amount}  # fmt: skip


RESIDENTS = [
    {"id": "r-young", "phone": "13900139000", "age": 30},
    {"id": "r-old", "phone": "+86 138 0013 8000", "age": 80},
    {"id": "r-payer", "phone": "13700137000", "age": 40, "accounts": ["6222 0212 3456 7890 128"]},
    {"id": "r-son", "phone": "13600136000", "age": 45, "family": [{"name": "母亲", "phone": "13500135000", "age": 77, "relation": "母亲"}]},
]  # fmt: skip
EVENTS = [
    _event("call", "13900139000", "phone", SCAMMER, "2026-11-06T09:00:00+08:00"),
    _event("call", "138-0013-8000", "phone", "170 1234 5678", "2026-11-06T09:10:00+08:00"),
    _event("sms", "13800138000", "phone", SCAMMER, "2026-11-06T09:20:00+08:00"),
    _event("payment", "6222021234567890128", "bank_card", MULE, "2026-11-06T08:00:00+08:00", 20_000),
    _event("call", "13500135000", "phone", SCAMMER, "2026-11-01T09:00:00+08:00"),
    _event("call", "13900139000", "phone", "13311112222", "2026-11-06T09:00:00+08:00"),  # not flagged
]
FLAGGED = [
    {"kind": "phone", "value": SCAMMER, "level": "confirmed", "fraud_type": "impersonate_authority"},
    {"kind": "bank_card", "value": MULE, "level": "suspicious"},
    {"kind": "phone", "value": "13311112222", "level": "cleared"},
]


def _match(tmp_path: Path, events: list[Any], *, code: int = 0) -> tuple[list[dict[str, Any]], str]:
    args = ["warn", "match", "--residents", str(_jsonl(tmp_path / "r.jsonl", RESIDENTS)),
            "--events", str(_jsonl(tmp_path / "e.jsonl", events)),
            "--flagged", str(_jsonl(tmp_path / "f.jsonl", FLAGGED))]  # fmt: skip
    result = runner.invoke(app, args)
    assert result.exit_code == code, result.output
    lines = [orjson.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    return lines, result.stderr


def test_match_writes_one_task_per_resident_and_identifier_highest_first(tmp_path: Path) -> None:
    tasks, _ = _match(tmp_path, EVENTS)
    assert [(t["resident"], t["identifier"]["value"]) for t in tasks] == [
        ("r-payer", MULE), ("r-old", SCAMMER), ("r-son", SCAMMER), ("r-young", SCAMMER),
    ]  # fmt: skip
    assert [t["priority"] for t in tasks] == sorted((t["priority"] for t in tasks), reverse=True)
    assert set(tasks[0]) == {"resident", "identifier", "priority", "reason"}
    assert (
        "付款" in tasks[0]["reason"] and "80岁" in tasks[1]["reason"] and "家属（母亲）" in tasks[2]["reason"]
    )


def test_match_names_bad_lines_keeps_going_and_exits_2(tmp_path: Path) -> None:
    tasks, errors = _match(
        tmp_path, [b"{not json", {"kind": "fax"}, *EVENTS, EVENTS[0] | {"at": "昨天"}], code=2
    )
    assert len(tasks) == 4
    assert (
        "e.jsonl 第1行" in errors and "e.jsonl 第2行" in errors and "第9行" in errors and "联系时间" in errors
    )


def test_help_is_chinese_with_an_example() -> None:
    for command in ("match", "register", "events", "flag", "tasks", "show", "outcome"):
        output = runner.invoke(app, ["warn", command, "--help"]).output
        assert "例：" in output and "fanzha warn" in output


def run(data_dir: Path, *args: str, code: int = 0) -> str:
    result = runner.invoke(app, [*args, "--data-dir", str(data_dir)])
    assert result.exit_code == code, result.output
    return result.output


def test_register_import_flag_and_warn_from_the_terminal(tmp_path: Path) -> None:
    residents = _jsonl(tmp_path / "residents.jsonl", [
        {"name": "王秀英", "phone": "13800138000", "community": "幸福里社区", "age": 80,
         "family": [{"name": "王小明", "phone": "13900139000", "relation": "儿子"}]},
        {"name": "无号码", "community": "幸福里社区"},
    ])  # fmt: skip
    assert "第2行" in run(tmp_path, "warn", "register", str(residents), code=2)
    events = tmp_path / "events.csv"
    events.write_text(
        "kind,resident_identifier,other_kind,other_value,at,amount\n"
        f"call,138 0013 8000,phone,{SCAMMER},2026-11-06T09:00:00+08:00,\n"
        "fax,1,phone,2,2026-11-06T09:00:00+08:00,\n",
        encoding="utf-8",
    )
    assert "第3行" in run(tmp_path, "warn", "events", str(events), code=2)
    assert "1 个" in run(tmp_path, "warn", "flag", "--kind", "phone", "--value", SCAMMER,
                         "--fraud-type", "impersonate_authority")  # fmt: skip
    queue = run(tmp_path, "warn", "tasks")
    assert "#1" in queue and "王秀英" in queue and "80岁" in queue
    assert "96110" in run(tmp_path, "warn", "show", "1")
    done = run(tmp_path, "warn", "outcome", "1", "--outcome", "prevented", "--method", "visit")
    assert "劝阻成功" in done and "王小明（儿子）" in done
    assert "错误" in run(tmp_path, "warn", "outcome", "1", "--outcome", "won", code=2)
    assert "没有编号为 9 的预警任务" in run(tmp_path, "warn", "show", "9", code=2)


def test_a_police_report_from_the_terminal_warns_the_residents_in_contact(tmp_path: Path) -> None:
    residents = _jsonl(tmp_path / "residents.jsonl", [
        {"name": "李建国", "phone": "13800138000", "community": "东风社区", "age": 70},
    ])  # fmt: skip
    run(tmp_path, "warn", "register", str(residents))
    events = _jsonl(tmp_path / "events.jsonl", [
        _event("call", "138-0013-8000", "phone", SCAMMER, "2026-11-06T09:00:00+08:00"),
    ])  # fmt: skip
    run(tmp_path, "warn", "events", str(events))
    assert "#1" not in run(tmp_path, "warn", "tasks")  # a call with an unflagged number warns no one
    run(tmp_path, "intel", "report", "--kind", "phone", "--value", f"+86 {SCAMMER}", "--source", "police",
        "--fraud-type", "impersonate_authority")  # fmt: skip
    queue = run(tmp_path, "warn", "tasks")
    assert "#1" in queue and "李建国" in queue
