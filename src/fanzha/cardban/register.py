"""The 惩戒 list in the store: entries added by the desk (evidence: a case) or by a bank (evidence: its own
review), read back, and lifted early with a reason. Every entry and every lifting is audited in the
transaction that makes it (subject `cardban:<id>`, actions `cardban.add` / `cardban.lift`).

Who sees what: officers see every entry in full. A bank sees only the entries it recorded (banks compared
by `fanzha.intel.banks.bank_name`), with the holder masked (`Entry.masked`). An account or number appears once among the entries whose term has not
ended: a second entry for it is a `CardbanConflict` naming the first.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from fanzha.audit.log import AuditEntry, append, append_retrying, history
from fanzha.cardban.canonical import id_number, identifier, years_later
from fanzha.cardban.model import (
    EVIDENCE,
    KINDS,
    LIMITS,
    STATUSES,
    TERM_YEARS,
    CardbanConflict,
    CardbanError,
    CardbanNotFound,
    Entry,
    EntryIn,
    mask_holder_id,
)
from fanzha.cases.model import fits_id
from fanzha.intel.banks import bank_name
from fanzha.store.cardban_tables import CardbanEntryRow
from fanzha.store.case_tables import CaseRow
from fanzha.timezones import BEIJING, DateOutOfRange, check_day, from_db, to_utc

MAX_LIST = 1000
ROLES = ("officer", "bank", "admin")


def today_in_beijing(now: datetime | None = None) -> date:
    return (now or datetime.now(UTC)).astimezone(BEIJING).date()


def text(value: str, field: str, what: str, *, required: bool = False) -> str:
    value = value.strip()
    if required and not value:
        raise CardbanError(f"请填写{what}")
    limit = LIMITS[field]
    if len(value) > limit:
        raise CardbanError(f"{what}不能超过 {limit} 个字符（现有 {len(value)} 个）")
    return value


def term(starts_on: date | None, ends_on: date | None, today: date) -> tuple[date, date]:
    """The term's first and last days: from today, five years (`TERM_YEARS`) by default and at most."""
    start = starts_on or today
    try:
        check_day(start, "惩戒起始日期")
    except DateOutOfRange as exc:
        raise CardbanError(str(exc)) from None
    longest = years_later(start, TERM_YEARS) - timedelta(days=1)
    end = ends_on or longest
    if end < start:
        raise CardbanError("惩戒截止日期不能早于起始日期")
    if end > longest:
        raise CardbanError(f"惩戒期限最长 {TERM_YEARS} 年（至 {longest:%Y-%m-%d}）")
    return start, end


def to_entry(row: CardbanEntryRow) -> Entry:
    return Entry(
        id=row.id, kind=row.kind, value=row.value, raw=row.raw, flags=list(row.flags or []), issuer=row.issuer,
        holder_name=row.holder_name, holder_id=row.holder_id, starts_on=row.starts_on, ends_on=row.ends_on,
        evidence=row.evidence, case_id=row.case_id, review_ref=row.review_ref, note=row.note,
        recorded_by=row.recorded_by, recorded_role=row.recorded_role, created_at=from_db(row.created_at),
        lifted_at=from_db(row.lifted_at), lifted_by=row.lifted_by, lift_reason=row.lift_reason,
    )  # fmt: skip


def running(today: date) -> Any:
    """The entries whose term has not ended (started or not) and that were not lifted."""
    return (CardbanEntryRow.lifted_at.is_(None)) & (CardbanEntryRow.ends_on >= today)


class CardbanStore:
    """The 惩戒 list on the database behind `engine`."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(
        self, entry: EntryIn, *, actor: str, role: str, today: date | None = None, now: datetime | None = None
    ) -> Entry:
        """Put a sold or rented account or number on the list. A bank (`role="bank"`, `actor` its name)
        records its own review; the desk names the case (or a bank's review it was told of)."""
        if role not in ROLES:
            raise CardbanError(f"角色 {role} 不能登记惩戒名单")
        if entry.evidence not in EVIDENCE:
            raise CardbanError(f"不支持的依据：{entry.evidence}（可选：{', '.join(EVIDENCE)}）")
        if role == "bank" and not bank_name(actor):
            raise CardbanError("银行密钥未标明银行名称，不能登记")
        if role == "bank" and entry.evidence != "bank_review":
            raise CardbanError("银行登记的依据只能是本行核查（bank_review）")
        moment = to_utc(now) if now is not None else datetime.now(UTC)
        day = today or today_in_beijing(moment)
        value, flags = identifier(entry.kind, entry.value)
        holder_id, id_flags = id_number(entry.holder_id)
        starts_on, ends_on = term(entry.starts_on, entry.ends_on, day)
        review_ref = text(entry.review_ref, "review_ref", "核查编号或说明")
        if entry.evidence == "bank_review" and not review_ref:
            raise CardbanError("依据为银行核查时请填写核查编号或说明（依据为案件时请填写案件编号）")
        if entry.evidence == "case" and entry.case_id is None:
            raise CardbanError("依据为案件时请填写案件编号")
        case_id = entry.case_id if entry.evidence == "case" else None
        fields = {
            "kind": entry.kind, "value": value, "raw": text(entry.value, "raw", KINDS[entry.kind]),
            "flags": flags + id_flags, "holder_id": holder_id, "starts_on": starts_on, "ends_on": ends_on,
            "holder_name": text(entry.holder_name, "holder_name", "持有人姓名", required=True),
            "issuer": text(entry.issuer, "issuer", "开户行或运营商") or (bank_name(actor)[:64] if role == "bank" else ""),
            "review_ref": review_ref,
            "note": text(entry.note, "note", "备注"), "evidence": entry.evidence,
            "case_id": case_id,
            "recorded_by": (bank_name(actor) if role == "bank" else actor)[:64], "recorded_role": role,
            "created_at": moment,
        }  # fmt: skip

        def work(session: Session) -> Entry:
            if case_id is not None and (not fits_id(case_id) or session.get(CaseRow, case_id) is None):
                raise CardbanNotFound(f"没有编号为 {case_id} 的案件")
            same = select(CardbanEntryRow).where(
                CardbanEntryRow.kind == entry.kind, CardbanEntryRow.value == value, running(day)
            )
            first = session.scalars(same.order_by(CardbanEntryRow.id).limit(1)).first()
            if first is not None:
                raise CardbanConflict(
                    f"该{KINDS[entry.kind]}已在惩戒名单上（#{first.id}，"
                    f"{first.starts_on:%Y-%m-%d} 至 {first.ends_on:%Y-%m-%d}）"
                )
            row = CardbanEntryRow(**fields)
            row.lifted_by = row.lift_reason = ""
            session.add(row)
            session.flush()
            append(session, actor=actor, action="cardban.add", subject=f"cardban:{row.id}", at=moment,
                   detail={"kind": row.kind, "value": row.value, "holder_id": mask_holder_id(holder_id),
                           "starts_on": str(starts_on), "ends_on": str(ends_on), "evidence": row.evidence,
                           "case_id": row.case_id, "review_ref": review_ref, "role": role, "flags": row.flags})  # fmt: skip
            return to_entry(row)

        return append_retrying(self.engine, work)

    def get(self, entry_id: int, *, recorded_by: str | None = None) -> Entry:
        """The entry; with `recorded_by` (a bank), only one that bank recorded exists."""
        with Session(self.engine) as session:
            row = session.get(CardbanEntryRow, entry_id) if fits_id(entry_id) else None
            if row is None or (recorded_by is not None and row.recorded_by != bank_name(recorded_by)):
                raise CardbanNotFound(f"惩戒名单上没有编号为 {entry_id} 的记录")
            return to_entry(row)

    def list_entries(
        self,
        *,
        status: str | None = None,
        kind: str | None = None,
        holder_id: str | None = None,
        value: str | None = None,
        recorded_by: str | None = None,
        limit: int = 200,
        today: date | None = None,
    ) -> list[Entry]:
        """Entries, newest first; `status` one of `STATUSES`, `holder_id` and `value` as written."""
        day = today or today_in_beijing()
        query = select(CardbanEntryRow)
        if status is not None:
            if status not in STATUSES:
                raise CardbanError(f"不支持的状态：{status}（可选：{', '.join(STATUSES)}）")
            query = query.where(status_clause(status, day))
        if kind is not None:
            if kind not in KINDS:
                raise CardbanError(f"不支持的类型：{kind}（可选：{', '.join(KINDS)}）")
            query = query.where(CardbanEntryRow.kind == kind)
        if holder_id:
            query = query.where(CardbanEntryRow.holder_id == id_number(holder_id)[0])
        if value:
            kinds = [kind] if kind else list(KINDS)
            forms = {identifier(k, value)[0] for k in kinds if _is(k, value)}
            query = query.where(CardbanEntryRow.value.in_(forms or {""}))
        if recorded_by is not None:
            query = query.where(CardbanEntryRow.recorded_by == bank_name(recorded_by))
        order = (CardbanEntryRow.created_at.desc(), CardbanEntryRow.id.desc())
        with Session(self.engine) as session:
            rows = session.scalars(query.order_by(*order).limit(max(1, min(limit, MAX_LIST))))
            return [to_entry(r) for r in rows]

    def history(self, entry_id: int) -> list[AuditEntry]:
        """The entry's audit entries (added, lifted)."""
        self.get(entry_id)
        with Session(self.engine) as session:
            return history(session, f"cardban:{entry_id}")

    def lift(self, entry_id: int, *, reason: str, actor: str, now: datetime | None = None) -> Entry:
        """End an entry early (a successful appeal, a mistaken entry); the entry stays, marked lifted."""
        why = text(reason, "reason", "解除理由", required=True)
        moment = to_utc(now) if now is not None else datetime.now(UTC)

        def work(session: Session) -> Entry:
            if fits_id(entry_id):  # lock the row before reading it (SQLite: the database)
                no_op = update(CardbanEntryRow).where(CardbanEntryRow.id == entry_id)
                session.execute(no_op.values(lift_reason=CardbanEntryRow.lift_reason))
            row = session.get(CardbanEntryRow, entry_id) if fits_id(entry_id) else None
            if row is None:
                raise CardbanNotFound(f"惩戒名单上没有编号为 {entry_id} 的记录")
            if row.lifted_at is not None:
                raise CardbanConflict(f"记录 #{entry_id} 已于 {from_db(row.lifted_at):%Y-%m-%d} 解除")
            row.lifted_at, row.lifted_by, row.lift_reason = moment, actor[:64], why
            append(session, actor=actor, action="cardban.lift", subject=f"cardban:{row.id}", at=moment,
                   detail={"kind": row.kind, "value": row.value, "reason": why})  # fmt: skip
            return to_entry(row)

        return append_retrying(self.engine, work)


def _is(kind: str, value: str) -> bool:
    try:
        identifier(kind, value)
    except CardbanError:
        return False
    return True


def status_clause(status: str, day: date) -> Any:
    row = CardbanEntryRow
    if status == "lifted":
        return row.lifted_at.is_not(None)
    alive = row.lifted_at.is_(None)
    if status == "pending":
        return alive & (row.starts_on > day)
    if status == "expired":
        return alive & (row.ends_on < day)
    return alive & (row.starts_on <= day) & (row.ends_on >= day)
