"""Hostile input to the desk's commands (`fanzha cases …`, `fanzha trends`, `fanzha bulletin`): exit
code 2 with a Chinese message, never a traceback; a bad line of an import is skipped by number; a bad
date already in the store never stops `fanzha trends` or `fanzha cases list`."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from fanzha.cli.commands import app
from fanzha.store import database_url, make_engine

runner = CliRunner()
BIG = str(2**63)
CASE = {
    "received_at": "2026-11-20T10:00:00+08:00",
    "fraud_type": "impersonate_authority",
    "payments": [{"amount": 500, "paid_at": "2026-11-20T09:00:00+08:00"}],
    "identifiers": [{"kind": "phone", "value": "17012345678"}],
}


@pytest.fixture(autouse=True)
def _sqlite_in_data_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FANZHA_DATABASE_URL", raising=False)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    lines = "\n".join(json.dumps({**CASE, "ref": f"A{i}"}) for i in range(3))
    result = runner.invoke(app, ["cases", "import", "--data-dir", str(tmp_path)], input=lines)
    assert result.exit_code == 0, result.output
    return tmp_path


REFUSED = [
    (["cases", "show", BIG], "没有编号为"),
    (["cases", "status", BIG, "verified"], "没有编号为"),
    (["cases", "group", BIG], "没有编号为"),
    (["persons", "show", BIG], "没有编号为"),
    (["trends", "--period", "9999-W52"], "超出可接受的范围"),
    (["trends", "--period", "0000-W01"], "没有第1周"),
    (["trends", "--period", "2026-W60"], "没有第60周"),
    (["trends", "--period", "上周"], "无法识别"),
    (["bulletin", "--period", "9999-W52"], "超出可接受的范围"),
    (["bulletin", "--period", "9999-12-31"], "超出可接受的范围"),
]


@pytest.mark.parametrize(("args", "message"), REFUSED)
def test_hostile_arguments_exit_2_in_chinese(data_dir: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, [*args, "--data-dir", str(data_dir)])
    assert result.exit_code == 2 and message in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.mark.parametrize(
    "bad",
    [
        {**CASE, "received_at": "9999-12-31T23:59:59"},
        {**CASE, "received_at": "0001-01-01T00:00:00+14:00"},
        {**CASE, "occurred_at": "9999-12-31T23:59:59-14:00"},
        {**CASE, "payments": [{"amount": 1, "paid_at": "9999-12-31T23:59:59-14:00"}]},
        {**CASE, "loss": 1e300},
    ],
)
def test_an_import_skips_a_bad_line_by_number_and_keeps_the_rest(
    tmp_path: Path, bad: dict[str, object]
) -> None:
    lines = [json.dumps({**CASE, "ref": "A1"}), json.dumps(bad), json.dumps({**CASE, "ref": "A3"})]
    result = runner.invoke(app, ["cases", "import", "--data-dir", str(tmp_path)], input="\n".join(lines))
    assert result.exit_code == 0, result.output
    assert "已导入 2 起案件，1 行无法读取已跳过" in result.output and "第2行" in result.output
    assert "Value error" not in result.output


def test_adding_a_case_from_the_far_future_exits_2(tmp_path: Path) -> None:
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps({**CASE, "received_at": "9999-12-31T23:59:59"}), encoding="utf-8")
    result = runner.invoke(app, ["cases", "add", "--file", str(case_file), "--data-dir", str(tmp_path)])
    assert result.exit_code == 2 and "received_at" in result.output and "超出可接受的范围" in result.output


@pytest.mark.parametrize(
    "at", [datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC), datetime(1, 1, 1, tzinfo=UTC)]
)
def test_a_bad_date_already_stored_never_stops_trends_or_the_list(data_dir: Path, at: datetime) -> None:
    engine = make_engine(database_url(data_dir=data_dir))
    with engine.begin() as conn:
        conn.execute(text("UPDATE cases SET received_at = :at WHERE id = 1"), {"at": at})
    trends = runner.invoke(app, ["trends", "--data-dir", str(data_dir)])
    assert trends.exit_code == 0 and "1 起案件的受理时间超出可接受的范围" in trends.output, trends.output
    as_json = runner.invoke(app, ["trends", "--json", "--data-dir", str(data_dir)])
    assert as_json.exit_code == 0 and json.loads(as_json.stdout)["skipped"] == 1
    listed = runner.invoke(app, ["cases", "list", "--data-dir", str(data_dir)])
    assert listed.exit_code == 0 and listed.output.startswith("共 3 起"), listed.output


def test_trends_end_at_a_chosen_period(data_dir: Path) -> None:
    result = runner.invoke(
        app, ["trends", "--period", "2026-W45", "--last", "2", "--json", "--data-dir", str(data_dir)]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["periods"] == ["2026-W44", "2026-W45"]


def test_a_store_of_only_bad_dates_says_so(data_dir: Path) -> None:
    engine = make_engine(database_url(data_dir=data_dir))
    with engine.begin() as conn:
        conn.execute(text("UPDATE cases SET received_at = :at"), {"at": datetime(9999, 12, 31, tzinfo=UTC)})
    result = runner.invoke(app, ["trends", "--data-dir", str(data_dir)])
    assert result.exit_code == 0 and "3 起案件的受理时间超出" in result.output
    assert "没有受理时间在可接受范围内的案件" in result.output and "还没有案件" not in result.output
