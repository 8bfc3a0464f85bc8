"""The public case library (典型案例库): the typical cases an officer chose — those of the issued bulletins
(警情通报, `fanzha.reports.issue`: the officer reviews the draft's 典型案例 and issues the ones they keep),
in the wording the officer published, masked as the bulletins mask them (`fanzha.reports.typical` /
`redact`: names, phones, accounts, addresses, plates, work units; ID numbers removed; links defanged).

No other desk case is public: not a case merely typed in, nor one opened from a warning task (预警任务,
已受骗), unless an officer chose it for a bulletin. Synthetic (demo) cases are shown only with the label
【演示数据】."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Engine, func, select

from fanzha.outreach.model import DEMO_LABEL
from fanzha.reports.formats import money
from fanzha.reports.typical import typical_case
from fanzha.store.case_tables import CaseRow
from fanzha.store.report_tables import BulletinRow

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
    source: str  # 警情通报 2026-W47: the bulletin that published it
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


def _where(chosen: list[int], fraud_type: str | None) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = [CaseRow.id.in_(chosen)]
    if fraud_type:
        conds.append(CaseRow.fraud_type == fraud_type)
    return conds


def count_cases(engine: Engine, *, fraud_type: str | None = None) -> int:
    chosen = list(_published(engine))
    if not chosen:
        return 0
    with engine.connect() as conn:
        stmt = select(func.count()).select_from(CaseRow).where(*_where(chosen, fraud_type))
        return int(conn.execute(stmt).scalar_one())


def library(
    engine: Engine, *, fraud_type: str | None = None, limit: int = 20, offset: int = 0
) -> list[LibraryCase]:
    """A page of the library, latest first (of `fraud_type` when given; unknown types give nothing)."""
    limit = max(1, min(PAGE_MAX, limit))
    published = _published(engine)
    if not published:
        return []
    stmt = (
        select(*_COLUMNS)
        .where(*_where(list(published), fraud_type))
        .order_by(CaseRow.received_at.desc(), CaseRow.id.desc())
        .limit(limit)
        .offset(max(0, offset))
    )
    with engine.connect() as conn:
        rows = conn.execute(stmt).all()
    out = []
    for row in rows:
        period, text = published[row.id]
        case = typical_case(row, text or None)
        labelled = not row.synthetic or case.text.startswith(DEMO_LABEL)
        shown = case.text if labelled else f"{DEMO_LABEL}{case.text}"
        out.append(
            LibraryCase(
                case.fraud_type, case.name, case.day, case.district, money(row.loss_fen), case.dissuaded, shown,
                case.advice, f"警情通报 {period}", bool(row.synthetic),
            )
        )  # fmt: skip
    return out
