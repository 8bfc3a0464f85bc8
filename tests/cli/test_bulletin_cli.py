"""`fanzha bulletin` writes a draft until an officer has reviewed it (`fanzha bulletin review`) and issued
it (`fanzha bulletin issue`); after that it writes the issued bulletin."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fanzha.audit.anchor import ANCHOR_ENV
from fanzha.cli import app
from fanzha.cli.demo import demo_app
from fanzha.reports.periods import last_complete, periods_back

runner = CliRunner()


@pytest.fixture(autouse=True)
def _sqlite_in_data_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FANZHA_DATABASE_URL", raising=False)
    monkeypatch.delenv("FANZHA_BULLETIN_ISSUER", raising=False)
    monkeypatch.delenv(ANCHOR_ENV, raising=False)


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bulletin")
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("FANZHA_DATABASE_URL", raising=False)
        mp.delenv(ANCHOR_ENV, raising=False)
        result = runner.invoke(demo_app, ["cases", "--n", "300", "--days", "21", "--data-dir", str(path)])
    assert result.exit_code == 0, result.output
    return path


def test_the_bulletin_is_a_draft_and_review_lists_its_cases(demo_dir: Path) -> None:
    period = last_complete("week").label
    draft = runner.invoke(app, ["bulletin", "--period", period, "--data-dir", str(demo_dir)])
    assert draft.exit_code == 0 and "草稿" in draft.stdout and "fanzha bulletin issue" in draft.output
    listed = runner.invoke(app, ["bulletin", "review", "--period", period, "--data-dir", str(demo_dir)])
    assert listed.exit_code == 0, listed.output
    assert "草稿" in listed.stdout and "案例1" in listed.stdout and "已脱敏" in listed.stdout
    as_json = runner.invoke(
        app, ["bulletin", "review", "--period", period, "--json", "--data-dir", str(demo_dir)]
    )
    record = json.loads(as_json.stdout)
    assert record["status"] == "draft" and record["cases"] and record["cases"][0]["masked"]


def test_issue_then_the_issued_bulletin_is_what_is_written(demo_dir: Path, tmp_path: Path) -> None:
    period = periods_back(last_complete("week"), 2)[0].label  # the week before the draft's
    listed = json.loads(
        runner.invoke(
            app, ["bulletin", "review", "--period", period, "--json", "--data-dir", str(demo_dir)]
        ).stdout
    )
    first = listed["cases"][0]["case_id"]
    out = tmp_path / "issued.html"
    args = ["bulletin", "issue", "--period", period, "--officer", "民警王五", "--case", str(first)]
    result = runner.invoke(app, [*args, "--text", f"{first}=事主李建国（男，70岁）被骗3万元。", "--out", str(out),
                                 "--data-dir", str(demo_dir)])  # fmt: skip
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "民警王五" in html and "草稿" not in html and "李**（男，70岁）被骗3万元" in html
    again = runner.invoke(app, ["bulletin", "--period", period, "--data-dir", str(demo_dir)])
    assert again.stdout == html and "已发布" in again.output
    twice = runner.invoke(app, [*args, "--data-dir", str(demo_dir)])
    assert twice.exit_code == 2 and "不能重复发布" in twice.output
    audit = runner.invoke(app, ["audit", "verify", "--data-dir", str(demo_dir)])
    assert audit.exit_code == 0 and "与锚定值一致" in audit.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--case", "999999"], "不在"),
        (["--text", "abc"], "案件编号=文字"),
        (["--period", "2026-W60"], "没有第60周"),
    ],
)
def test_issue_refuses_bad_input_with_exit_2(demo_dir: Path, args: list[str], message: str) -> None:
    base = ["bulletin", "issue", "--officer", "民警王五", "--data-dir", str(demo_dir)]
    if "--period" not in args:
        base += ["--period", "2026-W01"]
    result = runner.invoke(app, [*base, *args])
    assert result.exit_code == 2 and message in result.output, result.output
