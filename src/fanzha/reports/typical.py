"""The typical cases (典型案例) of a bulletin: chosen from the period's cases, or by an officer, and printed
with the narrative (or the officer's wording) masked (`fanzha.reports.redact`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, select

from fanzha.reports.periods import Period, local_date
from fanzha.reports.redact import redact
from fanzha.store.case_tables import CaseRow
from fanzha.taxonomy import load_taxonomy
from fanzha.taxonomy.codes import fraud_type_name, is_fraud_type


class BulletinCasesError(ValueError):
    """Typical cases asked for that the period does not hold; the message is for the officer."""


@dataclass(slots=True)
class TypicalCase:
    case_id: int  # for the console's link; never printed in the bulletin
    fraud_type: str
    name: str
    day: str  # 11月17日
    district: str
    loss_yuan: float
    dissuaded: bool
    text: str  # the narrative, personal data masked
    advice: str


_COLUMNS = (
    CaseRow.id,
    CaseRow.fraud_type,
    CaseRow.received_at,
    CaseRow.district,
    CaseRow.loss_fen,
    CaseRow.dissuaded,
    CaseRow.narrative,
    CaseRow.persons,
)


def typical_rows(engine: Engine, period: Period, codes: list[str], limit: int) -> list[Any]:
    """The largest loss of each of the first `limit` fraud types of `codes` (codes the taxonomy does not
    know are skipped), and one dissuaded case."""
    start, end = period.utc_range()
    in_period = (CaseRow.received_at >= start, CaseRow.received_at < end)
    codes = [c for c in codes if is_fraud_type(c)]
    rows: list[Any] = []
    with engine.connect() as conn:
        for code in codes[:limit]:
            stmt = select(*_COLUMNS).where(
                *in_period, CaseRow.fraud_type == code, CaseRow.dissuaded.is_(False)
            )
            row = conn.execute(stmt.order_by(CaseRow.loss_fen.desc(), CaseRow.id).limit(1)).first()
            if row is not None:
                rows.append(row)
        stopped = select(*_COLUMNS).where(
            *in_period, CaseRow.dissuaded.is_(True), CaseRow.fraud_type.in_(codes)
        )
        row = conn.execute(stopped.order_by(CaseRow.id).limit(1)).first()
        if row is not None:
            rows.append(row)
    return rows


def chosen_rows(engine: Engine, period: Period, case_ids: Sequence[int]) -> list[Any]:
    """The cases an officer chose as typical, in the order given; BulletinCasesError for one the period
    does not hold."""
    if any(isinstance(i, bool) or not isinstance(i, int) for i in case_ids):
        raise BulletinCasesError(f"案件编号应为整数：{', '.join(str(i)[:20] for i in case_ids)[:200]}")
    start, end = period.utc_range()
    with engine.connect() as conn:
        found = {
            row.id: row
            for row in conn.execute(
                select(*_COLUMNS).where(
                    CaseRow.id.in_(list(case_ids)), CaseRow.received_at >= start, CaseRow.received_at < end
                )
            )
        }
    missing = [i for i in case_ids if i not in found]
    if missing:
        raise BulletinCasesError(f"案件 {', '.join(map(str, missing))} 不在{period.title}（{period.span}）内")
    return [found[i] for i in dict.fromkeys(case_ids)]


def typical_case(row: Any, text: str | None = None) -> TypicalCase:
    """A typical case as printed: `text` (an officer's wording) or the narrative, either masked."""
    persons = row.persons or {}
    names = [str((persons.get(who) or {}).get("name") or "") for who in ("victim", "reporter")]
    known = is_fraud_type(row.fraud_type)
    local = local_date(row.received_at)
    return TypicalCase(
        row.id,
        row.fraud_type,
        fraud_type_name(row.fraud_type),
        f"{local.month}月{local.day}日",
        row.district or "未填写",
        row.loss_fen / 100,
        bool(row.dissuaded),
        redact(text if text is not None else row.narrative, names=names),
        load_taxonomy().get(row.fraud_type).advice if known else "",
    )
