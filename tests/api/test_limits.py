"""Every caller has a limit: anonymous callers and wrong keys per address, public keys per key.

Officer, bank and admin keys are never refused for volume. The client address comes from
X-Forwarded-For only when the peer is a configured proxy (`fanzha serve --forwarded-allow-ips`).
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from fanzha.api.app import create_app
from fanzha.intel.keys import create_key


def _app(tmp_path: Path, **limits: int) -> TestClient:
    return TestClient(create_app(url=f"sqlite:///{tmp_path / 'api.sqlite3'}", **limits))


def _key(client: TestClient, role: str, label: str) -> dict[str, str]:
    engine = client.app.state.services.store.engine  # type: ignore[attr-defined]
    return {"X-API-Key": create_key(engine, role=role, label=label)}


def _statuses(client: TestClient, n: int, headers: dict[str, str]) -> list[int]:
    return [client.post("/v1/assess", json={"text": "你好"}, headers=headers).status_code for _ in range(n)]


def test_guessing_keys_is_throttled_per_address(tmp_path: Path) -> None:
    client = _app(tmp_path, anonymous_per_minute=3)
    statuses = [
        client.get("/v1/screen/pending", headers={"X-API-Key": f"guess-{i}"}).status_code for i in range(5)
    ]
    assert statuses == [401, 401, 401, 429, 429]
    refused = client.get("/v1/screen/pending", headers={"X-API-Key": "guess-9"})
    assert "频繁" in refused.json()["detail"] and int(refused.headers["Retry-After"]) >= 1


def test_a_known_key_is_looked_up_once_and_then_not_counted(tmp_path: Path) -> None:
    client = _app(tmp_path, anonymous_per_minute=1)
    bank = _key(client, "bank", "工商银行")
    assert set(_statuses(client, 10, bank)) == {200}


def test_a_burst_of_first_calls_with_a_right_key_is_never_refused(tmp_path: Path) -> None:
    client = _app(tmp_path, anonymous_per_minute=1)
    bank = _key(client, "bank", "工商银行")

    async def burst() -> list[int]:
        transport = httpx.ASGITransport(app=client.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            calls = [http.post("/v1/assess", json={"text": "你好"}, headers=bank) for _ in range(40)]
            return [r.status_code for r in await asyncio.gather(*calls)]

    with client:  # the app's lifespan runs
        assert set(asyncio.run(burst())) == {200}


def test_public_keys_have_their_own_budget_per_key(tmp_path: Path) -> None:
    client = _app(tmp_path, anonymous_per_minute=100, public_per_minute=3)
    app_one, app_two = _key(client, "public", "举报APP-甲"), _key(client, "public", "举报APP-乙")
    assert _statuses(client, 4, app_one) == [200, 200, 200, 429]
    assert _statuses(client, 1, app_two) == [200]


def test_officer_and_bank_keys_are_not_limited(tmp_path: Path) -> None:
    client = _app(tmp_path, anonymous_per_minute=3, public_per_minute=1)  # 3 new keys a minute
    for role in ("officer", "bank", "admin"):
        assert set(_statuses(client, 8, _key(client, role, f"{role}-1"))) == {200}


def test_a_client_cannot_pick_its_own_bucket_with_x_forwarded_for(tmp_path: Path) -> None:
    client = _app(tmp_path, anonymous_per_minute=2)
    statuses = [
        client.post(
            "/v1/assess", json={"text": "你好"}, headers={"X-Forwarded-For": f"10.0.0.{i}"}
        ).status_code
        for i in range(3)
    ]
    assert statuses == [200, 200, 429]


def _serve(tmp_path: Path, *extra: str) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [sys.executable, "-m", "fanzha.cli", "serve", "--port", str(port), "--data-dir", str(tmp_path),
               "--rate-limit", "1", *extra]  # fmt: skip
    env = {
        k: v for k, v in os.environ.items() if k not in ("FANZHA_DATABASE_URL", "FANZHA_FORWARDED_ALLOW_IPS")
    }
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/healthz", timeout=5).close()
            return proc, base
        except OSError:
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.3)


def _assess_from(base: str, forwarded_for: str) -> int:
    request = urllib.request.Request(
        base + "/v1/assess",
        data=json.dumps({"text": "你好"}).encode(),
        headers={"Content-Type": "application/json", "X-Forwarded-For": forwarded_for},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


@pytest.mark.parametrize(
    ("trusted", "expected"),
    [("127.0.0.1", [200, 200, 200]), ("10.9.9.9", [200, 429, 429])],
)
def test_forwarded_addresses_count_only_from_a_trusted_proxy(
    tmp_path: Path, trusted: str, expected: list[int]
) -> None:
    proc, base = _serve(tmp_path, "--forwarded-allow-ips", trusted)
    try:  # one call a minute per address: three addresses, or one (the proxy's) when it is not trusted
        assert [_assess_from(base, f"203.0.113.{i}") for i in range(3)] == expected
    finally:
        proc.terminate()
        proc.wait(timeout=20)
