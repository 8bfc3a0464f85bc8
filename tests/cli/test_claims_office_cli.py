"""`fanzha claims store | institutions | report | reports | reply`: a claims file stored as a run, the
report in three formats, the reports queue and a reply; bad input exits 2 with a Chinese message."""

from __future__ import annotations

import io
from pathlib import Path

import orjson
import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped, unused-ignore]
from typer.testing import CliRunner

from fanzha.claims.office.tips import submit_tip
from fanzha.cli.commands import app as APP
from fanzha.cli.intel import store_url
from fanzha.demo.claims import demo_claims
from fanzha.store import make_engine

runner = CliRunner()


@pytest.fixture(autouse=True)
def _sqlite_in_data_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FANZHA_DATABASE_URL", raising=False)


def run(data_dir: Path, *args: str, code: int = 0) -> str:
    result = runner.invoke(APP, ["claims", *args, "--data-dir", str(data_dir)])
    assert result.exit_code == code, result.output
    return result.output


def _stored(tmp_path: Path) -> None:
    lines = b"\n".join(orjson.dumps(c) for c in demo_claims(count=27)) + b"\n{broken\n"
    (tmp_path / "claims.jsonl").write_bytes(lines)
    out = run(tmp_path, "store", str(tmp_path / "claims.jsonl"), "--by", "城关区医保局")
    assert "审核批次 1：共审核 31 份结算单，其中 1 行无法读取" in out


def test_a_file_is_stored_and_its_institutions_listed(tmp_path: Path) -> None:
    _stored(tmp_path)
    out = run(tmp_path, "institutions")
    assert "demo-h1\t【演示数据】城关镇中心卫生院" in out and "床位费超住院天数" in out


@pytest.mark.parametrize("fmt", ["html", "xlsx", "pdf"])
def test_the_report_is_written_in_each_format(tmp_path: Path, fmt: str) -> None:
    _stored(tmp_path)
    target = tmp_path / f"自查自纠.{fmt}"
    out = run(tmp_path, "report", "--institution", "demo-h1", "--format", fmt, "-o", str(target))
    assert f"已生成 {target}" in out
    data = target.read_bytes()
    if fmt == "html":
        assert "自查自纠报告" in data.decode()
    elif fmt == "xlsx":
        assert "整改清单" in load_workbook(io.BytesIO(data)).sheetnames
    else:
        assert data.startswith(b"%PDF")


def test_the_queue_is_listed_masked_and_a_reply_is_recorded(tmp_path: Path) -> None:
    _stored(tmp_path)
    tip = submit_tip(make_engine(store_url(tmp_path)), what="出院当天也收床位费", place="城关镇中心卫生院",
                     contact="13800138000")  # fmt: skip
    out = run(tmp_path, "reports", "--status", "pending")
    assert "共 1 件" in out and "138****8000" in out and "13800138000" not in out and "demo-h1" in out
    out = run(
        tmp_path, "reply", str(tip.id), "--status", "closed", "--reply", "已追回", "--by", "城关区医保局"
    )
    assert "已更新为“已办结”" in out
    assert "答复：已追回" in run(tmp_path, "reports")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "--institution", "nope"], "没有编号为“nope”的医疗机构"),
        (["report", "--institution", "demo-h1", "--format", "doc"], "不支持的格式"),
        (["reports", "--status", "done"], "不支持的状态"),
        (["reply", "99", "--status", "closed", "--reply", "x"], "没有编号为 99 的举报"),
        (["reply", "1", "--status", "closed"], "请填写答复"),
        (["store", "missing.jsonl"], "无法读取结算单文件"),
        (["store", "missing.jsonl", "--catalogue", "nope.yaml"], "无法读取目录文件"),
    ],
)
def test_bad_input_exits_2_with_a_message(tmp_path: Path, args: list[str], message: str) -> None:
    _stored(tmp_path)
    submit_tip(make_engine(store_url(tmp_path)), what="a", place="b")
    assert message in run(tmp_path, *args, code=2)
