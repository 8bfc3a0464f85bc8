"""Outbound workers (外出务工人员): residents working in, or planning to go to, risky regions (广西、云南、
缅甸…), with their daily status reports (每日摸排上报) and persuasion to return (劝返) — and, when one comes
back from abroad, the returnee record made from theirs. Reads go through a `Reader` and are logged."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from fanzha.audit.log import append, append_retrying
from fanzha.returnees.access import Reader, log_read
from fanzha.returnees.ledger import MAX_ID, ReturneeIn, ReturneeLedger
from fanzha.returnees.model import (
    METHODS,
    OUTCOMES,
    STATES,
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
from fanzha.store.returnee_tables import OutboundPersuasionRow, OutboundReportRow, OutboundWorkerRow
from fanzha.timezones import from_db


@dataclass(frozen=True, slots=True)
class WorkerIn:
    name: str
    community: str
    region: str
    state: str = "away"  # planned | away
    place: str = ""
    employer: str = ""
    since: date | None = None
    id_number: str = ""
    phone: str = ""
    family_contact: str = ""
    family_phone: str = ""
    reporter: str = ""
    township: str = ""
    district: str = ""
    demo: bool = False


@dataclass(frozen=True, slots=True)
class ReportIn:
    day: date
    location: str = ""
    safe: bool = True
    in_contact: bool = True
    note: str = ""


@dataclass(slots=True)
class Report:
    id: int
    day: date
    location: str
    safe: bool
    in_contact: bool
    note: str
    reported_by: str
    reported_at: datetime


@dataclass(slots=True)
class Persuasion:
    id: int
    day: date
    method: str
    outcome: str
    note: str
    recorded_by: str


@dataclass(slots=True)
class Worker:
    id: int
    name: str
    id_number: str
    phone: str
    phone_flags: list[str]
    community: str
    township: str
    district: str
    region: str
    place: str
    employer: str
    since: date | None
    state: str
    family_contact: str
    family_phone: str
    reporter: str
    closed_on: date | None
    returnee_id: int | None
    demo: bool
    created_at: datetime
    reports: list[Report] = field(default_factory=list)  # newest first
    persuasions: list[Persuasion] = field(default_factory=list)  # newest first

    @property
    def state_name(self) -> str:
        return STATES.get(self.state, self.state)

    @property
    def last_report(self) -> Report | None:
        return self.reports[0] if self.reports else None


def _row(session: Session, worker_id: int, reader: Reader | None) -> OutboundWorkerRow:
    row = session.get(OutboundWorkerRow, worker_id) if 1 <= worker_id <= MAX_ID else None
    if row is None or (reader is not None and not reader.may_see(row.community)):
        raise ReturneeNotFound(f"没有编号为 {worker_id} 的外出务工人员")
    return row


def load_workers(
    session: Session, rows: list[OutboundWorkerRow], *, reports_since: date | None = None
) -> list[Worker]:
    ids = [r.id for r in rows]
    reports: dict[int, list[Report]] = {i: [] for i in ids}
    persuasions: dict[int, list[Persuasion]] = {i: [] for i in ids}
    if ids:
        query = select(OutboundReportRow).where(OutboundReportRow.worker_id.in_(ids))
        if reports_since is not None:
            query = query.where(OutboundReportRow.day >= reports_since)
        for p in session.scalars(query.order_by(OutboundReportRow.day.desc(), OutboundReportRow.id.desc())):
            reports[p.worker_id].append(Report(p.id, p.day, p.location, p.safe, p.in_contact, p.note,
                                               p.reported_by, from_db(p.reported_at)))  # fmt: skip
        for q in session.scalars(select(OutboundPersuasionRow).where(OutboundPersuasionRow.worker_id.in_(ids))
                                 .order_by(OutboundPersuasionRow.day.desc(), OutboundPersuasionRow.id.desc())):  # fmt: skip
            persuasions[q.worker_id].append(
                Persuasion(q.id, q.day, q.method, q.outcome, q.note, q.recorded_by)
            )
    return [
        Worker(r.id, r.name, r.id_number, r.phone, list(r.phone_flags or []), r.community, r.township, r.district,
               r.region, r.place, r.employer, r.since, r.state, r.family_contact, r.family_phone, r.reporter,
               r.closed_on, r.returnee_id, r.demo, from_db(r.created_at), reports[r.id], persuasions[r.id])
        for r in rows
    ]  # fmt: skip


class OutboundLedger:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def register(self, entry: WorkerIn, *, actor: str, now: datetime | None = None) -> int:
        now = now or now_utc()
        phone, family = phone_of(entry.phone), phone_of(entry.family_phone, "家属电话")
        if entry.state not in ("planned", "away"):
            raise ReturneeError("登记时的状态应为 planned（拟外出）或 away（在外务工）")
        row = OutboundWorkerRow(
            name=text(entry.name, "name", "姓名", required=True),
            community=text(entry.community, "community", "所在村（社区）", required=True),
            region=text(entry.region, "region", "务工省份或国家", required=True), state=entry.state,
            place=text(entry.place, "place", "具体务工地点"), employer=text(entry.employer, "employer", "务工单位"),
            since=day(entry.since, "外出日期", today=beijing_day(now) if entry.state == "away" else None),
            id_number=id_number_of(entry.id_number), phone=phone.value, phone_raw=phone.raw, phone_flags=phone.flags,
            family_contact=text(entry.family_contact, "family_contact", "家属联系人"), family_phone=family.value,
            family_phone_raw=family.raw, reporter=text(entry.reporter, "reporter", "报告人"),
            township=text(entry.township, "township", "乡镇（街道）"), district=text(entry.district, "district", "区县"),
            demo=entry.demo, created_by=actor[:64], created_at=now,
        )  # fmt: skip

        def work(session: Session) -> int:
            session.add(row)
            session.flush()
            append(session, actor=actor, action="outbound.add", subject=f"outbound:{row.id}",
                   detail={"community": row.community, "region": row.region, "state": row.state}, at=now)  # fmt: skip
            return row.id

        return append_retrying(self.engine, work)

    def report(self, worker_id: int, entry: ReportIn, *, actor: str, reader: Reader | None = None,
               now: datetime | None = None) -> Report:  # fmt: skip
        """A day's status report (the day in Beijing time, not after today)."""
        now = now or now_utc()
        on = day(entry.day, "报告日期", today=beijing_day(now))
        assert on is not None
        location, note = text(entry.location, "location", "当前所在地"), text(entry.note, "note", "情况说明")

        def work(session: Session) -> Report:
            row = _row(session, worker_id, reader)
            if row.state in ("returned", "closed") and row.closed_on is not None and on > row.closed_on:
                raise ReturneeConflict(f"该人员已于 {row.closed_on} {STATES[row.state]}，无需再报")
            new = OutboundReportRow(worker_id=worker_id, day=on, location=location, safe=entry.safe,
                                    in_contact=entry.in_contact, note=note, reported_by=actor[:64], reported_at=now)  # fmt: skip
            session.add(new)
            session.flush()
            append(session, actor=actor, action="outbound.report", subject=f"outbound:{worker_id}",
                   detail={"day": on.isoformat(), "safe": entry.safe, "in_contact": entry.in_contact}, at=now)  # fmt: skip
            return Report(new.id, on, location, entry.safe, entry.in_contact, note, new.reported_by, now)

        return append_retrying(self.engine, work)

    def persuade(self, worker_id: int, *, on: date, method: str, outcome: str, note: str = "", actor: str,
                 reader: Reader | None = None, now: datetime | None = None) -> Persuasion:  # fmt: skip
        """劝返 with its result; 已回国 marks the worker back (no reports due after that day)."""
        now = now or now_utc()
        when = day(on, "劝返日期", today=beijing_day(now))
        assert when is not None
        method, outcome = choice(method, METHODS, "劝返方式"), choice(outcome, OUTCOMES, "劝返结果")
        note = text(note, "note", "情况说明")

        def work(session: Session) -> Persuasion:
            row = _row(session, worker_id, reader)
            if row.state in ("returned", "closed"):
                raise ReturneeConflict(f"该人员已{STATES[row.state]}")
            new = OutboundPersuasionRow(worker_id=worker_id, day=when, method=method, outcome=outcome, note=note,
                                        recorded_by=actor[:64], recorded_at=now)  # fmt: skip
            session.add(new)
            if outcome == "returned":
                row.state, row.closed_on = "returned", when
            session.flush()
            append(session, actor=actor, action="outbound.persuade", subject=f"outbound:{worker_id}",
                   detail={"day": when.isoformat(), "method": method, "outcome": outcome}, at=now)  # fmt: skip
            return Persuasion(new.id, when, method, outcome, note, new.recorded_by)

        return append_retrying(self.engine, work)

    def came_back(self, worker_id: int, *, returned_on: date, how: str = "persuaded", risk_level: str = "medium",
                  risk_notes: str = "", actor: str, reader: Reader | None = None, now: datetime | None = None) -> int:  # fmt: skip
        """A worker back from a risky region abroad becomes a returnee (their details carried over); the
        returnee's id. The worker is marked back from `returned_on` on."""
        now = now or now_utc()
        with Session(self.engine) as session:
            row = _row(session, worker_id, reader)
            if row.returnee_id is not None:
                raise ReturneeConflict(f"该人员已登记为回流人员（编号 {row.returnee_id}）")
            entry = ReturneeIn(name=row.name, community=row.community, returned_on=returned_on, how=how,
                               risk_level=risk_level, id_number=row.id_number, phone=row.phone_raw or row.phone,
                               township=row.township, district=row.district, from_country=row.region,
                               from_city=row.place, risk_notes=risk_notes or f"外出务工人员（{row.region}）返乡",
                               demo=row.demo)  # fmt: skip
        returnee_id = ReturneeLedger(self.engine).register(entry, actor=actor, outbound_id=worker_id, now=now)

        def work(session: Session) -> None:
            row = _row(session, worker_id, None)
            row.returnee_id, row.state = returnee_id, "returned"
            row.closed_on = row.closed_on or returned_on
            append(session, actor=actor, action="outbound.came_back", subject=f"outbound:{worker_id}",
                   detail={"returnee": returnee_id}, at=now)  # fmt: skip

        append_retrying(self.engine, work)
        return returnee_id

    def view(self, worker_id: int, *, reader: Reader) -> Worker:
        def work(session: Session) -> Worker:
            row = _row(session, worker_id, reader)
            log_read(session, reader=reader, kind="outbound", record_id=row.id)
            return load_workers(session, [row])[0]

        return append_retrying(self.engine, work)

    def workers(self, *, reader: Reader, states: tuple[str, ...] | None = ("planned", "away"), limit: int = 1000,
                reports_since: date | None = None, log: bool = True) -> list[Worker]:  # fmt: skip
        def work(session: Session) -> list[Worker]:
            query = select(OutboundWorkerRow).order_by(OutboundWorkerRow.id).limit(limit)
            if reader.community is not None:
                query = query.where(OutboundWorkerRow.community == reader.community)
            if states:
                query = query.where(OutboundWorkerRow.state.in_(states))
            found = load_workers(session, list(session.scalars(query)), reports_since=reports_since)
            if log:
                log_read(session, reader=reader, kind="outbound", records=[w.id for w in found])
            return found

        return append_retrying(self.engine, work)
