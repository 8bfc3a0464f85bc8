"""What an officer sees of a 串并 group: its cases, the identifiers that link them (hubs pointed out),
the money lost, when and where, and a graph to draw; and the list of groups worth a look.

Counts come from the linking state (`link_identifiers.n_cases`, `link_groups.size`), so a group of
ten thousand cases is summed in the database; the case list and the graph show the latest `limit`
cases only (`truncated` says so). Values are shown unmasked: this view is for officers.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fanzha.cases.components import hub_flags
from fanzha.cases.identity import identifier_flags, link_key
from fanzha.cases.model import MAX_ID, fits_id, to_yuan
from fanzha.store.case_tables import CaseIdentifierRow, CaseRow, LinkGroupRow, LinkIdentifierRow
from fanzha.timezones import from_db


@dataclass(frozen=True, slots=True)
class GroupCase:
    id: int
    ref: str
    received_at: datetime | None
    fraud_type: str
    loss: float  # yuan
    district: str
    status: str


@dataclass(frozen=True, slots=True)
class SharedIdentifier:
    """A linkable identifier named by two or more cases of the group."""

    kind: str
    value: str  # the link key (a link's host for urls and domains)
    n_cases: int  # cases naming it, in the whole group
    hub: bool  # see fanzha.cases.components.is_hub
    cases: list[int] = field(default_factory=list)  # those among the listed cases
    values: list[str] = field(default_factory=list)  # as stored in those cases (full links, …)
    flags: list[str] = field(default_factory=list)  # notes on an odd identifier (号段未分配 …)


@dataclass(slots=True)
class GroupView:
    id: int
    size: int
    total_loss: float  # yuan
    first_received: datetime | None
    last_received: datetime | None
    districts: dict[str, int]  # most cases first
    cases: list[GroupCase]
    shared: list[SharedIdentifier]
    truncated: bool  # more cases than listed
    graph: dict[str, list[dict[str, Any]]]

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        for key in ("first_received", "last_received"):
            out[key] = out[key].isoformat() if out[key] else None
        for case in out["cases"]:
            case["received_at"] = case["received_at"].isoformat() if case["received_at"] else None
        return out


def _shared(session: Session, group_id: int, case_ids: list[int]) -> list[SharedIdentifier]:
    stmt = (
        select(LinkIdentifierRow.kind, LinkIdentifierRow.value, LinkIdentifierRow.n_cases)
        .where(LinkIdentifierRow.group_id == group_id, LinkIdentifierRow.n_cases >= 2)
        .order_by(LinkIdentifierRow.n_cases.desc(), LinkIdentifierRow.kind, LinkIdentifierRow.value)
    )
    rows = session.execute(stmt).all()
    hubs = hub_flags([n for _, _, n in rows])
    shared = {
        (k, v): SharedIdentifier(k, v, n, hub, flags=list(identifier_flags(k, v)))
        for (k, v, n), hub in zip(rows, hubs, strict=True)
    }
    stmt2 = select(CaseIdentifierRow.case_id, CaseIdentifierRow.kind, CaseIdentifierRow.value)
    for case_id, kind, value in session.execute(stmt2.where(CaseIdentifierRow.case_id.in_(case_ids))):
        found = shared.get(link_key(kind, value))
        if found is not None:
            if case_id not in found.cases:
                found.cases.append(case_id)
            if value not in found.values:
                found.values.append(value)
    return list(shared.values())


def _graph(cases: list[GroupCase], shared: list[SharedIdentifier]) -> dict[str, list[dict[str, Any]]]:
    nodes: list[dict[str, Any]] = [
        {"id": f"case:{c.id}", "type": "case", "label": c.ref, "loss": c.loss, "district": c.district}
        for c in cases
    ]
    edges: list[dict[str, Any]] = []
    for ident in shared:
        node = f"{ident.kind}:{ident.value}"
        label = {"label": ident.value, "kind": ident.kind, "hub": ident.hub, "n_cases": ident.n_cases}
        nodes.append({"id": node, "type": "identifier", **label})
        edges.extend({"source": f"case:{c}", "target": node} for c in ident.cases)
    return {"nodes": nodes, "edges": edges}


def group_view(session: Session, group_id: int, *, limit: int = 500) -> GroupView | None:
    """The group `group_id`, or None if there is no such group; at most `limit` cases listed."""
    if not fits_id(group_id):
        return None
    limit = min(max(limit, 0), MAX_ID)
    in_group = CaseRow.group_id == group_id
    span = (
        func.count(),
        func.sum(CaseRow.loss_fen),
        func.min(CaseRow.received_at),
        func.max(CaseRow.received_at),
    )
    size, loss_fen, first, last = session.execute(select(*span).where(in_group)).one()
    if not size:
        return None
    per_district = select(CaseRow.district, func.count()).where(in_group).group_by(CaseRow.district)
    districts = session.execute(per_district.order_by(func.count().desc(), CaseRow.district)).all()
    columns = (CaseRow.id, CaseRow.ref, CaseRow.received_at, CaseRow.fraud_type, CaseRow.loss_fen)
    latest = CaseRow.received_at.desc(), CaseRow.id.desc()
    stmt = select(*columns, CaseRow.district, CaseRow.status).where(in_group).order_by(*latest).limit(limit)
    rows = session.execute(stmt).all()
    cases = [GroupCase(r[0], r[1], from_db(r[2]), r[3], to_yuan(r[4]), r[5], r[6]) for r in rows]
    shared = _shared(session, group_id, [c.id for c in cases])
    return GroupView(
        id=group_id,
        size=size,
        total_loss=to_yuan(loss_fen or 0),
        first_received=from_db(first),
        last_received=from_db(last),
        districts={d: n for d, n in districts},
        cases=cases,
        shared=shared,
        truncated=size > len(cases),
        graph=_graph(cases, shared),
    )


@dataclass(frozen=True, slots=True)
class GroupSummary:
    id: int
    size: int
    total_loss: float  # yuan
    first_received: datetime | None
    last_received: datetime | None


def count_groups(session: Session, *, min_cases: int = 2) -> int:
    """How many groups have at least `min_cases` cases (what `list_groups` pages through)."""
    if min_cases > MAX_ID:
        return 0
    found = select(func.count()).select_from(LinkGroupRow).where(LinkGroupRow.size >= max(min_cases, 1))
    return session.scalar(found) or 0


def list_groups(
    session: Session,
    *,
    min_cases: int = 2,
    limit: int = 50,
    offset: int = 0,
    order: Literal["size", "loss"] = "size",
) -> list[GroupSummary]:
    """Groups of at least `min_cases` cases, the largest (or those with the greatest loss) first; `offset`
    skips that many (a page of the console's list)."""
    if min_cases > MAX_ID:
        return []
    min_cases, limit = max(min_cases, 1), min(max(limit, 0), MAX_ID)
    offset = min(max(offset, 0), MAX_ID)
    totals = select(
        CaseRow.group_id,
        func.count(),
        func.sum(CaseRow.loss_fen),
        func.min(CaseRow.received_at),
        func.max(CaseRow.received_at),
    ).group_by(CaseRow.group_id)
    if order == "size":
        largest = select(LinkGroupRow.id).where(LinkGroupRow.size >= min_cases)
        top = session.execute(
            largest.order_by(LinkGroupRow.size.desc(), LinkGroupRow.id).limit(limit).offset(offset)
        )
        rows = session.execute(totals.where(CaseRow.group_id.in_(top.scalars().all()))).all()
        rows = sorted(rows, key=lambda r: (-r[1], r[0] or 0))
    else:
        stmt = totals.where(CaseRow.group_id.is_not(None)).having(func.count() >= min_cases)
        by_loss = (
            stmt.order_by(func.sum(CaseRow.loss_fen).desc(), CaseRow.group_id).limit(limit).offset(offset)
        )
        rows = session.execute(by_loss).all()
    return [
        GroupSummary(g, n, to_yuan(loss or 0), from_db(a), from_db(b))
        for g, n, loss, a, b in rows
        if g is not None
    ]
