"""`fanzha alerts …` and `fanzha cardban …` on a SQLite data directory: the drill report, the list and the
opening check from the terminal; bad input exits 2 with a Chinese message."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fanzha.cli.commands import app
from fanzha.counter import AlertIn, AlertStore
from fanzha.store import database_url, make_engine, upgrade

runner = CliRunner()


@pytest.fixture(autouse=True)
def _sqlite_in_data_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FANZHA_DATABASE_URL", raising=False)


def run(data_dir: Path, *args: str, code: int = 0) -> str:
    result = runner.invoke(app, [*args, "--data-dir", str(data_dir)])
    assert result.exit_code == code, result.output
    return result.output


def test_the_drill_report_counts_drills_and_real_alerts_apart(tmp_path: Path) -> None:
    engine = make_engine(database_url(data_dir=tmp_path))
    upgrade(engine)
    store, at = AlertStore(engine), datetime(2026, 6, 3, 2, 0, tzinfo=UTC)
    drill = store.raise_alert(
        AlertIn(kind="forged_document", branch="江州支行", drill=True), bank="工行", actor="工行", now=at
    )
    store.acknowledge(drill.id, officer="JZ1", now=at + timedelta(seconds=90))
    store.raise_alert(AlertIn(kind="remote_withdrawal", branch="城南支行"), bank="工行", actor="工行", now=at)
    engine.dispose()
    report = run(tmp_path, "alerts", "report", "--since", "2026-06-01", "--until", "2026-07-01")
    assert (
        "真实报警：报警 1，已接警 0" in report
        and "演练：报警 1，已接警 1" in report
        and "中位数 1 分 30 秒" in report
    )
    listed = run(tmp_path, "alerts", "list", "--drill")
    assert "【演练】" in listed and "2026-06-03 10:00" in listed and "城南支行" not in listed
    assert "起始时间" in run(tmp_path, "alerts", "report", "--since", "六月", code=2)


def test_an_entry_added_at_the_terminal_answers_the_opening_check(tmp_path: Path) -> None:
    added = run(tmp_path, "cardban", "add", "--kind", "bank_card", "--value", "6222 0212 3456 7890 128",
                "--holder-name", "张三", "--holder-id", "11010519491231002X", "--review-ref", "工行核查1")  # fmt: skip
    assert "已登记：#1 银行账户 6222021234567890128" in added and "惩戒期内" in added
    answer = run(
        tmp_path, "cardban", "check", "--bank", "工行", "--name", "张三", "--id-number", "11010519491231002x"
    )
    assert "仅限柜面" in answer and "第三十一条" in answer
    assert "#1" in run(tmp_path, "cardban", "list", "--status", "active")
    assert "没有经过" in run(tmp_path, "cardban", "groups")
    assert "已解除" in run(tmp_path, "cardban", "lift", "1", "--reason", "申诉成立")
    refused = run(tmp_path, "cardban", "add", "--kind", "bank_card", "--value", "12", "--holder-name", "张三",
                  "--holder-id", "11010519491231002X", "--review-ref", "R", code=2)  # fmt: skip
    assert "错误：" in refused and "不是银行账户" in refused
