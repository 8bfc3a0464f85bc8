"""`fanzha serve --workers 2`: two processes on one SQLite store, each seeing the other's writes."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from sqlalchemy import func, select

from fanzha.cli.commands import _prepare_demo
from fanzha.intel.keys import list_keys, revoke_key, role_of
from fanzha.store import make_engine, upgrade
from fanzha.store.case_tables import CaseRow


def _call(url: str, body: dict[str, str] | None = None) -> dict[str, object]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())  # type: ignore[no-any-return]


def test_serve_with_two_workers(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "FANZHA_DATABASE_URL": ""}
    command = [sys.executable, "-m", "fanzha.cli", "serve", "--port", str(port), "--data-dir",
               str(tmp_path), "--workers", "2", "--rate-limit", "100000"]  # fmt: skip
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                assert _call(base + "/healthz") == {"status": "ok"}
                break
            except OSError:
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.3)
        verdict = _call(base + "/v1/assess", {"text": "您涉嫌洗钱，请将资金转入安全账户"})
        assert verdict["is_fraud"] is True
        _call(base + "/v1/reports", {"kind": "phone", "value": "17012345678"})
        # Whichever worker answers, the report is there (lookups of unseen numbers are not cached).
        counts = {_call(base + "/v1/lookup?kind=phone&value=17012345678")["report_count"] for _ in range(6)}
        assert counts == {1}
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    assert (tmp_path / "fanzha.sqlite3").exists()


def test_demo_start_loads_cases_once_and_prints_working_keys(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'demo.sqlite3'}")
    upgrade(engine)
    _prepare_demo(engine, 8000, tmp_path)
    first = capsys.readouterr().err
    with engine.connect() as conn:
        cases = conn.scalar(select(func.count()).select_from(CaseRow))
    # 2,000 demo cases, and the cases the demo's warnings opened (their residents were deceived)
    assert cases is not None and 2000 <= cases < 2100
    _prepare_demo(engine, 8000, tmp_path)  # a second start finds the demo data and loads none again
    second = capsys.readouterr().err
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(CaseRow)) == cases
    assert "正在导入" in first and "正在导入" not in second
    keys = _printed_keys(second)
    roles = {role_of(engine, key) for key in keys.values()}
    assert ("officer", "演示民警") in roles and ("community", "幸福里社区") in roles
    assert ("bank", "中国工商银行") in roles
    assert any(found is not None and found[0] == "medical" for found in roles)
    # The second start reuses the first start's keys: no new permanent key per start.
    assert keys == _printed_keys(first) and "沿用上次的演示密钥" in second
    assert len(list_keys(engine)) == 4
    assert oct((tmp_path / "demo-keys.json").stat().st_mode & 0o777) == "0o600"
    # A revoked demo key is replaced (and only that one) on the next start.
    officer = next(k for k in list_keys(engine) if k.role == "officer")
    revoke_key(engine, officer.id)
    _prepare_demo(engine, 8000, tmp_path)
    third = _printed_keys(capsys.readouterr().err)
    changed = {line for line in third if third[line] != keys[line]}
    assert changed == {"民警工作台"} and role_of(engine, third["民警工作台"]) == ("officer", "演示民警")
    assert len(list_keys(engine)) == 5 and len(list_keys(engine, include_revoked=False)) == 4


def _printed_keys(err: str) -> dict[str, str]:
    return {line.split("：", 1)[0]: line.rsplit("演示密钥：", 1)[1].strip()
            for line in err.splitlines() if "演示密钥：" in line}  # fmt: skip
