"""Citizens' 骗保 reports (举报线索) and the office's queue: a report says what happened, where (as
typed; matched to a known institution when it can be), when, and optionally how to reach the reporter —
nothing else personal is asked. It gets a reference to quote; the office moves it through 待处理 →
核查中 → 已办结 with a reply the reporter can read by the reference. Submissions, the office's views of
a report with its contact and every change are in the audit log."""

from __future__ import annotations

import secrets
from datetime import UTC, date, datetime

from sqlalchemy import Engine, case, func, select
from sqlalchemy.orm import Session

from fanzha.audit.log import append, append_retrying
from fanzha.claims.office.institutions import match_institution
from fanzha.claims.office.model import STATUSES, NotFound, OfficeError, Tip
from fanzha.extract.canonical import read
from fanzha.store.claims_tables import ClaimReportRow
from fanzha.timezones import BEIJING, DateOutOfRange, check_day, from_db

MAX_WHAT, MAX_PLACE, MAX_CONTACT, MAX_REPLY = 2_000, 200, 100, 2_000
_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read aloud over the phone


def _text(value: str, what: str, limit: int, *, required: bool) -> str:
    text = value.strip()
    if required and not text:
        raise OfficeError(f"请填写{what}")
    if len(text) > limit:
        raise OfficeError(f"{what}过长：{len(text)} 个字符，上限 {limit} 个字符")
    if "\x00" in text or any(0xD800 <= ord(c) <= 0xDFFF for c in text):
        raise OfficeError(f"{what}含有无法保存的字符")
    return text


def _tip(row: ClaimReportRow) -> Tip:
    return Tip(
        row.id, row.reference, row.what, row.place, row.institution_id, row.happened_on, row.contact_raw,
        row.contact, tuple(row.contact_flags), row.status, row.reply, row.handled_by, from_db(row.created_at),
        from_db(row.updated_at), row.demo,
    )  # fmt: skip


def submit_tip(
    engine: Engine,
    *,
    what: str,
    place: str,
    happened_on: date | None = None,
    contact: str = "",
    demo: bool = False,
    now: datetime | None = None,
) -> Tip:
    """Store a citizen's report (checked: lengths, the day neither before 2000 nor in the future)."""
    at = now or datetime.now(UTC)
    what = _text(what, "举报内容（发生了什么）", MAX_WHAT, required=True)
    place = _text(place, "发生地点（医院或药店名称）", MAX_PLACE, required=True)
    contact = _text(contact, "联系方式", MAX_CONTACT, required=False)
    if happened_on is not None:
        try:
            check_day(happened_on, "发生日期", now=at)
        except DateOutOfRange as exc:
            raise OfficeError(str(exc)) from None
        if happened_on > at.astimezone(BEIJING).date():
            raise OfficeError(f"发生日期不能晚于今天：{happened_on.isoformat()}")
    phone = read("phone", contact) if contact else None
    institution = match_institution(engine, place=place)

    def work(session: Session) -> Tip:
        reference = f"YB{at.astimezone(BEIJING):%Y%m%d}-" + "".join(
            secrets.choice(_ALPHABET) for _ in range(6)
        )
        row = ClaimReportRow(
            reference=reference, what=what, place=place, institution_id=institution, happened_on=happened_on,
            contact_raw=contact, contact=phone[0] if phone else "", contact_flags=list(phone[1]) if phone else [],
            status="pending", reply="", handled_by="", created_at=at, updated_at=at, demo=demo,
        )  # fmt: skip
        session.add(row)
        session.flush()
        append(session, actor="市民", action="claims.tip", subject=f"claim_tip:{row.id}",
               detail={"reference": reference, "institution": institution or "", "contact": bool(contact)})  # fmt: skip
        return _tip(row)

    return append_retrying(engine, work)


def list_tips(
    engine: Engine,
    *,
    status: str | None = None,
    institution_id: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> tuple[list[Tip], int]:
    """The queue, open reports first, oldest first within each, and how many match."""
    if status is not None and status not in STATUSES:
        raise OfficeError(f"不支持的状态：{status}（可选：{'、'.join(STATUSES)}）")
    query = select(ClaimReportRow)
    if status is not None:
        query = query.where(ClaimReportRow.status == status)
    if institution_id is not None:
        query = query.where(ClaimReportRow.institution_id == institution_id)
    closed = case((ClaimReportRow.status == "closed", 1), else_=0)
    with Session(engine) as session:
        total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
        rows = session.scalars(
            query.order_by(closed, ClaimReportRow.created_at, ClaimReportRow.id).offset(offset).limit(limit)
        )
        return [_tip(row) for row in rows], total


def get_tip(engine: Engine, *, tip_id: int, viewer: str | None = None) -> Tip:
    """One report; `viewer`: who in the office opens it with its contact (written to the audit log)."""
    with Session(engine) as session:
        row = session.get(ClaimReportRow, tip_id)
        if row is None:
            raise NotFound(f"没有编号为 {tip_id} 的举报")
        tip = _tip(row)
    if viewer is not None and tip.contact_raw:

        def log(session: Session) -> None:
            append(session, actor=viewer[:64], action="claims.tip.view", subject=f"claim_tip:{tip_id}")

        append_retrying(engine, log)
    return tip


def tip_by_reference(engine: Engine, *, reference: str) -> Tip:
    """The report a citizen asks after with its reference (their status and the office's reply)."""
    with Session(engine) as session:
        row = session.scalar(
            select(ClaimReportRow).where(ClaimReportRow.reference == reference.strip().upper())
        )
        if row is None:
            raise NotFound("没有找到该受理编号的举报，请核对编号")
        return _tip(row)


def handle_tip(
    engine: Engine,
    *,
    tip_id: int,
    status: str,
    reply: str = "",
    actor: str,
    institution_id: str | None = None,
    now: datetime | None = None,
) -> Tip:
    """Move a report to `status` with the office's reply (and, optionally, the institution it concerns)."""
    if status not in STATUSES:
        raise OfficeError(f"不支持的状态：{status}（可选：{'、'.join(STATUSES)}）")
    reply = _text(reply, "答复", MAX_REPLY, required=status == "closed")
    at = now or datetime.now(UTC)

    def work(session: Session) -> Tip:
        row = session.get(ClaimReportRow, tip_id)
        if row is None:
            raise NotFound(f"没有编号为 {tip_id} 的举报")
        before = row.status
        row.status, row.handled_by, row.updated_at = status, actor[:100], at
        if reply:
            row.reply = reply
        if institution_id is not None:
            row.institution_id = institution_id[:64] or None
        append(session, actor=actor[:64], action="claims.tip.handle", subject=f"claim_tip:{tip_id}",
               detail={"from": before, "to": status, "reply_chars": len(reply),
                       "institution": row.institution_id or ""})  # fmt: skip
        return _tip(row)

    return append_retrying(engine, work)
