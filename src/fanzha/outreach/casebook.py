"""The public case library (典型案例库): typical cases from the desk, masked as the bulletins mask them
(`fanzha.reports.typical` / `redact`: names, phones, accounts, addresses, plates, work units; ID numbers
removed; links defanged). Cases published in an issued bulletin keep the wording the officer published.
Synthetic (demo) cases are shown only with the label 【演示数据】."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Engine, func, select

from fanzha.outreach.model import DEMO_LABEL
from fanzha.reports.formats import money
from fanzha.reports.typical import typical_case
from fanzha.store.case_tables import CaseRow
from fanzha.store.report_tables import BulletinRow
from fanzha.taxonomy import load_taxonomy

MIN_NARRATIVE = 30  # shorter narratives tell a reader nothing
PAGE_MAX = 50
_COLUMNS = (
    CaseRow.id, CaseRow.fraud_type, CaseRow.received_at, CaseRow.district, CaseRow.loss_fen,
    CaseRow.dissuaded, CaseRow.narrative, CaseRow.persons, CaseRow.synthetic,
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class LibraryCase:
    fraud_type: str
    name: str
    day: str
    district: str
    loss: str
    dissuaded: bool
    text: str  # masked
    advice: str
    source: str  # 警情通报 2026-W47 | 案件库
    synthetic: bool

    def to_dict(self) -> dict[str, object]:
        return {
            "fraud_type": self.fraud_type, "name": self.name, "day": self.day, "district": self.district,
            "loss": self.loss, "dissuaded": self.dissuaded, "text": self.text, "advice": self.advice,
            "source": self.source, "synthetic": self.synthetic,
        }  # fmt: skip


def _published(engine: Engine) -> dict[int, tuple[str, str]]:
    """case id → (bulletin period, text as published)."""
    out: dict[int, tuple[str, str]] = {}
    with engine.connect() as conn:
        for period, typical in conn.execute(select(BulletinRow.period, BulletinRow.typical)):
            for t in typical or []:
                out.setdefault(int(str(t["case_id"])), (period, str(t["text"])))
    return out


def _where(fraud_type: str | None) -> list[ColumnElement[bool]]:
    codes = list(load_taxonomy().codes)
    conds: list[ColumnElement[bool]] = [
        CaseRow.fraud_type.in_(codes),
        func.length(CaseRow.narrative) >= MIN_NARRATIVE,
    ]
    if fraud_type:
        conds.append(CaseRow.fraud_type == fraud_type)
    return conds


def count_cases(engine: Engine, *, fraud_type: str | None = None) -> int:
    with engine.connect() as conn:
        return int(
            conn.execute(select(func.count()).select_from(CaseRow).where(*_where(fraud_type))).scalar_one()
        )


def library(
    engine: Engine, *, fraud_type: str | None = None, limit: int = 20, offset: int = 0
) -> list[LibraryCase]:
    """A page of the library, latest first (of `fraud_type` when given; unknown types give nothing)."""
    limit = max(1, min(PAGE_MAX, limit))
    published = _published(engine)
    stmt = (
        select(*_COLUMNS)
        .where(*_where(fraud_type))
        .order_by(CaseRow.received_at.desc(), CaseRow.id.desc())
        .limit(limit)
        .offset(max(0, offset))
    )
    with engine.connect() as conn:
        rows = conn.execute(stmt).all()
    out = []
    for row in rows:
        period, text = published.get(row.id, ("", ""))
        case = typical_case(row, text or None)
        shown = f"{DEMO_LABEL}{case.text}" if row.synthetic else case.text
        out.append(
            LibraryCase(
                case.fraud_type, case.name, case.day, case.district, money(row.loss_fen), case.dissuaded, shown,
                case.advice, f"警情通报 {period}" if period else "案件库", bool(row.synthetic),
            )
        )  # fmt: skip
    return out
