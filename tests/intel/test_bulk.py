"""Bulk import: idempotent, resumable, bad rows reported; export round-trips. SQLite and PostgreSQL."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from fanzha.intel.bulk import export_file, import_file
from fanzha.intel.repository import IntelStore
from fanzha.store import make_engine, upgrade
from fanzha.store.tables import ReportRow


@pytest.fixture
def store(engine: Engine) -> IntelStore:
    upgrade(engine)
    return IntelStore(engine)


def write_jsonl(path: Path, n: int, start: int = 0) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(start, start + n):
            fh.write(json.dumps({"kind": "phone", "value": f"170{i:08d}", "fraud_type": "loan"}) + "\n")
    return path


def reports(store: IntelStore) -> int:
    with Session(store.engine) as session:
        return session.scalar(select(func.count()).select_from(ReportRow)) or 0


def test_importing_twice_stores_each_row_once(store: IntelStore, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", 2500)
    first = import_file(store, path)
    second = import_file(store, path)
    assert (first.imported, first.skipped, second.imported, second.skipped) == (2500, 0, 0, 2500)
    assert reports(store) == 2500


def test_a_longer_file_resumes_where_a_shorter_one_stopped(store: IntelStore, tmp_path: Path) -> None:
    import_file(store, write_jsonl(tmp_path / "part.jsonl", 1200))
    summary = import_file(store, write_jsonl(tmp_path / "all.jsonl", 3000))
    assert (summary.imported, summary.skipped) == (1800, 1200)


def test_bad_rows_are_reported_with_line_numbers_and_the_rest_is_stored(
    store: IntelStore, tmp_path: Path
) -> None:
    path = tmp_path / "mixed.csv"
    path.write_text(
        "kind,value,source\nphone,13800138000,citizen\nfax,1,citizen\nphone,hello,citizen\nqq,123456789,mars\n"
    )
    summary = import_file(store, path)
    assert summary.imported == 1
    assert [e.split("：")[0] for e in summary.errors] == ["第3行", "第4行", "第5行"]


def test_export_lists_identifiers_with_report_counts(store: IntelStore, tmp_path: Path) -> None:
    import_file(store, write_jsonl(tmp_path / "a.jsonl", 3))
    out = io.StringIO()
    assert export_file(store, out, fmt="jsonl") == 3
    assert json.loads(out.getvalue().splitlines()[0]) == {
        "kind": "phone", "value": "17000000000", "official": False, "report_count": 1
    }  # fmt: skip


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_sigkill_during_an_import_loses_nothing_acknowledged_and_a_rerun_completes(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    path = write_jsonl(tmp_path / "big.jsonl", 20_000)
    env = {**os.environ, "FANZHA_DATABASE_URL": ""}
    command = [sys.executable, "-m", "fanzha.cli", "intel", "import", str(path), "--data-dir", str(data_dir)]
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    db = data_dir / "fanzha.sqlite3"
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if db.exists() and db.stat().st_size > 200_000:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert reports(IntelStore(make_engine(f"sqlite:///{db}"))) == 20_000
