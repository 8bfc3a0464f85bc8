"""Who is calling: roles from API keys, and a rate limit for anonymous callers.

Anonymous and `public` callers may check, look up, report, give feedback and appeal; officer
endpoints need an `officer` or `admin` key (401 without a key, 403 with a key of another role).

Limits (token buckets in the process, or in Redis with `FANZHA_REDIS_URL` so that several workers or
machines share one budget):
- anonymous calls, per client address (`anonymous_per_minute`);
- `public` keys (a citizens' app that relays its users' checks), per key (`public_per_minute`, larger);
- wrong keys, per client address: each costs a database lookup, so an address that has sent more
  wrong keys than the anonymous budget is refused before the database is asked until it may retry
  (right keys spend nothing: they are looked up once a minute, then answered from memory).
Officer, bank and admin keys are not limited: a bank's screening must never be refused for volume.

The client address is the connection's peer. uvicorn replaces it with X-Forwarded-For only when the
peer is a trusted proxy (`fanzha serve --forwarded-allow-ips`, default 127.0.0.1), so a client cannot
choose its own bucket by sending the header.
"""

from __future__ import annotations

import asyncio
import math
import threading
import time
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Cookie, Depends, Header, HTTPException, Request
from starlette.concurrency import run_in_threadpool

from fanzha.intel.cache import TTLCache
from fanzha.intel.keys import role_of

ANONYMOUS_PER_MINUTE = 60
PUBLIC_PER_MINUTE = 1_200


@dataclass(frozen=True, slots=True)
class Caller:
    role: str  # anonymous | public | officer | bank | community | medical | admin
    label: str


class RateLimiter:
    """Token bucket per client in this process: `per_minute` calls, refilled continuously."""

    def __init__(self, per_minute: int) -> None:
        self.rate = per_minute / 60.0
        self.capacity = float(per_minute)
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    async def retry_after(self, client: str) -> int:
        """0 when the call may go ahead, else the seconds to wait."""
        return self.take(client)

    def take(self, client: str) -> int:
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(client, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.rate)
            if tokens >= 1.0:
                self._buckets[client] = (tokens - 1.0, now)
                return 0
            self._buckets[client] = (tokens, now)
            return max(1, math.ceil((1.0 - tokens) / self.rate))


# The same token bucket, kept in a Redis hash per client and updated atomically by one script.
_BUCKET_LUA = """
local rate, capacity, now = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens, at = tonumber(state[1]) or capacity, tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - at) * rate)
local wait = 0
if tokens >= 1 then tokens = tokens - 1 else wait = math.ceil((1 - tokens) / rate) end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('EXPIRE', KEYS[1], math.ceil(capacity / rate) + 1)
return wait
"""


class RedisRateLimiter:
    """The token bucket in Redis, shared by every worker that uses the same Redis.

    If Redis stops answering, calls go ahead (fail open) rather than the public page going down.
    """

    def __init__(self, per_minute: int, url: str, *, prefix: str = "fanzha:rate:") -> None:
        self.rate = per_minute / 60.0
        self.capacity = float(per_minute)
        self.prefix = prefix
        self.url = url
        self._loop: asyncio.AbstractEventLoop | None = None
        self._script: Any = None

    def _bucket_script(self) -> Any:
        """The script bound to a client of the running event loop (an asyncio client is tied to one)."""
        import redis.asyncio as aioredis

        loop = asyncio.get_running_loop()
        if self._loop is not loop:
            client = aioredis.Redis.from_url(self.url, socket_timeout=0.5, socket_connect_timeout=0.5)
            self._loop, self._script = loop, client.register_script(_BUCKET_LUA)
        return self._script

    async def retry_after(self, client: str) -> int:
        import redis

        try:
            wait = await self._bucket_script()(
                keys=[self.prefix + client], args=[self.rate, self.capacity, time.time()]
            )
        except (redis.RedisError, OSError):
            return 0
        return max(0, int(wait))


def _key(authorization: str | None, x_api_key: str | None) -> str | None:
    if x_api_key:
        return x_api_key
    if authorization and authorization.lower().startswith("bearer "):
        return authorization[7:].strip()
    return None


# Keys that resolved to a role are remembered for KNOWN_KEY_TTL seconds, so a bank's screening calls do
# not each ask the database who they are. A key revoked (`fanzha keys revoke`, another process) is
# therefore refused by a running API within KNOWN_KEY_TTL seconds; the consoles ask the database on every
# page and refuse it at once. Unknown and revoked keys are never cached.
KNOWN_KEY_TTL = 60.0


def known_keys_cache() -> TTLCache:
    return TTLCache(size=10_000, ttl=KNOWN_KEY_TTL)


async def get_caller(
    request: Request,
    authorization: Annotated[str | None, Header()] = None,
    x_api_key: Annotated[str | None, Header()] = None,
    fanzha_key: Annotated[str | None, Cookie(include_in_schema=False)] = None,
) -> Caller:
    """The caller's role: from an API key header, or the officer console's login cookie
    (`fanzha_key`, HttpOnly and SameSite=Strict, so other sites cannot post with it)."""
    key = _key(authorization, x_api_key) or fanzha_key
    limiter: Limiter = request.app.state.limiter
    address = request.client.host if request.client else "unknown"
    if key is None:
        await _within(limiter, address)
        return Caller("anonymous", "")
    known: TTLCache = request.app.state.known_keys
    hit, found = known.get(("key", key))
    if not hit:
        guessing: WrongKeys = request.app.state.wrong_keys
        guessing.refuse_if_blocked(address)  # before the database is asked
        found = await run_in_threadpool(role_of, request.app.state.services.store.engine, key)
        if found is None:
            await guessing.count(limiter, address)
            raise HTTPException(status_code=401, detail="API密钥无效")
        known.put(("key", key), found)
    caller = Caller(*found)
    if caller.role == "public":
        await _within(request.app.state.public_limiter, f"public:{caller.label}")
    return caller


Limiter = RateLimiter | RedisRateLimiter


class WrongKeys:
    """Addresses that sent too many wrong keys, refused without a database lookup until they may retry.

    Only wrong keys spend the address's budget (the anonymous one, bucket `wrong-key:<address>`): a bank
    whose 200 concurrent requests all miss the key cache at once spends nothing.
    """

    def __init__(self) -> None:
        self._until: dict[str, float] = {}

    def refuse_if_blocked(self, address: str) -> None:
        until = self._until.get(address)
        if until is None:
            return
        wait = until - time.monotonic()
        if wait <= 0:
            del self._until[address]
            return
        raise HTTPException(
            status_code=429, detail="请求过于频繁，请稍后再试", headers={"Retry-After": str(math.ceil(wait))}
        )

    async def count(self, limiter: Limiter, address: str) -> None:
        wait = await limiter.retry_after(f"wrong-key:{address}")
        if wait:
            if len(self._until) > 100_000:  # bounded: forget the lapsed ones
                now = time.monotonic()
                self._until = {a: u for a, u in self._until.items() if u > now}
            self._until[address] = time.monotonic() + wait
            self.refuse_if_blocked(address)


async def _within(limiter: Limiter, bucket: str) -> None:
    wait = await limiter.retry_after(bucket)
    if wait:
        raise HTTPException(
            status_code=429, detail="请求过于频繁，请稍后再试", headers={"Retry-After": str(wait)}
        )


CallerDep = Annotated[Caller, Depends(get_caller)]


async def require_officer(caller: CallerDep) -> Caller:
    if caller.role == "anonymous":
        raise HTTPException(status_code=401, detail="需要民警的API密钥")
    if caller.role not in ("officer", "admin"):
        raise HTTPException(status_code=403, detail="此操作仅限民警")
    return caller


OfficerDep = Annotated[Caller, Depends(require_officer)]


async def require_bank(caller: CallerDep) -> Caller:
    """Bank endpoints: `bank` keys (whose label names the bank) and `admin` keys."""
    if caller.role == "anonymous":
        raise HTTPException(status_code=401, detail="需要银行的API密钥")
    if caller.role not in ("bank", "admin"):
        raise HTTPException(status_code=403, detail="此操作仅限银行")
    return caller


BankDep = Annotated[Caller, Depends(require_bank)]


async def require_community(caller: CallerDep) -> Caller:
    """Community work (residents, warnings, activities, returnees): `community` keys, whose label names
    the community (社区/村) they act for, and `officer` and `admin` keys (every community)."""
    if caller.role == "anonymous":
        raise HTTPException(status_code=401, detail="需要社区或民警的API密钥")
    if caller.role not in ("community", "officer", "admin"):
        raise HTTPException(status_code=403, detail="此操作仅限社区工作人员和民警")
    return caller


CommunityDep = Annotated[Caller, Depends(require_community)]


async def require_medical(caller: CallerDep) -> Caller:
    """The medical-insurance office's endpoints (claims audit, 骗保 reports): `medical` keys, whose label
    names the office (城关区医保局), and `admin` keys."""
    if caller.role == "anonymous":
        raise HTTPException(status_code=401, detail="需要医保部门的API密钥")
    if caller.role not in ("medical", "admin"):
        raise HTTPException(status_code=403, detail="此操作仅限医保部门")
    return caller


MedicalDep = Annotated[Caller, Depends(require_medical)]


def community_of(caller: Caller) -> str | None:
    """The community a caller acts for: a community key's label; None for officers and admins (all)."""
    return caller.label if caller.role == "community" else None
