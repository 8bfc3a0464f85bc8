"""The returnee ledger (涉诈回流人员台账): register a returnee, assign and reassign the 双岗分包 pair (a
village cadre and a police officer, with their supervisor), record the weekly meetings, lift control with a
reason. Every change is in the audit log; every read goes through a `Reader` and is logged
(`fanzha.returnees.access`). A returnee whose ID number is on the desk's key-person ledger is linked to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from fanzha.audit.log import append, append_retrying
from fanzha.returnees.access import Reader, log_read
from fanzha.returnees.model import (
    HOW,
    RISK,
    SEX,
    Assignment,
    Meeting,
    Returnee,
    ReturneeConflict,
    ReturneeError,
    ReturneeNotFound,
    beijing_day,
    choice,
    day,
    id_number_of,
    now_utc,
    phone_of,
    text,
)
from fanzha.store.case_tables import KeyPersonRow
from fanzha.store.returnee_tables import ReturneeAssignmentRow, ReturneeMeetingRow, ReturneeRow
from fanzha.timezones import from_db

MAX_ID = 2**31 - 1


@dataclass(frozen=True, slots=True)
class ReturneeIn:
    name: str
    community: str
    returned_on: date
    how: str = "self"
    risk_level: str = "medium"
    id_number: str = ""
    phone: str = ""
    sex: str = ""
    age: int | None = None
    address: str = ""
    township: str = ""
    district: str = ""
    from_country: str = ""
    from_region: str = ""
    from_city: str = ""
    risk_notes: str = ""
    demo: bool = False


@dataclass(frozen=True, slots=True)
class PairIn:
    """双岗分包: the cadre and the officer, their phones, and the supervisor both answer to."""

    cadre: str
    officer: str
    cadre_phone: str = ""
    officer_phone: str = ""
    supervisor: str = ""
    supervisor_phone: str = ""
    reason: str = ""


@dataclass(frozen=True, slots=True)
class MeetingIn:
    met_on: date
    cadre: str = ""
    officer: str = ""
    place: str = ""
    findings: str = ""
    next_steps: str = ""


def _row(session: Session, returnee_id: int) -> ReturneeRow:
    row = session.get(ReturneeRow, returnee_id) if 1 <= returnee_id <= MAX_ID else None
    if row is None:
        raise ReturneeNotFound(f"没有编号为 {returnee_id} 的回流人员")
    return row


def _assignment(r: ReturneeAssignmentRow) -> Assignment:
    return Assignment(r.id, r.cadre, r.cadre_phone, r.officer, r.officer_phone, r.supervisor,
                      r.supervisor_phone, from_db(r.assigned_at), r.assigned_by, r.reason, from_db(r.ended_at))  # fmt: skip


def _meeting(m: ReturneeMeetingRow) -> Meeting:
    return Meeting(m.id, m.met_on, m.cadre, m.officer, m.place, m.findings, m.next_steps, m.recorded_by,
                   from_db(m.recorded_at))  # fmt: skip


def load(session: Session, rows: list[ReturneeRow]) -> list[Returnee]:
    """Records with their assignments, meetings and key-person link (three queries for any number)."""
    ids = [r.id for r in rows]
    if not ids:
        return []
    pairs: dict[int, list[Assignment]] = {i: [] for i in ids}
    for a in session.scalars(select(ReturneeAssignmentRow).where(ReturneeAssignmentRow.returnee_id.in_(ids))
                             .order_by(ReturneeAssignmentRow.id)):  # fmt: skip
        pairs[a.returnee_id].append(_assignment(a))
    met: dict[int, list[Meeting]] = {i: [] for i in ids}
    for m in session.scalars(select(ReturneeMeetingRow).where(ReturneeMeetingRow.returnee_id.in_(ids))
                             .order_by(ReturneeMeetingRow.met_on.desc(), ReturneeMeetingRow.id.desc())):  # fmt: skip
        met[m.returnee_id].append(_meeting(m))
    numbers = {r.id_number for r in rows if r.id_number}
    persons: dict[str, int] = {}
    if numbers:
        stmt = select(KeyPersonRow.id_number, KeyPersonRow.id).where(KeyPersonRow.id_number.in_(numbers))
        persons = {number: person for number, person in session.execute(stmt)}
    found = []
    for r in rows:
        current = next((a for a in reversed(pairs[r.id]) if a.ended_at is None), None)
        found.append(Returnee(
            r.id, r.name, r.id_number, r.phone, r.phone_raw, list(r.phone_flags or []), r.sex, r.age, r.address,
            r.community, r.township, r.district, r.returned_on, r.from_country, r.from_region, r.from_city,
            r.how, r.risk_level, r.risk_notes, r.status, from_db(r.lifted_at), r.lifted_by, r.lift_reason, r.outbound_id,
            r.demo, r.created_by, from_db(r.created_at), current, pairs[r.id], met[r.id], persons.get(r.id_number),
        ))  # fmt: skip
    return found


class ReturneeLedger:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def register(self, entry: ReturneeIn, *, actor: str, outbound_id: int | None = None,
                 now: datetime | None = None) -> int:  # fmt: skip
        """Add a returnee to the ledger (under control from now on); the new record's id."""
        now = now or now_utc()
        phone = phone_of(entry.phone)
        if entry.age is not None and not 0 <= entry.age <= 130:
            raise ReturneeError(f"年龄 {entry.age} 不在 0–130 之间")
        row = ReturneeRow(
            name=text(entry.name, "name", "姓名", required=True),
            community=text(entry.community, "community", "所在村（社区）", required=True),
            returned_on=day(entry.returned_on, "回流日期", today=beijing_day(now)),
            how=choice(entry.how, HOW, "回流方式"), risk_level=choice(entry.risk_level, RISK, "风险等级"),
            id_number=id_number_of(entry.id_number), phone=phone.value, phone_raw=phone.raw,
            phone_flags=phone.flags, sex=choice(entry.sex, SEX, "性别"), age=entry.age,
            address=text(entry.address, "address", "住址"), township=text(entry.township, "township", "乡镇（街道）"),
            district=text(entry.district, "district", "区县"),
            from_country=text(entry.from_country, "from_country", "回流国家"),
            from_region=text(entry.from_region, "from_region", "回流地区"),
            from_city=text(entry.from_city, "from_city", "回流城市"),
            risk_notes=text(entry.risk_notes, "risk_notes", "风险说明"), status="active", outbound_id=outbound_id,
            demo=entry.demo, created_by=actor[:64], created_at=now,
        )  # fmt: skip

        def work(session: Session) -> int:
            session.add(row)
            session.flush()
            append(session, actor=actor, action="returnee.add", subject=f"returnee:{row.id}",
                   detail={"community": row.community, "risk": row.risk_level}, at=now)  # fmt: skip
            return row.id

        return append_retrying(self.engine, work)

    def assign(self, returnee_id: int, pair: PairIn, *, actor: str, reader: Reader | None = None,
               now: datetime | None = None) -> Assignment:  # fmt: skip
        """双岗分包: give the returnee a cadre and an officer (ending the current pair, kept in the history)."""
        now = now or now_utc()
        cadre, officer = (
            text(pair.cadre, "cadre", "包村干部", required=True),
            text(pair.officer, "officer", "包案民警", required=True),
        )
        phones = [phone_of(p, w).value for p, w in ((pair.cadre_phone, "干部电话"), (pair.officer_phone, "民警电话"),
                                                     (pair.supervisor_phone, "负责人电话"))]  # fmt: skip
        supervisor = text(pair.supervisor, "supervisor", "负责人")
        reason = text(pair.reason, "reason", "调整原因")

        def work(session: Session) -> Assignment:
            row = _row(session, returnee_id)
            if reader is not None:
                reader.check(row.community, "回流人员")
            if row.status != "active":
                raise ReturneeConflict("该回流人员已解除管控，不再分包")
            current = session.scalars(select(ReturneeAssignmentRow).where(
                ReturneeAssignmentRow.returnee_id == returnee_id, ReturneeAssignmentRow.ended_at.is_(None))).all()  # fmt: skip
            for old in current:
                old.ended_at = now
            new = ReturneeAssignmentRow(returnee_id=returnee_id, cadre=cadre, cadre_phone=phones[0], officer=officer,
                                        officer_phone=phones[1], supervisor=supervisor, supervisor_phone=phones[2],
                                        assigned_at=now, assigned_by=actor[:64], reason=reason)  # fmt: skip
            session.add(new)
            session.flush()
            append(session, actor=actor, action="returnee.assign", subject=f"returnee:{returnee_id}",
                   detail={"cadre": cadre, "officer": officer, "supervisor": supervisor,
                           "reassigned": bool(current)}, at=now)  # fmt: skip
            return _assignment(new)

        return append_retrying(self.engine, work)

    def meet(self, returnee_id: int, meeting: MeetingIn, *, actor: str, reader: Reader | None = None,
             now: datetime | None = None) -> Meeting:  # fmt: skip
        """Record a weekly meeting (the day in Beijing time, not after today)."""
        now = now or now_utc()
        met_on = day(meeting.met_on, "会面日期", today=beijing_day(now))
        assert met_on is not None
        fields = dict(cadre=text(meeting.cadre, "cadre", "到场干部"), officer=text(meeting.officer, "officer", "到场民警"),
                      place=text(meeting.place, "place", "会面地点"), findings=text(meeting.findings, "findings", "了解情况"),
                      next_steps=text(meeting.next_steps, "next_steps", "下一步措施"))  # fmt: skip
        if not fields["cadre"] and not fields["officer"]:
            raise ReturneeError("请填写到场的包村干部或民警（至少一人）")

        def work(session: Session) -> Meeting:
            row = _row(session, returnee_id)
            if reader is not None:
                reader.check(row.community, "回流人员")
            if row.status != "active":
                raise ReturneeConflict("该回流人员已解除管控，无需再记录会面")
            if met_on < row.returned_on:
                raise ReturneeError(f"会面日期（{met_on}）早于回流日期（{row.returned_on}）")
            new = ReturneeMeetingRow(returnee_id=returnee_id, met_on=met_on, recorded_by=actor[:64],
                                     recorded_at=now, **fields)  # fmt: skip
            session.add(new)
            session.flush()
            append(session, actor=actor, action="returnee.meet", subject=f"returnee:{returnee_id}",
                   detail={"met_on": met_on.isoformat()}, at=now)  # fmt: skip
            return _meeting(new)

        return append_retrying(self.engine, work)

    def lift(self, returnee_id: int, *, reason: str, actor: str, now: datetime | None = None) -> None:
        """解除管控 with a reason (officers only, in the API); a lifted returnee is never overdue."""
        now = now or now_utc()
        reason = text(reason, "reason", "解除管控理由", required=True)

        def work(session: Session) -> None:
            row = _row(session, returnee_id)
            if row.status != "active":
                raise ReturneeConflict("该回流人员已解除管控")
            row.status, row.lifted_at, row.lifted_by, row.lift_reason = "lifted", now, actor[:64], reason
            append(session, actor=actor, action="returnee.lift", subject=f"returnee:{returnee_id}",
                   detail={"reason": reason[:200]}, at=now)  # fmt: skip

        append_retrying(self.engine, work)

    def view(self, returnee_id: int, *, reader: Reader) -> Returnee:
        """The full record (ID number and phone unmasked), the read logged."""

        def work(session: Session) -> Returnee:
            row = _row(session, returnee_id)
            reader.check(row.community, "回流人员")
            log_read(session, reader=reader, kind="returnee", record_id=row.id)
            return load(session, [row])[0]

        return append_retrying(self.engine, work)

    def records(self, *, reader: Reader, status: str | None = "active", limit: int = 500,
                log: bool = True) -> list[Returnee]:  # fmt: skip
        """The records the reader may see, full; callers that show them mask them (`Returnee.masked`).
        The list read is logged (with the ids it returned) unless `log` is False (counts only)."""

        def work(session: Session) -> list[Returnee]:
            query = select(ReturneeRow).order_by(ReturneeRow.id).limit(limit)
            if reader.community is not None:
                query = query.where(ReturneeRow.community == reader.community)
            if status:
                query = query.where(ReturneeRow.status == status)
            found = load(session, list(session.scalars(query)))
            if log:
                log_read(session, reader=reader, kind="returnee", records=[r.id for r in found])
            return found

        return append_retrying(self.engine, work)
