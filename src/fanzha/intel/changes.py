"""Identifier changes, published to every process through Redis, so no worker answers an old level.

Each API worker answers risk levels from memory: the store's TTL cache (fanzha.intel.cache), the
warnings' flag cache and screening's `FlaggedSet`. A write made through one worker drops that worker's
entries at once; the other workers would answer the old level until their entries expire (5 s, 30 s
for the screening set). With `FANZHA_REDIS_URL` set, every committed report, decision, upheld appeal,
warning flag and bulk import is also published on one Redis channel per database, and a listener
thread in every process applies it: the other workers answer the new level within milliseconds, with
no database query per request (lookups stay answered from memory).

Publishing is best effort and never undoes a committed write: if Redis does not answer, the write
stands, the caches' TTLs bound how long others answer the old level, and the listener reconnects with
a back-off. On every (re)connection the listener clears its caches, since changes published while it
was away were missed.

A message is JSON: {"origin": <process id>, "kind": …, "value": …} for one identifier, or without
kind/value for "drop everything" (a bulk import). A warning-side flag (金钟罩, `fanzha.warn.flags`) adds
"scope": "warn": it changes what the warnings' flag cache answers, not an identifier's risk level, so a
subscriber of risk levels only (screening's `FlaggedSet`, which would query the store for each) skips it.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import uuid
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import Engine

log = logging.getLogger(__name__)

REDIS_ENV = "FANZHA_REDIS_URL"
Change = Callable[[str, str], None]
Reset = Callable[[], None]
SCOPES = ("intel", "warn")  # a risk level changed; a warning-side flag changed


def channel_for(engine: Engine) -> str:
    """The channel of `engine`'s database: two deployments on one Redis never mix their changes."""
    from fanzha.audit.anchor import database_label

    return f"fanzha:intel:changed:{database_label(engine)}"


class ChangeFeed:
    """Publish identifier changes and deliver other processes' changes to subscribers."""

    def __init__(self, url: str, channel: str, *, timeout: float = 0.5) -> None:
        self.url = url
        self.channel = channel
        self.timeout = timeout
        self.origin = uuid.uuid4().hex  # this process's own messages are not applied twice
        self._changes: list[tuple[Change, frozenset[str]]] = []
        self._resets: list[Reset] = []
        self._client: Any = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.connected = threading.Event()  # set while the listener is subscribed
        self.received = 0

    # ------------------------------------------------------------------ publishing
    def _redis(self) -> Any:
        if self._client is None:
            import redis

            self._client = redis.Redis.from_url(
                self.url, socket_timeout=self.timeout, socket_connect_timeout=self.timeout
            )
        return self._client

    def _send(self, messages: list[dict[str, str]]) -> None:
        try:
            pipe = self._redis().pipeline(transaction=False)
            for message in messages:
                pipe.publish(self.channel, json.dumps({"origin": self.origin, **message}))
            pipe.execute()
        except Exception as exc:  # redis.RedisError, OSError: the write stands; TTLs bound the staleness
            log.warning("identifier change not published (Redis %s): %s", self.url, exc)

    def publish(self, kind: str, value: str, *, scope: str = "intel") -> None:
        self._send([{"kind": kind, "value": value} | ({"scope": scope} if scope != "intel" else {})])

    def publish_many(self, changed: Iterable[tuple[str, str]]) -> None:
        messages = [{"kind": kind, "value": value} for kind, value in changed]
        for start in range(0, len(messages), 1_000):
            self._send(messages[start : start + 1_000])

    def publish_reset(self) -> None:
        self._send([{}])

    # ------------------------------------------------------------------ listening
    def subscribe(self, on_change: Change, on_reset: Reset, *, scopes: Iterable[str] = SCOPES) -> None:
        """Call `on_change(kind, value)` for each change of `scopes` another process publishes, and
        `on_reset()` for a bulk change and on every (re)connection of the listener."""
        self._changes.append((on_change, frozenset(scopes)))
        self._resets.append(on_reset)

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._listen, name="intel-changes", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=3)
            self._thread = None
        self.connected.clear()

    def _reset(self) -> None:
        for reset in self._resets:
            try:
                reset()
            except Exception:
                log.exception("identifier cache reset failed")

    def _apply(self, data: bytes) -> None:
        try:
            message = json.loads(data)
        except ValueError:
            log.warning("unreadable identifier change on %s ignored", self.channel)
            return
        if not isinstance(message, dict) or message.get("origin") == self.origin:
            return
        self.received += 1
        kind, value = message.get("kind"), message.get("value")
        if not isinstance(kind, str) or not isinstance(value, str):
            self._reset()
            return
        scope = message.get("scope", "intel")
        for change, scopes in self._changes:
            if scope not in scopes:
                continue
            try:
                change(kind, value)
            except Exception:
                log.exception("identifier change %s not applied", kind)

    def _listen(self) -> None:
        import redis

        wait = 0.1
        while not self._stop.is_set():
            client = redis.Redis.from_url(self.url, socket_connect_timeout=self.timeout, socket_timeout=None)
            pubsub = client.pubsub(ignore_subscribe_messages=True)
            try:
                pubsub.subscribe(self.channel)
                self._reset()  # anything published while this listener was away was missed
                self.connected.set()
                wait = 0.1
                while not self._stop.is_set():
                    message = pubsub.get_message(timeout=0.5)
                    if message is not None and message.get("type") == "message":
                        self._apply(message["data"])
            except (redis.RedisError, OSError) as exc:
                if self.connected.is_set():
                    log.warning("identifier changes: Redis %s lost (%s); reconnecting", self.url, exc)
                self.connected.clear()
                self._stop.wait(wait)
                wait = min(wait * 2, 5.0)
            finally:
                try:
                    pubsub.close()
                    client.close()
                except Exception:  # the connection is already gone
                    pass
        self.connected.clear()


def feed_from_env(engine: Engine, url: str | None = None) -> ChangeFeed | None:
    """The feed on `url` (default: FANZHA_REDIS_URL) for `engine`'s database, or None when unset."""
    url = url or os.environ.get(REDIS_ENV) or None
    return ChangeFeed(url, channel_for(engine)) if url else None
