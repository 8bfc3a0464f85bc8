"""Streamed screening over NATS JetStream: two `fanzha screen-worker` processes, one killed with SIGKILL
mid-stream and restarted, leave exactly one stored decision per transfer and answer every transfer on
the decisions subject; a transfer published twice is decided once; a malformed message gets an error
record and does not hold up the stream; `fanzha screen decisions --jsonl` lists what is stored.

Needs the NATS server with JetStream (FANZHA_NATS_URL, default nats://127.0.0.1:4222); skipped when it is
not reachable. Each test has a stream of its own, deleted afterwards."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlparse

import orjson
import pytest
from sqlalchemy import Engine

from fanzha.intel.repository import IntelStore
from fanzha.screen.service import build_service
from fanzha.screen.stream import (
    BANK_HEADER,
    DEFAULT_URL,
    MSG_ID,
    StreamNames,
    StreamWorker,
    connect,
    ensure_stream,
    publish_transfers,
    stream_names,
)
from fanzha.store import upgrade

from .conftest import BANK, consumer_state, decision_records, lines, publish, transfer, wait

NATS_URL = os.environ.get("FANZHA_NATS_URL") or DEFAULT_URL
N = 300


def _reachable(url: str) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname or "127.0.0.1", parsed.port or 4222), timeout=1):
            return True
    except OSError:
        return False


pytestmark = pytest.mark.skipif(
    not _reachable(NATS_URL), reason=f"NATS JetStream is not reachable at {NATS_URL} (FANZHA_NATS_URL)"
)


@pytest.fixture
def names() -> Iterator[StreamNames]:
    """A stream of this test's own, with a short ack wait so a killed worker's batch comes back quickly."""
    found = stream_names(f"T{uuid.uuid4().hex[:12]}")

    async def create() -> None:
        nc = await connect(NATS_URL, reconnect=False)
        await ensure_stream(nc.jetstream(), found, ack_wait=2.0)
        await nc.close()

    async def delete() -> None:
        nc = await connect(NATS_URL, reconnect=False)
        await nc.jetstream().delete_stream(found.stream)
        await nc.close()

    asyncio.run(create())
    yield found
    asyncio.run(delete())


def _worker(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "fanzha.cli", "screen-worker", "--batch", "20"]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=log.open("ab"))


def test_two_workers_one_killed_mid_stream_decide_every_transfer_exactly_once(
    engine: Engine, names: StreamNames, tmp_path: Path, decisions: SimpleNamespace
) -> None:
    upgrade(engine)
    env = {
        **os.environ,
        "FANZHA_DATABASE_URL": engine.url.render_as_string(hide_password=False),
        "FANZHA_DATA_DIR": str(tmp_path),
        "FANZHA_NATS_URL": NATS_URL,
        "FANZHA_NATS_STREAM": names.stream,
    }
    log = tmp_path / "workers.log"
    build_service(engine=engine, intel=IntelStore(engine))  # the rule set recorded: workers start read-only
    raws = lines([transfer(i) for i in range(N)])
    assert asyncio.run(publish(NATS_URL, names, raws[: N // 2])) == N // 2
    first = second = restarted = None
    try:
        with decisions.writes_held(engine):  # both workers fetch a full batch and wait to store it
            first, second = _worker(env, log), _worker(env, log)
            wait(
                lambda: asyncio.run(consumer_state(NATS_URL, names))[1] >= 40, seconds=20, what="two batches"
            )
            first.send_signal(signal.SIGKILL)  # mid-stream: the batch it had fetched is not acked
            first.wait(timeout=5)
        restarted = _worker(env, log)
        assert asyncio.run(publish(NATS_URL, names, raws[N // 2 :])) == N - N // 2
        wait(lambda: len(decisions.stored(engine)) >= N, seconds=20, what="every transfer to be decided")
        wait(lambda: log.read_text().count("已启动") >= 3, seconds=20, what="the restart")
        wait(lambda: asyncio.run(consumer_state(NATS_URL, names)) == (0, 0), seconds=10, what="every ack")
    finally:
        for proc in (first, second, restarted):
            if proc is not None and proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in (second, restarted):
            if proc is not None:
                assert proc.wait(timeout=15) == 0, log.read_text()
    stored = decisions.stored(engine)
    assert set(stored) == {f"t-{i}" for i in range(N)}
    assert set(stored.values()) == {1}, "a transfer was stored twice"
    published = asyncio.run(decision_records(NATS_URL, names))
    assert all("error" not in r for r in published), [r for r in published if "error" in r][:3]
    assert {r["id"] for r in published} == set(stored)
    assert sum(r["_delivery"] > 1 for r in published) >= 20, "the killed worker's batch was not redelivered"
    outcomes: dict[str, set[str]] = {}
    for record in published:  # a redelivered transfer is answered with the decision stored first
        outcomes.setdefault(record["id"], set()).add(record["outcome"])
    assert all(len(found) == 1 for found in outcomes.values())
    assert len({o for found in outcomes.values() for o in found}) >= 2  # not all waved through

    listed = subprocess.run(
        [sys.executable, "-m", "fanzha.cli", "screen", "decisions", "--jsonl", "--bank", BANK],
        env=env,
        capture_output=True,
        check=True,
    )
    records = [orjson.loads(line) for line in listed.stdout.splitlines()]
    assert sorted(r["id"] for r in records) == sorted(stored)
    assert all(r["outcome"] in {"allow", "warn", "hold", "block"} and r["bank"] == BANK for r in records)


async def _run_worker_until(engine: Engine, names: StreamNames, done: Any) -> None:
    """A worker in this process until `done()` holds (bounded), then stopped as SIGTERM would."""
    nc = await connect(NATS_URL, reconnect=False)
    js = nc.jetstream()
    service = build_service(engine=engine, intel=IntelStore(engine))
    stop = asyncio.Event()
    task = asyncio.create_task(StreamWorker(service=service, js=js, names=names, batch=10).run(stop))
    deadline = time.monotonic() + 15
    while not await done() and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    stop.set()
    await asyncio.wait_for(task, timeout=5)
    await nc.close()


def test_duplicates_are_decided_once_and_malformed_messages_get_error_records(
    engine: Engine, names: StreamNames, decisions: SimpleNamespace
) -> None:
    upgrade(engine)

    async def scenario() -> list[dict[str, Any]]:
        nc = await connect(NATS_URL, reconnect=False)
        js = nc.jetstream()
        good = lines([transfer(i, prefix="d") for i in range(20)])
        first = await publish_transfers(js, names, bank=BANK, lines=good[:10])
        again = await publish_transfers(js, names, bank=BANK, lines=good[:10])  # within the window
        assert (first.published, first.duplicates, again.duplicates) == (10, 0, 10)
        # The same transfer past JetStream's dedupe window (another message id): the store answers it.
        await js.publish(names.transfers, good[0], headers={BANK_HEADER: BANK, MSG_ID: "late-copy"})
        await js.publish(names.transfers, b"{not json", headers={BANK_HEADER: BANK})
        bad = orjson.dumps({**transfer(99, prefix="d"), "amount": -5})
        await js.publish(names.transfers, bad, headers={BANK_HEADER: BANK})
        await js.publish(names.transfers, orjson.dumps(transfer(98, prefix="d")))  # no bank header
        await publish_transfers(js, names, bank=BANK, lines=good[10:])  # after them: not blocked
        await nc.close()

        async def all_acked() -> bool:
            return await consumer_state(NATS_URL, names) == (0, 0)

        await _run_worker_until(engine, names, all_acked)
        return await decision_records(NATS_URL, names)

    published = asyncio.run(scenario())
    stored = decisions.stored(engine)
    assert stored == Counter({f"d-{i}": 1 for i in range(20)})
    errors = [r for r in published if "error" in r]
    assert sorted(str(r["id"]) for r in errors) == ["None", "d-98", "d-99"]
    assert any("JSON" in r["error"] for r in errors) and any("Fanzha-Bank" in r["error"] for r in errors)
    decided = Counter(r["id"] for r in published if "error" not in r)
    assert decided == Counter({f"d-{i}": 1 for i in range(20)}) + Counter({"d-0": 1})
    assert len({(r["outcome"], r["score"]) for r in published if r.get("id") == "d-0"}) == 1


def test_a_line_too_long_for_one_message_is_reported_and_the_rest_are_published(names: StreamNames) -> None:
    """One oversized line (a purpose field of megabytes) once stopped the whole publish with nats'
    English "maximum payload exceeded"; it is now listed as not published, in Chinese, and the other
    transfers go out."""
    huge = orjson.dumps({**transfer(0, prefix="m"), "purpose": "货" * 600_000})
    rest = lines([transfer(i, prefix="m") for i in range(1, 4)])
    env = {**os.environ, "FANZHA_NATS_URL": NATS_URL, "FANZHA_NATS_STREAM": names.stream}
    done = subprocess.run(
        [sys.executable, "-m", "fanzha.cli", "screen", "publish", "--jsonl", "--bank", BANK],
        input=b"\n".join([rest[0], huge, *rest[1:]]) + b"\n",
        env=env,
        capture_output=True,
        timeout=60,
    )
    stderr = done.stderr.decode()
    assert "第2行超过 NATS 单条消息的上限" in stderr, stderr
    assert "已发布 3 笔交易" in done.stdout.decode() + stderr, stderr
    assert "Traceback" not in stderr and "maximum payload" not in stderr

    async def stored() -> int:
        nc = await connect(NATS_URL, reconnect=False)
        info = await nc.jetstream().stream_info(names.stream)
        await nc.close()
        return int(info.state.messages)

    assert asyncio.run(stored()) == 3


def test_a_line_that_fits_only_without_its_headers_is_reported_too(names: StreamNames) -> None:
    """The server counts the headers (bank, message id) against its limit: a body just under it once
    passed the check and made the server drop the connection, ending the publish with 0 confirmed."""

    async def scenario() -> tuple[int, list[str], int]:
        nc = await connect(NATS_URL, reconnect=False)
        limit = nc.max_payload
        row = {**transfer(0, prefix="h"), "purpose": ""}
        row["purpose"] = "x" * (limit - 20 - len(orjson.dumps(row)))
        body = orjson.dumps(row)
        assert limit - 30 < len(body) <= limit  # fits alone, not with its headers
        report = await publish_transfers(
            nc.jetstream(),
            names,
            bank=BANK,
            lines=[body, *lines([transfer(1, prefix="h")])],
            max_payload=limit,
        )
        info = await nc.jetstream().stream_info(names.stream)
        await nc.close()
        return report.published, report.errors, int(info.state.messages)

    published, errors, stored = asyncio.run(scenario())
    assert (published, stored) == (1, 1)
    assert len(errors) == 1 and errors[0].startswith("第1行超过 NATS 单条消息的上限"), errors
