"""Intake pre-fill on narratives written from the seeds' case examples (000_…: 案例一/二, 001_…)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from fanzha.cases.intake import prefill
from fanzha.detect.engine import Detector
from fanzha.text.limits import InputError

NOW = datetime(2026, 11, 22, 10, 0, tzinfo=timezone(timedelta(hours=8)))

# 案例二 of the first seed, told the way a caller tells it at the desk.
POLICE_IMPERSONATION = (
    "报警人李女士，68岁，本人电话13912345678。11月6日10时许她在家中接到电话，对方号码+86 170 1234 5678，"
    "自称电话局工作人员，说她在外地装有一部电话欠费3600元，后把电话转到某警察局，一自称姓陈的民警称她扰乱金融秩序，"
    "家中存款将被冻结，要求她把钱转到安全账户。当天下午3点她在银行把5万元转到6222 0212 3456 7890 128，"
    "后又通过支付宝转账2000元。共计损失52000元。"
)
# 001_…: 受害人通过网络贷款被人以预交保证金等为由骗取。
LOAN = (
    "受害人王先生，32岁。11月18日晚上8点他在网上看到贷款广告，下载了一个叫“极速贷”的APP，"
    "客服QQ 123456789 说要先交保证金才能放款，他于11月18日21时30分向6217 0012 3456 7890 1号账户转账8000元，"
    "之后对方又要解冻费，他发现被骗后报警。"
)
DISSUADED = (
    "张大爷今天上午接到短信说医保卡被冻结，点开链接 http://yb-gov.cc/login 后对方让他转账，"
    "银行柜员发现后及时劝阻，未转账，没有造成损失。"
)


def test_police_impersonation_is_prefilled(detector: Detector) -> None:
    found = prefill(POLICE_IMPERSONATION, detector=detector, now=NOW)
    assert found.fraud_type == "impersonate_authority"
    assert found.reporter_phone == "13912345678"
    kinds = {(i.kind, i.value) for i in found.identifiers}
    assert ("phone", "17012345678") in kinds and ("bank_card", "6222021234567890128") in kinds
    assert ("phone", "13912345678") not in kinds  # the caller's own number is not the scammer's
    assert [p.amount for p in found.payments] == [50000.0, 2000.0]
    assert found.payments[0].to_account == "6222021234567890128" and found.payments[0].to_bank
    assert found.payments[0].paid_at is not None and found.payments[0].paid_at.hour == 15
    assert found.loss == 52000.0 and not found.dissuaded
    assert found.occurred_at == datetime(2026, 11, 6, 10, 0, tzinfo=NOW.tzinfo)
    assert found.contact_channel == "phone_call"
    assert (found.victim_age, found.victim_sex) == (68, "女")
    assert found.notes  # every field says where it came from


def test_loan_scam_with_an_app_and_a_qq(detector: Detector) -> None:
    found = prefill(LOAN, detector=detector, now=NOW)
    assert found.fraud_type == "loan"
    kinds = {(i.kind, i.value) for i in found.identifiers}
    assert ("app", "极速贷") in kinds and ("qq", "123456789") in kinds
    assert [p.amount for p in found.payments] == [8000.0]
    assert found.payments[0].paid_at == datetime(2026, 11, 18, 21, 30, tzinfo=NOW.tzinfo)
    assert (found.victim_age, found.victim_sex) == (32, "男")


def test_a_dissuaded_victim_has_no_loss(detector: Detector) -> None:
    found = prefill(DISSUADED, detector=detector, now=NOW)
    assert found.dissuaded and found.loss == 0 and not found.payments
    assert found.contact_channel == "sms"
    assert any(i.kind == "url" for i in found.identifiers)


def test_empty_narrative_is_refused(detector: Detector) -> None:
    with pytest.raises(InputError):
        prefill("   ", detector=detector, now=NOW)
