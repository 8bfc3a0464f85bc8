from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from fanzha.audit.log import history, verify
from fanzha.claims.office.model import NotFound, OfficeError
from fanzha.claims.office.tips import get_tip, handle_tip, list_tips, submit_tip, tip_by_reference

NOW = datetime(2026, 5, 10, 2, tzinfo=UTC)


def test_a_report_gets_a_reference_and_is_matched_to_the_institution(stored: Engine) -> None:
    tip = submit_tip(stored, what="住院3天收了4天床位费", place="城关镇卫生院", happened_on=date(2026, 5, 1),
                     contact="138 0013 8000", now=NOW)  # fmt: skip
    assert tip.reference.startswith("YB20260510-") and len(tip.reference) == 17
    assert (tip.institution_id, tip.status, tip.status_name) == ("h-1", "pending", "待处理")
    assert (tip.contact, tip.contact_raw, tip.masked_contact) == (
        "13800138000",
        "138 0013 8000",
        "138****8000",
    )
    assert tip_by_reference(stored, reference=tip.reference.lower()).id == tip.id


def test_a_report_needs_nothing_personal(stored: Engine) -> None:
    tip = submit_tip(stored, what="药店用医保卡刷生活用品", place="某某大药房")
    assert (tip.institution_id, tip.contact_raw, tip.masked_contact) == (None, "", "")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"what": "  ", "place": "医院"}, "请填写举报内容"),
        ({"what": "x" * 2001, "place": "医院"}, "举报内容（发生了什么）过长"),
        ({"what": "刷卡", "place": ""}, "请填写发生地点"),
        ({"what": "刷卡", "place": "医院", "contact": "1" * 101}, "联系方式过长"),
        ({"what": "刷卡\x00", "place": "医院"}, "无法保存的字符"),
        ({"what": "刷卡", "place": "医院", "happened_on": date(1999, 1, 1)}, "发生日期超出可接受的范围"),
        ({"what": "刷卡", "place": "医院", "happened_on": date(2026, 5, 11)}, "不能晚于今天"),
    ],
)
def test_bad_reports_are_refused_with_a_reason(
    stored: Engine, fields: dict[str, object], message: str
) -> None:
    with pytest.raises(OfficeError, match=message):
        submit_tip(stored, now=NOW, **fields)  # type: ignore[arg-type]


def test_the_office_moves_a_report_through_its_statuses_with_a_reply(stored: Engine) -> None:
    tip = submit_tip(stored, what="挂床住院", place="河西社区卫生服务中心")
    checking = handle_tip(stored, tip_id=tip.id, status="checking", actor="城关区医保局")
    assert (checking.status_name, checking.handled_by, checking.reply) == ("核查中", "城关区医保局", "")
    with pytest.raises(OfficeError, match="请填写答复"):
        handle_tip(stored, tip_id=tip.id, status="closed", actor="城关区医保局")
    closed = handle_tip(
        stored, tip_id=tip.id, status="closed", reply="经核查属实，已追回基金1.2万元", actor="城关区医保局"
    )
    assert closed.status == "closed" and tip_by_reference(stored, reference=tip.reference).reply.startswith(
        "经核查"
    )
    with Session(stored) as session:
        actions = [e.action for e in history(session, f"claim_tip:{tip.id}")]
    assert actions == ["claims.tip", "claims.tip.handle", "claims.tip.handle"]
    assert verify(stored).ok


def test_the_queue_filters_by_status_and_institution_with_open_reports_first(stored: Engine) -> None:
    a = submit_tip(stored, what="a", place="城关镇卫生院")
    b = submit_tip(stored, what="b", place="河西社区卫生服务中心")
    c = submit_tip(stored, what="c", place="城关镇卫生院")
    handle_tip(stored, tip_id=a.id, status="closed", reply="已办结", actor="x")
    assert [t.id for t in list_tips(stored)[0]] == [b.id, c.id, a.id]
    assert [t.id for t in list_tips(stored, status="pending")[0]] == [b.id, c.id]
    found, total = list_tips(stored, institution_id="h-1")
    assert ([t.id for t in found], total) == ([c.id, a.id], 2)
    with pytest.raises(OfficeError, match="不支持的状态"):
        list_tips(stored, status="done")


def test_opening_a_report_with_its_contact_is_audited(stored: Engine) -> None:
    tip = submit_tip(stored, what="a", place="b", contact="13800138000")
    get_tip(stored, tip_id=tip.id, viewer="城关区医保局")
    with Session(stored) as session:
        assert [e.action for e in history(session, f"claim_tip:{tip.id}")][-1] == "claims.tip.view"
    with pytest.raises(NotFound):
        get_tip(stored, tip_id=999)
    with pytest.raises(NotFound, match="受理编号"):
        tip_by_reference(stored, reference="YB-NOPE")
