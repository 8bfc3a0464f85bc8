"""`fanzha returnees …` on a SQLite data directory: register, 双岗分包, meetings and the overdue list at a
given date; outbound reports and missing reports; the survey's CSV import and coverage; `show` logged as a
read; bad input exits 2 with a Chinese message and stores nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from fanzha.cli.commands import app
from fanzha.returnees import access_log
from fanzha.store import database_url, make_engine

runner = CliRunner()


@pytest.fixture(autouse=True)
def _sqlite_in_data_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FANZHA_DATABASE_URL", raising=False)


def run(data_dir: Path, *args: str, code: int = 0) -> str:
    result = runner.invoke(app, ["returnees", *args, "--data-dir", str(data_dir)])
    assert result.exit_code == code, result.output
    return result.output


def test_the_ledger_from_the_terminal(tmp_path: Path) -> None:
    added = run(tmp_path, "add", "--name", "张某", "--community", "南湖村", "--returned-on", "2026-05-20",
                "--how", "deported", "--risk", "high", "--phone", "+86 138 0013 8000", "--id-number", "11010519491231002X")  # fmt: skip
    assert "已登记回流人员 #1" in added
    assert "未落实双岗分包" in run(tmp_path, "overdue", "--as-of", "2026-06-01")
    run(tmp_path, "assign", "1", "--cadre", "李干部", "--officer", "王警官", "--supervisor", "赵所长")
    run(tmp_path, "meet", "1", "--date", "2026-06-01", "--cadre", "李干部", "--findings", "在家务农")
    assert "没有逾期" in run(tmp_path, "overdue", "--as-of", "2026-06-08")
    late = run(tmp_path, "overdue", "--as-of", "2026-06-20")
    assert "逾期超过14天" in late and "赵所长" in late
    listed = run(tmp_path, "list")
    assert "138****8000" in listed and "110105********002X" in listed
    shown = run(tmp_path, "show", "1")
    assert "13800138000" in shown and "11010519491231002X" in shown and "在家务农" in shown
    engine = make_engine(database_url(data_dir=tmp_path))
    assert next(a.view for a in access_log(engine, kind="returnee", record_id=1)) == "cli.show"
    engine.dispose()
    assert "cli.show" not in run(tmp_path, "access", "1") and "命令行·详情" in run(tmp_path, "access", "1")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["add", "--name", "张某", "--community", "南湖村", "--returned-on", "昨天"], "不是日期"),
        (
            [
                "add",
                "--name",
                "张某",
                "--community",
                "南湖村",
                "--returned-on",
                "2026-05-20",
                "--how",
                "飞回",
            ],
            "回流方式",
        ),
        (["meet", "9", "--date", "2026-06-01", "--cadre", "李"], "没有编号为 9"),
        (["overdue", "--as-of", "9999-01-01"], "超出可接受的范围"),
        (["overdue", "--as-of", "soon"], "不是日期或时刻"),
        (["missing-reports", "--date", "2999-01-01"], "超出可接受的范围"),
    ],
)
def test_bad_input_exits_2_in_chinese(tmp_path: Path, args: list[str], message: str) -> None:
    assert message in run(tmp_path, *args, code=2)


def test_outbound_reports_and_missing_reports(tmp_path: Path) -> None:
    run(tmp_path, "outbound", "add", "--name", "王某", "--community", "柳树村", "--region", "缅甸", "--place", "妙瓦底",
        "--reporter", "李干部")  # fmt: skip
    run(tmp_path, "outbound", "report", "1", "--location", "妙瓦底")
    assert "已齐" in run(tmp_path, "missing-reports")
    assert "王某" in run(tmp_path, "outbound", "list")
    run(tmp_path, "outbound", "persuade", "1", "--method", "family", "--outcome", "agreed")
    assert "已登记为回流人员 #1" in run(tmp_path, "outbound", "returned", "1")
    assert "柳树村" in run(tmp_path, "list")


def test_the_survey_import_and_coverage(tmp_path: Path) -> None:
    csv = tmp_path / "走访表.csv"
    csv.write_text("村,组,户,户籍人数,姓名,外出,务工地,走访日期\n南湖村,一组,1号,2,张大,否,,2026-06-01\n"
                   "南湖村,一组,1号,2,张二,是,缅甸,2026-06-01\n南湖村,二组,1号,3,,,,\n", encoding="utf-8-sig")  # fmt: skip
    assert "已导入 2 户" in run(tmp_path, "survey", "import", str(csv))
    out = run(tmp_path, "coverage")
    assert "南湖村" in out and "2 个组中 1 个已走访" in out and "重点地区 1 人" in out
    bad = tmp_path / "bad.csv"
    bad.write_text("村,组,户,年龄,姓名,走访日期\n南湖村,一组,2号,老,张三,2026-06-01\n", encoding="utf-8")
    assert "第 2 行：年龄" in run(tmp_path, "survey", "import", str(bad), code=2)
    assert "不是 UTF-8" in run(tmp_path, "survey", "import", str(_gbk(tmp_path)), code=2)


def _gbk(tmp_path: Path) -> Path:
    path = tmp_path / "gbk.csv"
    path.write_bytes("村,组,户\n南湖村,一组,1号\n".encode("gbk"))
    return path
