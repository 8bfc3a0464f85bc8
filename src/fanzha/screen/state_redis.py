"""Screening history in Redis (`FANZHA_REDIS_URL`), shared by every worker and machine that uses it.

Keys, under a prefix (default `fanzha:screen:`):
- `pair:{payer}`  hash payee → number of payments (the first-payee feature), no expiry;
- `first:{payer}` sorted set payee → time of the first payment (ZADD LT keeps the earliest), no expiry;
- `out:{payer}`   sorted set of the payer's payments (score: time), members `at|payee|fen|n`;
- `payers:{payee}` sorted set of the payee's payers (score: the payer's latest payment), for fan-in; each
  member is `payer|first` with the time the payer first paid this payee (a merchant's regulars are told
  from a mule's new victims by it; a member without it, written before, counts as a new payer).
The sorted sets are trimmed to the retention window and expire after it. A session reads what the
batch needs in one pipeline and `commit` writes the batch in one Lua call.
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
        """Write the batch in one call of `COMMIT_LUA` (one command, not ten per movement: packing and
        parsing those was a third of screening's time with Redis)."""
        if not self.pending:
            return
        store = self.store
        latest = max(m.at for m in self.pending)
        args: list[Any] = [
            store.prefix,
            int(store.retention_hours * 3600) + 60,
            repr(latest - store.retention_hours * 3600.0),
            MAX_PER_ACCOUNT,
        ]
        pid = os.getpid()
        for m in self.pending:
            first = self.memory.first_paid(m.payer, m.payee)
            first = m.at if first is None else first
            args += (m.payer, m.payee, repr(m.at), m.amount_fen, repr(first), f"{pid}.{next(_nonce)}")
        store.commit_script(args=args)
        self.pending = []


# One movement is six arguments: payer, payee, at, amount in fen, when the payer first paid the payee,
# a tag that makes the payment's member unique. Keys are built here from the prefix (one Redis, no
# cluster slots). The same writes the pipeline made before, in the same order, then each touched sorted
# set trimmed to the retention window and MAX_PER_ACCOUNT and given its expiry.
COMMIT_LUA = """
local prefix, ttl, cutoff, keep = ARGV[1], tonumber(ARGV[2]), ARGV[3], tonumber(ARGV[4])
local outs, ins = {}, {}
for b = 5, #ARGV, 6 do
  local payer, payee, at, fen, first, tag = ARGV[b], ARGV[b + 1], ARGV[b + 2], ARGV[b + 3], ARGV[b + 4], ARGV[b + 5]
  redis.call('ZADD', prefix .. 'out:' .. payer, at, at .. '|' .. payee .. '|' .. fen .. '|' .. tag)
  redis.call('ZADD', prefix .. 'payers:' .. payee, 'GT', at, payer .. '|' .. first)
  redis.call('HINCRBY', prefix .. 'pair:' .. payer, payee, 1)
  redis.call('ZADD', prefix .. 'first:' .. payer, 'LT', at, payee)
  outs[prefix .. 'out:' .. payer] = true
  ins[prefix .. 'payers:' .. payee] = true
end
for _, touched in ipairs({outs, ins}) do
  for key in pairs(touched) do
    redis.call('ZREMRANGEBYSCORE', key, '-inf', '(' .. cutoff)
    redis.call('ZREMRANGEBYRANK', key, 0, -keep - 1)
    redis.call('EXPIRE', key, ttl)
  end
end
return (#ARGV - 4) / 6
"""


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
        self.commit_script = client.register_script(COMMIT_LUA)  # EVALSHA, loaded again after a restart

    def session(self, movements: Sequence[Movement], *, fan_in_payers: int = FAN_IN_PAYERS) -> RedisSession:
        return RedisSession(self, movements, fan_in_payers)

    def clear(self) -> None:
        """Delete every key under the prefix (tests, a fresh backtest)."""
        keys = list(self.client.scan_iter(match=self.prefix + "*", count=1000))
        for start in range(0, len(keys), 1000):
            self.client.delete(*keys[start : start + 1000])
