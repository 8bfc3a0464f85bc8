"""Counter alerts in the store: a teller raises one, the desk acknowledges it, attaches it to a case or opens
one from it (pre-filled, `fanzha.counter.alert_cases`), and records the outcome; the bank follows its own.

Bank scope: the methods take `bank`; when it is given, only that bank's alerts exist for the caller (any
other is "not found"). Banks are compared by `fanzha.intel.banks.bank_name`, so an alert raised under the
key 工商银行 is the bank 中国工商银行's. `bank=None` (officers, admins) sees every alert.

Every step appends an audit entry (`fanzha.audit.log`, subject `alert:<id>`, action `alert.<step>`) in
the transaction that makes it; the step first locks the alert's row, so two officers cannot both
acknowledge it, and the transaction is retried when another writer took the same audit number first.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session

from fanzha.audit.log import AuditEntry, append, append_retrying, history
from fanzha.cases.model import fits_id
from fanzha.cases.repository import CaseError, CaseStore
from fanzha.counter.alert_cases import case_from_alert
from fanzha.counter.alert_model import (
    OUTCOMES,
    STATES,
    Alert,
    AlertConflict,
    AlertError,
    AlertIn,
    AlertNotFound,
    checked,
    clean_text,
)
from fanzha.intel.banks import bank_name
from fanzha.store.case_tables import CaseRow
from fanzha.store.counter_tables import CounterAlertRow
from fanzha.timezones import from_db, to_utc

MAX_LIST = 1000


def to_alert(row: CounterAlertRow) -> Alert:
    return Alert(
        id=row.id, bank=row.bank, branch=row.branch, counter=row.counter, kind=row.kind, drill=row.drill,
        occurred_at=from_db(row.occurred_at), raised_at=from_db(row.raised_at), presented=row.presented,
        customer=row.customer, note=row.note, teller=row.teller, state=row.state,
        acknowledged_at=from_db(row.acknowledged_at), acknowledged_by=row.acknowledged_by,
        case_id=row.case_id, case_link=row.case_link, outcome=row.outcome, outcome_note=row.outcome_note,
        closed_at=from_db(row.closed_at), closed_by=row.closed_by,
    )  # fmt: skip


def _now(now: datetime | None) -> datetime:
    return to_utc(now) if now is not None else datetime.now(UTC)


def _audit(
    session: Session, row: CounterAlertRow, actor: str, step: str, at: datetime, **detail: Any
) -> None:
    base = {"bank": row.bank, "kind": row.kind, "drill": row.drill, "state": row.state}
    append(
        session, actor=actor, action=f"alert.{step}", subject=f"alert:{row.id}", detail=base | detail, at=at
    )


class AlertStore:
    """Counter alerts on the database behind `engine`; `cases` opens the cases (one is made if not given)."""

    def __init__(self, engine: Engine, *, cases: CaseStore | None = None) -> None:
        self.engine = engine
        self.cases = cases or CaseStore(engine)

    # -- the bank ----------------------------------------------------------------------------------

    def raise_alert(self, alert: AlertIn, *, bank: str, actor: str, now: datetime | None = None) -> Alert:
        """A new open alert from `bank`'s counter; `actor` is who the audit log names (the bank's key)."""
        moment = _now(now)
        fields = checked(alert, now=moment)
        name = bank_name(clean_text(bank, "bank", "银行", required=True))[:64]

        def work(session: Session) -> Alert:
            row = CounterAlertRow(bank=name, raised_at=moment, state="open", **fields)
            row.acknowledged_by = row.case_link = row.outcome = row.outcome_note = row.closed_by = ""
            session.add(row)
            session.flush()
            _audit(session, row, actor, "raised", moment, branch=row.branch, counter=row.counter,
                   teller=row.teller, occurred_at=row.occurred_at.isoformat())  # fmt: skip
            return to_alert(row)

        return append_retrying(self.engine, work)

    # -- reading -----------------------------------------------------------------------------------

    def get(self, alert_id: int, *, bank: str | None = None) -> Alert:
        with Session(self.engine) as session:
            return to_alert(self._row(session, alert_id, bank))

    def list_alerts(
        self,
        *,
        state: str | None = None,
        bank: str | None = None,
        drill: bool | None = None,
        limit: int = 200,
    ) -> list[Alert]:
        """Alerts, open ones first, then the newest; `state` one of `STATES` or `active` (open or
        acknowledged: not closed yet)."""
        query = select(CounterAlertRow)
        if state == "active":
            query = query.where(CounterAlertRow.state != "closed")
        elif state is not None:
            if state not in STATES:
                raise AlertError(f"不支持的状态：{state}（可选：active, {', '.join(STATES)}）")
            query = query.where(CounterAlertRow.state == state)
        if bank is not None:
            query = query.where(CounterAlertRow.bank == bank_name(bank))
        if drill is not None:
            query = query.where(CounterAlertRow.drill == drill)
        is_open = (CounterAlertRow.state == "open").desc()
        order = (is_open, CounterAlertRow.raised_at.desc(), CounterAlertRow.id.desc())
        with Session(self.engine) as session:
            rows = session.scalars(query.order_by(*order).limit(max(1, min(limit, MAX_LIST))))
            return [to_alert(r) for r in rows]

    def open_counts(self, *, bank: str | None = None) -> tuple[int, int]:
        """(real, drill) alerts waiting for the desk."""
        query = select(CounterAlertRow.drill, func.count()).where(CounterAlertRow.state == "open")
        if bank is not None:
            query = query.where(CounterAlertRow.bank == bank_name(bank))
        with Session(self.engine) as session:
            counts = {
                bool(drill): int(n) for drill, n in session.execute(query.group_by(CounterAlertRow.drill))
            }
        return counts.get(False, 0), counts.get(True, 0)

    def history(self, alert_id: int) -> list[AuditEntry]:
        with Session(self.engine) as session:
            self._row(session, alert_id, None)
            return history(session, f"alert:{alert_id}")

    # -- the desk ----------------------------------------------------------------------------------

    def acknowledge(self, alert_id: int, *, officer: str, now: datetime | None = None) -> Alert:
        """The desk has the alert: 待接警 → 已接警 (the waiting time is measured to this moment)."""

        def change(row: CounterAlertRow, moment: datetime) -> dict[str, Any]:
            if row.state != "open":
                raise AlertConflict(f"报警 #{row.id} 已由 {row.acknowledged_by or '他人'} 接警")
            row.state, row.acknowledged_at, row.acknowledged_by = "acknowledged", moment, officer[:64]
            waited = (moment - from_db(row.raised_at)).total_seconds()
            return {"seconds_to_acknowledge": round(max(0.0, waited), 1)}

        return self._step(alert_id, officer, "acknowledged", change, now)

    def attach_case(self, alert_id: int, *, case_id: int, officer: str, now: datetime | None = None) -> Alert:
        """Attach the alert to an existing case."""

        def change(row: CounterAlertRow, moment: datetime) -> dict[str, Any]:
            self._may_link(row)
            case = session_case(row, case_id)
            row.case_id, row.case_link = case.id, "attached"
            return {"case_id": case.id, "ref": case.ref}

        return self._step(alert_id, officer, "case_attached", change, now)

    def open_case(
        self,
        alert_id: int,
        *,
        officer: str,
        fraud_type: str = "",
        district: str = "",
        narrative: str | None = None,
        now: datetime | None = None,
    ) -> Alert:
        """Open a case at the desk from the alert (pre-filled from it; the officer may correct the fraud
        type, the district and the narrative) and attach the alert to it."""
        alert = self.get(alert_id)
        with Session(self.engine) as session:
            self._may_link(self._row(session, alert_id, None))
        case_in = case_from_alert(alert, officer=officer, fraud_type=fraud_type, district=district,
                                  narrative=narrative)  # fmt: skip
        try:
            case = self.cases.create(case_in, actor=officer)
        except CaseError as exc:
            raise AlertError(str(exc)) from None

        def change(row: CounterAlertRow, moment: datetime) -> dict[str, Any]:
            if row.case_id is not None:  # another officer linked it meanwhile: say so, the new case stays
                raise AlertConflict(
                    f"报警 #{row.id} 已关联案件 #{row.case_id}；刚立的案件 #{case.id}（{case.ref}）未关联，请核对"
                )
            row.case_id, row.case_link = case.id, "opened"
            return {"case_id": case.id, "ref": case.ref}

        return self._step(alert_id, officer, "case_opened", change, now)

    def close(
        self, alert_id: int, *, outcome: str, note: str = "", officer: str, now: datetime | None = None
    ) -> Alert:
        """Record the outcome: 已接警 → 已处置."""
        if outcome not in OUTCOMES:
            raise AlertError(f"不支持的处置结果：{outcome}（可选：{', '.join(OUTCOMES)}）")
        text = clean_text(note, "outcome_note", "处置说明", required=outcome == "other")

        def change(row: CounterAlertRow, moment: datetime) -> dict[str, Any]:
            if row.state == "open":
                raise AlertConflict(f"报警 #{row.id} 尚未接警，请先接警再登记处置结果")
            if row.state == "closed":
                raise AlertConflict(f"报警 #{row.id} 已处置（{OUTCOMES.get(row.outcome, row.outcome)}）")
            if outcome == "drill_completed" and not row.drill:
                raise AlertError("真实报警不能登记为“演练结束”")
            row.state, row.outcome, row.outcome_note = "closed", outcome, text
            row.closed_at, row.closed_by = moment, officer[:64]
            return {"outcome": outcome, "note": text}

        return self._step(alert_id, officer, "closed", change, now)

    # -- helpers -----------------------------------------------------------------------------------

    @staticmethod
    def _may_link(row: CounterAlertRow) -> None:
        if row.drill:
            raise AlertConflict("演练报警不关联案件（不计入案件统计）")
        if row.state == "open":
            raise AlertConflict(f"报警 #{row.id} 尚未接警，请先接警")
        if row.case_id is not None:
            raise AlertConflict(f"报警 #{row.id} 已关联案件 #{row.case_id}")

    @staticmethod
    def _row(session: Session, alert_id: int, bank: str | None) -> CounterAlertRow:
        row = session.get(CounterAlertRow, alert_id) if fits_id(alert_id) else None
        if row is None or (bank is not None and row.bank != bank_name(bank)):
            raise AlertNotFound(f"没有编号为 {alert_id} 的柜面报警")
        return row

    def _step(
        self,
        alert_id: int,
        officer: str,
        step: str,
        change: Callable[[CounterAlertRow, datetime], dict[str, Any]],
        now: datetime | None,
    ) -> Alert:
        moment = _now(now)

        def work(session: Session) -> Alert:
            if fits_id(alert_id):  # lock the row before reading it (SQLite: the database)
                no_op = update(CounterAlertRow).where(CounterAlertRow.id == alert_id)
                session.execute(no_op.values(state=CounterAlertRow.state))
            row = self._row(session, alert_id, None)
            detail = change(row, moment)
            _audit(session, row, officer, step, moment, **detail)
            return to_alert(row)

        return append_retrying(self.engine, work)


def session_case(row: CounterAlertRow, case_id: int) -> CaseRow:
    """The case `case_id`, read in the alert row's session, or AlertNotFound."""
    session = Session.object_session(row)
    case = session.get(CaseRow, case_id) if session is not None and fits_id(case_id) else None
    if case is None:
        raise AlertNotFound(f"没有编号为 {case_id} 的案件")
    return case
