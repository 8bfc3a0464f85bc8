"""schemathesis against the app's own OpenAPI schema: whatever the generated input, no 5xx."""

from __future__ import annotations

import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings

from fanzha.api.app import create_app

APP = create_app(
    url=f"sqlite:///{Path(tempfile.mkdtemp()) / 'schema.sqlite3'}", anonymous_per_minute=1_000_000
)
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case: schemathesis.Case) -> None:
    response = case.call()
    assert response.status_code < 500, response.text
