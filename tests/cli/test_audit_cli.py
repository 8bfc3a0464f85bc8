"""`fanzha audit anchor` and `fanzha audit verify`: the head an officer keeps, and truncation or rewriting
of the log found against it (exit 1), a bad anchor refused (exit 2)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete, update
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from fanzha.audit.anchor import ANCHOR_ENV
from fanzha.audit.log import append
from fanzha.cli import app
from fanzha.store import make_engine, upgrade
from fanzha.store.case_tables import AuditRow
from fanzha.store.engine import SQLITE_FILE

runner = CliRunner()


@pytest.fixture(autouse=True)
def _sqlite_in_data_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FANZHA_DATABASE_URL", raising=False)
    monkeypatch.delenv(ANCHOR_ENV, raising=False)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    engine = make_engine(f"sqlite:///{tmp_path / SQLITE_FILE}")
    upgrade(engine)
    for i in range(1, 6):
        with Session(engine) as session:
            at = datetime(2026, 11, 17, 9, tzinfo=UTC) + timedelta(minutes=i)
            append(session, actor="民警甲", action="case.status", subject=f"case:{i}", at=at)
            session.commit()
    engine.dispose()
    return tmp_path


def _sql(data_dir: Path, statement: object) -> None:
    engine = make_engine(f"sqlite:///{data_dir / SQLITE_FILE}")
    with Session(engine) as session:
        session.execute(statement)  # type: ignore[call-overload]
        session.commit()
    engine.dispose()


def _head(data_dir: Path) -> str:
    result = runner.invoke(app, ["audit", "anchor", "--data-dir", str(data_dir)])
    assert result.exit_code == 0, result.output
    return result.stdout.strip().splitlines()[-1]


def test_anchor_prints_the_head_to_keep_and_writes_it_to_a_file(data_dir: Path) -> None:
    head = _head(data_dir)
    seq, digest = head.split(":")
    assert seq == "5" and len(digest) == 64
    out = data_dir / "kept.json"
    result = runner.invoke(app, ["audit", "anchor", "--out", str(out), "--data-dir", str(data_dir)])
    assert result.exit_code == 0 and "第 5 条" in result.output
    assert json.loads(out.read_text(encoding="utf-8"))["hash"] == digest


def test_verify_finds_the_newest_entries_deleted_through_the_anchor_beside_the_database(
    data_dir: Path,
) -> None:
    assert runner.invoke(app, ["audit", "verify", "--data-dir", str(data_dir)]).exit_code == 0
    _sql(data_dir, delete(AuditRow).where(AuditRow.seq >= 4))
    result = runner.invoke(app, ["audit", "verify", "--data-dir", str(data_dir)])
    assert result.exit_code == 1, result.output
    assert "被删除" in result.output and "第 5 条" in result.output


@pytest.mark.parametrize("form", ["text", "file"])
def test_verify_against_a_kept_head(data_dir: Path, form: str) -> None:
    head = _head(data_dir)
    given = head
    if form == "file":
        kept = data_dir / "kept.json"
        runner.invoke(app, ["audit", "anchor", "--out", str(kept), "--data-dir", str(data_dir)])
        given = str(kept)
    (data_dir / f"{SQLITE_FILE}.audit-head").unlink()  # the copy beside the database is gone too
    ok = runner.invoke(app, ["audit", "verify", "--anchor", given, "--data-dir", str(data_dir)])
    assert ok.exit_code == 0 and "与锚定值一致" in ok.output, ok.output
    _sql(data_dir, delete(AuditRow).where(AuditRow.seq == 5))
    cut = runner.invoke(app, ["audit", "verify", "--anchor", given, "--data-dir", str(data_dir)])
    assert cut.exit_code == 1 and "被删除" in cut.output


def test_verify_still_reports_a_changed_entry(data_dir: Path) -> None:
    _sql(data_dir, update(AuditRow).where(AuditRow.seq == 2).values(actor="他人"))
    result = runner.invoke(app, ["audit", "verify", "--data-dir", str(data_dir)])
    assert result.exit_code == 1 and "第 2 条" in result.output and "被改动" in result.output


@pytest.mark.parametrize("bad", ["12", "abc:def", "/nonexistent/head.json"])
def test_a_bad_anchor_exits_2_with_a_message(data_dir: Path, bad: str) -> None:
    result = runner.invoke(app, ["audit", "verify", "--anchor", bad, "--data-dir", str(data_dir)])
    assert result.exit_code == 2 and "锚" in result.output and "Traceback" not in result.output


def test_without_any_anchor_verify_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ANCHOR_ENV, "off")
    result = runner.invoke(app, ["audit", "verify", "--data-dir", str(tmp_path)])
    assert result.exit_code == 0 and "未配置锚点" in result.output


def test_after_a_deliberate_restore_the_anchor_is_reset(data_dir: Path) -> None:
    _sql(data_dir, delete(AuditRow).where(AuditRow.seq == 5))  # the database restored from an older backup
    assert runner.invoke(app, ["audit", "verify", "--data-dir", str(data_dir)]).exit_code == 1
    reset = runner.invoke(app, ["audit", "anchor", "--reset", "--data-dir", str(data_dir)])
    assert reset.exit_code == 0 and "已重置" in reset.output and reset.stdout.startswith("4:")
    assert runner.invoke(app, ["audit", "verify", "--data-dir", str(data_dir)]).exit_code == 0


def test_backup_and_restore_from_the_cli_and_the_anchor_set_again(data_dir: Path, tmp_path: Path) -> None:
    archive = tmp_path / "copies" / "b.sqlite3"
    made = runner.invoke(app, ["backup", str(archive), "--data-dir", str(data_dir)])
    assert made.exit_code == 0 and "已备份到" in made.output and "迁移版本" in made.output
    again = runner.invoke(app, ["backup", str(archive), "--data-dir", str(data_dir)])
    assert again.exit_code == 2 and "已存在" in again.output
    assert runner.invoke(app, ["audit", "anchor", "--data-dir", str(data_dir)]).exit_code == 0
    engine = make_engine(f"sqlite:///{data_dir / SQLITE_FILE}")
    with Session(engine) as session:  # written after the backup: the restore takes it away
        append(session, actor="民警乙", action="case.status", subject="case:9", at=datetime.now(UTC))
        session.commit()
    engine.dispose()
    assert runner.invoke(app, ["audit", "anchor", "--data-dir", str(data_dir)]).exit_code == 0
    unconfirmed = runner.invoke(app, ["restore", str(archive), "--data-dir", str(data_dir)])
    assert unconfirmed.exit_code == 2 and "--yes" in unconfirmed.output
    restored = runner.invoke(app, ["restore", str(archive), "--yes", "--data-dir", str(data_dir)])
    assert restored.exit_code == 0 and "fanzha audit anchor --reset" in restored.output
    # the anchor still names the newer head: verify says the newest entries are gone, until it is reset
    assert runner.invoke(app, ["audit", "verify", "--data-dir", str(data_dir)]).exit_code == 1
    assert runner.invoke(app, ["audit", "anchor", "--reset", "--data-dir", str(data_dir)]).exit_code == 0
    assert runner.invoke(app, ["audit", "verify", "--data-dir", str(data_dir)]).exit_code == 0
