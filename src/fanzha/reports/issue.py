"""From draft to published bulletin: an officer reviews the typical cases, then issues it.

- `review(engine, period)`: the typical cases the draft would print, each with its narrative, the text
  as it would be published and everything masked in it (name, address, plate…), so the officer sees
  what goes out; for an issued period, the cases as they were issued.
- `issue(engine, period, officer=…, cases=…, texts=…)`: build the bulletin with the cases the officer
  chose (default: the draft's) and their wording (masked again), print who issued it and the audit
  log's head, and store the HTML and PDF as published with an audit entry (`bulletin.issue`, the
  SHA-256 of the HTML) in one transaction. A period is issued once.
- `issued(engine, period)`: the published bulletin, or None.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from fanzha.audit.anchor import current_head
from fanzha.audit.log import append, append_retrying
from fanzha.reports.bulletin import (
    Bulletin,
    BulletinCasesError,
    IssueInfo,
    build_bulletin,
)
from fanzha.reports.periods import CN_TZ, Period, parse_period
from fanzha.reports.redact import Masked, personal_data
from fanzha.reports.render import render_html, render_pdf
from fanzha.store.case_tables import CaseRow
from fanzha.store.report_tables import BulletinRow
from fanzha.timezones import from_db


class BulletinError(ValueError):
    """A bulletin that cannot be issued as asked; the message is for the officer (Chinese)."""


class AlreadyIssued(BulletinError):
    """The period's bulletin was issued before (a period is issued once)."""


@dataclass(frozen=True, slots=True)
class ReviewCase:
    case_id: int
    ref: str
    fraud_type: str
    name: str  # the fraud type's name, 未归类 for an unknown code
    day: str
    district: str
    dissuaded: bool
    loss_yuan: float
    narrative: str  # as stored (officers only)
    text: str  # as published
    masked: list[Masked] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "case_id": self.case_id,
            "ref": self.ref,
            "fraud_type": self.fraud_type,
            "name": self.name,
            "day": self.day,
            "district": self.district,
            "dissuaded": self.dissuaded,
            "loss_yuan": self.loss_yuan,
            "narrative": self.narrative,
            "text": self.text,
            "masked": [{"kind": m.kind, "text": m.text, "as": m.replacement} for m in self.masked],
        }


@dataclass(frozen=True, slots=True)
class IssuedBulletin:
    period: str
    issuer: str
    issued_by: str
    issued_at: datetime  # Beijing time
    audit_seq: int
    audit_hash: str
    cases: list[int]
    texts: dict[int, str]  # the typical cases' text as published, by case
    digest: str
    html: str
    pdf: bytes

    def to_dict(self) -> dict[str, Any]:
        return {
            "period": self.period,
            "issuer": self.issuer,
            "issued_by": self.issued_by,
            "issued_at": self.issued_at.isoformat(),
            "audit_seq": self.audit_seq,
            "audit_hash": self.audit_hash,
            "cases": self.cases,
            "sha256": self.digest,
        }


@dataclass(frozen=True, slots=True)
class BulletinReview:
    period: Period
    status: str  # draft | issued
    cases: list[ReviewCase]
    issued: IssuedBulletin | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "period": self.period.label,
            "title": self.period.title,
            "status": self.status,
            "status_name": "已发布" if self.issued else "草稿（待审核）",
            "issued": self.issued.to_dict() if self.issued else None,
            "cases": [c.to_dict() for c in self.cases],
        }


def _period(period: str | Period) -> Period:
    return parse_period(period) if isinstance(period, str) else period


def _issued(row: BulletinRow) -> IssuedBulletin:
    texts = {int(str(t["case_id"])): str(t["text"]) for t in row.typical}
    at = (from_db(row.issued_at) or row.issued_at).astimezone(CN_TZ)
    return IssuedBulletin(
        row.period, row.issuer, row.issued_by, at, row.audit_seq, row.audit_hash, list(texts), texts,
        row.digest, row.html, row.pdf,
    )  # fmt: skip


def issued(engine: Engine, period: str | Period) -> IssuedBulletin | None:
    """The bulletin issued for `period`, as published, or None."""
    label = _period(period).label
    with Session(engine) as session:
        row = session.scalar(select(BulletinRow).where(BulletinRow.period == label))
        return None if row is None else _issued(row)


def review(engine: Engine, period: str | Period, *, cases: Sequence[int] | None = None) -> BulletinReview:
    """What the officer checks before issuing (see the module)."""
    p = _period(period)
    done = issued(engine, p)
    texts = done.texts if done is not None else {}
    bulletin = build_bulletin(engine, p, cases=done.cases if done is not None else cases, texts=texts)
    ids = [t.case_id for t in bulletin.typical]
    query = select(CaseRow.id, CaseRow.ref, CaseRow.narrative, CaseRow.persons).where(CaseRow.id.in_(ids))
    with Session(engine) as session:
        stored = {r.id: r for r in session.execute(query)}
    out = []
    for t in bulletin.typical:
        case = stored[t.case_id]
        persons = case.persons or {}
        names = [str((persons.get(who) or {}).get("name") or "") for who in ("victim", "reporter")]
        masked = personal_data(texts.get(t.case_id, case.narrative or ""), names=names)
        out.append(
            ReviewCase(t.case_id, case.ref, t.fraud_type, t.name, t.day, t.district, t.dissuaded, t.loss_yuan,
                       case.narrative or "", t.text, masked)
        )  # fmt: skip
    return BulletinReview(p, "issued" if done else "draft", out, done)


def issue(
    engine: Engine,
    period: str | Period,
    *,
    officer: str,
    cases: Sequence[int] | None = None,
    texts: Mapping[int, str] | None = None,
    issuer: str | None = None,
    now: datetime | None = None,
) -> IssuedBulletin:
    """Issue the bulletin for `period` (see the module); BulletinError if it was issued already, names a
    case the period does not hold, or no officer is named."""
    p = _period(period)
    officer = officer.strip()
    if not officer:
        raise BulletinError("请写明审核发布的民警")
    before = issued(engine, p)
    if before is not None:
        raise AlreadyIssued(_already(before))
    moment = (now or datetime.now(CN_TZ)).astimezone(CN_TZ)
    head = current_head(engine)
    try:
        bulletin: Bulletin = build_bulletin(engine, p, issuer=issuer, cases=cases, texts=texts, now=moment)
    except BulletinCasesError as exc:
        raise BulletinError(str(exc)) from None
    bulletin.issue = IssueInfo(officer[:64], moment, head.seq, head.hash)
    html = render_html(bulletin)
    pdf = render_pdf(bulletin)
    digest = hashlib.sha256(html.encode("utf-8")).hexdigest()
    typical = [{"case_id": t.case_id, "text": t.text} for t in bulletin.typical]
    chosen = [t.case_id for t in bulletin.typical]

    def work(session: Session) -> BulletinRow:
        existing = session.scalar(select(BulletinRow).where(BulletinRow.period == p.label))
        if existing is not None:
            raise AlreadyIssued(_already(_issued(existing)))
        row = BulletinRow(
            period=p.label, issuer=bulletin.issuer[:100], typical=typical, issued_by=officer[:64],
            issued_at=moment, audit_seq=head.seq, audit_hash=head.hash, digest=digest, html=html, pdf=pdf,
        )  # fmt: skip
        session.add(row)
        session.flush()
        append(session, actor=officer, action="bulletin.issue", subject=f"bulletin:{p.label}",
               detail={"period": p.label, "issuer": bulletin.issuer, "cases": chosen, "sha256": digest,
                       "pdf_sha256": hashlib.sha256(pdf).hexdigest(), "audit_seq": head.seq},
               at=moment)  # fmt: skip
        return row

    append_retrying(engine, work)
    texts_out = {t.case_id: t.text for t in bulletin.typical}
    return IssuedBulletin(
        p.label,
        bulletin.issuer,
        officer[:64],
        moment,
        head.seq,
        head.hash,
        chosen,
        texts_out,
        digest,
        html,
        pdf,
    )


def _already(done: IssuedBulletin) -> str:
    return f"{done.period} 的通报已于 {done.issued_at:%Y-%m-%d %H:%M} 由{done.issued_by}发布，不能重复发布"
