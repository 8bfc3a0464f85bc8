"""`fanzha outreach …`: import the registry, record an activity with a photo, the scorecard, the report in
three formats and quiz questions; bad input exits 2 with a Chinese message."""

from __future__ import annotations

import io
from pathlib import Path

import orjson
import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from fanzha.cli.commands import app

runner = CliRunner()
CSV = "社区,乡镇街道,区县,派出所,常住人口,户数,注册目标,每月活动目标\n幸福里社区,城关街道,城关区,城关派出所,8000,2700,3000,4\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


@pytest.fixture(autouse=True)
def _sqlite_in_data_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FANZHA_DATABASE_URL", raising=False)


def run(data_dir: Path, *args: str, code: int = 0) -> str:
    result = runner.invoke(app, [*args, "--data-dir", str(data_dir)])
    assert result.exit_code == code, result.output
    return result.output


def _registry(tmp_path: Path) -> None:
    (tmp_path / "c.csv").write_text(CSV, encoding="utf-8")
    assert "已导入 1 个社区" in run(tmp_path, "outreach", "import-communities", str(tmp_path / "c.csv"))


def test_record_scorecard_and_report(tmp_path: Path) -> None:
    _registry(tmp_path)
    (tmp_path / "p.png").write_bytes(PNG)
    out = run(tmp_path, "outreach", "record", "--community", "幸福里社区", "--kind", "讲座", "--title", "防骗讲座",
              "--at", "2026-11-20 09:30", "--reached", "60", "--photo", str(tmp_path / "p.png"))  # fmt: skip
    assert "已登记活动 #1" in out and "附件 1 个" in out
    card = run(tmp_path, "outreach", "scorecard", "--district", "城关区", "--month", "2026-11")
    assert "幸福里社区（城关区）综合得分" in card and "宣传活动：1/4" in card
    cards = orjson.loads(run(tmp_path, "outreach", "scorecard", "--month", "2026-11", "--json"))
    assert cards[0]["community"] == "幸福里社区"
    for fmt, check in (
        ("xlsx", lambda b: load_workbook(io.BytesIO(b)).sheetnames[0] == "汇总"),
        ("pdf", lambda b: b.startswith(b"%PDF-")),
        ("html", lambda b: "督导考评".encode() in b),
    ):
        target = tmp_path / f"r.{fmt}"
        run(
            tmp_path,
            "outreach",
            "report",
            "--format",
            fmt,
            "--district",
            "城关区",
            "--month",
            "2026-11",
            "-o",
            str(target),
        )
        assert check(target.read_bytes())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["record", "--community", "幸福里社区", "--kind", "聚餐", "--title", "x", "--at", "2026-11-20"], "活动类型须为"),
        (["record", "--community", "幸福里社区", "--kind", "讲座", "--title", "x", "--at", "昨天"], "无法识别"),
        (["record", "--community", "幸福里社区", "--kind", "讲座", "--title", "x", "--at", "2026-11-20",
          "--posters", "-3"], "海报不能为负数"),
        (["scorecard", "--month", "2026-13"], "不是有效的月份"),
        (["report", "--format", "docx", "-o", "x"], "格式须为"),
        (["quiz", "--count", "0"], "1 到 50"),
        (["quiz", "--fraud-type", "nonsense"], "未知的诈骗类型"),
    ],
)  # fmt: skip
def test_bad_input_exits_2_in_chinese(tmp_path: Path, args: list[str], message: str) -> None:
    _registry(tmp_path)
    result = runner.invoke(app, ["outreach", *args, "--data-dir", str(tmp_path)])
    assert result.exit_code == 2 and message in result.output, result.output


def test_quiz_is_deterministic(tmp_path: Path) -> None:
    first = run(tmp_path, "outreach", "quiz", "--count", "3", "--seed", "9", "--json")
    assert first == run(tmp_path, "outreach", "quiz", "--count", "3", "--seed", "9", "--json")
    assert len(first.splitlines()) == 3 and "answer" in orjson.loads(first.splitlines()[0])
    assert "答案：" in run(tmp_path, "outreach", "quiz", "--count", "2")
