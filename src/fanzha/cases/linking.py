"""串并: cases that name the same scammer identifier belong to one group.

Rules (the identifiers themselves: fanzha.cases.identity; the algorithm and the hub rule:
fanzha.cases.components):

- two cases are linked when they name the same linkable identifier, however it was written
  (`+86 138 0013 8000` = `13800138000`; `https://www.abc.top/x` = `abc.top`); groups are the
  connected components, so links chain (A–B via x, B–C via y ⇒ one group A, B, C);
- official identifiers (95588, the domains of banks and big platforms) and private IP addresses never
  link cases, however many cases name them;
- every link can be explained: `why_linked` names the shared identifiers along the shortest path.

Three ways in: `link_components` and `link_jsonl` (fanzha.cases.batch) link a batch in memory;
`link_case` adds one case to the groups kept in the database (`link_identifiers`, `link_groups`,
`cases.group_id`) as cases arrive; `relink_all` rebuilds those tables in bulk after an import.
A group's id is the id of one of its cases: its first case when it was opened or rebuilt, the larger
group's id after a merge (so the fewest rows are relabelled).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Index, Table, bindparam, delete, insert, select, text, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from fanzha.cases.batch import link_components, link_jsonl
from fanzha.cases.components import NOT_LINKING, Key, KeyEncoder, first_of_component
from fanzha.cases.identity import canonical, link_key, linkable
from fanzha.cases.model import CaseIdentifier
from fanzha.store.case_tables import CaseIdentifierRow, CaseRow, LinkGroupRow, LinkIdentifierRow

__all__ = [
    "LinkStep",
    "RelinkStats",
    "link_case",
    "link_components",
    "link_jsonl",
    "relink_all",
    "why_linked",
]

_ADVISORY_LOCK = 0x66A2_0001  # PostgreSQL: one linking writer at a time (released at commit)


# The statements of `link_case`, built once (SQLAlchemy then only looks up their compiled form).
_FIND_KEY = select(LinkIdentifierRow.group_id).where(
    LinkIdentifierRow.kind == bindparam("b_kind"), LinkIdentifierRow.value == bindparam("b_value")
)
_CASE_GROUP = select(CaseRow.group_id).where(CaseRow.id == bindparam("b_case"))
_SIZES = select(LinkGroupRow.id, LinkGroupRow.size).where(
    LinkGroupRow.id.in_(bindparam("b_groups", expanding=True))
)
_NEW_GROUP = insert(LinkGroupRow).values(id=bindparam("b_case"), size=1)
_SET_SIZE = (
    update(LinkGroupRow).where(LinkGroupRow.id == bindparam("b_target")).values(size=bindparam("b_size"))
)
_DROP_GROUPS = delete(LinkGroupRow).where(LinkGroupRow.id.in_(bindparam("b_others", expanding=True)))
_MOVE_CASES = (
    update(CaseRow)
    .where(CaseRow.group_id.in_(bindparam("b_others", expanding=True)))
    .values(group_id=bindparam("b_target"))
)
_MOVE_KEYS = (
    update(LinkIdentifierRow)
    .where(LinkIdentifierRow.group_id.in_(bindparam("b_others", expanding=True)))
    .values(group_id=bindparam("b_target"))
)
_COUNT_KEY = (
    update(LinkIdentifierRow)
    .where(LinkIdentifierRow.kind == bindparam("b_kind"), LinkIdentifierRow.value == bindparam("b_value"))
    .values(n_cases=LinkIdentifierRow.n_cases + 1)
)
_SET_CASE = update(CaseRow).where(CaseRow.id == bindparam("b_case")).values(group_id=bindparam("b_target"))
_LOCK = text("SELECT pg_advisory_xact_lock(:k)")


def _serialise(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(_LOCK, {"k": _ADVISORY_LOCK})


def _link_keys(identifiers: Iterable[CaseIdentifier]) -> list[Key]:
    keys = set()
    for ident in identifiers:
        value = ident.value or canonical(ident.kind, ident.raw)
        if value:
            key = link_key(ident.kind, value)
            if linkable(*key):
                keys.add(key)
    return sorted(keys)


def link_case(session: Session, case_id: int, identifiers: Iterable[CaseIdentifier]) -> int:
    """Link a case (its row already in the session) by its identifiers; return its group id.

    The groups its linkable identifiers belong to are merged into the largest of them (the cases and
    identifiers of the smaller groups are relabelled: small to large, so a case is relabelled at most
    log₂(n) times), or a new group is opened with the case's id. Call it once per identifier and case
    (a case's new identifiers only, if it was linked before); the caller commits. On PostgreSQL the
    call holds a transaction lock, so concurrent desks link one after another.
    """
    identifiers = list(identifiers)
    keys = _link_keys(identifiers)
    session.flush()
    conn = session.connection()
    _serialise(conn)
    found: dict[Key, int] = {}
    for kind, value in keys:
        group = conn.execute(_FIND_KEY, {"b_kind": kind, "b_value": value}).scalar()
        if group is not None:
            found[(kind, value)] = group
    current = conn.execute(_CASE_GROUP, {"b_case": case_id}).scalar()
    groups = set(found.values()) | ({current} if current is not None else set())
    others: list[int] = []
    if not groups:
        target = case_id
        conn.execute(_NEW_GROUP, {"b_case": case_id})
    else:
        sizes: dict[int, int] = {g: n for g, n in conn.execute(_SIZES, {"b_groups": sorted(groups)})}
        target = max(groups, key=lambda g: (sizes.get(g, 0), -g))
        others = sorted(groups - {target})
        if others:
            moved = {"b_others": others, "b_target": target}
            conn.execute(_MOVE_CASES, moved)
            conn.execute(_MOVE_KEYS, moved)
            conn.execute(_DROP_GROUPS, moved)
        size = sum(sizes.values()) + (1 if current is None else 0)
        conn.execute(_SET_SIZE, {"b_target": target, "b_size": size})
    counted = set(found)  # the keys whose case count goes up by one
    if current is not None:  # linked before: a key it already named through another value is counted
        counted -= _counted(session, case_id, identifiers)
    if counted:
        conn.execute(_COUNT_KEY, [{"b_kind": k, "b_value": v} for k, v in sorted(counted)])
    new = [{"kind": k, "value": v, "group_id": target, "n_cases": 1} for k, v in keys if (k, v) not in found]
    if new:
        conn.execute(insert(LinkIdentifierRow), new)
    conn.execute(_SET_CASE, {"b_case": case_id, "b_target": target})
    _refresh(session, case_id, others, target)
    return target


def _refresh(session: Session, case_id: int, others: list[int], target: int) -> None:
    """Case rows loaded in the session see their new group without a query."""
    moved = set(others)
    for obj in list(session.identity_map.values()):
        if isinstance(obj, CaseRow) and (obj.id == case_id or obj.group_id in moved):
            set_committed_value(obj, "group_id", target)


def _counted(session: Session, case_id: int, new: list[CaseIdentifier]) -> set[Key]:
    """The link keys a case names through identifiers other than `new` (already counted for it)."""
    passed = {(i.kind, i.value) for i in new}
    stmt = select(CaseIdentifierRow.kind, CaseIdentifierRow.value).where(CaseIdentifierRow.case_id == case_id)
    return {link_key(k, v) for k, v in session.execute(stmt) if (k, v) not in passed}


@dataclass(frozen=True, slots=True)
class RelinkStats:
    cases: int
    identifiers: int  # distinct linkable identifiers
    groups: int  # groups of two or more cases


def relink_all(engine: Engine, *, batch: int = 50_000) -> RelinkStats:
    """Rebuild `link_identifiers`, `link_groups` and every case's `group_id` from `case_identifiers`
    with the bulk algorithm (after a bulk import, or to repair). Group ids are the smallest case id.

    The rebuild runs in one transaction. The group-id indexes of the rewritten tables are dropped
    while it writes and built again after (three times faster than maintaining them row by row)."""
    import numpy as np

    with engine.begin() as conn:
        _serialise(conn)
        cases = conn.execute(select(CaseRow.id, CaseRow.group_id).order_by(CaseRow.id)).all()
        case_ids = np.array([c for c, _ in cases], np.int64)
        encoder = KeyEncoder()
        owners: list[int] = []
        stmt = select(CaseIdentifierRow.case_id, CaseIdentifierRow.kind, CaseIdentifierRow.value)
        for part in conn.execute(stmt.execution_options(yield_per=batch)).partitions():
            for case_id, kind, value in part:
                key_id = encoder.encode_canonical(kind, value)
                if key_id != NOT_LINKING:
                    owners.append(case_id)
                    encoder.ids.append(key_id)
        records = np.searchsorted(case_ids, np.array(owners, np.int64))
        group = case_ids[first_of_component(len(case_ids), records, encoder.ids, len(encoder))]
        n_keys = max(1, len(encoder))
        pairs = np.unique(records * n_keys + np.array(encoder.ids, np.int64))  # a case names a key once
        n_cases = np.bincount(pairs % n_keys, minlength=len(encoder))
        key_group = np.zeros(len(encoder), np.int64)
        key_group[pairs % n_keys] = group[pairs // n_keys]
        group_ids, sizes = np.unique(group, return_counts=True)
        before = [g for _, g in cases]
        changed = [
            (g, c) for c, g, b in zip(case_ids.tolist(), group.tolist(), before, strict=True) if b != g
        ]

        conn.execute(delete(LinkIdentifierRow))
        conn.execute(delete(LinkGroupRow))
        groups = list(zip(group_ids.tolist(), sizes.tolist(), strict=True))
        _executemany(conn, "INSERT INTO link_groups (id, size) VALUES (?, ?)", groups)
        columns = encoder.kinds, encoder.values, key_group.tolist(), n_cases.tolist()
        rows = sorted(zip(*columns, strict=True))  # in primary-key order: the B-tree grows at its end
        with _index_dropped(conn, _group_indexes(LinkIdentifierRow)):
            sql = "INSERT INTO link_identifiers (kind, value, group_id, n_cases) VALUES (?, ?, ?, ?)"
            _executemany(conn, sql, rows)
        with _index_dropped(conn, _group_indexes(CaseRow) if len(changed) > len(cases) // 10 else []):
            _executemany(conn, "UPDATE cases SET group_id = ? WHERE id = ?", changed)
    return RelinkStats(len(case_ids), len(encoder), int((sizes >= 2).sum()))


def _group_indexes(model: Any) -> list[Index]:
    table = model.__table__
    assert isinstance(table, Table)
    return [index for index in table.indexes if "group_id" in index.columns]


@contextmanager
def _index_dropped(conn: Connection, indexes: Iterable[Index]) -> Iterator[None]:
    """Drop `indexes` for the duration of a bulk write, then build them again."""
    dropped = list(indexes)
    for index in dropped:
        index.drop(conn)
    yield
    for index in dropped:
        index.create(conn)


def _executemany(conn: Connection, sql: str, rows: list[tuple[Any, ...]], batch: int = 50_000) -> None:
    """`sql` (with `?` placeholders) once per row, straight to the driver: bulk writes without
    SQLAlchemy's per-row parameter processing."""
    if conn.dialect.paramstyle != "qmark":
        sql = sql.replace("?", "%s")
    for start in range(0, len(rows), batch):
        conn.exec_driver_sql(sql, rows[start : start + batch])


@dataclass(frozen=True, slots=True)
class LinkStep:
    """One step of a link: two cases and the identifiers (link keys) both of them name."""

    from_case: int
    to_case: int
    via: list[Key]


def why_linked(session: Session, case_a: int, case_b: int) -> list[LinkStep]:
    """Why two cases are in one group: the shortest chain of cases from `case_a` to `case_b`, each step
    with the identifiers the two cases share. Empty when they are not linked (or are the same case)."""
    pair = select(CaseRow.id, CaseRow.group_id).where(CaseRow.id.in_((case_a, case_b)))
    groups: dict[int, int | None] = {c: g for c, g in session.execute(pair)}
    group = groups.get(case_a)
    if case_a == case_b or group is None or groups.get(case_b) != group:
        return []
    stmt = (
        select(CaseIdentifierRow.case_id, CaseIdentifierRow.kind, CaseIdentifierRow.value)
        .join(CaseRow, CaseRow.id == CaseIdentifierRow.case_id)
        .where(CaseRow.group_id == group)
    )
    keys_of: dict[int, set[Key]] = {}
    cases_of: dict[Key, set[int]] = {}
    for case_id, kind, value in session.execute(stmt):
        key = link_key(kind, value)
        if linkable(*key):
            keys_of.setdefault(case_id, set()).add(key)
            cases_of.setdefault(key, set()).add(case_id)
    previous: dict[int, int] = {case_a: case_a}
    expanded: set[Key] = set()  # each identifier is followed once, however many cases name it
    queue = deque([case_a])
    while queue and case_b not in previous:
        case = queue.popleft()
        for key in sorted(keys_of.get(case, set()) - expanded):
            expanded.add(key)
            for other in sorted(cases_of[key]):
                if other not in previous:
                    previous[other] = case
                    queue.append(other)
    if case_b not in previous:
        return []
    steps: list[LinkStep] = []
    node = case_b
    while node != case_a:
        before = previous[node]
        steps.append(LinkStep(before, node, sorted(keys_of[before] & keys_of[node])))
        node = before
    return steps[::-1]
