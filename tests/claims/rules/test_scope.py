"""超执业范围 and 设备未备案 (`rules/licence.py`, `rules/equipment.py`): services outside the licence and
equipment outside the approved list; an institution without a list is not judged."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

D1 = "2026-03-01"
INSTITUTION = {"id": "h-1", "name": "一院", "licensed_services": ["内科"], "equipment": ["CT", "DR"]}
BARE = {"id": "h-2", "name": "二院"}
CASES: list[tuple[str, str, list[Any], dict[str, Any], list[Any]]] = [
    (
        "a 医疗美容科 item",
        "outside_licensed_scope",
        [("340200001", D1, 1, 30.0, {"service": "医疗美容科"})],
        INSTITUTION,
        [(("1",), 30.0)],
    ),
    ("clean: a licensed service", "outside_licensed_scope", [("340200001", D1)], INSTITUTION, []),
    (
        "not judged: no licence given",
        "outside_licensed_scope",
        [("340200001", D1, 1, 30.0, {"service": "医疗美容科"})],
        BARE,
        [],
    ),
    (
        "an MRI from the catalogue",
        "equipment_not_approved",
        [("210400001", D1)],
        INSTITUTION,
        [(("1",), 500.0)],
    ),
    (
        "the item names its own equipment",
        "equipment_not_approved",
        [("310701001", D1, 1, 25.0, {"equipment": "PET-CT"})],
        INSTITUTION,
        [(("1",), 25.0)],
    ),
    ("clean: a CT where CT is approved", "equipment_not_approved", [("210300002", D1)], INSTITUTION, []),
    ("not judged: no equipment list given", "equipment_not_approved", [("210400001", D1)], BARE, []),
]


@pytest.mark.parametrize(
    ("case", "rule", "items", "institution", "expected"), CASES, ids=[c[0] for c in CASES]
)
def test_scope_rules(
    kit: SimpleNamespace,
    case: str,
    rule: str,
    items: list[Any],
    institution: dict[str, Any],
    expected: list[Any],
) -> None:
    assert kit.findings_of(kit.audit(items, institution=institution), rule) == expected
