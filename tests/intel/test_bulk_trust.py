"""Bulk import checks fraud-type codes row by row, and each committed batch is in the audit log."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from fanzha.audit.log import recent, verify
from fanzha.intel.bulk import BATCH, import_file
from fanzha.intel.repository import IntelStore
from fanzha.store import upgrade
from fanzha.store.tables import ReportRow


@pytest.fixture
def store(engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> IntelStore:
    monkeypatch.setenv("FANZHA_AUDIT_ANCHOR", str(tmp_path / "anchor.json"))
    upgrade(engine)
    return IntelStore(engine)


def test_an_unknown_fraud_type_is_a_bad_row_listing_the_valid_codes(
    store: IntelStore, tmp_path: Path
) -> None:
    path = tmp_path / "list.jsonl"
    rows = [
        {"kind": "phone", "value": "17000000001", "fraud_type": "loan"},
        {"kind": "phone", "value": "17000000002", "fraud_type": "impersonate_police"},
        {"kind": "phone", "value": "17000000003"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    summary = import_file(store, path)
    assert summary.imported == 2 and len(summary.errors) == 1
    assert summary.errors[0].startswith("第2行：") and "impersonate_police" in summary.errors[0]
    assert "impersonate_authority" in summary.errors[0]
    with Session(store.engine) as session:
        assert set(session.scalars(select(ReportRow.fraud_type))) == {"loan", None}


def test_each_committed_batch_is_audited(store: IntelStore, tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(BATCH + 5):
            fh.write(json.dumps({"kind": "phone", "value": f"170{i:08d}"}) + "\n")
    import_file(store, path, actor="管理员")
    import_file(store, path, actor="管理员")  # everything skipped: nothing changed, nothing audited
    with Session(store.engine) as session:
        log = list(reversed(recent(session)))
        stored = session.scalar(select(func.count()).select_from(ReportRow))
    assert stored == BATCH + 5
    assert [(e.actor, e.action, e.detail["imported"]) for e in log] == [
        ("管理员", "intel.import", BATCH),
        ("管理员", "intel.import", 5),
    ]
    assert log[0].detail["file"] == "big.jsonl" and verify(store.engine).ok
