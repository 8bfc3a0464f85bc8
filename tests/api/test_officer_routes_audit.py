"""`POST /v1/decisions` and `POST /v1/appeals/{id}/review` leave audit entries naming the officer's key."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from fanzha.api.app import create_app
from fanzha.audit.log import recent, verify
from fanzha.intel.keys import create_key


@pytest.fixture
def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> TestClient:
    monkeypatch.setenv("FANZHA_AUDIT_ANCHOR", str(tmp_path / "anchor.json"))
    return TestClient(create_app(url=f"sqlite:///{tmp_path / 'api.sqlite3'}"))


def test_a_decision_and_the_review_that_clears_it_are_both_audited(client: TestClient) -> None:
    engine = client.app.state.services.store.engine  # type: ignore[attr-defined]
    officer = {"Authorization": f"Bearer {create_key(engine, role='officer', label='东湖分局民警')}"}
    decided = client.post(
        "/v1/decisions",
        headers=officer,
        json={"kind": "phone", "value": "17012345678", "decision": "confirmed", "reason": "案件 12"},
    )
    assert decided.status_code == 201
    appeal = client.post("/v1/appeals", json={"kind": "phone", "value": "17012345678", "reason": "新号码"})
    review = client.post(
        f"/v1/appeals/{appeal.json()['id']}/review", headers=officer, json={"upheld": True, "note": "已核实"}
    )
    assert review.status_code == 200
    with Session(engine) as session:
        log = list(reversed(recent(session, limit=10)))
    actions = [(e.actor, e.action) for e in log if not e.action.startswith("key.")]
    assert actions == [
        ("东湖分局民警", "intel.confirmed"),
        ("东湖分局民警", "appeal.upheld"),
        ("东湖分局民警", "intel.cleared"),
    ]
    assert verify(engine).ok
