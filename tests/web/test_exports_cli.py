"""`fanzha export cases|groups|orders`: the same exports from the terminal, to a file or (CSV) to standard
output, audited as the command line's; bad input is a Chinese message and exit code 2."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped, unused-ignore]
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from fanzha.audit.log import recent
from fanzha.cases.model import CaseIdentifier, CaseIn
from fanzha.cases.repository import CaseStore
from fanzha.cli.commands import app
from fanzha.cli.intel import store_url
from fanzha.store import make_engine, upgrade

runner = CliRunner()


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("FANZHA_DATABASE_URL", raising=False)
    engine = make_engine(store_url(tmp_path))
    upgrade(engine)
    cases = CaseStore(engine)
    for n, district in enumerate(["西城区", "东城区"], start=1):
        cases.create(
            CaseIn(received_at=datetime(2026, 11, n, 2, tzinfo=UTC), ref=f"JZ-{n}", district=district,
                   identifiers=[CaseIdentifier("phone", "17012345678")], narrative="@某人 冒充客服"),
            actor="民警甲",
        )  # fmt: skip
    engine.dispose()
    return tmp_path


def test_cases_to_standard_output_and_to_an_excel_file(data_dir: Path, tmp_path: Path) -> None:
    got = runner.invoke(
        app, ["export", "cases", "-f", "csv", "-o", "-", "--district", "东城区", "--data-dir", str(data_dir)]
    )
    assert got.exit_code == 0, got.output
    rows = list(csv.DictReader(io.StringIO(got.stdout.removeprefix("\ufeff"))))
    assert [r["案件编号"] for r in rows] == ["JZ-2"] and rows[0]["简要案情"] == "'@某人 冒充客服"
    target = tmp_path / "案件.xlsx"
    got = runner.invoke(
        app, ["export", "cases", "--out", str(target), "--actor", "民警乙", "--data-dir", str(data_dir)]
    )
    assert got.exit_code == 0, got.output
    assert "已导出案件 2 条" in got.output
    assert load_workbook(target).sheetnames == ["案件", "转账明细", "涉案线索"]
    with Session(make_engine(store_url(data_dir))) as session:
        entry = recent(session, limit=1)[0]
    assert (entry.actor, entry.action, entry.detail["via"], entry.detail["rows"]) == (
        "民警乙",
        "export.cases",
        "cli",
        2,
    )


def test_groups_and_orders(data_dir: Path, tmp_path: Path) -> None:
    for command in ("groups", "orders"):
        target = tmp_path / f"{command}.csv"
        got = runner.invoke(
            app, ["export", command, "-f", "csv", "-o", str(target), "--data-dir", str(data_dir)]
        )
        assert got.exit_code == 0, got.output
        assert target.read_bytes().startswith("\ufeff".encode())
    assert (
        len(list(csv.reader(io.StringIO((tmp_path / "groups.csv").read_text("utf-8-sig"))))) == 2
    )  # header, group


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["cases", "-f", "pdf"], "不支持的格式"),
        (["cases", "--since", "昨天"], "不是日期"),
        (["cases", "--since", "2026-11-09", "--until", "2026-11-01"], "起始日期晚于截止日期"),
        (["cases", "-f", "xlsx", "-o", "-"], "不能写到标准输出"),
        (["groups", "--order", "random"], "size 或 loss"),
    ],
)
def test_bad_input_is_a_chinese_message_and_exit_code_2(
    data_dir: Path, args: list[str], message: str
) -> None:
    got = runner.invoke(app, ["export", *args, "--data-dir", str(data_dir)])
    assert got.exit_code == 2 and message in got.output
