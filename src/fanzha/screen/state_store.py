"""Screening history in the SQL store (SQLite or PostgreSQL), shared by every worker on that store.

A session prefetches, in three queries, what the batch's payers paid within the retention window, which
of the batch's payer–payee pairs have met before, and which distinct payers paid the batch's payees
within the fan-in window (from the pairs: each payer's latest payment, as many per payee as the
rules need); the batch is then screened in memory, and `commit` writes its movements (seen transfers and pair counts, one upsert per pair) in one transaction. Seen
transfers older than the retention window are deleted now and then.

Two workers screening transfers to the same payee at the same instant do not see each other's
uncommitted batch: fan-in is counted a batch late at worst.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any, TypeVar, cast

from sqlalchemy import (
    Connection,
    DateTime,
    Engine,
    String,
    Table,
    TextualSelect,
    bindparam,
    case,
    delete,
    func,
    select,
    text,
    tuple_,
)
from sqlalchemy import insert as sql_insert
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from fanzha.screen.state import FAN_IN_HOURS, FAN_IN_PAYERS, RETENTION_HOURS, History, MemoryState, Movement
from fanzha.store.screen_tables import ScreenPairRow, ScreenTransferSeenRow
from fanzha.timezones import from_db

PRUNE_EVERY = 500  # commits between deletions of expired seen transfers
CHUNK = 500  # accounts per IN (…) list
FAN_IN_CHUNK = 64  # payees per fan-in query (one subquery each)
T = TypeVar("T")


def _dt(at: float) -> datetime:
    return datetime.fromtimestamp(at, UTC)


def _chunks(items: Sequence[T]) -> list[Sequence[T]]:
    return [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]


@lru_cache(maxsize=16)
def _newest_payers_sql(size: int) -> TextualSelect:
    part = (
        "SELECT * FROM (SELECT payee_account, payer_account, last_at FROM screen_pairs "
        "WHERE payee_account = :p{i} AND last_at >= :since ORDER BY last_at DESC LIMIT :n) AS f{i}"
    )
    sql = " UNION ALL ".join(part.format(i=i) for i in range(size))
    return (
        text(sql)
        .bindparams(bindparam("since", type_=DateTime(timezone=True)))
        .columns(payee_account=String, payer_account=String, last_at=DateTime(timezone=True))
    )


def _newest_payers(
    connection: Connection, payees: Sequence[str], since: datetime, n: int
) -> list[tuple[str, str, datetime]]:
    """Fan-in: each payee's newest `n` distinct payers since `since` (their latest payments), one indexed
    `ORDER BY last_at DESC LIMIT n` per payee, so a merchant paid by thousands costs no more than a mule
    paid by five. Written as SQL text (compiling a 64-part union each time costs more than the query),
    padded to a power of two with "" (no account) so that a handful of statements serve every batch."""
    size = 1 << max(len(payees) - 1, 0).bit_length()
    params: dict[str, Any] = {
        f"p{i}": payee for i, payee in enumerate([*payees, *[""] * (size - len(payees))])
    }
    result = connection.execute(_newest_payers_sql(size), {**params, "since": since, "n": n})
    return [(payee, payer, at) for payee, payer, at in result if payee]


class StoreSession:
    def __init__(self, store: StoreState, movements: Sequence[Movement], fan_in_payers: int) -> None:
        self.store = store
        self.fan_in_payers = fan_in_payers
        self.memory = MemoryState(retention_hours=store.retention_hours)
        self.pending: list[Movement] = []
        if movements:
            self._prefetch(movements)

    def _prefetch(self, movements: Sequence[Movement]) -> None:
        earliest = min(m.at for m in movements)
        since = _dt(earliest - self.store.retention_hours * 3600.0)
        since_in = _dt(earliest - min(self.store.retention_hours, FAN_IN_HOURS) * 3600.0)
        payers = sorted({m.payer for m in movements})
        payees = sorted({m.payee for m in movements}) if self.fan_in_payers > 0 else []  # fan-in
        wanted = sorted({(m.payer, m.payee) for m in movements})
        out: dict[str, list[tuple[float, str, int]]] = {p: [] for p in payers}
        inflow: dict[str, list[tuple[float, str]]] = {p: [] for p in payees}
        pairs: list[tuple[str, str, int, float]] = []
        seen, pair = ScreenTransferSeenRow, ScreenPairRow
        with self.store.engine.connect() as session:  # Core rows: no ORM bookkeeping
            for chunk in _chunks(payers):
                for payer, payee, at, amount in session.execute(
                    select(seen.payer_account, seen.payee_account, seen.at, seen.amount_fen).where(
                        seen.payer_account.in_(chunk), seen.at >= since
                    )
                ):
                    out[payer].append((from_db(at).timestamp(), payee, amount))
            for chunk_pairs in _chunks(wanted):
                for payer, payee, count, first in session.execute(
                    select(pair.payer_account, pair.payee_account, pair.count, pair.first_at).where(
                        tuple_(pair.payer_account, pair.payee_account).in_(chunk_pairs)
                    )
                ):
                    pairs.append((payer, payee, count, from_db(first).timestamp()))
            for start in range(0, len(payees), FAN_IN_CHUNK):
                chunk = payees[start : start + FAN_IN_CHUNK]
                for payee, payer, at in _newest_payers(session, chunk, since_in, self.fan_in_payers):
                    inflow[payee].append((from_db(at).timestamp(), payer))
        self.memory.seed_pairs(pairs)
        for payer, items in out.items():
            self.memory.seed_out(payer, items)
        for payee, items_in in inflow.items():
            self.memory.seed_in(payee, items_in)

    def history(self, movement: Movement) -> History:
        return self.memory.history(movement)

    def add(self, movement: Movement) -> None:
        self.memory.add(movement)
        self.pending.append(movement)

    def commit(self) -> None:
        if not self.pending:
            return
        with self.store.engine.begin() as connection:
            self.write(connection)
        self.done()

    def write(self, connection: Connection) -> None:
        """Write the batch's movements on `connection`, in the caller's transaction (see `done`)."""
        if not self.pending:
            return
        pairs: dict[tuple[str, str], list[Movement]] = {}
        for m in self.pending:
            pairs.setdefault((m.payer, m.payee), []).append(m)
        insert = postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
        connection.execute(
            sql_insert(cast(Table, ScreenTransferSeenRow.__table__)),
            [
                {
                    "payer_account": m.payer,
                    "payee_account": m.payee,
                    "at": _dt(m.at),
                    "amount_fen": m.amount_fen,
                }
                for m in self.pending
            ],
        )
        rows = []
        for (payer, payee), items in sorted(pairs.items()):  # a fixed order: no deadlocks between workers
            last = max(items, key=lambda m: m.at)
            rows.append(
                {
                    "payer_account": payer,
                    "payee_account": payee,
                    "first_at": _dt(min(m.at for m in items)),
                    "last_at": _dt(last.at),
                    "count": len(items),
                    "last_amount_fen": last.amount_fen,
                }
            )
        table = cast(Table, ScreenPairRow.__table__)
        stmt = insert(table)
        postgres = connection.dialect.name == "postgresql"
        greatest, least = (func.greatest, func.least) if postgres else (func.max, func.min)  # SQLite: scalar
        later = table.c.last_at < stmt.excluded.last_at  # transfers may come out of time order
        connection.execute(
            stmt.on_conflict_do_update(
                index_elements=["payer_account", "payee_account"],
                set_={
                    "count": table.c.count + stmt.excluded.count,
                    "first_at": least(table.c.first_at, stmt.excluded.first_at),
                    "last_at": greatest(table.c.last_at, stmt.excluded.last_at),
                    "last_amount_fen": case(
                        (later, stmt.excluded.last_amount_fen), else_=table.c.last_amount_fen
                    ),
                },
            ),
            rows,
        )

    def done(self) -> None:
        """The caller committed what `write` wrote."""
        self.pending = []
        self.store.committed()


class StoreState:
    """`ScreenState` on the SQL store at `engine`."""

    def __init__(self, engine: Engine, *, retention_hours: float = RETENTION_HOURS) -> None:
        self.engine = engine
        self.retention_hours = retention_hours
        self._commits = 0

    def session(self, movements: Sequence[Movement], *, fan_in_payers: int = FAN_IN_PAYERS) -> StoreSession:
        return StoreSession(self, movements, fan_in_payers)

    def committed(self) -> None:
        self._commits += 1
        if self._commits % PRUNE_EVERY == 0:
            self.prune(now=time.time())

    def prune(self, *, now: float) -> int:
        """Delete seen transfers older than the retention window; the number deleted."""
        cutoff = _dt(now - self.retention_hours * 3600.0)
        with Session(self.engine) as session:
            result = session.execute(delete(ScreenTransferSeenRow).where(ScreenTransferSeenRow.at < cutoff))
            session.commit()
        return int(getattr(result, "rowcount", 0) or 0)
