"""Screening history in Redis (`FANZHA_REDIS_URL`), shared by every worker and machine that uses it.

Keys, under a prefix (default `fanzha:screen:`):
- `pair:{payer}`  hash payee → number of payments (the first-payee feature), no expiry;
- `first:{payer}` sorted set payee → time of the first payment (ZADD LT keeps the earliest), no expiry;
- `out:{payer}`   sorted set of the payer's payments (score: time), members `at|payee|fen|n`;
- `payers:{payee}` sorted set of the payee's payers (score: the payer's latest payment), for fan-in; each
  member is `payer|first` with the time the payer first paid this payee (a merchant's regulars are told
  from a mule's new victims by it; a member without it, written before, counts as a new payer).
The sorted sets are trimmed to the retention window and expire after it. A session reads what the
batch needs in one Lua call and `commit` writes the batch in another.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Collection, Sequence
from typing import Any

import orjson

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
        """Read what the batch needs in one call of `PREFETCH_LUA`: the request and the answer are one
        JSON string each (packing forty commands' arguments and parsing their replies cost a quarter
        of screening's time with Redis)."""
        store = self.store
        first_at = min(m.at for m in movements)
        since = first_at - store.retention_hours * 3600.0
        by_payer: dict[str, list[str]] = {}
        for m in movements:
            by_payer.setdefault(m.payer, []).append(m.payee)
        payers = sorted(by_payer)
        payees = sorted({m.payee for m in movements}) if self.fan_in_payers > 0 else []  # fan-in
        request = {
            "prefix": store.prefix,
            "since": repr(since),
            "since_in": repr(first_at - min(store.retention_hours, FAN_IN_HOURS) * 3600.0),
            "fan_in": self.fan_in_payers,
            "payers": payers,
            "by_payer": [by_payer[payer] for payer in payers],
            "payees": payees,
        }
        reply = store.prefetch_script(args=[orjson.dumps(request)])
        # An empty Lua table comes back as {} (falsy, like []); a missing value as false.
        outs, ins, counts, firsts = orjson.loads(reply)
        for payer, members in zip(payers, outs, strict=True):
            out = []
            for member in members or ():
                at, rest = member.split("|", 1)
                payee, fen, _ = rest.rsplit("|", 2)
                out.append((float(at), payee, int(fen)))
            self.memory.seed_out(payer, out)
        for payee, flat in zip(payees, ins or (), strict=True):  # member, score, member, score, …
            pairs = zip(flat[::2], flat[1::2], strict=True) if flat else ()
            self.memory.seed_in(payee, [_payer_first(member, float(at)) for member, at in pairs])
        self.memory.seed_pairs(
            (payer, payee, int(count), float(first) if first else since)
            for payer, values, times in zip(payers, counts, firsts, strict=True)
            for payee, count, first in zip(by_payer[payer], values, times, strict=True)
            if count
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
        """Write the batch in one call of `COMMIT_LUA`, its movements one JSON argument (one command,
        not ten per movement: packing and parsing those was a third of screening's time with Redis)."""
        if not self.pending:
            return
        store = self.store
        latest = max(m.at for m in self.pending)
        pid = os.getpid()
        rows = []
        for m in self.pending:
            first = self.memory.first_paid(m.payer, m.payee)
            first = m.at if first is None else first
            rows.append(
                (m.payer, m.payee, repr(m.at), str(m.amount_fen), repr(first), f"{pid}.{next(_nonce)}")
            )
        store.commit_script(
            args=[
                store.prefix,
                int(store.retention_hours * 3600) + 60,
                repr(latest - store.retention_hours * 3600.0),
                MAX_PER_ACCOUNT,
                orjson.dumps(rows),
            ]
        )
        self.pending = []


# ARGV: the prefix, the sorted sets' expiry (s), the retention cutoff, the most members a set keeps, and
# the batch's movements as one JSON array of [payer, payee, at, amount in fen, when the payer first paid
# the payee, a tag that makes the payment's member unique] (strings: times keep every digit). Keys are
# built here from the prefix (one Redis, no cluster slots). Each payment's writes, in order, then each
# touched sorted set trimmed to the retention window and MAX_PER_ACCOUNT and given its expiry.
COMMIT_LUA = """
local prefix, ttl, cutoff, keep = ARGV[1], tonumber(ARGV[2]), ARGV[3], tonumber(ARGV[4])
local outs, ins = {}, {}
for _, m in ipairs(cjson.decode(ARGV[5])) do
  local payer, payee, at, fen, first, tag = m[1], m[2], m[3], m[4], m[5], m[6]
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
return 1
"""

# ARGV[1]: {"prefix", "since", "since_in", "fan_in", "payers", "by_payer", "payees"} as JSON. The answer,
# as JSON: per payer its payments since `since`; per payee its newest `fan_in` payers since `since_in`
# (member, score, member, score, …); per payer the payment count and the first payment's time of each of
# its payees in the batch (false where there is none).
PREFETCH_LUA = """
local req = cjson.decode(ARGV[1])
local prefix = req.prefix
local outs, ins, counts, firsts = {}, {}, {}, {}
local function each(command, key, fields)  -- in chunks: unpack takes at most about 8,000 values
  local out = {}
  for start = 1, #fields, 1000 do
    local part = redis.call(command, key, unpack(fields, start, math.min(start + 999, #fields)))
    for j = 1, #part do out[#out + 1] = part[j] end
  end
  return out
end
for i, payer in ipairs(req.payers) do
  outs[i] = redis.call('ZRANGEBYSCORE', prefix .. 'out:' .. payer, req.since, '+inf')
  counts[i] = each('HMGET', prefix .. 'pair:' .. payer, req.by_payer[i])
  firsts[i] = each('ZMSCORE', prefix .. 'first:' .. payer, req.by_payer[i])
end
for i, payee in ipairs(req.payees) do
  ins[i] = redis.call('ZREVRANGEBYSCORE', prefix .. 'payers:' .. payee, '+inf', req.since_in,
    'WITHSCORES', 'LIMIT', 0, req.fan_in)
end
return cjson.encode({outs, ins, counts, firsts})
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
        # EVALSHA, loaded again after a restart
        self.commit_script = client.register_script(COMMIT_LUA)
        self.prefetch_script = client.register_script(PREFETCH_LUA)

    def session(self, movements: Sequence[Movement], *, fan_in_payers: int = FAN_IN_PAYERS) -> RedisSession:
        return RedisSession(self, movements, fan_in_payers)

    def clear(self) -> None:
        """Delete every key under the prefix (tests, a fresh backtest)."""
        keys = list(self.client.scan_iter(match=self.prefix + "*", count=1000))
        for start in range(0, len(keys), 1000):
            self.client.delete(*keys[start : start + 1000])
