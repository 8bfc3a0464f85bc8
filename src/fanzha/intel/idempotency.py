"""Idempotency keys from API clients: scoped per caller, tied to the request they were first sent with.

A client retries a report with the same `Idempotency-Key` and gets the first report's id back instead
of a second report. The key is the client's own: two callers may well choose `order-42`, so the stored
key is scoped by the caller (a keyed caller by role and label, an anonymous one by its address), and a
hash of the request goes with it, so that the same key sent with another body is a conflict (409), not a
silent answer with someone else's id.
"""

from __future__ import annotations

import hashlib

import orjson


class IdempotencyConflict(ValueError):
    """The key was used before with a different request."""

    def __init__(self) -> None:
        super().__init__("此幂等键（Idempotency-Key）已用于内容不同的请求，请换一个键")


def scoped_key(*, caller: str, key: str) -> str:
    """The stored form of `key` sent by `caller`: 'api:' + a hash of both (fits the 128-char column)."""
    digest = hashlib.sha256(f"{caller}\n{key}".encode("utf-8", "surrogatepass")).hexdigest()
    return f"api:{digest}"


def request_hash(content: object) -> str:
    """A stable hash of a request body (keys sorted)."""
    return hashlib.sha256(orjson.dumps(content, option=orjson.OPT_SORT_KEYS)).hexdigest()
