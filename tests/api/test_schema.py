"""schemathesis over the whole schema with every role's key: whatever the input, no 5xx, and every
answer is what the schema documents (status code, content type, body shape: 401/403/404/409/413/422/429
bodies included).

Bounded for CI: `EXAMPLES` generated cases per operation and role (about 5 × 45 operations).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import checks

from fanzha.api.app import create_app
from fanzha.intel.keys import create_key

EXAMPLES = 12
APP = create_app(
    url=f"sqlite:///{Path(tempfile.mkdtemp()) / 'schema.sqlite3'}",
    anonymous_per_minute=1_000_000,
    public_per_minute=1_000_000,
)
_ENGINE = APP.state.services.store.engine
KEYS = {"anonymous": None} | {
    role: create_key(_ENGINE, role=role, label=f"{role}-模糊测试")
    for role in ("public", "officer", "bank", "community", "medical", "admin")
}
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
]
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.mark.parametrize("role", list(KEYS))
@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_role_gets_documented_answers_and_no_server_errors(case: schemathesis.Case, role: str) -> None:
    key = KEYS[role]
    case.call_and_validate(headers={"X-API-Key": key} if key else None, checks=CHECKS)
