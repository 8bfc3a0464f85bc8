"""Which 串并 groups run through accounts and numbers on the 惩戒 list: a group does when one of its cases
names a listed account or number (the linking state, `link_identifiers`, holds every identifier of every
group in canonical form) or paid into a listed account (`case_payments.to_account`, as stored).

Entries whose term runs today count (not lifted, started, not ended). For the desk: values in full.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fanzha.cardban.register import today_in_beijing
from fanzha.cases.groups import GroupSummary, count_groups, list_groups
from fanzha.cases.model import to_yuan
from fanzha.store.cardban_tables import CardbanEntryRow
from fanzha.store.case_tables import CasePaymentRow, CaseRow, LinkIdentifierRow
from fanzha.timezones import from_db

MAX_GROUPS = 1_000_000  # groups through listed accounts are all summarised; the list pages through them

CHUNK = 500  # values per IN (…) clause
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ListedHit:
    """A listed account or number a group runs through."""

    entry_id: int
    kind: str
    value: str
    holder_name: str
    via: str  # identifier (a case names it) | payment (a victim paid into it)


def _chunks(values: list[T]) -> Iterator[list[T]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def listed_by_group(
    session: Session, *, today: date, group_ids: Collection[int] | None = None
) -> dict[int, list[ListedHit]]:
    """{group id: the listed accounts and numbers it runs through}, for `group_ids` or every group."""
    if group_ids is not None and not group_ids:
        return {}
    live = (
        CardbanEntryRow.lifted_at.is_(None)
        & (CardbanEntryRow.starts_on <= today)
        & (CardbanEntryRow.ends_on >= today)
    )
    columns = (CardbanEntryRow.id, CardbanEntryRow.kind, CardbanEntryRow.value, CardbanEntryRow.holder_name)
    entries: dict[tuple[str, str], tuple[int, str]] = {}
    for entry_id, kind, value, holder in session.execute(
        select(*columns).where(live).order_by(CardbanEntryRow.id)
    ):
        entries.setdefault((kind, value), (entry_id, holder))
    out: dict[int, list[ListedHit]] = {}
    seen: set[tuple[int, str, str]] = set()

    def add(group_id: int | None, kind: str, value: str, via: str) -> None:
        if group_id is None or (group_id, kind, value) in seen:
            return
        seen.add((group_id, kind, value))
        entry_id, holder = entries[(kind, value)]
        out.setdefault(group_id, []).append(ListedHit(entry_id, kind, value, holder, via))

    for kind in ("bank_card", "phone"):
        values = sorted(v for k, v in entries if k == kind)
        for chunk in _chunks(values):
            named = select(LinkIdentifierRow.group_id, LinkIdentifierRow.value).where(
                LinkIdentifierRow.kind == kind, LinkIdentifierRow.value.in_(chunk)
            )
            if group_ids is not None:
                named = named.where(LinkIdentifierRow.group_id.in_(list(group_ids)))
            for group_id, value in session.execute(named):
                add(group_id, kind, value, "identifier")
            if kind != "bank_card":
                continue
            paid = (
                select(CaseRow.group_id, CasePaymentRow.to_account)
                .join(CaseRow, CaseRow.id == CasePaymentRow.case_id)
                .where(CasePaymentRow.to_account.in_(chunk))
            )
            if group_ids is not None:
                paid = paid.where(CaseRow.group_id.in_(list(group_ids)))
            for paid_group, paid_to in session.execute(paid.distinct()):
                add(paid_group, kind, paid_to, "payment")
    return out


def groups_through_listed(
    session: Session,
    *,
    today: date,
    min_cases: int = 1,
    limit: int = 100,
    order: Literal["size", "loss"] = "size",
) -> list[tuple[GroupSummary, list[ListedHit]]]:
    """The groups that run through listed accounts or numbers, the largest (or those with the greatest
    loss) first, with what they run through."""
    hits = listed_by_group(session, today=today)
    if not hits:
        return []
    totals = select(
        CaseRow.group_id,
        func.count(),
        func.sum(CaseRow.loss_fen),
        func.min(CaseRow.received_at),
        func.max(CaseRow.received_at),
    ).group_by(CaseRow.group_id)
    rows: list[Any] = []
    for ids in _chunks(sorted(hits)):
        rows.extend(session.execute(totals.where(CaseRow.group_id.in_(ids))).all())
    summaries = [
        GroupSummary(g, n, to_yuan(loss or 0), from_db(a), from_db(b))
        for g, n, loss, a, b in rows
        if g is not None and n >= min_cases
    ]
    if order == "loss":
        summaries.sort(key=lambda s: (-s.total_loss, s.id))
    else:
        summaries.sort(key=lambda s: (-s.size, s.id))
    return [(s, hits[s.id]) for s in summaries[: max(0, limit)]]


def listed_groups_of(
    session: Session,
    *,
    min_cases: int,
    limit: int,
    order: Literal["size", "loss"] = "size",
    only: bool = False,
) -> list[tuple[GroupSummary, list[ListedHit]]]:
    """The groups list (`fanzha.cases.groups.list_groups`), each with the listed accounts and numbers it runs
    through; with `only`, the groups that run through any (`groups_through_listed`)."""
    today = today_in_beijing()
    if only:
        return groups_through_listed(session, today=today, min_cases=min_cases, limit=limit, order=order)
    groups = list_groups(session, min_cases=min_cases, limit=limit, order=order)
    hits = listed_by_group(session, today=today, group_ids=[g.id for g in groups])
    return [(g, hits.get(g.id, [])) for g in groups]


def listed_groups_page(
    session: Session,
    *,
    min_cases: int,
    limit: int,
    offset: int,
    order: Literal["size", "loss"] = "size",
    only: bool = False,
) -> tuple[int, list[tuple[GroupSummary, list[ListedHit]]]]:
    """(how many groups the list holds, one page of `listed_groups_of`): the console's 串并 list."""
    if only:
        every = groups_through_listed(
            session, today=today_in_beijing(), min_cases=min_cases, limit=MAX_GROUPS, order=order
        )
        return len(every), every[max(offset, 0) : max(offset, 0) + max(limit, 0)]
    groups = list_groups(session, min_cases=min_cases, limit=limit, offset=offset, order=order)
    hits = listed_by_group(session, today=today_in_beijing(), group_ids=[g.id for g in groups])
    return count_groups(session, min_cases=min_cases), [(g, hits.get(g.id, [])) for g in groups]
