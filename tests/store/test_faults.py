"""Which store failures are outages (503 with Retry-After) and which are bugs (500)."""

from __future__ import annotations

import sqlite3

import pytest
import redis
from sqlalchemy import exc as sql_errors

from fanzha.store.faults import BUSY, CACHE, DOWN, FULL, READ_ONLY, Outage, outage_of


class _PgError(Exception):
    def __init__(self, sqlstate: str | None, message: str = "") -> None:
        super().__init__(message)
        self.sqlstate = sqlstate


def _wrapped(orig: Exception, kind: type[sql_errors.DBAPIError] = sql_errors.OperationalError) -> Exception:
    return kind("INSERT …", {}, orig)


@pytest.mark.parametrize(
    ("error", "outage"),
    [
        (
            _wrapped(
                _PgError("25006", "cannot execute INSERT in a read-only transaction"),
                sql_errors.InternalError,
            ),
            READ_ONLY,
        ),
        (_wrapped(_PgError("53100", "could not extend file: No space left on device")), FULL),
        (_wrapped(_PgError("57P01", "terminating connection due to administrator command")), DOWN),
        (_wrapped(_PgError("08006", "connection failure")), DOWN),
        (_wrapped(_PgError("53300", "too many clients already")), BUSY),
        (_wrapped(_PgError(None, "connection refused")), DOWN),
        (_wrapped(sqlite3.OperationalError("attempt to write a readonly database")), READ_ONLY),
        (_wrapped(sqlite3.OperationalError("database or disk is full")), FULL),
        (_wrapped(sqlite3.OperationalError("database is locked")), BUSY),
        (sql_errors.TimeoutError("QueuePool limit of size 5 overflow 10 reached"), BUSY),
        (redis.ConnectionError("Error 111 connecting to 127.0.0.1:6379"), CACHE),
        (redis.TimeoutError("Timeout reading from socket"), CACHE),
    ],
)
def test_outages_are_recognised(error: Exception, outage: Outage) -> None:
    assert outage_of(error) == outage


@pytest.mark.parametrize(
    "error",
    [
        _wrapped(sqlite3.OperationalError("no such table: identifiers")),  # a bug, not an outage
        _wrapped(_PgError("23505", "duplicate key value"), sql_errors.IntegrityError),
        ValueError("x"),
    ],
)
def test_bugs_are_not_outages(error: Exception) -> None:
    assert outage_of(error) is None


def _raised_while_handling(first: Exception, second: Exception) -> Exception:
    try:
        try:
            raise first
        except Exception:
            raise second  # noqa: B904 - the implicit context is what is under test
    except Exception as caught:
        return caught


def test_an_error_raised_while_handling_an_outage_is_that_outage() -> None:
    busy = _wrapped(_PgError(None, "sending query failed: another command is already in progress"))
    cut = _wrapped(_PgError(None, "connection socket closed"))
    assert outage_of(busy) is None  # on its own it names no outage …
    assert outage_of(_raised_while_handling(cut, busy)) == DOWN  # … after a cut connection it is one
    bug = _wrapped(sqlite3.OperationalError("no such table: identifiers"))
    assert outage_of(_raised_while_handling(ValueError("x"), bug)) is None  # a bug after a bug stays one


def test_every_outage_tells_the_caller_in_chinese_when_to_retry() -> None:
    for outage in (DOWN, BUSY, READ_ONLY, FULL, CACHE):
        assert outage.retry_after >= 1 and any("\u4e00" <= ch <= "\u9fff" for ch in outage.message)
