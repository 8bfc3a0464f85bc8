"""The 串并 groups export and the stop-payment and freeze orders export.

Groups: every group of at least two cases (with `two_cards`, only those that run through accounts or
numbers on the 断卡 惩戒 list), the largest first or those with the greatest loss first, as the console's
list orders them; each with its districts, fraud types, the identifiers its cases share (the most shared
first, hubs marked) and the listed accounts and numbers it runs through. Excel adds a sheet with one row
per case of every exported group.

Orders: the orders the filters select (`fanzha.orders.listing.OrderFilter`), in the list's order.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from fanzha.cardban import listed_by_group, today_in_beijing
from fanzha.cases.components import hub_flags
from fanzha.cases.model import STATUS_NAMES
from fanzha.extract.canonical import flags_of
from fanzha.orders.listing import OrderFilter, count_orders, each_order
from fanzha.orders.machine import KIND_NAMES, STATE_NAMES
from fanzha.reports.export_cases import IDENT_NAMES
from fanzha.reports.exports import BATCH, Column, Export, Lazy, Table, beijing, yuan
from fanzha.store.case_tables import CaseRow, LinkIdentifierRow
from fanzha.taxonomy.loader import load_taxonomy

SHARED_SHOWN = 10  # shared identifiers listed per group
GROUP_COLUMNS = (
    Column("串并组", 8), Column("案件数", 8), Column("损失合计（元）", 16, money=True), Column("最早接警", 17),
    Column("最近接警", 17), Column("辖区", 24), Column("诈骗类型", 30), Column("共享线索", 60),
    Column("两卡（断卡惩戒名单）", 40),
)  # fmt: skip
GROUP_CASE_COLUMNS = (
    Column("串并组", 8), Column("案件编号", 18), Column("接警时间", 17), Column("诈骗类型", 16),
    Column("辖区", 12), Column("损失（元）", 14, money=True), Column("状态", 12),
)  # fmt: skip
ORDER_COLUMNS = (
    Column("指令", 8), Column("类型", 10), Column("状态", 10), Column("案件编号", 18), Column("账户", 24),
    Column("银行", 16), Column("申请金额（元）", 14, money=True), Column("已止付（元）", 14, money=True),
    Column("已返还（元）", 14, money=True), Column("申请时间", 17), Column("执行时间", 17), Column("到期时间", 17),
    Column("结束时间", 17), Column("续期次数", 8), Column("接续指令", 8), Column("申请民警", 12),
    Column("法律依据", 30), Column("含其他受害人资金（笔）", 12), Column("其他受害人资金（元）", 14, money=True),
    Column("备注", 30),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Group:
    id: int
    size: int
    loss_fen: int
    first: Any
    last: Any


def _groups(session: Session, order: str, only: set[int] | None) -> list[_Group]:
    count, loss = func.count(), func.coalesce(func.sum(CaseRow.loss_fen), 0)
    stmt = (
        select(CaseRow.group_id, count, loss, func.min(CaseRow.received_at), func.max(CaseRow.received_at))
        .where(CaseRow.group_id.is_not(None))
        .group_by(CaseRow.group_id)
        .having(count >= 2)
        .order_by(*((loss.desc(), count.desc()) if order == "loss" else (count.desc(), loss.desc())))
        .order_by(CaseRow.group_id)
    )
    found = [_Group(int(g), n, int(f or 0), a, b) for g, n, f, a, b in session.execute(stmt) if g is not None]
    return found if only is None else [g for g in found if g.id in only]


def _group_rows(engine: Engine, groups: list[_Group]) -> Iterator[list[Any]]:
    types = {t.code: t.name for t in load_taxonomy().types}
    with Session(engine) as session:
        for start in range(0, len(groups), BATCH):
            chunk = groups[start : start + BATCH]
            ids = [g.id for g in chunk]
            districts: dict[int | None, Counter[str]] = defaultdict(Counter)
            kinds: dict[int | None, Counter[str]] = defaultdict(Counter)
            spread = select(CaseRow.group_id, CaseRow.district, CaseRow.fraud_type, func.count())
            for gid, district, fraud_type, n in session.execute(
                spread.where(CaseRow.group_id.in_(ids)).group_by(
                    CaseRow.group_id, CaseRow.district, CaseRow.fraud_type
                )
            ):
                districts[gid][district or "未填"] += n
                kinds[gid][types.get(fraud_type, fraud_type or "未分类")] += n
            shared: dict[int, list[tuple[str, str, int]]] = defaultdict(list)
            for gid, kind, value, n in session.execute(
                select(
                    LinkIdentifierRow.group_id,
                    LinkIdentifierRow.kind,
                    LinkIdentifierRow.value,
                    LinkIdentifierRow.n_cases,
                )
                .where(LinkIdentifierRow.group_id.in_(ids), LinkIdentifierRow.n_cases >= 2)
                .order_by(LinkIdentifierRow.n_cases.desc(), LinkIdentifierRow.kind, LinkIdentifierRow.value)
            ):
                shared[gid].append((kind, value, n))
            listed = listed_by_group(session, today=today_in_beijing(), group_ids=ids)
            for g in chunk:
                yield [
                    g.id, g.size, yuan(g.loss_fen), beijing(g.first), beijing(g.last),
                    "、".join(f"{d} {n}" for d, n in districts[g.id].most_common()),
                    "、".join(f"{t} {n}" for t, n in kinds[g.id].most_common()),
                    _shared_text(shared.get(g.id, [])),
                    "；".join(f"{IDENT_NAMES.get(h.kind, h.kind)} {h.value}（{h.holder_name}）" for h in listed.get(g.id, [])),
                ]  # fmt: skip


def _shared_text(shared: list[tuple[str, str, int]]) -> str:
    hubs = hub_flags([n for _, _, n in shared])
    out = []
    for (kind, value, n), hub in list(zip(shared, hubs, strict=True))[:SHARED_SHOWN]:
        notes = [*flags_of(kind, value), *(["枢纽"] if hub else [])]
        out.append(
            f"{IDENT_NAMES.get(kind, kind)} {value}（{n}起{'，' + '、'.join(notes) if notes else ''}）"
        )
    more = len(shared) - SHARED_SHOWN
    return "；".join(out) + (f"；另有 {more} 个" if more > 0 else "")


def _group_case_rows(engine: Engine, groups: list[_Group]) -> Iterator[list[Any]]:
    types = {t.code: t.name for t in load_taxonomy().types}
    columns = (CaseRow.group_id, CaseRow.ref, CaseRow.received_at, CaseRow.fraud_type, CaseRow.district,
               CaseRow.loss_fen, CaseRow.status)  # fmt: skip
    with Session(engine) as session:
        for start in range(0, len(groups), BATCH):
            ids = [g.id for g in groups[start : start + BATCH]]
            rank: dict[int | None, int] = {gid: i for i, gid in enumerate(ids)}
            stmt = select(*columns).where(CaseRow.group_id.in_(ids))
            rows = sorted(session.execute(stmt.order_by(CaseRow.received_at.desc(), CaseRow.id.desc())),
                          key=lambda r: rank[r[0]])  # fmt: skip
            for g, ref, at, fraud_type, district, loss, status in rows:
                yield [g, ref, beijing(at), types.get(fraud_type, fraud_type), district, yuan(loss),
                       STATUS_NAMES.get(status, status)]  # fmt: skip


def groups_export(
    engine: Engine, *, order: Literal["size", "loss"] = "size", two_cards: bool = False, details: bool = True
) -> Export:
    """Every group of two or more cases, in the list's order; `two_cards`: those through listed accounts."""
    with Session(engine) as session:
        only = set(listed_by_group(session, today=today_in_beijing())) if two_cards else None
        groups = _groups(session, order, only)
    tables = [Table("串并组", GROUP_COLUMNS, Lazy(_group_rows, engine, groups))]
    if details:
        tables.append(Table("组内案件", GROUP_CASE_COLUMNS, Lazy(_group_case_rows, engine, groups)))
    filters = {"order": order, "two_cards": "1" if two_cards else ""}
    return Export("groups", len(groups), tables, filters)


def _order_rows(engine: Engine, filters: OrderFilter, sort: str, descending: bool) -> Iterator[list[Any]]:
    for o, ref in each_order(engine, filters, sort=sort, descending=descending, batch=BATCH):
        covered = sum(float(c.get("amount") or 0) for c in o.covers if isinstance(c, dict))
        yield [
            o.id, KIND_NAMES.get(o.kind, o.kind), STATE_NAMES.get(o.state, o.state), ref, o.account, o.bank,
            o.amount_requested, o.amount_stopped, o.amount_returned, beijing(o.requested_at), beijing(o.executed_at),
            beijing(o.expires_at), beijing(o.closed_at), o.renewals, o.parent_id, o.officer, o.legal_basis,
            len(o.covers), round(covered, 2), o.note,
        ]  # fmt: skip


def orders_export(
    engine: Engine, filters: OrderFilter, *, sort: str = "requested", descending: bool = True
) -> Export:
    total = count_orders(engine, filters)
    table = Table("止付冻结指令", ORDER_COLUMNS, Lazy(_order_rows, engine, filters, sort, descending))
    return Export("orders", total, [table], filters.shown())
