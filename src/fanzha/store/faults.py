"""Which failures mean a store is unavailable (not a bug), and what a caller is told about them.

The API answers these with 503 and `Retry-After` (fanzha.api.errors), the pages with a page saying the
same: the database cannot be reached or its connection was cut, it is busy (pool exhausted, locked),
it is read-only (a standby after a failover, `default_transaction_read_only`, a read-only file) or its
disk is full, or Redis cannot be reached. A read-only or full store refuses writes only: reads go on
being served, since they never reach these errors. Nothing is half-stored: the failed transaction is
rolled back by its session, and the caller is told to retry.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import exc as sql_errors


@dataclass(frozen=True, slots=True)
class Outage:
    kind: str  # down | busy | read_only | full | cache
    message: str  # what the caller is told, in Chinese
    retry_after: int  # seconds


DOWN = Outage("down", "数据库暂时无法连接，请稍后重试", 5)
BUSY = Outage("busy", "数据库繁忙，请稍后重试", 1)
READ_ONLY = Outage("read_only", "数据库当前为只读，暂时不能保存；查询不受影响", 30)
FULL = Outage("full", "存储空间已满，暂时不能保存；查询不受影响，请联系系统管理员", 60)
CACHE = Outage("cache", "缓存服务暂时无法连接，请稍后重试", 5)

# PostgreSQL SQLSTATEs (https://www.postgresql.org/docs/current/errcodes-appendix.html).
_STATES = {
    "25006": READ_ONLY,  # read_only_sql_transaction
    "53100": FULL,  # disk_full
    "53200": BUSY,  # out_of_memory
    "53300": BUSY,  # too_many_connections
    "55P03": BUSY,  # lock_not_available
    "57P01": DOWN,  # admin_shutdown
    "57P02": DOWN,  # crash_shutdown
    "57P03": DOWN,  # cannot_connect_now (starting up, in recovery)
    "57014": BUSY,  # query_canceled (statement timeout)
    "40001": BUSY,  # serialization_failure
    "40P01": BUSY,  # deadlock_detected
}
# SQLite's messages for the same conditions.
_SQLITE = (
    ("readonly database", READ_ONLY),
    ("database or disk is full", FULL),
    ("disk i/o error", FULL),
    ("database is locked", BUSY),
    ("database is busy", BUSY),
    ("unable to open database", DOWN),
)


def _state(exc: BaseException) -> str | None:
    orig = getattr(exc, "orig", None)
    state = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    return str(state) if state else None


def outage_of(exc: BaseException) -> Outage | None:
    """The outage `exc` stands for, or None when it is not one (a bug, bad input). An error raised while
    handling an outage is that outage: a connection cut in the middle of a query leaves its session
    unusable, and the next statement on it fails with "another command is already in progress", which
    names no outage of its own (seen when PostgreSQL connections were killed under load)."""
    current: BaseException | None = exc
    for _ in range(8):  # a chain is short; the bound also ends a cycle
        if current is None:
            break
        outage = _outage(current)
        if outage is not None:
            return outage
        current = current.__cause__ or current.__context__
    return None


def _outage(exc: BaseException) -> Outage | None:
    """The outage `exc` itself stands for (`outage_of` also looks at what it was raised from)."""
    try:
        from redis import exceptions as redis_errors

        if isinstance(exc, redis_errors.ConnectionError | redis_errors.TimeoutError):
            return CACHE
    except ImportError:  # pragma: no cover - redis is a dependency
        pass
    if isinstance(exc, sql_errors.TimeoutError):  # the connection pool is exhausted
        return BUSY
    if isinstance(exc, sql_errors.DisconnectionError):
        return DOWN
    if isinstance(exc, sql_errors.DBAPIError):
        state = _state(exc)
        if state is not None:
            if state in _STATES:
                return _STATES[state]
            if state.startswith("08"):  # connection_exception and its kin
                return DOWN
        if exc.connection_invalidated:
            return DOWN
        text = str(exc.orig).lower() if exc.orig is not None else str(exc).lower()
        for needle, outage in _SQLITE:
            if needle in text:
                return outage
        gone = ("connection", "server closed", "timeout", "timed out", "terminat")
        if (
            isinstance(exc, sql_errors.OperationalError | sql_errors.InterfaceError)
            and state is None
            and any(word in text for word in gone)
        ):  # psycopg without a SQLSTATE: the server is gone (connection refused, closed, timed out)
            return DOWN
    if isinstance(exc, ConnectionError | TimeoutError):
        return DOWN
    return None
