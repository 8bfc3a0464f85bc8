"""Tables of the returnee ledger (`fanzha.returnees`): 涉诈回流人员 with their 双岗分包 pair (a village cadre
and a police officer, and their supervisor) and weekly meetings; residents working in or bound for risky
regions (外出务工人员) with their daily reports and persuasion to return; the door-to-door survey's register
of households; and the log of every read of a returnee's or outbound worker's record.

Nothing here is deleted: control is lifted with a reason, an assignment ends when the next begins."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fanzha.store.tables import Base


class ReturneeRow(Base):
    """A returnee: who, from where, how they came back, the risk, and whether control still runs."""

    __tablename__ = "returnees"
    __table_args__ = (
        Index("ix_returnees_community", "community", "status"),
        Index("ix_returnees_id_number", "id_number"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    id_number: Mapped[str] = mapped_column(String(32), default="")  # upper case, no spaces
    phone: Mapped[str] = mapped_column(String(64), default="")  # canonical (fanzha.extract.canonical)
    phone_raw: Mapped[str] = mapped_column(String(128), default="")
    phone_flags: Mapped[list[str]] = mapped_column(JSON, default=list)
    sex: Mapped[str] = mapped_column(String(8), default="")  # 男 | 女 | ""
    age: Mapped[int | None] = mapped_column(Integer, default=None)
    address: Mapped[str] = mapped_column(String(200), default="")
    community: Mapped[str] = mapped_column(String(64))  # village or community (a community key's label)
    township: Mapped[str] = mapped_column(String(64), default="")
    district: Mapped[str] = mapped_column(String(64), default="")
    returned_on: Mapped[date] = mapped_column(Date)
    from_country: Mapped[str] = mapped_column(String(32), default="")
    from_region: Mapped[str] = mapped_column(String(64), default="")
    from_city: Mapped[str] = mapped_column(String(64), default="")
    how: Mapped[str] = mapped_column(String(16))  # deported | self | persuaded | other
    risk_level: Mapped[str] = mapped_column(String(8))  # high | medium | low
    risk_notes: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="active")  # active | lifted
    lifted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    lifted_by: Mapped[str] = mapped_column(String(64), default="")
    lift_reason: Mapped[str] = mapped_column(Text, default="")
    outbound_id: Mapped[int | None] = mapped_column(
        ForeignKey("outbound_workers.id", ondelete="SET NULL"), default=None
    )
    demo: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ReturneeAssignmentRow(Base):
    """双岗分包: the cadre and the officer who look after a returnee, and their supervisor. A reassignment
    ends the current row (`ended_at`) and starts a new one: the history is kept."""

    __tablename__ = "returnee_assignments"
    __table_args__ = (Index("ix_returnee_assignments_returnee", "returnee_id", "ended_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    returnee_id: Mapped[int] = mapped_column(ForeignKey("returnees.id", ondelete="CASCADE"))
    cadre: Mapped[str] = mapped_column(String(64))
    cadre_phone: Mapped[str] = mapped_column(String(64), default="")
    officer: Mapped[str] = mapped_column(String(64))
    officer_phone: Mapped[str] = mapped_column(String(64), default="")
    supervisor: Mapped[str] = mapped_column(String(64), default="")
    supervisor_phone: Mapped[str] = mapped_column(String(64), default="")
    assigned_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    assigned_by: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text, default="")
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)


class ReturneeMeetingRow(Base):
    """A weekly meeting with a returnee: the day (Beijing), who came, where, what was found, what is next."""

    __tablename__ = "returnee_meetings"
    __table_args__ = (Index("ix_returnee_meetings_returnee", "returnee_id", "met_on"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    returnee_id: Mapped[int] = mapped_column(ForeignKey("returnees.id", ondelete="CASCADE"))
    met_on: Mapped[date] = mapped_column(Date)
    cadre: Mapped[str] = mapped_column(String(64), default="")  # who attended; "" = absent
    officer: Mapped[str] = mapped_column(String(64), default="")
    place: Mapped[str] = mapped_column(String(200), default="")
    findings: Mapped[str] = mapped_column(Text, default="")
    next_steps: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class OutboundWorkerRow(Base):
    """A resident working in, or planning to go to, a risky region (广西、云南、缅甸…)."""

    __tablename__ = "outbound_workers"
    __table_args__ = (Index("ix_outbound_workers_community", "community", "state"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    id_number: Mapped[str] = mapped_column(String(32), default="")
    phone: Mapped[str] = mapped_column(String(64), default="")
    phone_raw: Mapped[str] = mapped_column(String(128), default="")
    phone_flags: Mapped[list[str]] = mapped_column(JSON, default=list)
    community: Mapped[str] = mapped_column(String(64))
    township: Mapped[str] = mapped_column(String(64), default="")
    district: Mapped[str] = mapped_column(String(64), default="")
    region: Mapped[str] = mapped_column(String(32))  # 广西 | 云南 | 缅甸 | …
    place: Mapped[str] = mapped_column(String(200), default="")  # where exactly
    employer: Mapped[str] = mapped_column(String(200), default="")
    since: Mapped[date | None] = mapped_column(Date, default=None)
    state: Mapped[str] = mapped_column(String(16))  # planned | away | returned | closed
    family_contact: Mapped[str] = mapped_column(String(64), default="")
    family_phone: Mapped[str] = mapped_column(String(64), default="")
    family_phone_raw: Mapped[str] = mapped_column(String(128), default="")
    reporter: Mapped[str] = mapped_column(String(64), default="")  # who reports daily
    closed_on: Mapped[date | None] = mapped_column(Date, default=None)  # reports due up to this day
    returnee_id: Mapped[int | None] = mapped_column(Integer, default=None)
    demo: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class OutboundReportRow(Base):
    """A day's status report on an outbound worker (the day in Beijing time)."""

    __tablename__ = "outbound_reports"
    __table_args__ = (Index("ix_outbound_reports_worker", "worker_id", "day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("outbound_workers.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    location: Mapped[str] = mapped_column(String(200), default="")
    safe: Mapped[bool] = mapped_column(Boolean, default=True)
    in_contact: Mapped[bool] = mapped_column(Boolean, default=True)
    note: Mapped[str] = mapped_column(Text, default="")
    reported_by: Mapped[str] = mapped_column(String(64))
    reported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class OutboundPersuasionRow(Base):
    """劝返: an attempt to persuade an outbound worker to come home, and its result."""

    __tablename__ = "outbound_persuasions"
    __table_args__ = (Index("ix_outbound_persuasions_worker", "worker_id", "day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("outbound_workers.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(16))  # phone | visit | family | video
    outcome: Mapped[str] = mapped_column(String(16))  # agreed | returned | refused | lost
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class SurveyHouseholdRow(Base):
    """A household in the door-to-door survey's register (村 → 组 → 户 → 人): known from the register,
    surveyed when `surveyed_at` is set, with the members met and where those away work."""

    __tablename__ = "survey_households"
    __table_args__ = (Index("ix_survey_households_place", "community", "grp", "household"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    community: Mapped[str] = mapped_column(String(64))  # the village (or community)
    township: Mapped[str] = mapped_column(String(64), default="")
    grp: Mapped[str] = mapped_column(String(64))  # the group (组) or building (楼栋)
    household: Mapped[str] = mapped_column(String(64))  # the household's number or its head's name
    address: Mapped[str] = mapped_column(String(200), default="")
    registered_members: Mapped[int] = mapped_column(Integer, default=0)  # from the register; 0 = unknown
    members: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    surveyed_on: Mapped[date | None] = mapped_column(Date, default=None)
    surveyed_by: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    demo: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ReturneeAccessRow(Base):
    """One read of a returnee's or outbound worker's record (or of a list of them): who, in what role,
    when, which record, and through which view."""

    __tablename__ = "returnee_access"
    __table_args__ = (Index("ix_returnee_access_record", "record_kind", "record_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))
    record_kind: Mapped[str] = mapped_column(String(16))  # returnee | outbound
    record_id: Mapped[int | None] = mapped_column(Integer, default=None)  # None: a list
    records: Mapped[list[int]] = mapped_column(JSON, default=list)  # a list's records
    view: Mapped[str] = mapped_column(String(32))  # api.detail | page.detail | cli.show | api.list …
