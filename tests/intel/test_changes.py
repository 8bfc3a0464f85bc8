"""Changes to an identifier reach every worker through Redis within a second (fanzha.intel.changes).

Two apps on one database and one Redis stand for two API workers: a decision or report made through one
changes the level the other answers, well before its cache entries expire, and the other keeps answering
from memory.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from fanzha.api.app import create_app
from fanzha.intel.cache import TTLCache
from fanzha.intel.changes import ChangeFeed, channel_for
from fanzha.intel.keys import create_key
from fanzha.intel.repository import IntelStore
from fanzha.store import upgrade

REDIS = "redis://127.0.0.1:6379/15"


def _redis_or_skip() -> None:
    try:
        import redis

        redis.Redis.from_url(REDIS, socket_timeout=0.5).ping()
    except Exception:
        pytest.skip("no Redis on 127.0.0.1:6379")


def _within(seconds: float, done: Callable[[], bool]) -> float:
    """How long until `done()` held (fails after `seconds`)."""
    start = time.monotonic()
    while not done():
        assert time.monotonic() - start < seconds, f"not within {seconds} s"
        time.sleep(0.01)
    return time.monotonic() - start


@pytest.fixture
def workers(engine: Engine) -> Iterator[tuple[TestClient, TestClient]]:
    _redis_or_skip()
    url = engine.url.render_as_string(hide_password=False)
    with ExitStack() as stack:
        pair = [stack.enter_context(TestClient(create_app(url=url, redis_url=REDIS))) for _ in range(2)]
        for client in pair:
            feed = client.app.state.services.store.feed  # type: ignore[attr-defined]
            assert feed.connected.wait(3)
        yield pair[0], pair[1]


def _officer(client: TestClient) -> dict[str, str]:
    engine = client.app.state.services.store.engine  # type: ignore[attr-defined]
    return {"X-API-Key": create_key(engine, role="officer", label="民警-1")}


def _level(client: TestClient, value: str) -> str:
    return str(client.get("/v1/lookup", params={"kind": "phone", "value": value}).json()["level"])


def test_a_decision_through_one_worker_changes_what_the_other_answers_within_a_second(
    workers: tuple[TestClient, TestClient],
) -> None:
    first, second = workers
    assert _level(second, "17012345678") == "unknown"  # now cached in the second worker for 5 s
    decided = first.post(
        "/v1/decisions",
        headers=_officer(first),
        json={"kind": "phone", "value": "17012345678", "decision": "confirmed", "reason": "已核实"},
    )
    assert decided.status_code in (200, 201), decided.text
    took = _within(1.0, lambda: _level(second, "17012345678") == "confirmed")
    assert took < 1.0
    # …and it is answered from the second worker's memory again, not from the database per request.
    cache = second.app.state.services.store.cache  # type: ignore[attr-defined]
    assert cache.get(("lookup", "phone", "17012345678"))[0]


def test_screening_in_the_other_worker_learns_a_confirmed_account_at_once(
    workers: tuple[TestClient, TestClient],
) -> None:
    first, second = workers
    flagged = second.app.state.screening.service.flagged  # type: ignore[attr-defined]
    assert flagged.level("account", "6222020200112233445") is None
    first.post(
        "/v1/decisions",
        headers=_officer(first),
        json={
            "kind": "bank_card",
            "value": "6222020200112233445",
            "decision": "confirmed",
            "reason": "涉案账户",
        },
    )
    _within(1.0, lambda: flagged.level("account", "6222020200112233445") == "confirmed")
    # An upheld appeal clears it again, in the other worker too.
    first.post(
        "/v1/decisions",
        headers=_officer(first),
        json={"kind": "bank_card", "value": "6222020200112233445", "decision": "cleared", "reason": "误报"},
    )
    _within(1.0, lambda: flagged.level("account", "6222020200112233445") in (None, "cleared"))


def test_citizen_reports_through_one_worker_raise_the_level_in_the_other(
    workers: tuple[TestClient, TestClient],
) -> None:
    first, second = workers
    assert _level(second, "17098765432") == "unknown"
    for i in range(3):
        key = create_key(first.app.state.services.store.engine, role="public", label=f"举报APP-{i}")  # type: ignore[attr-defined]
        first.post("/v1/reports", headers={"X-API-Key": key}, json={"kind": "phone", "value": "17098765432"})
    _within(1.0, lambda: _level(second, "17098765432") != "unknown")


def test_a_write_stands_when_redis_is_down(engine: Engine) -> None:
    upgrade(engine)
    feed = ChangeFeed("redis://127.0.0.1:1/0", channel_for(engine), timeout=0.2)
    store = IntelStore(engine, cache=TTLCache(), feed=feed)
    store.decide(kind="phone", value="17012345678", decision="confirmed", officer="民警", reason="已核实")
    assert store.risk_of("phone", "17012345678")[0] == "confirmed"  # type: ignore[index]


@pytest.fixture
def listening(engine: Engine) -> Iterator[tuple[ChangeFeed, TTLCache, IntelStore]]:
    """A process's listener with its cache, and another process's store that publishes to it."""
    _redis_or_skip()
    upgrade(engine)
    listener = ChangeFeed(REDIS, channel_for(engine))
    cache = TTLCache()
    IntelStore(engine, cache=cache, feed=listener)
    publisher = IntelStore(engine, feed=ChangeFeed(REDIS, channel_for(engine)))
    listener.start()
    try:
        assert listener.connected.wait(3)
        yield listener, cache, publisher
    finally:
        listener.stop()


def test_the_listener_comes_back_after_its_connection_is_killed_and_drops_what_it_may_have_missed(
    listening: tuple[ChangeFeed, TTLCache, IntelStore],
) -> None:
    import redis

    listener, cache, publisher = listening
    cache.put(("phone", "17012345678"), ("unknown", []))
    redis.Redis.from_url(REDIS).client_kill_filter(_type="pubsub")  # as a Redis restart does
    _within(5.0, lambda: cache.get(("phone", "17012345678")) == (False, None) and listener.connected.is_set())
    cache.put(("phone", "17012345679"), ("unknown", []))
    publisher.decide(kind="phone", value="17012345679", decision="confirmed", officer="民警", reason="已核实")
    _within(1.0, lambda: cache.get(("phone", "17012345679")) == (False, None))


def test_two_databases_on_one_redis_do_not_mix(tmp_path: object) -> None:
    from fanzha.store import make_engine

    one = make_engine(f"sqlite:///{tmp_path}/one.sqlite3")
    two = make_engine(f"sqlite:///{tmp_path}/two.sqlite3")
    assert channel_for(one) != channel_for(two)
    assert channel_for(one) == channel_for(make_engine(f"sqlite:///{tmp_path}/one.sqlite3"))


def test_a_large_import_is_published_as_one_reset_not_a_message_per_identifier(
    listening: tuple[ChangeFeed, TTLCache, IntelStore],
) -> None:
    from fanzha.intel.repository import RESET_AFTER

    listener, cache, publisher = listening
    cache.put(("qq", "123456789"), ("unknown", []))
    before = listener.received
    publisher.changed_many([("phone", f"170{i:08d}") for i in range(RESET_AFTER + 1)])
    _within(1.0, lambda: cache.get(("qq", "123456789")) == (False, None))
    time.sleep(0.1)
    assert listener.received - before == 1


def test_a_warning_flag_reaches_the_flag_caches_but_not_a_risk_level_subscriber(
    listening: tuple[ChangeFeed, TTLCache, IntelStore],
) -> None:
    """A 金钟罩 flag changes no risk level: screening's FlaggedSet (intel only) would query the store for
    each held transfer's payee in every other worker; the warnings' flag cache still hears of it."""
    listener, _, _ = listening
    heard: dict[str, list[tuple[str, str]]] = {"intel": [], "all": []}
    listener.subscribe(lambda k, v: heard["intel"].append((k, v)), lambda: None, scopes=("intel",))
    listener.subscribe(lambda k, v: heard["all"].append((k, v)), lambda: None)
    publisher = ChangeFeed(REDIS, listener.channel)
    publisher.publish("bank_card", "6222020000000001", scope="warn")
    publisher.publish("phone", "17012345670")
    _within(1.0, lambda: len(heard["all"]) == 2)
    assert heard["all"] == [("bank_card", "6222020000000001"), ("phone", "17012345670")]
    assert heard["intel"] == [("phone", "17012345670")]
