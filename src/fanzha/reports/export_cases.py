"""The cases export: one row per case (its payments and identifiers summarised in a cell each), and, in
Excel, a sheet with one row per payment and one with one row per identifier.

The filters and the order are the case list's (`fanzha.cases.listing`: `CaseFilter`, `CaseOrder`;
newest first by default).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from sqlalchemy import ColumnElement, Engine, select
from sqlalchemy.orm import Session

from fanzha.cases.listing import NEWEST, CaseFilter, CaseOrder
from fanzha.cases.model import CHANNELS, PAYMENT_CHANNELS, STATUS_NAMES
from fanzha.extract.canonical import flags_of
from fanzha.extract.registry import KIND_NAMES
from fanzha.reports.exports import BATCH, Column, Export, Lazy, Table, beijing, yes, yuan
from fanzha.store.case_tables import CaseIdentifierRow, CasePaymentRow, CaseRow
from fanzha.store.paging import count_where
from fanzha.taxonomy.loader import load_taxonomy

IDENT_NAMES = {**KIND_NAMES, "app": "APP"}
CASE_COLUMNS = (
    Column("案件编号", 18), Column("接警时间", 17), Column("发案时间", 17), Column("接警单位", 14),
    Column("辖区", 12), Column("发案地点", 16), Column("接触渠道", 10), Column("诈骗类型", 16),
    Column("损失（元）", 14, money=True), Column("劝阻成功", 8), Column("受害人", 10), Column("年龄", 6),
    Column("性别", 6), Column("报警人", 10), Column("与受害人关系", 10), Column("状态", 12),
    Column("串并组", 8), Column("转账笔数", 8), Column("转账明细", 60), Column("涉案线索", 60),
    Column("承办民警", 12), Column("演示数据", 8), Column("简要案情", 80), Column("系统编号", 8),
)  # fmt: skip
PAYMENT_COLUMNS = (
    Column("案件编号", 18), Column("转账时间", 17), Column("金额（元）", 14, money=True), Column("渠道", 12),
    Column("付款账户", 24), Column("收款账户", 24), Column("收款银行", 16),
)  # fmt: skip
IDENT_COLUMNS = (
    Column("案件编号", 18), Column("类型", 10), Column("线索（规范形式）", 32), Column("原文", 32),
    Column("提示", 20), Column("已确认", 8),
)  # fmt: skip


def _identifier(kind: str, value: str) -> str:
    flags = flags_of(kind, value)
    return f"{IDENT_NAMES.get(kind, kind)} {value}" + (f"（{'、'.join(flags)}）" if flags else "")


def _payment(p: CasePaymentRow) -> str:
    parts = [beijing(p.paid_at), PAYMENT_CHANNELS.get(p.channel, p.channel), f"{p.amount_fen / 100:.2f}元"]
    if p.to_account:
        parts.append(f"→ {p.to_account}" + (f"（{p.to_bank}）" if p.to_bank else ""))
    return " ".join(part for part in parts if part)


def _person(persons: dict[str, Any], who: str) -> dict[str, Any]:
    found = persons.get(who) if isinstance(persons, dict) else None
    return found if isinstance(found, dict) else {}


def _case_rows(engine: Engine, where: list[ColumnElement[bool]], order: CaseOrder) -> Iterator[list[Any]]:
    types = {t.code: t.name for t in load_taxonomy().types}
    with Session(engine) as session:
        result = session.scalars(
            select(CaseRow).where(*where).order_by(*order.terms()).execution_options(yield_per=BATCH)
        )
        for chunk in result.partitions(BATCH):
            ids = [r.id for r in chunk]
            payments: dict[int, list[CasePaymentRow]] = defaultdict(list)
            for p in session.scalars(
                select(CasePaymentRow).where(CasePaymentRow.case_id.in_(ids)).order_by(CasePaymentRow.id)
            ):
                payments[p.case_id].append(p)
            idents: dict[int, list[str]] = defaultdict(list)
            for case_id, kind, value in session.execute(
                select(CaseIdentifierRow.case_id, CaseIdentifierRow.kind, CaseIdentifierRow.value)
                .where(CaseIdentifierRow.case_id.in_(ids))
                .order_by(CaseIdentifierRow.id)
            ):
                idents[case_id].append(_identifier(kind, value))
            for r in chunk:
                victim, reporter = _person(r.persons, "victim"), _person(r.persons, "reporter")
                paid = payments.get(r.id, [])
                yield [
                    r.ref, beijing(r.received_at), beijing(r.occurred_at), r.desk, r.district, r.place,
                    CHANNELS.get(r.contact_channel, r.contact_channel), types.get(r.fraud_type, r.fraud_type),
                    yuan(r.loss_fen), yes(r.dissuaded), victim.get("name") or "",
                    victim.get("age") if victim.get("age") is not None else r.victim_age,
                    victim.get("sex") or r.victim_sex, reporter.get("name") or "", reporter.get("relation") or "",
                    STATUS_NAMES.get(r.status, r.status), r.group_id, len(paid),
                    "；".join(_payment(p) for p in paid), "；".join(idents.get(r.id, [])), r.officer,
                    yes(r.synthetic), r.narrative, r.id,
                ]  # fmt: skip


def _with_case_ref(
    engine: Engine,
    where: list[ColumnElement[bool]],
    order: CaseOrder,
    detail: type[CasePaymentRow] | type[CaseIdentifierRow],
) -> Iterator[Any]:
    """(case number, `detail` row) for each payment or identifier row of the selected cases, in the case
    list's order, then in the order they were stored."""
    stmt = (
        select(CaseRow.ref, detail)
        .join(CaseRow, CaseRow.id == detail.case_id)
        .where(*where)
        .order_by(*order.terms(), detail.id)
    )
    with Session(engine) as session:
        yield from session.execute(stmt.execution_options(yield_per=BATCH))


def _payment_rows(engine: Engine, where: list[ColumnElement[bool]], order: CaseOrder) -> Iterator[list[Any]]:
    for ref, p in _with_case_ref(engine, where, order, CasePaymentRow):
        channel = PAYMENT_CHANNELS.get(p.channel, p.channel)
        yield [ref, beijing(p.paid_at), yuan(p.amount_fen), channel, p.from_account, p.to_account, p.to_bank]


def _identifier_rows(
    engine: Engine, where: list[ColumnElement[bool]], order: CaseOrder
) -> Iterator[list[Any]]:
    for ref, i in _with_case_ref(engine, where, order, CaseIdentifierRow):
        flags = "、".join(flags_of(i.kind, i.value))
        yield [ref, IDENT_NAMES.get(i.kind, i.kind), i.value, i.raw, flags, yes(i.confirmed)]


def cases_export(
    engine: Engine, filters: CaseFilter, *, order: CaseOrder = NEWEST, details: bool = True
) -> Export:
    """The cases the filters select, in the list's order; with `details`, the payment and identifier
    sheets."""
    where = filters.conditions()
    with Session(engine) as session:
        total = count_where(session, CaseRow, where)
    tables = [Table("案件", CASE_COLUMNS, Lazy(_case_rows, engine, where, order))]
    if details:
        tables.append(Table("转账明细", PAYMENT_COLUMNS, Lazy(_payment_rows, engine, where, order)))
        tables.append(Table("涉案线索", IDENT_COLUMNS, Lazy(_identifier_rows, engine, where, order)))
    return Export("cases", total, tables, filters.shown())
