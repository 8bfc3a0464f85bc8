"""The case an alert opens is pre-filled from what the teller sent."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from fanzha.counter import Alert
from fanzha.counter.alert_cases import case_from_alert, narrative_of

AT = datetime(2026, 6, 3, 2, 5, tzinfo=UTC)


def alert(**changes: object) -> Alert:
    fields: dict[str, object] = dict(
        id=7, bank="中国工商银行", branch="江州支行", counter="2号窗口", kind="forged_document", drill=False,
        occurred_at=AT, raised_at=AT, presented="存单，卡号6222 0212 3456 7890 128", customer="孕妇",
        note="对方电话 138-0013-8000 催促", teller="柜员李某", state="acknowledged", acknowledged_at=AT,
        acknowledged_by="JZ1", case_id=None, case_link="", outcome="", outcome_note="", closed_at=None, closed_by="",
    )  # fmt: skip
    fields.update(changes)
    return Alert(**fields)  # type: ignore[arg-type]


def test_the_narrative_tells_the_alert_in_beijing_time() -> None:
    text = narrative_of(alert())
    assert text.startswith("【柜面报警】2026-06-03 10:05，中国工商银行江州支行2号窗口柜员李某报警")
    assert "客户出示：存单" in text and "客户特征：孕妇" in text and "（柜面报警 #7）" in text


@pytest.mark.parametrize(
    ("kind", "channel", "fraud_type"),
    [("forged_document", "in_person", "other_fraud"), ("remote_withdrawal", "phone_call", ""),
     ("known_suspect", "in_person", "")],
)  # fmt: skip
def test_the_contact_channel_and_fraud_type_follow_the_kind(kind: str, channel: str, fraud_type: str) -> None:
    case = case_from_alert(alert(kind=kind), officer="JZ1")
    assert (case.contact_channel, case.fraud_type) == (channel, fraud_type)


def test_numbers_and_accounts_the_teller_wrote_become_the_cases_identifiers() -> None:
    case = case_from_alert(alert(), officer="JZ1")
    assert {(i.kind, i.value) for i in case.identifiers} == {
        ("bank_card", "6222021234567890128"),
        ("phone", "13800138000"),
    }
    assert case.reporter.name == "柜员李某" and case.place == "中国工商银行江州支行2号窗口"


def test_the_officers_corrections_win_over_the_prefill() -> None:
    case = case_from_alert(
        alert(), officer="JZ1", fraud_type="impersonate_authority", narrative="民警改写的案情"
    )
    assert (case.fraud_type, case.narrative) == ("impersonate_authority", "民警改写的案情")
