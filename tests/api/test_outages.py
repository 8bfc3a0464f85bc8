"""When the store or Redis fails under the service: 503 with Retry-After and a Chinese reason (a page for a
browser), nothing acknowledged lost, reads still served where the store can read, and the service back
by itself once the store is (fanzha.store.faults, fanzha.api.errors).

The faults are real ones: a read-only database (SQLite's query_only, PostgreSQL's read-only transactions,
as on a standby), a full database (SQLite's max_page_count: the same SQLITE_FULL as a full disk),
PostgreSQL connections cut (pg_terminate_backend) and refused (ALLOW_CONNECTIONS false), and a Redis
server of the test's own killed with SIGKILL and started again."""

from __future__ import annotations

import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, func, select, text

from fanzha.api.app import create_app
from fanzha.intel.keys import create_key
from fanzha.store.screen_tables import ScreenDecisionRow
from fanzha.store.tables import ReportRow

BANK = "中国工商银行"


def _app_engine(client: TestClient) -> Engine:
    return client.app.state.services.store.engine  # type: ignore[attr-defined, no-any-return]


def _officer(client: TestClient) -> dict[str, str]:
    return {"X-API-Key": create_key(_app_engine(client), role="officer", label="民警-1")}


def _decide(client: TestClient, headers: dict[str, str], value: str) -> Any:
    body = {"kind": "phone", "value": value, "decision": "confirmed", "reason": "已核实"}
    return client.post("/v1/decisions", headers=headers, json=body)


def _assert_unavailable(response: Any, word: str) -> None:
    assert response.status_code == 503, response.text
    assert int(response.headers["Retry-After"]) >= 1
    assert word in response.json()["detail"], response.json()


def test_a_read_only_store_refuses_writes_clearly_and_keeps_serving_reads(
    engine: Engine, store_faults: SimpleNamespace
) -> None:
    url = engine.url.render_as_string(hide_password=False)
    with TestClient(create_app(url=url)) as client:
        officer = _officer(client)
        assert _decide(client, officer, "17012345678").status_code in (200, 201)
        app_engine = _app_engine(client)
        with store_faults.read_only(app_engine):
            _assert_unavailable(_decide(client, officer, "17012345679"), "只读")
            refused = client.post(
                "/report", data={"kind": "phone", "value": "17012345670"}, headers={"Accept": "text/html"}
            )
            assert refused.status_code == 503 and "只读" in refused.text and "<html" in refused.text.lower()
            client.app.state.services.store.cache.clear()  # type: ignore[attr-defined]  # read the store
            looked = client.get("/v1/lookup", params={"kind": "phone", "value": "17012345678"})
            assert looked.status_code == 200 and looked.json()["level"] == "confirmed"
            assert client.get("/v1/cases", headers=officer).status_code == 200
            assert client.post("/v1/assess", json={"text": "您的快递丢失，请加QQ理赔"}).status_code == 200
        assert _decide(client, officer, "17012345679").status_code in (200, 201)  # back by itself
        level = client.get("/v1/lookup", params={"kind": "phone", "value": "17012345679"}).json()["level"]
        assert level == "confirmed"


def test_a_full_store_refuses_writes_and_loses_nothing_it_acknowledged(
    tmp_path: Path, store_faults: SimpleNamespace
) -> None:
    with TestClient(create_app(url=f"sqlite:///{tmp_path / 'full.sqlite3'}")) as client:
        officer = _officer(client)
        app_engine = _app_engine(client)
        with app_engine.connect() as conn:
            pages = int(conn.execute(text("PRAGMA page_count")).scalar_one())
        acknowledged: list[str] = []
        refused = None
        with store_faults.on_every_connection(app_engine, f"PRAGMA max_page_count = {pages + 2}"):
            for i in range(400):
                value = f"170{i:08d}"
                body = {"kind": "phone", "value": value, "text": "冒充客服退款，" * 150}
                response = client.post("/v1/reports", headers=officer, json=body)
                if response.status_code == 503:
                    refused = response
                    break
                assert response.status_code in (200, 201), response.text
                acknowledged.append(value)
            assert refused is not None, "the store never filled up"
            _assert_unavailable(refused, "存储空间已满")
            assert (
                client.get("/v1/lookup", params={"kind": "phone", "value": acknowledged[0]}).status_code
                == 200
            )
        with app_engine.connect() as conn:
            stored = conn.execute(select(func.count()).select_from(ReportRow)).scalar_one()
        assert stored == len(acknowledged) > 0
        after = {"kind": "phone", "value": "17099999999"}
        assert client.post("/v1/reports", headers=officer, json=after).status_code in (200, 201)


def _postgres_only(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("cutting server connections needs PostgreSQL (FANZHA_TEST_DATABASE_URL)")


def _terminate(admin: Engine, database: str) -> None:
    with admin.connect() as conn:
        conn.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = :db AND pid <> pg_backend_pid()"
            ),
            {"db": database},
        )


def test_connections_cut_under_load_lose_nothing_acknowledged_and_heal_by_themselves(engine: Engine) -> None:
    _postgres_only(engine)
    url = engine.url.render_as_string(hide_password=False)
    database = str(engine.url.database)
    admin = create_engine(engine.url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with TestClient(create_app(url=url)) as client:
        officer = _officer(client)
        stop = threading.Event()

        def cut() -> None:
            while not stop.is_set():
                _terminate(admin, database)
                time.sleep(0.05)

        killer = threading.Thread(target=cut, daemon=True)
        killer.start()
        statuses: list[int] = []
        acknowledged: list[str] = []
        try:
            for i in range(150):
                value = f"171{i:08d}"
                response = client.post("/v1/reports", headers=officer, json={"kind": "phone", "value": value})
                statuses.append(response.status_code)
                if response.status_code in (200, 201):
                    acknowledged.append(value)
                else:
                    _assert_unavailable(response, "数据库")
        finally:
            stop.set()
            killer.join()
        assert set(statuses) <= {200, 201, 503}
        # The first request may still find a connection that was cut (503: the pool then drops them all);
        # from then on every request succeeds without anyone restarting anything.
        healed = [
            client.post("/v1/reports", headers=officer, json={"kind": "phone", "value": f"172{i:08d}"})
            for i in range(21)
        ]
        assert {r.status_code for r in healed[1:]} <= {200, 201}
    engine.dispose()  # the test's own pooled connections were cut too
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT i.value FROM reports r JOIN identifiers i ON i.id = r.identifier_id")
        )
        stored = {value for (value,) in rows}
    assert set(acknowledged) <= stored
    admin.dispose()


def test_a_database_that_refuses_connections_is_answered_503_and_found_again(engine: Engine) -> None:
    _postgres_only(engine)
    url = engine.url.render_as_string(hide_password=False)
    database = str(engine.url.database)
    admin = create_engine(engine.url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with TestClient(create_app(url=url)) as client:
        officer = _officer(client)
        assert _decide(client, officer, "17012345678").status_code in (200, 201)
        lookup = {"kind": "phone", "value": "17012345678"}
        assert client.get("/v1/lookup", params=lookup).json()["level"] == "confirmed"  # now in memory
        engine.dispose()
        try:
            with admin.connect() as conn:
                conn.execute(text(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS false'))
            _terminate(admin, database)
            _assert_unavailable(_decide(client, officer, "17012345679"), "无法连接")
            # A hot identifier is still answered from memory; one that is not is told to retry.
            assert client.get("/v1/lookup", params=lookup).json()["level"] == "confirmed"
            cold = client.get("/v1/lookup", params={"kind": "phone", "value": "17012340000"})
            _assert_unavailable(cold, "无法连接")
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS true'))
        first = _decide(client, officer, "17012345679")  # may find a connection cut while it was refused
        assert first.status_code in (200, 201) or _decide(client, officer, "17012345679").status_code in (
            200,
            201,
        )
    admin.dispose()


# ----------------------------------------------------------------------------- Redis restarted


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _redis_server(port: int) -> subprocess.Popen[bytes]:
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("redis-server is not installed")
    proc = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return proc
        except OSError:
            time.sleep(0.05)
    proc.kill()
    pytest.skip("redis-server did not start")


def _transfer(i: int) -> dict[str, Any]:
    return {
        "id": f"r-{i}",
        "time": "2026-11-06T12:05:00+08:00",
        "amount": 300 + i,
        "channel": "mobile",
        "payer": {"account": f"6222021234{i % 50:06d}", "age": 35},
        "payee": {"account": f"6226090000{i:06d}"},
        "purpose": "货款",
    }


def test_screening_through_a_redis_restart_answers_503_then_resumes_and_keeps_every_decision(
    tmp_path: Path,
) -> None:
    port = _free_port()
    redis_proc = _redis_server(port)
    redis_url = f"redis://127.0.0.1:{port}/0"
    try:
        app = create_app(url=f"sqlite:///{tmp_path / 'screen.sqlite3'}", redis_url=redis_url)
        with TestClient(app) as client:
            bank = {"X-API-Key": create_key(_app_engine(client), role="bank", label=BANK)}
            acknowledged: set[str] = set()

            def screen(i: int) -> Any:
                response = client.post("/v1/screen", headers=bank, json=_transfer(i))
                if response.status_code == 200:
                    acknowledged.add(response.json()["id"])
                return response

            assert all(screen(i).status_code == 200 for i in range(20))
            redis_proc.kill()
            redis_proc.wait()
            _assert_unavailable(screen(20), "缓存")
            # Public lookups do not need Redis: the rate limit fails open.
            assert (
                client.get("/v1/lookup", params={"kind": "phone", "value": "17012345678"}).status_code == 200
            )
            redis_proc = _redis_server(port)
            deadline = time.monotonic() + 10
            i = 21
            while screen(i).status_code != 200:
                assert time.monotonic() < deadline, "screening did not come back after Redis did"
                time.sleep(0.1)
                i += 1
            assert all(screen(j).status_code == 200 for j in range(i + 1, i + 21))
            with _app_engine(client).connect() as conn:
                stored = set(conn.execute(select(ScreenDecisionRow.transfer_id)).scalars())
            assert acknowledged <= stored and len(acknowledged) >= 41
    finally:
        redis_proc.kill()
        redis_proc.wait()
