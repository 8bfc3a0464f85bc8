"""Builders for claims in the audit tests: items named by catalogue code, dated, with quantity and price
(the standard price by default), at an institution licensed for 内科 with a CT and a DR."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from fanzha.claims import Auditor, ClaimResult, StockRecord, default_catalogue

INSTITUTION = {
    "id": "h-1",
    "name": "一院",
    "level": "二级",
    "licensed_services": ["内科"],
    "equipment": ["CT", "DR"],
}
Spec = tuple[Any, ...]  # (code, date[, qty[, unit_price[, extra fields]]])


def make_claim(
    items: list[Spec],
    *,
    admitted: str | None = None,
    discharged: str | None = None,
    claim_id: str = "c-1",
    patient_id: str = "p-1",
    institution: dict[str, Any] | None = None,
) -> dict[str, Any]:
    catalogue = default_catalogue()
    lines = []
    for n, spec in enumerate(items, 1):
        code, day, *rest = spec
        entry = catalogue.items[code]
        qty = rest[0] if rest else 1
        price = rest[1] if len(rest) > 1 else entry.price
        extra = rest[2] if len(rest) > 2 else {}
        lines.append({"ref": str(n), "code": code, "name": entry.name, "category": entry.category,
                      "service": "内科", "date": day, "qty": qty, "unit_price": price, **extra})  # fmt: skip
    claim: dict[str, Any] = {"claim_id": claim_id, "institution": institution or INSTITUTION,
                             "patient_id": patient_id, "items": lines}  # fmt: skip
    if admitted:
        claim["admitted"], claim["discharged"] = admitted, discharged
    return claim


def findings_of(result: ClaimResult, rule: str) -> list[tuple[tuple[str, ...], float]]:
    assert not result.error, result.error
    return [(f.item_refs, f.amount) for f in result.findings if f.rule == rule]


def audit(items: list[Spec], *, stock: tuple[StockRecord, ...] = (), **kwargs: Any) -> ClaimResult:
    """Audit one claim built by `make_claim` with a fresh auditor (stock records may be given)."""
    return Auditor(stock=stock).audit(make_claim(items, **kwargs))


@pytest.fixture
def kit() -> SimpleNamespace:
    """The builders as a fixture (tests import nothing from conftest): make_claim, audit, findings_of."""
    return SimpleNamespace(
        make_claim=make_claim, audit=audit, findings_of=findings_of, institution=INSTITUTION
    )
