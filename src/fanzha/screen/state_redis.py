"""Screening history in Redis (`FANZHA_REDIS_URL`), shared by every worker and machine that uses it.

Keys, under a prefix (default `fanzha:screen:`):
- `pair:{payer}`  hash payee → number of payments (the first-payee feature), no expiry;
- `first:{payer}` sorted set payee → time of the first payment (ZADD LT keeps the earliest), no expiry;
- `out:{payer}`   sorted set of the payer's payments (score: time), members `at|payee|fen|n`;
- `payers:{payee}` sorted set of the payee's payers (score: the payer's latest payment), for fan-in; each
  member is `payer|first` with the time the payer first paid this payee (a merchant's regulars are told
  from a mule's new victims by it; a member without it, written before, counts as a new payer).
The sorted sets are trimmed to the retention window and expire after it. A session reads what the
batch needs in one pipeline and `commit` writes the batch in another.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Collection, Sequence
from typing import Any

from fanzha.screen.state import (
    FAN_IN_HOURS,
    FAN_IN_PAYERS,
    MAX_PER_ACCOUNT,
    RETENTION_HOURS,
    History,
    MemoryState,
    Movement,
)

_nonce = itertools.count()


def _payer_first(member: str, at: float) -> tuple[float, str, float]:
    """(at, payer, first paid) of a `payers:` member `payer|first` (a bare `payer`: first paid `at`)."""
    payer, bar, first = member.rpartition("|")
    try:
        return (at, payer, float(first)) if bar else (at, member, at)
    except ValueError:
        return at, member, at


class RedisSession:
    def __init__(self, store: RedisState, movements: Sequence[Movement], fan_in_payers: int) -> None:
        self.store = store
        self.fan_in_payers = fan_in_payers
        self.memory = MemoryState(retention_hours=store.retention_hours)
        self.pending: list[Movement] = []
        if movements:
            self._prefetch(movements)

    def _prefetch(self, movements: Sequence[Movement]) -> None:
        prefix = self.store.prefix
        since = min(m.at for m in movements) - self.store.retention_hours * 3600.0
        payers = sorted({m.payer for m in movements})
        payees = sorted({m.payee for m in movements}) if self.fan_in_payers > 0 else []  # fan-in
        by_payer: dict[str, list[str]] = {}
        for m in movements:
            by_payer.setdefault(m.payer, []).append(m.payee)
        pipe = self.store.client.pipeline(transaction=False)
        for payer in payers:
            pipe.zrangebyscore(f"{prefix}out:{payer}", since, "+inf")
        since_in = min(m.at for m in movements) - min(self.store.retention_hours, FAN_IN_HOURS) * 3600.0
        for payee in payees:  # each distinct payer's latest payment, as many as the rules need
            pipe.zrevrangebyscore(
                f"{prefix}payers:{payee}", "+inf", since_in, start=0, num=self.fan_in_payers, withscores=True
            )
        for payer in payers:
            pipe.hmget(f"{prefix}pair:{payer}", by_payer[payer])
        for payer in payers:
            pipe.zmscore(f"{prefix}first:{payer}", by_payer[payer])
        replies = pipe.execute()
        for payer, members in zip(payers, replies[: len(payers)], strict=True):
            out = []
            for member in members:
                at, rest = member.decode().split("|", 1)
                payee, fen, _ = rest.rsplit("|", 2)
                out.append((float(at), payee, int(fen)))
            self.memory.seed_out(payer, out)
        for payee, members in zip(payees, replies[len(payers) : len(payers) + len(payees)], strict=True):
            self.memory.seed_in(payee, [_payer_first(member.decode(), float(at)) for member, at in members])
        n = len(payers) + len(payees)
        counts, firsts = replies[n : n + len(payers)], replies[n + len(payers) :]
        self.memory.seed_pairs(
            (payer, payee, int(count), float(first) if first is not None else since)
            for payer, values, times in zip(payers, counts, firsts, strict=True)
            for payee, count, first in zip(by_payer[payer], values, times, strict=True)
            if count is not None
        )

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
        prefix, ttl = self.store.prefix, int(self.store.retention_hours * 3600) + 60
        latest = max(m.at for m in self.pending)
        cutoff = latest - self.store.retention_hours * 3600.0
        pipe = self.store.client.pipeline(transaction=False)
        touched_out, touched_in = set(), set()
        for m in self.pending:
            n = next(_nonce)
            pipe.zadd(
                f"{prefix}out:{m.payer}", {f"{m.at!r}|{m.payee}|{m.amount_fen}|{os.getpid()}.{n}": m.at}
            )
            first = self.memory.first_paid(m.payer, m.payee)
            first = m.at if first is None else first
            # a payer's latest payment; the member names the payer and when it first paid this payee
            pipe.zadd(f"{prefix}payers:{m.payee}", {f"{m.payer}|{first!r}": m.at}, gt=True)
            pipe.hincrby(f"{prefix}pair:{m.payer}", m.payee, 1)
            pipe.zadd(f"{prefix}first:{m.payer}", {m.payee: m.at}, lt=True)
            touched_out.add(m.payer)
            touched_in.add(m.payee)
        for key in [f"{prefix}out:{p}" for p in touched_out] + [f"{prefix}payers:{p}" for p in touched_in]:
            pipe.zremrangebyscore(key, "-inf", f"({cutoff!r}")
            pipe.zremrangebyrank(key, 0, -MAX_PER_ACCOUNT - 1)
            pipe.expire(key, ttl)
        pipe.execute()
        self.pending = []


class RedisState:
    """`ScreenState` in Redis at `url` (or on a given `client`)."""

    def __init__(
        self,
        url: str | None = None,
        *,
        client: Any = None,
        prefix: str = "fanzha:screen:",
        retention_hours: float = RETENTION_HOURS,
    ) -> None:
        if client is None:
            import redis

            if url is None:
                raise ValueError("need a Redis URL or client")
            client = redis.Redis.from_url(url, socket_timeout=2.0, socket_connect_timeout=2.0)
        self.client = client
        self.prefix = prefix
        self.retention_hours = retention_hours

    def session(self, movements: Sequence[Movement], *, fan_in_payers: int = FAN_IN_PAYERS) -> RedisSession:
        return RedisSession(self, movements, fan_in_payers)

    def clear(self) -> None:
        """Delete every key under the prefix (tests, a fresh backtest)."""
        keys = list(self.client.scan_iter(match=self.prefix + "*", count=1000))
        for start in range(0, len(keys), 1000):
            self.client.delete(*keys[start : start + 1000])
