"""Who is calling: roles from API keys, and a rate limit for anonymous callers.

Anonymous and `public` callers may check, look up, report, give feedback and appeal; officer
endpoints need an `officer` or `admin` key (401 without a key, 403 with a key of another role).
Anonymous calls are limited per client address (token bucket, in process; Redis when scaled out).
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, HTTPException, Request

from fanzha.intel.keys import role_of

ANONYMOUS_PER_MINUTE = 60


@dataclass(frozen=True, slots=True)
class Caller:
    role: str  # anonymous | public | officer | bank | admin
    label: str


class RateLimiter:
    def __init__(self, per_minute: int) -> None:
        self.rate = per_minute / 60.0
        self.capacity = float(per_minute)
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def retry_after(self, client: str) -> int:
        """0 when the call may go ahead, else the seconds to wait."""
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(client, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.rate)
            if tokens >= 1.0:
                self._buckets[client] = (tokens - 1.0, now)
                return 0
            self._buckets[client] = (tokens, now)
            return max(1, math.ceil((1.0 - tokens) / self.rate))


def _key(authorization: str | None, x_api_key: str | None) -> str | None:
    if x_api_key:
        return x_api_key
    if authorization and authorization.lower().startswith("bearer "):
        return authorization[7:].strip()
    return None


def get_caller(
    request: Request,
    authorization: Annotated[str | None, Header()] = None,
    x_api_key: Annotated[str | None, Header()] = None,
) -> Caller:
    key = _key(authorization, x_api_key)
    if key is not None:
        found = role_of(request.app.state.services.store.engine, key)
        if found is None:
            raise HTTPException(status_code=401, detail="API密钥无效")
        return Caller(*found)
    limiter: RateLimiter = request.app.state.limiter
    wait = limiter.retry_after(request.client.host if request.client else "unknown")
    if wait:
        raise HTTPException(
            status_code=429, detail="请求过于频繁，请稍后再试", headers={"Retry-After": str(wait)}
        )
    return Caller("anonymous", "")


CallerDep = Annotated[Caller, Depends(get_caller)]


def require_officer(caller: CallerDep) -> Caller:
    if caller.role == "anonymous":
        raise HTTPException(status_code=401, detail="需要民警的API密钥")
    if caller.role not in ("officer", "admin"):
        raise HTTPException(status_code=403, detail="此操作仅限民警")
    return caller


OfficerDep = Annotated[Caller, Depends(require_officer)]
