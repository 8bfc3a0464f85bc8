"""The history the screening rules read — has this payer paid this payee before, how many distinct payers
paid this payee lately (mule fan-in), what this payer paid lately (velocity, rising amounts) — behind a
small interface, so that the engine itself is stateless and workers scale out.

A `ScreenState` opens a `StateSession` for a batch of movements: the session answers `history` for each
movement in turn and `add`s it afterwards, so every transfer sees those before it, including earlier
ones of the same batch; `commit` makes the batch's movements visible to other sessions.

Implementations: `MemoryState` here (the CLI, backtests, tests), `StoreState` in
`fanzha.screen.state_store` (the SQL store) and `RedisState` in `fanzha.screen.state_redis`.
Times are epoch seconds; money is fen.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Collection, Iterable, Sequence
from typing import NamedTuple, Protocol

RETENTION_HOURS = 168.0  # a week: the longest window a rule may look back
MAX_PER_ACCOUNT = 1_000  # recent movements kept per account (a busy merchant's inflow is capped)
FAN_IN_HOURS = 48.0  # payments into an account are needed this far back (the longest fan-in window)
FAN_IN_PAYERS = 100  # the most distinct payers a fan-in rule may ask for (a store reads no more per payee)


# Named tuples, not frozen dataclasses: built for every transfer, and several times faster to build.
class Movement(NamedTuple):
    """Money from `payer` to `payee` at `at` (epoch seconds)."""

    payer: str
    payee: str
    at: float
    amount_fen: int


class History(NamedTuple):
    """What was known before a movement. The sequences are oldest first and hold at most the retention
    window (and at most MAX_PER_ACCOUNT items); read them, do not keep them."""

    paid_before: int  # earlier payments from this payer to this payee, over the whole history kept
    first_paid_at: float | None  # when this payer first paid this payee (None: never)
    payer_recent: Sequence[tuple[float, str, int]]  # the payer's payments: (at, payee, amount_fen)
    # Payments into the payee within FAN_IN_HOURS: (at, payer, when that payer first paid this payee). A
    # store may give only each distinct payer's latest payment, and only the newest FAN_IN_PAYERS of those:
    # all that fan-in needs, and all it takes to tell a merchant's regulars from a mule's new victims.
    payee_recent: Sequence[tuple[float, str, float]]


class StateSession(Protocol):
    def history(self, movement: Movement) -> History: ...

    def add(self, movement: Movement) -> None: ...

    def discard(self, movements: Collection[Movement]) -> None:
        """Leave `movements` (added in this session) out of what `commit` writes."""
        ...

    def commit(self) -> None: ...


class ScreenState(Protocol):
    retention_hours: float

    def session(self, movements: Sequence[Movement], *, fan_in_payers: int = FAN_IN_PAYERS) -> StateSession:
        """A session over `movements` (what a store needs to prefetch); they are then screened in order.
        `fan_in_payers`: how many of a payee's newest distinct payers the rules need at most."""
        ...


class MemoryState:
    """History in this process's memory: a session is the state itself, and `commit` does nothing."""

    def __init__(self, *, retention_hours: float = RETENTION_HOURS) -> None:
        self.retention_hours = retention_hours
        self._retention = retention_hours * 3600.0
        self._pairs: dict[tuple[str, str], tuple[int, float]] = {}  # (payer, payee) → (count, first at)
        self._out: dict[str, deque[tuple[float, str, int]]] = {}
        self._in: dict[str, deque[tuple[float, str, float]]] = {}

    def session(self, movements: Sequence[Movement], *, fan_in_payers: int = FAN_IN_PAYERS) -> MemoryState:
        return self

    def history(self, movement: Movement) -> History:
        since = movement.at - self._retention
        out = self._out.get(movement.payer)
        if out is not None:
            while out and out[0][0] < since:
                out.popleft()
        inflow = self._in.get(movement.payee)
        if inflow is not None:
            while inflow and inflow[0][0] < since:
                inflow.popleft()
        count, first = self._pairs.get((movement.payer, movement.payee), (0, None))
        return History(count, first, out or (), inflow or ())

    def add(self, movement: Movement) -> None:
        key = (movement.payer, movement.payee)
        count, first = self._pairs.get(key, (0, movement.at))
        first = min(first, movement.at)
        self._pairs[key] = (count + 1, first)
        out = self._out.get(movement.payer)
        if out is None:
            out = self._out[movement.payer] = deque(maxlen=MAX_PER_ACCOUNT)
        out.append((movement.at, movement.payee, movement.amount_fen))
        inflow = self._in.get(movement.payee)
        if inflow is None:
            inflow = self._in[movement.payee] = deque(maxlen=MAX_PER_ACCOUNT)
        inflow.append((movement.at, movement.payer, first))

    def discard(self, movements: Collection[Movement]) -> None:
        return None  # this state is the memory itself: what was added stays (backtests, tests)

    def commit(self) -> None:
        return None

    def first_paid(self, payer: str, payee: str) -> float | None:
        """When `payer` first paid `payee`, as far as this state knows (None: never)."""
        found = self._pairs.get((payer, payee))
        return None if found is None else found[1]

    # Seeding, for the stores' sessions: what the store knows, before the batch is screened.
    def seed_pairs(self, pairs: Iterable[tuple[str, str, int, float]]) -> None:
        for payer, payee, count, first in pairs:
            self._pairs[(payer, payee)] = (count, first)

    def seed_out(self, payer: str, items: Iterable[tuple[float, str, int]]) -> None:
        self._out[payer] = deque(sorted(items), maxlen=MAX_PER_ACCOUNT)

    def seed_in(self, payee: str, items: Iterable[tuple[float, str, float]]) -> None:
        self._in[payee] = deque(sorted(items), maxlen=MAX_PER_ACCOUNT)
