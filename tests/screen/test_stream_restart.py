"""Streamed screening across a NATS restart: a NATS server of the test's own (JetStream, file store) is
killed with SIGKILL mid-stream and started again on the same port and store directory. It is frozen
(SIGSTOP) first while the workers publish the decisions of the batches they hold, so those publishes
are taken by the kernel and never acknowledged: the worst case, where a worker waiting for them would
wait forever. Two running `fanzha screen-worker` processes stay up, log their reconnection, and every
transfer — those they held when NATS went away and those published after — ends with exactly one stored
decision and a record on the decisions subject, with nothing left pending or unacknowledged. `fanzha screen publish --jsonl`
against a server that is down, or that dies mid-publish, exits with code 2 and a Chinese message saying
how many transfers were acknowledged (all of them are in the stream afterwards), never a traceback.

Skipped when /usr/sbin/nats-server (or nats-server on PATH) is missing; never touches a shared server."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import Engine

from fanzha.intel.repository import IntelStore
from fanzha.screen.service import build_service
from fanzha.screen.stream import (
    StreamNames,
    connect,
    ensure_stream,
    stream_names,
)
from fanzha.store import upgrade

from .conftest import BANK, consumer_state, decision_records, lines, publish, transfer, wait

SERVER = (
    "/usr/sbin/nats-server" if os.access("/usr/sbin/nats-server", os.X_OK) else shutil.which("nats-server")
)
N = 300

pytestmark = pytest.mark.skipif(SERVER is None, reason="nats-server is not installed")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class NatsServer:
    """A nats-server with JetStream on a port and store directory of its own; kill() is SIGKILL."""

    def __init__(self, root: Path) -> None:
        self.port, self.store = _free_port(), root / "jetstream"
        self.url = f"nats://127.0.0.1:{self.port}"
        self.log = root / "nats-server.log"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        assert SERVER is not None
        command = [SERVER, "-a", "127.0.0.1", "-p", str(self.port), "-js", "-sd", str(self.store)]
        self.proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=self.log.open("ab"))
        wait(lambda: asyncio.run(self._ready()), seconds=10, what="nats-server to start")

    async def _ready(self) -> bool:
        try:
            nc = await connect(self.url, reconnect=False)
        except Exception:
            return False
        try:
            await nc.jetstream().account_info()
            return True
        except Exception:
            return False
        finally:
            await nc.close()

    def freeze(self) -> None:
        """SIGSTOP: what clients send now is taken by the kernel and never answered."""
        assert self.proc is not None
        self.proc.send_signal(signal.SIGSTOP)

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=5)


@pytest.fixture
def nats_server(tmp_path: Path) -> Iterator[NatsServer]:
    server = NatsServer(tmp_path)
    server.start()
    yield server
    if server.proc is not None and server.proc.poll() is None:
        server.kill()


async def _create(url: str, names: StreamNames) -> None:
    nc = await connect(url, reconnect=False)
    await ensure_stream(nc.jetstream(), names, ack_wait=2.0)  # a held batch comes back quickly
    await nc.close()


async def _subject_counts(url: str, names: StreamNames) -> dict[str, int]:
    nc = await connect(url, reconnect=False)
    try:
        info = await nc.jetstream().stream_info(names.stream, subjects_filter=">")
        return dict(info.state.subjects or {})
    finally:
        await nc.close()


def _held(url: str, names: StreamNames) -> int:
    return asyncio.run(consumer_state(url, names))[1]


def _both_holding(url: str, names: StreamNames, *, steady: float = 2.5) -> Any:
    """A condition: both workers hold a batch they cannot store. A worker holds one batch (≤ 20) at a time,
    so more than 20 in hand says so at once; a loaded machine may hand each a part of a batch (a fetch
    returns what arrived within its second), so the other sign is a hand that stops changing for `steady`
    seconds while transfers still wait (a worker that is not stuck fetches again within a second)."""
    last: list[Any] = [None, 0.0]

    def condition() -> bool:
        waiting, held = asyncio.run(consumer_state(url, names))
        if held > 20:
            return True
        now = time.monotonic()
        if last[0] != (waiting, held):
            last[0], last[1] = (waiting, held), now
            return False
        return held > 0 and waiting > 0 and now - last[1] >= steady

    return condition


def _stopped(proc: subprocess.Popen[bytes]) -> int | None:
    """Its exit code after SIGTERM, or None when it was stuck and had to be killed."""
    try:
        return proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        return None


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "fanzha.cli", *args]


def test_workers_survive_a_nats_restart_mid_stream_and_decide_every_transfer_once(
    engine: Engine, nats_server: NatsServer, tmp_path: Path, decisions: SimpleNamespace
) -> None:
    upgrade(engine)
    names = stream_names(f"R{uuid.uuid4().hex[:12]}")
    url = nats_server.url
    asyncio.run(_create(url, names))
    env = {
        **os.environ,
        "FANZHA_DATABASE_URL": engine.url.render_as_string(hide_password=False),
        "FANZHA_DATA_DIR": str(tmp_path),
        "FANZHA_NATS_URL": url,
        "FANZHA_NATS_STREAM": names.stream,
    }
    log = tmp_path / "workers.log"
    build_service(engine=engine, intel=IntelStore(engine))  # the rule set recorded: workers start read-only
    workers: list[subprocess.Popen[bytes]] = []
    try:
        for _ in range(2):
            command = _cli("screen-worker", "--batch", "20")
            stderr = log.open("ab")
            workers.append(subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=stderr))
        wait(lambda: log.read_text().count("已启动") >= 2, seconds=20, what="the workers", log=log)
        with decisions.writes_held(engine):  # both workers fetch a batch and wait to store it
            assert (
                asyncio.run(publish(url, names, lines([transfer(i, prefix="r") for i in range(N // 2)])))
                == N // 2
            )
            wait(_both_holding(url, names), seconds=30, what="two batches", log=log)
            in_hand = _held(url, names)
            nats_server.freeze()
        # Mid-stream: the workers store their batches' decisions and publish them to a server that takes
        # them and dies (SIGKILL) before storing or answering them; those acknowledgements never come.
        wait(
            lambda: len(decisions.stored(engine)) >= in_hand, seconds=20, what="the batches screened", log=log
        )
        time.sleep(0.5)
        nats_server.kill()
        time.sleep(0.5)
        assert all(w.poll() is None for w in workers), log.read_text()
        nats_server.start()  # same port, same store directory
        assert (
            asyncio.run(publish(url, names, lines([transfer(i, prefix="r") for i in range(N // 2, N)])))
            == N - N // 2
        )
        wait(
            lambda: len(decisions.stored(engine)) >= N,
            seconds=20,
            what="every transfer to be decided",
            log=log,
        )
        wait(lambda: asyncio.run(consumer_state(url, names)) == (0, 0), seconds=10, what="every ack", log=log)
        assert all(w.poll() is None for w in workers), log.read_text()
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.send_signal(signal.SIGTERM)
        codes = [_stopped(worker) for worker in workers]
    text_log = log.read_text()
    assert codes == [0, 0], text_log
    assert "Traceback" not in text_log, text_log
    assert text_log.count("NATS 已重新连接") >= 2, text_log  # each worker says it is back
    assert text_log.count("筛查结论未能发布") >= 2, text_log  # each gave up waiting and nakked its batch

    stored = decisions.stored(engine)
    assert set(stored) == {f"r-{i}" for i in range(N)}
    assert set(stored.values()) == {1}, "a transfer was stored twice"
    records = asyncio.run(decision_records(url, names))
    assert all("error" not in r for r in records), [r for r in records if "error" in r][:3]
    outcomes: dict[str, set[str]] = {}
    for record in records:  # a redelivered transfer is answered with the decision stored first
        outcomes.setdefault(record["id"], set()).add(record["outcome"])
    assert set(outcomes) == set(stored)
    assert all(len(found) == 1 for found in outcomes.values())
    assert len({o for found in outcomes.values() for o in found}) >= 2  # not all waved through
    assert asyncio.run(_subject_counts(url, names))[names.transfers] == N  # none lost, none twice


def _published_count(stderr: str) -> int:
    found = re.search(r"已确认发布 (\d+) 笔", stderr)
    assert found, stderr
    return int(found.group(1))


def test_publish_while_nats_is_down_or_dies_says_what_was_published(nats_server: NatsServer) -> None:
    names = stream_names(f"P{uuid.uuid4().hex[:12]}")
    env = {**os.environ, "FANZHA_NATS_URL": nats_server.url, "FANZHA_NATS_STREAM": names.stream}
    command = _cli("screen", "publish", "--jsonl", "--bank", BANK)
    data = b"\n".join(lines([transfer(i, prefix="r") for i in range(2000)])) + b"\n"

    nats_server.kill()
    down = subprocess.run(command, env=env, input=data, capture_output=True, timeout=30)
    stderr = down.stderr.decode()
    assert down.returncode == 2, stderr
    assert "Traceback" not in stderr and "无法连接 NATS" in stderr, stderr
    assert _published_count(stderr) == 0

    # Dies mid-publish: 600 lines in, then the rest. The 600 are sent while the publisher waits for the
    # 601st (stdin is read off the event loop: a live feed's transfers go out as they come), and the
    # 513th only after it counted the first 512 acknowledgements; so with 600 stored, at least 512
    # are reported (512 stored would not do: their acks may still be on the wire when the server dies).
    nats_server.start()
    proc = subprocess.Popen(
        command, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdin is not None
    head = data.split(b"\n", 600)
    proc.stdin.write(b"\n".join(head[:600]) + b"\n")
    proc.stdin.flush()

    def acked() -> bool:
        try:
            return asyncio.run(_subject_counts(nats_server.url, names)).get(names.transfers, 0) >= 600
        except Exception:  # the stream is not created yet
            return False

    try:
        wait(acked, seconds=15, what="the first transfers to be published")
        nats_server.kill()
        # Not stuck waiting for acknowledgements that never come (nor, then, reading the rest).
        _, err = proc.communicate(head[600], timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    stderr = err.decode()
    assert proc.returncode == 2, stderr
    assert "Traceback" not in stderr and "发布中断" in stderr, stderr
    published = _published_count(stderr)
    assert 512 <= published <= 600, stderr

    nats_server.start()  # everything it reported as published is in the stream
    assert asyncio.run(_subject_counts(nats_server.url, names))[names.transfers] >= published
