from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fanzha.cli.demo import demo_app
from fanzha.cli.reports import reports_app
from fanzha.reports.periods import last_complete

runner = CliRunner()


@pytest.fixture(autouse=True)
def _sqlite_in_data_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FANZHA_DATABASE_URL", raising=False)
    monkeypatch.delenv("FANZHA_BULLETIN_ISSUER", raising=False)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    result = runner.invoke(demo_app, ["cases", "--n", "400", "--days", "35", "--data-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "已导入 400 起演示案件" in result.output
    return tmp_path


def test_demo_cases_refuses_the_same_seed_twice(data_dir: Path) -> None:
    again = runner.invoke(demo_app, ["cases", "--n", "10", "--data-dir", str(data_dir)])
    assert again.exit_code == 2 and "种子 0" in again.output
    other = runner.invoke(demo_app, ["cases", "--n", "10", "--seed", "1", "--data-dir", str(data_dir)])
    assert other.exit_code == 0


def test_bulletin_html_to_a_file_defaults_to_the_last_complete_week(data_dir: Path) -> None:
    out = data_dir / "通报.html"
    result = runner.invoke(reports_app, ["bulletin", "--out", str(out), "--data-dir", str(data_dir)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert f"警情通报　{last_complete('week').title}" in html and "演示数据" in html


def test_bulletin_html_to_stdout_and_pdf_to_a_file(data_dir: Path) -> None:
    period = last_complete("week").label
    result = runner.invoke(reports_app, ["bulletin", "--period", period, "--data-dir", str(data_dir)])
    assert result.exit_code == 0 and result.stdout.startswith("<!DOCTYPE html>")
    pdf = data_dir / "b.pdf"
    args = ["bulletin", "--period", period, "--format", "pdf", "--out", str(pdf), "--data-dir", str(data_dir)]
    result = runner.invoke(reports_app, args)
    assert result.exit_code == 0 and pdf.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--period", "2026-W60"], "没有第60周"),
        (["--period", "下周"], "无法识别"),
        (["--format", "docx"], "不支持的格式"),
    ],
)
def test_bulletin_bad_input_exits_2(tmp_path: Path, args: list[str], message: str) -> None:
    result = runner.invoke(reports_app, ["bulletin", *args, "--data-dir", str(tmp_path)])
    assert result.exit_code == 2 and message in result.output


def test_trends_as_text_and_json(data_dir: Path) -> None:
    text = runner.invoke(reports_app, ["trends", "--last", "4", "--data-dir", str(data_dir)])
    assert text.exit_code == 0 and "报警数" in text.output and "刷单返利、做任务" in text.output
    assert len(text.output.strip().splitlines()) == 2 + 4
    result = runner.invoke(
        reports_app,
        ["trends", "--by", "month", "--dimension", "age_band", "--json", "--data-dir", str(data_dir)],
    )
    record = json.loads(result.stdout)
    assert record["dimension"] == "age_band" and sum(t["cases"] for t in record["totals"]) == 400


def test_trends_on_an_empty_store_and_bad_options(tmp_path: Path) -> None:
    empty = runner.invoke(reports_app, ["trends", "--data-dir", str(tmp_path)])
    assert empty.exit_code == 0 and "还没有案件" in empty.output
    bad = runner.invoke(reports_app, ["trends", "--by", "year", "--data-dir", str(tmp_path)])
    assert bad.exit_code == 2 and "不支持的时间粒度" in bad.output
