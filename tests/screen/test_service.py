"""Screening with storage: idempotent per bank (also within a batch), bad transfers answered with an
error while the rest are screened, decisions stored with their executions, the pending list, and the
bank's review — confirming puts the payee account into the intelligence store."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from sqlalchemy import Engine

from fanzha.audit.log import verify
from fanzha.intel.repository import IntelStore
from fanzha.screen.decisions import DecisionConflict, DecisionNotFound, DecisionStore
from fanzha.screen.engine import Screener
from fanzha.screen.intel_view import FlaggedSet
from fanzha.screen.rules import default_rules
from fanzha.screen.service import ScreeningService
from fanzha.screen.state_store import StoreState
from fanzha.store import upgrade

BANK = "中国工商银行"
MULE = "6226090000000048"


def scam(i: int, **extra: Any) -> dict[str, Any]:
    return {
        "id": f"s-{i}", "time": "2026-11-06T12:05:00+08:00", "amount": 50000, "channel": "counter",
        "payer": {"account": f"62220212345678901{i:02d}", "name": "王秀英", "age": 72},
        "payee": {"account": MULE, "name": "李强"}, "purpose": "转到安全账户", "payer_on_call": True, **extra,
    }  # fmt: skip


@pytest.fixture
def service(engine: Engine) -> ScreeningService:
    upgrade(engine)
    flagged = FlaggedSet(engine)
    return ScreeningService(
        screener=Screener(default_rules(), intel=flagged),
        state=StoreState(engine),
        decisions=DecisionStore(engine),
        intel=IntelStore(engine),
        flagged=flagged,
    )


def test_the_same_id_returns_the_first_decision(service: ScreeningService) -> None:
    first = service.screen(bank=BANK, raws=[scam(1)])[0]
    again = service.screen(bank=BANK, raws=[{**scam(1), "amount": 1, "purpose": "生活费"}])[0]
    assert first["outcome"] == "block" and again == first
    other_bank = service.screen(bank="招商银行", raws=[{**scam(1), "amount": 1, "purpose": "生活费"}])[0]
    assert other_bank["outcome"] != "block"


def test_a_batch_answers_in_order_with_errors_and_repeats(service: ScreeningService) -> None:
    results = service.screen(bank=BANK, raws=[scam(1), {"id": "bad", "amount": -1}, "x", scam(1), scam(2)])
    assert [r.get("id") for r in results] == ["s-1", "bad", None, "s-1", "s-2"]
    assert "amount" in results[1]["error"] and "JSON对象" in results[2]["error"]
    assert results[3] == results[0]


def test_decisions_are_stored_with_executions_and_listed_as_pending(service: ScreeningService) -> None:
    service.screen(bank=BANK, raws=[scam(1), {"id": "ok", "amount": 10, "payer": {"account": "1"},
                                              "payee": {"account": "2", "name": "张三"}}])  # fmt: skip
    stored = service.decisions.get(bank=BANK, transfer_id="s-1").detail()
    assert stored["outcome"] == "block" and stored["review"]["status"] == "pending"
    assert len(stored["executions"]) == len(default_rules().rules)
    fired = {e["rule"]: e["score"] for e in stored["executions"] if e["result"] == "hit"}
    assert fired == {r["rule"]: r["score"] for r in stored["reasons"]}
    assert stored["transfer"]["payee"]["account"] == "6226 **** **** 0048"
    assert stored["transfer"]["payer"]["name"] == "王**"
    assert [d.transfer_id for d in service.decisions.pending(bank=BANK)] == ["s-1"]
    assert service.decisions.pending(bank="招商银行") == []


def test_confirming_reports_the_payee_and_later_transfers_see_it(
    service: ScreeningService, engine: Engine
) -> None:
    service.screen(bank=BANK, raws=[scam(1)])
    result = service.review(bank=BANK, transfer_id="s-1", verdict="confirmed", by=BANK, note="客户确认被骗")
    assert result.intel == {"reported": True, "kind": "bank_card", "level": "suspicious"}
    assert result.decision.review == "confirmed"
    assert IntelStore(engine).lookup(kind="bank_card", value=MULE).report_count == 1
    assert service.decisions.pending(bank=BANK) == []
    later = service.screen(bank=BANK, raws=[{"id": "later", "amount": 100, "payee": {"account": MULE}}])[0]
    assert "payee_suspicious" in [r["rule"] for r in later["reasons"]] and later["outcome"] == "hold"
    assert verify(engine).ok


def test_a_review_twice_or_of_an_unknown_transfer_is_refused(service: ScreeningService) -> None:
    service.screen(bank=BANK, raws=[scam(1)])
    service.review(bank=BANK, transfer_id="s-1", verdict="cleared", by=BANK)
    with pytest.raises(DecisionConflict, match="不能重复处理"):
        service.review(bank=BANK, transfer_id="s-1", verdict="confirmed", by=BANK)
    with pytest.raises(DecisionNotFound):
        service.review(bank=BANK, transfer_id="nope", verdict="cleared", by=BANK)
    with pytest.raises(DecisionNotFound):
        service.review(bank="招商银行", transfer_id="s-1", verdict="cleared", by="招商银行")


def test_a_changed_rule_set_under_an_old_version_is_refused(engine: Engine) -> None:
    upgrade(engine)
    store = DecisionStore(engine)
    store.record_rules(default_rules())
    changed = dataclasses.replace(
        default_rules(), digest="0" * 64
    )  # the compiled set is shared: never mutate it
    with pytest.raises(ValueError, match="请更新 version"):
        store.record_rules(changed)
    assert store.rule_source(default_rules().version) == default_rules().source


def test_executions_are_explained_by_the_archived_rule_set_even_in_a_fresh_process(
    service: ScreeningService, engine: Engine
) -> None:
    """Stored as one character per rule; a store that never loaded the version reads it from the archive."""
    service.screen(bank=BANK, raws=[scam(1)])
    fresh = DecisionStore(engine).get(bank=BANK, transfer_id="s-1")
    assert fresh.executions == service.decisions.get(bank=BANK, transfer_id="s-1").executions
    assert [e["rule"] for e in fresh.executions] == [r.id for r in default_rules().rules]


def test_executions_of_a_version_that_was_never_archived_say_so(
    service: ScreeningService, engine: Engine
) -> None:
    from sqlalchemy import update

    from fanzha.store.screen_tables import ScreenDecisionRow

    service.screen(bank=BANK, raws=[scam(1)])
    with engine.begin() as conn:
        conn.execute(update(ScreenDecisionRow).values(rules_version="lost-1"))
    [entry] = DecisionStore(engine).get(bank=BANK, transfer_id="s-1").executions
    assert "lost-1 未存档" in entry["error"] and set(entry["code"]) <= set("h.?")
