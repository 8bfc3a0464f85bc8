from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from fanzha.cli import app

runner = CliRunner()


def test_report_then_lookup_in_a_data_dir(tmp_path: Path) -> None:
    args = ["--kind", "phone", "--data-dir", str(tmp_path)]
    assert runner.invoke(app, ["intel", "report", "--value", "170 1234 5678", *args]).exit_code == 0
    result = runner.invoke(app, ["intel", "lookup", "--value", "+8617012345678", "--json", *args])
    record = json.loads(result.stdout)
    assert (record["value"], record["report_count"]) == ("17012345678", 1)
    assert (tmp_path / "fanzha.sqlite3").is_file()


def test_bad_kind_exits_2_with_a_message(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["intel", "lookup", "--kind", "fax", "--value", "1", "--data-dir", str(tmp_path)]
    )
    assert result.exit_code == 2 and "不支持的类型" in result.output
