"""API keys at rest and after revocation: only the key's SHA-256 is stored (no table holds the key, the
audit log included), and a revoked key gets 401 from the API, the login page from the consoles; the
revocation is in the audit log, who did it named, the key not."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from fanzha.api.app import create_app
from fanzha.audit.log import history, verify
from fanzha.intel.keys import create_key_with_id, revoke_key, role_of
from fanzha.store import upgrade
from fanzha.store.tables import ApiKeyRow, Base
from fanzha.web.csrf import CSRF_COOKIE, CSRF_HEADER, form_token
from fanzha.web.login import COOKIE


@pytest.fixture
def keyed(engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Engine:
    monkeypatch.setenv("FANZHA_AUDIT_ANCHOR", str(tmp_path / "anchor.json"))
    upgrade(engine)
    return engine


def every_stored_value(engine: Engine) -> list[str]:
    """Every value of every row of every table, as text."""
    found: list[str] = []
    with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            for row in conn.execute(select(table)):
                found.extend(str(value) for value in row)
    return found


@pytest.mark.parametrize("role", ["officer", "bank", "admin"])
def test_only_the_keys_hash_is_stored(keyed: Engine, role: str) -> None:
    key_id, key = create_key_with_id(keyed, role=role, label="东湖分局", actor="管理员")
    secret = key.removeprefix(f"fz_{role}_")
    assert len(secret) >= 32
    with Session(keyed) as session:
        row = session.get(ApiKeyRow, key_id)
        assert row is not None and row.key_hash == hashlib.sha256(key.encode()).hexdigest()
    stored = every_stored_value(keyed)
    assert stored and not [value for value in stored if secret in value]
    assert role_of(keyed, key) == (role, "东湖分局")
    assert role_of(keyed, hashlib.sha256(key.encode()).hexdigest()) is None  # the hash is no key


def test_a_revoked_key_gets_401_and_the_login_page_and_its_revocation_is_audited(keyed: Engine) -> None:
    key_id, key = create_key_with_id(keyed, role="officer", label="反诈中心-009", actor="管理员")
    url = keyed.url.render_as_string(hide_password=False)
    bearer = {"Authorization": f"Bearer {key}"}
    assert TestClient(create_app(url=url)).get("/v1/appeals", headers=bearer).status_code == 200
    info = revoke_key(keyed, key_id, actor="值班管理员")
    assert info.revoked_at is not None and not info.active and role_of(keyed, key) is None

    client = TestClient(create_app(url=url))  # a worker that has not seen the key yet
    refused = client.get("/v1/appeals", headers=bearer)
    assert refused.status_code == 401 and refused.json()["detail"] == "API密钥无效"
    page = client.get("/console/cases", headers=bearer, follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"].startswith("/console/login")
    assert client.get("/console/login").status_code == 200
    nonce = client.cookies[CSRF_COOKIE]  # the session's nonce: the login form's token is made from it
    token = {CSRF_HEADER: form_token(nonce, "")}
    login = client.post("/console/login", data={"key": key}, headers=token, follow_redirects=False)
    assert login.status_code == 401 and "密钥无效" in login.text and COOKIE not in login.cookies

    with Session(keyed) as session:
        entries = history(session, f"key:{key_id}")
    assert [(e.actor, e.action) for e in entries] == [("管理员", "key.create"), ("值班管理员", "key.revoke")]
    assert entries[1].detail == {"role": "officer", "label": "反诈中心-009"}
    digest = hashlib.sha256(key.encode()).hexdigest()
    assert not [e for e in entries if key in str(e.detail) or digest in str(e.detail)]
    assert revoke_key(keyed, key_id, actor="值班管理员").revoked_at == info.revoked_at  # once only
    with Session(keyed) as session:
        assert len(history(session, f"key:{key_id}")) == 2
    assert verify(keyed).ok
