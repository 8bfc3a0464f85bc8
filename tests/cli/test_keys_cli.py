"""`fanzha keys create | list | revoke`: labels explained per role, a list that never shows a secret, and
a revoked key refused by the consoles at once and by a running API within the key cache's minute."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from fanzha.api.app import create_app
from fanzha.api.auth import KNOWN_KEY_TTL
from fanzha.audit.log import history
from fanzha.cli import app
from fanzha.intel import cache
from fanzha.intel.keys import get_key, list_keys, role_of
from fanzha.store import make_engine, upgrade
from fanzha.web.login import COOKIE

runner = CliRunner()


def _keys(tmp_path: Path, *args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["keys", *args, "--data-dir", str(tmp_path)], input=input)


def _create(tmp_path: Path, role: str, label: str) -> str:
    result = _keys(tmp_path, "create", "--role", role, "--label", label)
    assert result.exit_code == 0, result.output
    return result.stdout.strip()


def test_create_help_says_what_a_label_is_for_each_role() -> None:
    result = runner.invoke(app, ["keys", "create", "--help"], terminal_width=200)
    text = " ".join(result.output.split())
    assert result.exit_code == 0
    assert "银行密钥的名称是银行或支付机构的名称" in text and "社区密钥的名称是社区或村的名称" in text
    assert "医保密钥的名称是医保部门的名称" in text and "bank（银行/支付机构）" in text


def test_a_bank_key_needs_the_banks_name(tmp_path: Path) -> None:
    result = _keys(tmp_path, "create", "--role", "bank")
    assert result.exit_code == 2 and "需要 --label" in result.output and "银行名称" in result.output
    result = _keys(tmp_path, "create", "--role", "teller", "--label", "x")
    assert result.exit_code == 2 and "不支持的角色" in result.output


def test_list_shows_ids_roles_labels_and_beijing_times_never_the_secret(tmp_path: Path) -> None:
    officer = _create(tmp_path, "officer", "反诈中心-001")
    bank = _create(tmp_path, "bank", "城关农商银行")
    result = _keys(tmp_path, "list")
    assert result.exit_code == 0
    assert officer not in result.output and bank not in result.output and "fz_" not in result.output
    lines = result.stdout.splitlines()
    assert re.match(r"编号\s+角色\s+名称\s+创建时间\s+最近使用\s+状态", lines[0])
    row = next(line for line in lines if "城关农商银行" in line)
    assert "银行/支付机构" in row and "有效" in row and "未使用" in row
    now = datetime.now(UTC).astimezone(__import__("fanzha.timezones").timezones.BEIJING)
    assert now.strftime("%Y-%m-%d") in row or (now - timedelta(minutes=1)).strftime("%Y-%m-%d") in row
    # columns line up although labels are Chinese (two columns a character)
    from fanzha.cli.tables import width

    starts = {width(line[: line.index("有效")]) for line in lines if "有效" in line}
    assert len(starts) == 1
    records = __import__("json").loads(_keys(tmp_path, "list", "--json").stdout)
    assert [r["label"] for r in records] == ["反诈中心-001", "城关农商银行"]
    assert records[0]["created_at"].endswith("+00:00") and records[0]["revoked_at"] is None


def test_revoke_asks_first_then_refuses_the_key(tmp_path: Path) -> None:
    key = _create(tmp_path, "officer", "反诈中心-002")
    engine = make_engine(f"sqlite:///{tmp_path / 'fanzha.sqlite3'}")
    (info,) = list_keys(engine)
    declined = _keys(tmp_path, "revoke", str(info.id), input="n\n")
    assert declined.exit_code == 1 and "确定吊销密钥" in declined.output and "未吊销" in declined.output
    assert role_of(engine, key) == ("officer", "反诈中心-002")
    done = _keys(tmp_path, "revoke", str(info.id), input="y\n")
    assert done.exit_code == 0 and "已吊销密钥" in done.output and "60秒" in done.output
    assert role_of(engine, key) is None
    assert "已吊销" in _keys(tmp_path, "list").stdout
    assert _keys(tmp_path, "list", "--active").stdout.startswith("还没有密钥")
    again = _keys(tmp_path, "revoke", str(info.id), "--yes")
    assert again.exit_code == 0 and "无需再次吊销" in again.output
    with Session(engine) as session:
        actions = [e.action for e in history(session, f"key:{info.id}")]
    assert actions == ["key.create", "key.revoke"]
    missing = _keys(tmp_path, "revoke", "999", "--yes")
    assert missing.exit_code == 2 and "没有编号为 999 的密钥" in missing.output
    bad = _keys(tmp_path, "revoke", "abc")
    assert bad.exit_code == 2 and "应为整数" in bad.output and "Error" not in bad.output


def test_a_revoked_key_is_refused_by_the_console_at_once_and_the_api_within_the_cache_ttl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'fanzha.sqlite3'}"
    engine = make_engine(url)
    upgrade(engine)
    client = TestClient(create_app(url=url))
    key = _create(tmp_path, "officer", "反诈中心-003")
    headers = {"Authorization": f"Bearer {key}"}
    assert client.get("/v1/appeals", headers=headers).status_code == 200
    page = client.get("/console/cases", headers={"Cookie": f"{COOKIE}={key}"}, follow_redirects=False)
    assert page.status_code == 200
    (info,) = list_keys(engine)
    assert _keys(tmp_path, "revoke", str(info.id), "--yes").exit_code == 0
    page = client.get("/console/cases", headers={"Cookie": f"{COOKIE}={key}"}, follow_redirects=False)
    assert page.status_code == 303 and "/console/login" in page.headers["location"]
    # The API answered from its key cache a moment ago; it refuses once the entry expires.
    later = time.monotonic() + KNOWN_KEY_TTL + 1
    monkeypatch.setattr(cache.time, "monotonic", lambda: later)
    refused = client.get("/v1/appeals", headers=headers)
    assert refused.status_code == 401 and refused.json()["detail"] == "API密钥无效"
    assert KNOWN_KEY_TTL <= 60


def test_a_key_that_is_used_shows_when(tmp_path: Path) -> None:
    key = _create(tmp_path, "bank", "城关农商银行")
    engine = make_engine(f"sqlite:///{tmp_path / 'fanzha.sqlite3'}")
    (info,) = list_keys(engine)
    assert info.last_used_at is None
    assert role_of(engine, key) == ("bank", "城关农商银行")
    deadline = time.monotonic() + 10
    while (found := get_key(engine, info.id)) is not None and found.last_used_at is None:
        assert time.monotonic() < deadline, "the use was not noted"
        time.sleep(0.05)
    assert "未使用" not in next(
        line for line in _keys(tmp_path, "list").stdout.splitlines() if "城关" in line
    )
