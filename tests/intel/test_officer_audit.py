"""Officers' decisions on identifiers, appeal reviews and new API keys are in the hash-chained audit log,
stored in the same transaction as the change (a refused action leaves no entry)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from fanzha.audit.log import AuditEntry, recent, verify
from fanzha.intel.keys import create_key
from fanzha.intel.repository import IntelError, IntelStore
from fanzha.store import upgrade
from fanzha.store.case_tables import AuditRow
from fanzha.store.tables import ApiKeyRow


@pytest.fixture
def store(engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> IntelStore:
    monkeypatch.setenv("FANZHA_AUDIT_ANCHOR", str(tmp_path / "anchor.json"))
    upgrade(engine)
    return IntelStore(engine)


def entries(store: IntelStore) -> list[AuditEntry]:
    with Session(store.engine) as session:
        return list(reversed(recent(session, limit=50)))


def count(store: IntelStore) -> int:
    with Session(store.engine) as session:
        return int(session.scalar(select(func.count()).select_from(AuditRow)) or 0)


@pytest.mark.parametrize("decision", ["confirmed", "cleared"])
def test_a_decision_is_audited_with_the_officer_and_the_reason(store: IntelStore, decision: str) -> None:
    store.decide(
        kind="phone", value="+86 170 1234 5678", decision=decision, officer="民警甲", reason="案件核实"
    )
    [entry] = entries(store)
    assert (entry.actor, entry.action) == ("民警甲", f"intel.{decision}")
    assert entry.subject.startswith("identifier:")
    assert entry.detail == {"kind": "phone", "value": "17012345678", "reason": "案件核实"}
    assert verify(store.engine).ok


def test_an_upheld_appeal_that_clears_a_police_confirmed_number_is_audited(store: IntelStore) -> None:
    store.decide(kind="phone", value="17012345678", decision="confirmed", officer="民警甲", reason="案件 12")
    appeal_id = store.add_appeal(kind="phone", value="17012345678", reason="号码是我新办的")
    store.review_appeal(appeal_id, upheld=True, officer="民警乙", note="已核实为新用户")
    assert store.lookup(kind="phone", value="17012345678").level == "cleared"
    confirm, review, cleared = entries(store)
    assert confirm.action == "intel.confirmed"
    assert (review.actor, review.action, review.subject) == ("民警乙", "appeal.upheld", f"appeal:{appeal_id}")
    assert review.detail["note"] == "已核实为新用户" and review.detail["value"] == "17012345678"
    assert (cleared.actor, cleared.action, cleared.subject) == ("民警乙", "intel.cleared", confirm.subject)
    assert cleared.detail["appeal"] == appeal_id
    assert verify(store.engine).ok


def test_a_rejected_appeal_is_audited_and_changes_no_level(store: IntelStore) -> None:
    store.decide(kind="phone", value="17012345678", decision="confirmed", officer="民警甲", reason="案件 12")
    appeal_id = store.add_appeal(kind="phone", value="17012345678", reason="误报")
    store.review_appeal(appeal_id, upheld=False, officer="民警乙", note="多起案件使用")
    assert [e.action for e in entries(store)] == ["intel.confirmed", "appeal.rejected"]
    assert store.lookup(kind="phone", value="17012345678").level == "confirmed"


def test_refused_actions_leave_no_entry(store: IntelStore) -> None:
    with pytest.raises(IntelError):
        store.decide(kind="phone", value="17012345678", decision="confirmed", officer="甲", reason=" ")
    with pytest.raises(IntelError):
        store.review_appeal(99, upheld=True, officer="甲", note="x")
    appeal_id = store.add_appeal(kind="phone", value="17012345678", reason="误报")
    store.review_appeal(appeal_id, upheld=False, officer="甲", note="x")
    with pytest.raises(IntelError, match=r"申诉 \d+ 已由甲审核（已驳回）"):
        store.review_appeal(appeal_id, upheld=True, officer="乙", note="y")
    assert [e.action for e in entries(store)] == ["appeal.rejected"]


def test_a_new_api_key_is_audited_without_the_key(store: IntelStore) -> None:
    key = create_key(store.engine, role="officer", label="东湖分局", actor="管理员")
    [entry] = entries(store)
    with Session(store.engine) as session:
        key_id = session.scalar(select(ApiKeyRow.id))
    assert (entry.actor, entry.action, entry.subject) == ("管理员", "key.create", f"key:{key_id}")
    assert entry.detail == {"role": "officer", "label": "东湖分局"}
    assert key not in str(entry.detail)
    assert count(store) == 1
