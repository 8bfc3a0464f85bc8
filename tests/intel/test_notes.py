"""Report notes are stored with personal data masked; the reported identifier and links are kept."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from fanzha.intel.notes import mask_note
from fanzha.intel.repository import IntelError, IntelStore
from fanzha.store import upgrade
from fanzha.store.tables import ReportRow


@pytest.mark.parametrize(
    ("note", "gone", "kept"),
    [
        ("他让我报身份证110101199003071233", ["110101199003071233"], ["身份证号已隐去"]),
        ("我的电话13912345678，有事联系", ["13912345678"], ["139****5678"]),
        ("转到了6222021234567890128", ["6222021234567890128"], ["6222 **** **** 0128"]),
        ("我叫王秀英，今天接到电话", ["王秀英"], ["王**"]),
        ("本人李建国，退休", ["李建国"], ["李**"]),
        ("受害人张伟被骗五万", ["张伟"], ["张*"]),
        ("对方叫我张三，让我转账", ["张三"], ["张*"]),  # the audit's note: 张三 was kept
        ("他说他叫李明，是客服", ["李明"], ["李*"]),
        ("对方自称王建国，收款人：赵丽华", ["王建国", "赵丽华"], ["王**", "赵**"]),
        ("户名刘洋，联系人张三", ["刘洋", "张三"], ["刘*", "张*"]),
        ("我妈妈李秀英接到电话", ["李秀英"], ["李**"]),
        ("收款人是一个叫王芳的人", ["王芳"], ["王*"]),
        ("对方自称刘经理，叫我马上转账，我是江苏人", [], ["刘经理", "马上转账", "江苏人"]),  # no name here
        ("对方发来链接 icbc-vip.cc 让我登录", [], ["icbc-vip.cc"]),  # the scam site is evidence
        ("骗子号码是138 0013 8000", [], ["138 0013 8000"]),  # the reported identifier itself
    ],
)
def test_mask_note(note: str, gone: list[str], kept: list[str]) -> None:
    masked = mask_note(note, kind="phone", stored="13800138000")
    assert not [g for g in gone if g in masked], masked
    assert all(k in masked for k in kept), masked


@pytest.fixture
def store(engine: Engine) -> IntelStore:
    upgrade(engine)
    return IntelStore(engine)


def test_the_store_keeps_the_note_masked_and_the_identifier_as_reported(store: IntelStore) -> None:
    note = "冒充客服，要我身份证110101199003071233和我的电话13912345678，我叫王秀英"
    report_id = store.add_report(kind="phone", value="+86 138 0013 8000", text=note)
    with Session(store.engine) as session:
        stored = session.scalar(select(ReportRow.text).where(ReportRow.id == report_id))
    assert stored is not None
    assert "110101199003071233" not in stored and "13912345678" not in stored and "王秀英" not in stored
    assert stored.startswith("冒充客服")
    assert store.lookup(kind="phone", value="13800138000").report_count == 1


@pytest.mark.parametrize("fraud_type", ["xx", "scam", "normal"])
def test_a_reports_fraud_type_must_be_in_the_taxonomy(store: IntelStore, fraud_type: str) -> None:
    with pytest.raises(IntelError, match="不支持的诈骗类型"):
        store.add_report(kind="phone", value="13800138000", fraud_type=fraud_type)
    assert store.lookup(kind="phone", value="13800138000").report_count == 0


def test_police_and_bank_notes_are_their_own_records_and_kept_as_written(store: IntelStore) -> None:
    note = "工商银行 转账筛查确认涉诈（交易 20261201000012345678）"
    report_id = store.add_report(kind="phone", value="13800138000", source="bank", text=note, reporter="b")
    with Session(store.engine) as session:
        assert session.scalar(select(ReportRow.text).where(ReportRow.id == report_id)) == note


def test_the_audits_note_is_stored_without_the_name(store: IntelStore) -> None:
    note = "对方叫我张三，我身份证号110101199003071233，我手机13912345678，卡号6222021234567890128，让我转账"
    report_id = store.add_report(kind="phone", value="13800138000", text=note)
    with Session(store.engine) as session:
        stored = session.scalar(select(ReportRow.text).where(ReportRow.id == report_id))
    assert stored == (
        "对方叫我张*，我身份证号（身份证号已隐去），我手机139****5678，卡号6222 **** **** 0128，让我转账"
    )
