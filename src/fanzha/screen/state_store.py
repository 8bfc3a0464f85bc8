"""Screening history in the SQL store (SQLite or PostgreSQL), shared by every worker on that store.

A session prefetches, in three queries, what the batch's payers paid within the retention window (their
newest MAX_PER_ACCOUNT payments), which of the batch's payer–payee pairs have met before, and which
distinct payers paid the batch's payees within the fan-in window (from the pairs: each payer's latest
payment and first payment, as many per payee as the rules need); the batch is then screened in memory, and `commit`
writes its movements (seen transfers and pair counts, one upsert per pair) in one transaction. Seen
transfers older than the retention window are deleted now and then, in short transactions on a
thread of their own.

Two workers screening transfers to the same payee at the same instant do not see each other's
uncommitted batch: fan-in is counted a batch late at worst.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Collection, Sequence
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any, TypeVar, cast

from sqlalchemy import (
    Connection,
    DateTime,
    Engine,
    Integer,
    String,
    Table,
    TextualSelect,
    bindparam,
    case,
    delete,
    func,
    select,
    text,
)
from sqlalchemy import insert as sql_insert
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from fanzha.screen.state import (
    FAN_IN_HOURS,
    FAN_IN_PAYERS,
    MAX_PER_ACCOUNT,
    RETENTION_HOURS,
    History,
    MemoryState,
    Movement,
)
from fanzha.store.screen_tables import ScreenPairRow, ScreenTransferSeenRow
from fanzha.timezones import from_db

PRUNE_EVERY_S = 60.0  # seconds between deletions of expired seen transfers
PRUNE_CHUNK = 2_000  # rows deleted per transaction: a short write lock, never one long one
CHUNK = 64  # accounts per query (one subquery each for their newest rows)
T = TypeVar("T")


def _dt(at: float) -> datetime:
    return datetime.fromtimestamp(at, UTC)


def _chunks(items: Sequence[T]) -> list[Sequence[T]]:
    return [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]


# Per account, its newest rows since a time: a payer's payments (velocity, rising amounts) and a payee's
# distinct payers (fan-in, from the pairs: each payer's latest payment).
NEWEST: dict[str, tuple[str, dict[str, Any]]] = {
    "paid": (
        "SELECT payer_account, payee_account, at, amount_fen FROM screen_transfers_seen "
        "WHERE payer_account = :k{i} AND at >= :since ORDER BY at DESC LIMIT :n",
        {
            "payer_account": String,
            "payee_account": String,
            "at": DateTime(timezone=True),
            "amount_fen": Integer,
        },
    ),
    "payers": (
        "SELECT payee_account, payer_account, last_at, first_at FROM screen_pairs "
        "WHERE payee_account = :k{i} AND last_at >= :since ORDER BY last_at DESC LIMIT :n",
        {
            "payee_account": String,
            "payer_account": String,
            "last_at": DateTime(timezone=True),
            "first_at": DateTime(timezone=True),
        },
    ),
}


@lru_cache(maxsize=32)
def _newest_sql(what: str, size: int) -> TextualSelect:
    part, columns = NEWEST[what]
    sql = " UNION ALL ".join(f"SELECT * FROM ({part.format(i=i)}) AS f{i}" for i in range(size))
    since = bindparam("since", type_=DateTime(timezone=True))
    return text(sql).bindparams(since).columns(**columns)


def _newest(
    connection: Connection, what: str, accounts: Sequence[str], since: datetime, n: int
) -> list[Any]:  # rows of NEWEST[what]'s columns
    """NEWEST[what] for each of `accounts`: one indexed `ORDER BY … DESC LIMIT n` per account, so a
    merchant paid by thousands (or a payroll account paying them) costs no more than a person. Written as
    SQL text — compiling a 64-part union each time would cost more than running it — and padded to a
    power of two with "" (no account) so that a handful of statements serve every batch."""
    size = 1 << max(len(accounts) - 1, 0).bit_length()
    padded = [*accounts, *[""] * (size - len(accounts))]
    params: dict[str, Any] = {f"k{i}": account for i, account in enumerate(padded)}
    return list(connection.execute(_newest_sql(what, size), {**params, "since": since, "n": n}))


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
        wanted = {(m.payer, m.payee) for m in movements}
        out: dict[str, list[tuple[float, str, int]]] = {p: [] for p in payers}
        inflow: dict[str, list[tuple[float, str, float]]] = {p: [] for p in payees}
        pairs: list[tuple[str, str, int, float]] = []
        pair = ScreenPairRow
        with self.store.engine.connect() as session:  # Core rows: no ORM bookkeeping
            for chunk in _chunks(payers):
                for payer, payee, at, amount in _newest(session, "paid", chunk, since, MAX_PER_ACCOUNT):
                    out[payer].append((from_db(at).timestamp(), payee, amount))
                # payer IN (…) AND payee IN (…): primary-key probes (SQLite scans the whole table for a
                # row-value IN list); the cross product's extra pairs are dropped here.
                members = set(chunk)
                their = sorted({payee for payer, payee in wanted if payer in members})
                for payer, payee, count, first in session.execute(
                    select(pair.payer_account, pair.payee_account, pair.count, pair.first_at).where(
                        pair.payer_account.in_(chunk), pair.payee_account.in_(their)
                    )
                ):
                    if (payer, payee) in wanted:
                        pairs.append((payer, payee, count, from_db(first).timestamp()))
            for chunk in _chunks(payees):
                for payee, payer, at, first in _newest(
                    session, "payers", chunk, since_in, self.fan_in_payers
                ):
                    inflow[payee].append((from_db(at).timestamp(), payer, from_db(first).timestamp()))
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

    def discard(self, movements: Collection[Movement]) -> None:
        if movements:
            self.pending = [m for m in self.pending if m not in movements]

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
        self.store.maybe_prune()


class StoreState:
    """`ScreenState` on the SQL store at `engine`."""

    def __init__(self, engine: Engine, *, retention_hours: float = RETENTION_HOURS) -> None:
        self.engine = engine
        self.retention_hours = retention_hours
        self._next_prune = time.monotonic() + PRUNE_EVERY_S
        self._pruning = threading.Lock()

    def session(self, movements: Sequence[Movement], *, fan_in_payers: int = FAN_IN_PAYERS) -> StoreSession:
        return StoreSession(self, movements, fan_in_payers)

    def maybe_prune(self) -> None:
        """Now and then, delete expired seen transfers on a thread of their own (never in a batch's time)."""
        if time.monotonic() < self._next_prune or not self._pruning.acquire(blocking=False):
            return
        self._next_prune = time.monotonic() + PRUNE_EVERY_S

        def run() -> None:
            try:
                self.prune(now=time.time())
            except SQLAlchemyError:  # the store is busy or down: the next round tries again
                pass
            finally:
                self._pruning.release()

        threading.Thread(target=run, name="screen-prune", daemon=True).start()

    def prune(self, *, now: float) -> int:
        """Delete seen transfers older than the retention window, PRUNE_CHUNK rows per transaction (through
        the index on `at`); the number deleted."""
        cutoff = _dt(now - self.retention_hours * 3600.0)
        seen = ScreenTransferSeenRow
        total = 0
        while True:
            with self.engine.begin() as connection:
                expired = select(seen.id).where(seen.at < cutoff).limit(PRUNE_CHUNK).scalar_subquery()
                deleted = connection.execute(delete(seen).where(seen.id.in_(expired))).rowcount or 0
            total += deleted
            if deleted < PRUNE_CHUNK:
                return total
