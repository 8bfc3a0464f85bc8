"""Issue 16's narrative, exactly as filed: sex 女 with its reason, both payments at 14:00 Beijing time (the second
keeps the time said before it), the receiving account, bank and means, the account failing the card check kept
and flagged, the reporter's name, and no 正常信息 written as the fraud type."""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime

import pytest

from fanzha.cases.intake import Prefill, prefill
from fanzha.detect.engine import Detector
from fanzha.timezones import BEIJING

ISSUE = "报警人王秀英，女，67岁…我下午2点在农业银行柜台转了5万元，后来又用手机银行转了3万元到6217001234567890123。"
NOW_UTC = datetime(2026, 12, 3, 8, 0, tzinfo=UTC)  # 16:00 in Beijing; the CLI and the API pass UTC
AT_14 = datetime(2026, 12, 3, 14, 0, tzinfo=BEIJING)


@pytest.fixture(scope="module")
def found(detector: Detector) -> Prefill:
    return prefill(ISSUE, detector=detector, now=NOW_UTC)


def test_the_victim_reports_for_herself(found: Prefill) -> None:
    assert (found.reporter_name, found.victim_name, found.reporter_relation) == ("王秀英", "王秀英", "本人")
    assert (found.victim_sex, found.victim_age) == ("女", 67)
    assert found.sources["victim_sex"].said == "女" and "性别" in found.sources["victim_sex"].rule
    assert found.sources["reporter_name"].said == "报警人王秀英"


def test_both_payments_are_at_two_in_the_afternoon_beijing_time(found: Prefill) -> None:
    assert [p.paid_at for p in found.payments] == [AT_14, AT_14]
    assert all(
        p.paid_at is not None and p.paid_at.utcoffset() == BEIJING.utcoffset(None) for p in found.payments
    )
    assert found.sources["payments[1].paid_at"].said == "下午2点"  # carried over from the clause before
    assert "承接前文" in found.sources["payments[1].paid_at"].rule


def test_each_payment_has_its_means_banks_and_account(found: Prefill) -> None:
    first, second = found.payments
    assert (first.amount, first.method, first.channel, first.from_bank) == (
        50000.0,
        "柜台",
        "bank_transfer",
        "中国农业银行",
    )
    assert first.to_account == ""  # not said for the first payment
    assert (second.amount, second.method, second.channel) == (30000.0, "手机银行", "bank_transfer")
    assert (second.to_account, second.to_bank) == ("6217001234567890123", "中国建设银行")
    assert found.loss == 80000.0 and not found.dissuaded


def test_the_account_failing_the_card_check_is_kept_and_flagged(found: Prefill) -> None:
    assert found.payments[1].flags == ["未通过卡号校验，已保留"]
    assert [(i.kind, i.value) for i in found.identifiers] == [("bank_card", "6217001234567890123")]
    assert found.identifiers[0].flags  # 校验位不符, the case store's own note
    assert any("6217001234567890123" in w and "未通过卡号校验" in w for w in found.warnings)
    assert any("未通过卡号校验" in note for note in found.notes)


def test_no_normal_message_type_on_a_narrative(found: Prefill) -> None:
    assert found.fraud_type != "normal" and found.fraud_type_name != "正常信息"
    assert found.fraud_type == "" and "请民警选择" in found.sources["fraud_type"].rule


def test_every_field_filled_says_where_it_came_from(found: Prefill) -> None:
    for name in ("victim_name", "reporter_name", "victim_sex", "victim_age", "occurred_at", "loss"):
        assert name in found.sources, name
    for n, payment in enumerate(found.payments):
        for name in ("amount", "paid_at", "method", "channel"):
            assert f"payments[{n}].{name}" in found.sources
        if payment.to_account:
            assert found.sources[f"payments[{n}].to_account"].said == payment.to_account
    for source in found.sources.values():
        assert ISSUE[source.start : source.end].startswith(source.said.rstrip("…"))


def test_the_prefill_serialises_as_the_cli_and_api_print_it(found: Prefill) -> None:
    shown = asdict(found)
    assert shown["payments"][1]["flags"] == ["未通过卡号校验，已保留"]
    assert shown["sources"]["victim_sex"]["rule"]
    assert shown["reporter_name"] == "王秀英"
