"""The case store: intake, edits, status changes and confirmations, each audited; linking on arrival.

Every write runs in one transaction with its audit entry (`fanzha.audit.log`) and, for a new case,
its linking (`fanzha.cases.linking.link_case`), so a case is never stored unlinked or unaudited.
Identifiers confirmed by an officer enter the intelligence store as police reports.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from fanzha.audit.log import AuditEntry, append, append_retrying, history
from fanzha.cases.identity import canonical
from fanzha.cases.linking import link_case, relink_all
from fanzha.cases.listing import EVERY_CASE, NEWEST, CaseFilter, CaseOrder
from fanzha.cases.model import (
    CHANNELS,
    LINK_KINDS,
    MAX_AGE,
    MAX_AMOUNT,
    MAX_ID,
    STATUS_NAMES,
    TRANSITIONS,
    Case,
    CaseIdentifier,
    CaseIn,
    FedIdentifier,
    Payment,
    Person,
    fits_id,
    to_fen,
    to_yuan,
)
from fanzha.intel.repository import KINDS as INTEL_KINDS
from fanzha.intel.repository import IntelStore
from fanzha.store.case_tables import CaseIdentifierRow, CasePaymentRow, CaseRow
from fanzha.store.paging import count_where
from fanzha.taxonomy.codes import check_fraud_type, is_fraud_type
from fanzha.timezones import DateOutOfRange, check_date, from_db, to_utc


class CaseError(ValueError):
    """Bad input or an illegal change; the message is for the officer (Chinese)."""


class CaseNotFound(CaseError):
    pass


def _now() -> datetime:
    return datetime.now(UTC)


def clean_identifiers(identifiers: Iterable[CaseIdentifier]) -> list[CaseIdentifier]:
    """Canonical, de-duplicated identifiers; CaseError naming the first that is not valid."""
    out: dict[tuple[str, str], CaseIdentifier] = {}
    for ident in identifiers:
        if ident.kind not in LINK_KINDS:
            raise CaseError(f"不支持的线索类型：{ident.kind}（可选：{', '.join(LINK_KINDS)}）")
        value = canonical(ident.kind, ident.value)
        if value is None and isinstance(
            ident, FedIdentifier
        ):  # kept, flagged 格式不符 (CaseIdentifier.flags)
            value = "".join(ident.value.split()).replace("-", "").lower()[:512] or None
        if value is None:
            raise CaseError(f"“{ident.value[:40]}”不是有效的{ident.kind}")
        key = (ident.kind, value)
        if key not in out or ident.confirmed:
            out[key] = CaseIdentifier(ident.kind, value, ident.raw or ident.value, ident.confirmed)
    return list(out.values())


# The elements `update` may correct, with their names for the officer; all but the time of the fraud
# must have a value (a null is refused, not stored).
EDITABLE = {"desk": "接警台", "district": "地区", "occurred_at": "发案时间", "place": "发案地点",
            "contact_channel": "联系方式", "fraud_type": "诈骗类型", "dissuaded": "是否劝阻", "narrative": "案情",
            "loss": "损失金额"}  # fmt: skip
NULLABLE = frozenset({"occurred_at"})


def _date(at: datetime, what: str) -> datetime:
    try:
        return check_date(at, what)
    except DateOutOfRange as exc:
        raise CaseError(str(exc)) from None


def _amount(yuan: float, what: str) -> None:
    """A finite amount of yuan in [0, MAX_AMOUNT] (NaN and infinities are refused, as negatives)."""
    if isinstance(yuan, bool) or not isinstance(yuan, int | float) or not math.isfinite(yuan):
        raise CaseError(f"{what}应为有限的数字：{str(yuan)[:20]}")
    if yuan < 0:
        raise CaseError(f"{what}不能为负数：{yuan:g}")
    if yuan > MAX_AMOUNT:
        raise CaseError(f"{what}超过上限 {MAX_AMOUNT:.0f} 元：{yuan:g}")


def _age(person: Person, who: str) -> None:
    age = person.age
    if age is not None and (isinstance(age, bool) or not isinstance(age, int) or not 0 <= age <= MAX_AGE):
        raise CaseError(f"{who}年龄应为 0 至 {MAX_AGE} 之间的整数：{str(age)[:20]}")


def check_case(case: CaseIn) -> None:
    """CaseError (Chinese) for a record no entry path may store: an unknown contact channel, a time out
    of the accepted range (`fanzha.timezones.check_date`), an amount that is negative, not finite or
    too large, an impossible age. Every write checks each record with it before storing anything."""
    if case.contact_channel and case.contact_channel not in CHANNELS:
        raise CaseError(f"不支持的联系方式：{case.contact_channel}")
    check_fraud_type(case.fraud_type, error=CaseError)
    _date(case.received_at, "受理时间")
    if case.occurred_at is not None:
        _date(case.occurred_at, "发案时间")
    for number, payment in enumerate(case.payments, 1):
        _amount(payment.amount, f"第 {number} 笔转账的金额")
        if payment.paid_at is not None:
            _date(payment.paid_at, f"第 {number} 笔转账的时间")
    _amount(case.total_loss(), "损失金额")
    _age(case.victim, "受害人")
    _age(case.reporter, "报警人")


def _row(case: CaseIn, now: datetime) -> dict[str, Any]:
    return {
        "ref": case.ref,
        "desk": case.desk,
        "district": case.district or case.victim.district,
        "received_at": to_utc(case.received_at),
        "occurred_at": to_utc(case.occurred_at),
        "place": case.place,
        "contact_channel": case.contact_channel,
        "fraud_type": case.fraud_type,
        "loss_fen": to_fen(case.total_loss()),
        "dissuaded": case.dissuaded,
        "victim_age": case.victim.age,
        "victim_sex": case.victim.sex,
        "persons": {"reporter": asdict(case.reporter), "victim": asdict(case.victim)},
        "narrative": case.narrative,
        "status": "received",
        "officer": case.officer,
        "synthetic": case.synthetic,
        "created_at": now,
        "updated_at": now,
    }


def _payment_rows(case_id: int, payments: Sequence[Payment]) -> list[dict[str, Any]]:
    return [
        {"case_id": case_id, "paid_at": to_utc(p.paid_at), "amount_fen": to_fen(p.amount), "channel": p.channel,
         "from_account": p.from_account, "to_account": p.to_account, "to_bank": p.to_bank}
        for p in payments
    ]  # fmt: skip


class CaseStore:
    def __init__(self, engine: Engine, *, intel: IntelStore | None = None) -> None:
        self.engine = engine
        self.intel = intel or IntelStore(engine)
        self.listeners: list[Callable[[int, int | None], object]] = []

    def add_listener(self, listener: Callable[[int, int | None], object]) -> None:
        """Call `listener(case_id, group_id)` after a case is stored, gains identifiers or has them
        confirmed while it is in a linked group (how the warnings hear of a group's identifiers).
        A listener's error is logged, never undoes the write."""
        self.listeners.append(listener)

    def _notify(self, case_id: int, group_id: int | None) -> None:
        if group_id is None:
            return
        for listener in self.listeners:
            try:
                listener(case_id, group_id)
            except Exception:  # the write is committed: a listener must not undo it
                logging.getLogger(__name__).exception("case listener failed for case %s", case_id)

    # ----------------------------------------------------------------- writing
    def create(self, case: CaseIn, *, actor: str) -> Case:
        """Store a new case, link it, audit it; confirmed identifiers go to the intelligence store."""
        check_case(case)
        identifiers = clean_identifiers(case.identifiers)
        now = _now()

        def work(session: Session) -> int:
            row = CaseRow(**_row(case, now))
            row.ref = case.ref or f"tmp-{now.timestamp()}"
            session.add(row)
            try:
                session.flush()
            except IntegrityError:
                raise CaseError(f"案件编号 {case.ref} 已存在") from None
            if not case.ref:
                row.ref = f"AJ{case.received_at:%Y%m%d}{row.id:06d}"
            if case.payments:
                session.execute(insert(CasePaymentRow), _payment_rows(row.id, case.payments))
            session.add_all(
                CaseIdentifierRow(
                    case_id=row.id, kind=i.kind, value=i.value, raw=i.raw[:512], confirmed=False
                )
                for i in identifiers
            )
            session.flush()
            row.group_id = link_case(session, row.id, identifiers)
            append(session, actor=actor, action="case.create", subject=f"case:{row.id}",
                   detail={"ref": row.ref, "fraud_type": row.fraud_type, "loss_fen": row.loss_fen,
                           "identifiers": [f"{i.kind}:{i.value}" for i in identifiers]})  # fmt: skip
            return row.id

        case_id = append_retrying(self.engine, work)
        confirmed = [(i.kind, i.value) for i in identifiers if i.confirmed]
        if confirmed:
            self.confirm_identifiers(case_id, actor=actor, which=confirmed)
        found = self.get(case_id)
        assert found is not None
        self._notify(case_id, found.group_id)
        return found

    def add_many(
        self,
        cases: Iterable[CaseIn],
        *,
        actor: str,
        batch: int = 2_000,
        status: Callable[[CaseIn], str] | None = None,
    ) -> int:
        """Bulk import (a province's history, demo data): batched inserts, one audit entry per batch,
        then every group rebuilt at once (`relink_all`). `status` gives an imported case's status
        (default: received). Returns the number of cases stored. A bad record (`check_case`) stops the
        import with a CaseError naming it; the batches before it are kept, nothing of its own batch is."""
        total, pending = 0, []
        for number, case in enumerate(cases, 1):
            try:
                check_case(case)
            except CaseError as exc:
                raise CaseError(f"第{number}起案件：{exc}") from None
            pending.append(case)
            if len(pending) >= batch:
                total += self._insert_batch(pending, actor, status)
                pending = []
        if pending:
            total += self._insert_batch(pending, actor, status)
        relink_all(self.engine)
        return total

    def _insert_batch(self, cases: list[CaseIn], actor: str, status: Callable[[CaseIn], str] | None) -> int:
        now = _now()
        rows = [_row(c, now) for c in cases]
        for i, (case, row) in enumerate(zip(cases, rows, strict=True)):
            row["ref"] = case.ref or f"AJ{case.received_at:%Y%m%d}-{now.timestamp():.6f}-{i}"
            if status is not None:
                row["status"] = status(case)
        with Session(self.engine) as session:
            # A plain executemany, then the new ids by case number: RETURNING with the rows' order kept
            # makes SQLite insert one row per statement, several times slower.
            session.execute(insert(CaseRow), rows)
            refs = [row["ref"] for row in rows]
            id_of = dict(session.execute(select(CaseRow.ref, CaseRow.id).where(CaseRow.ref.in_(refs))).all())
            ids = [id_of[ref] for ref in refs]
            payments, idents = [], []
            for case_id, case in zip(ids, cases, strict=True):
                payments += _payment_rows(case_id, case.payments)
                idents += [
                    {
                        "case_id": case_id,
                        "kind": i.kind,
                        "value": i.value,
                        "raw": i.raw[:512],
                        "confirmed": False,
                    }
                    for i in clean_identifiers(case.identifiers)
                ]
            if payments:
                session.execute(insert(CasePaymentRow), payments)
            if idents:
                session.execute(insert(CaseIdentifierRow), idents)
            append(session, actor=actor, action="case.import", subject=f"case:{ids[0]}-{ids[-1]}",
                   detail={"count": len(ids), "first": ids[0], "last": ids[-1]})  # fmt: skip
            session.commit()
        return len(ids)

    def set_status(self, case_id: int, status: str, *, actor: str, note: str = "") -> Case:
        if status not in STATUS_NAMES:
            raise CaseError(f"不支持的状态：{status}")

        def work(session: Session) -> None:
            row = self._row_or_error(session, case_id)
            if status not in TRANSITIONS[row.status]:
                allowed = "、".join(STATUS_NAMES[s] for s in TRANSITIONS[row.status]) or "无"
                raise CaseError(
                    f"案件当前为“{STATUS_NAMES[row.status]}”，不能改为“{STATUS_NAMES[status]}”（可改为：{allowed}）"
                )
            append(session, actor=actor, action="case.status", subject=f"case:{case_id}",
                   detail={"from": row.status, "to": status, "note": note})  # fmt: skip
            row.status, row.updated_at = status, _now()

        append_retrying(self.engine, work)
        return self._get_or_error(case_id)

    def update(self, case_id: int, *, actor: str, **changes: Any) -> Case:
        """Correct the case's elements (fields of CaseIn except identifiers and payments)."""
        unknown = set(changes) - set(EDITABLE)
        if unknown:
            raise CaseError(f"不能修改的字段：{', '.join(sorted(unknown))}")
        for name, value in changes.items():
            if value is None and name not in NULLABLE:
                raise CaseError(f"{EDITABLE[name]}（{name}）不能为空")
        if changes.get("contact_channel") and changes["contact_channel"] not in CHANNELS:
            raise CaseError(f"不支持的联系方式：{changes['contact_channel']}")
        if "fraud_type" in changes:
            check_fraud_type(changes["fraud_type"], error=CaseError)
        if "loss" in changes:
            _amount(changes["loss"], "损失金额")
        if changes.get("occurred_at") is not None:
            changes["occurred_at"] = to_utc(_date(changes["occurred_at"], "发案时间"))

        def work(session: Session) -> None:
            row = self._row_or_error(session, case_id)
            before = {}
            for name, value in changes.items():
                column = "loss_fen" if name == "loss" else name
                before[name] = getattr(row, column)
                setattr(row, column, to_fen(value) if name == "loss" else value)
            append(session, actor=actor, action="case.update", subject=f"case:{case_id}",
                   detail={"before": before, "after": changes})  # fmt: skip
            row.updated_at = _now()

        append_retrying(self.engine, work)
        return self._get_or_error(case_id)

    def add_identifiers(self, case_id: int, identifiers: list[CaseIdentifier], *, actor: str) -> Case:
        """More scammer identifiers learned later; the case is linked again."""
        cleaned = clean_identifiers(identifiers)

        def work(session: Session) -> None:
            row = self._row_or_error(session, case_id)
            have = {(k, v) for k, v in session.execute(
                select(CaseIdentifierRow.kind, CaseIdentifierRow.value).where(CaseIdentifierRow.case_id == case_id)
            )}  # fmt: skip
            new = [i for i in cleaned if (i.kind, i.value) not in have]
            session.add_all(
                CaseIdentifierRow(case_id=case_id, kind=i.kind, value=i.value, raw=i.raw[:512]) for i in new
            )
            session.flush()
            row.group_id = link_case(session, case_id, new)
            append(session, actor=actor, action="case.identifiers", subject=f"case:{case_id}",
                   detail={"added": [f"{i.kind}:{i.value}" for i in new]})  # fmt: skip

        append_retrying(self.engine, work)
        found = self._get_or_error(case_id)
        self._notify(case_id, found.group_id)
        return found

    def confirm_identifiers(
        self, case_id: int, *, actor: str, which: list[tuple[str, str]] | None = None
    ) -> int:
        """Mark identifiers of the case as confirmed by the officer (all when `which` is None); they
        enter the intelligence store as police reports (idempotent per case and identifier)."""
        with Session(self.engine) as session:
            row = self._row_or_error(session, case_id)
            query = select(CaseIdentifierRow).where(CaseIdentifierRow.case_id == case_id)
            targets = [r for r in session.scalars(query) if which is None or (r.kind, r.value) in set(which)]
            fraud_type = row.fraud_type if is_fraud_type(row.fraud_type) else None  # a legacy code: none
        reported = 0
        for ident in targets:
            if ident.kind in INTEL_KINDS:
                self.intel.add_report(
                    kind=ident.kind, value=ident.value, source="police", fraud_type=fraud_type,
                    text=f"案件 {case_id}", idempotency_key=f"case:{case_id}:{ident.kind}:{ident.value}",
                )  # fmt: skip
                reported += 1

        def work(session: Session) -> None:
            for ident in targets:
                session.get(CaseIdentifierRow, ident.id).confirmed = True  # type: ignore[union-attr]
            append(session, actor=actor, action="case.confirm", subject=f"case:{case_id}",
                   detail={"identifiers": [f"{i.kind}:{i.value}" for i in targets]})  # fmt: skip

        append_retrying(self.engine, work)
        return reported

    # ----------------------------------------------------------------- reading
    def get(self, case_id: int) -> Case | None:
        if not fits_id(case_id):
            return None
        with Session(self.engine) as session:
            row = session.get(CaseRow, case_id)
            return None if row is None else self._case(session, row)

    def get_by_ref(self, ref: str) -> Case | None:
        with Session(self.engine) as session:
            row = session.scalar(select(CaseRow).where(CaseRow.ref == ref))
            return None if row is None else self._case(session, row)

    def search(
        self,
        filters: CaseFilter = EVERY_CASE,
        *,
        order: CaseOrder = NEWEST,
        limit: int = 50,
        offset: int = 0,
        details: bool = False,
    ) -> tuple[int, list[Case]]:
        """(total matching, one page of cases in `order`: newest first by default). Payments and
        identifiers are loaded when `details` is set (two queries for the whole page), else left empty."""
        limit, offset = min(max(limit, 0), MAX_ID), min(max(offset, 0), MAX_ID)
        where = filters.conditions()
        with Session(self.engine) as session:
            total = count_where(session, CaseRow, where)
            query = select(CaseRow).where(*where).order_by(*order.terms()).limit(limit).offset(offset)
            cases = [self._case(session, r, details=False) for r in session.scalars(query)]
            if details and cases:
                self._load_details(session, cases)
            return total, cases

    @staticmethod
    def _load_details(session: Session, cases: list[Case]) -> None:
        """Fill in the payments and identifiers of `cases` with one query each (not one per case)."""
        by_id = {c.id: c for c in cases}
        payments = session.scalars(
            select(CasePaymentRow)
            .where(CasePaymentRow.case_id.in_(by_id))
            .order_by(CasePaymentRow.case_id, CasePaymentRow.id)
        )
        for p in payments:
            by_id[p.case_id].payments.append(
                Payment(
                    to_yuan(p.amount_fen),
                    from_db(p.paid_at),
                    p.channel,
                    p.from_account,
                    p.to_account,
                    p.to_bank,
                )
            )
        identifiers = session.scalars(
            select(CaseIdentifierRow)
            .where(CaseIdentifierRow.case_id.in_(by_id))
            .order_by(CaseIdentifierRow.case_id, CaseIdentifierRow.id)
        )
        for i in identifiers:
            by_id[i.case_id].identifiers.append(CaseIdentifier(i.kind, i.value, i.raw, i.confirmed))

    def history(self, case_id: int) -> list[AuditEntry]:
        with Session(self.engine) as session:
            return history(session, f"case:{case_id}")

    def _row_or_error(self, session: Session, case_id: int) -> CaseRow:
        row = session.get(CaseRow, case_id) if fits_id(case_id) else None
        if row is None:
            raise CaseNotFound(f"没有编号为 {case_id} 的案件")
        return row

    def _get_or_error(self, case_id: int) -> Case:
        found = self.get(case_id)
        if found is None:
            raise CaseNotFound(f"没有编号为 {case_id} 的案件")
        return found

    @staticmethod
    def _case(session: Session, row: CaseRow, *, details: bool = True) -> Case:
        persons = row.persons or {}
        case = Case(
            received_at=from_db(row.received_at) or row.received_at,
            ref=row.ref,
            desk=row.desk,
            district=row.district,
            occurred_at=from_db(row.occurred_at),
            place=row.place,
            contact_channel=row.contact_channel,
            fraud_type=row.fraud_type,
            dissuaded=row.dissuaded,
            reporter=Person(**persons.get("reporter", {})),  # type: ignore[arg-type]
            victim=Person(**persons.get("victim", {})),  # type: ignore[arg-type]
            narrative=row.narrative,
            officer=row.officer,
            synthetic=row.synthetic,
            loss=to_yuan(row.loss_fen),
            id=row.id,
            status=row.status,
            group_id=row.group_id,
            created_at=from_db(row.created_at),
            updated_at=from_db(row.updated_at),
        )
        if details:
            CaseStore._load_details(session, [case])
        return case
