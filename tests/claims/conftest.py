"""Builders for claims in the audit tests: items named by catalogue code, dated, with quantity and price
(the standard price by default), at an institution licensed for 内科 with a CT and a DR."""

from __future__ import annotations

import copy
import random
from types import SimpleNamespace
from typing import Any

import pytest

from fanzha.claims import Auditor, ClaimResult, StockRecord, default_catalogue
from fanzha.claims.generate import ClaimGenerator

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


# (field, new value) applied to one item: each is either read by the fast reader as read_claim reads it, or
# left to read_claim (which normalises it or refuses the claim)
ITEM_CHANGES: list[tuple[str, Any]] = [
    ("qty", "2"), ("qty", -1), ("qty", True), ("qty", None), ("qty", 1e9), ("qty", 0), ("qty", 2.5), ("qty", 3),
    ("unit_price", "12"), ("unit_price", 12), ("standard_price", None), ("standard_price", "9"),
    ("code", " 110900001"), ("code", ""), ("code", 123), ("ref", None), ("ref", ""), ("ref", 7), ("ref", "1"),
    ("date", "2026-03-01T10:00:00"), ("date", "2026-02-30"), ("date", "1999-01-01"), ("date", "20260301"),
    ("date", None), ("date", []), ("service", " 内科 "), ("service", None), ("service", "x" * 300),
    ("equipment", " CT"), ("equipment", None), ("name", " 名 "), ("name", 3.5), ("category", "food"),
    ("category", []), ("category", None),
]  # fmt: skip
CLAIM_CHANGES: list[tuple[str, Any]] = [
    ("claim_id", " c-9 "), ("claim_id", ""), ("claim_id", 5), ("patient_id", None), ("admitted", ""),
    ("discharged", "2026-13-01"), ("items", []), ("items", "x"), ("institution", "一院"), ("institution", {}),
]  # fmt: skip


def generated(n: int, seed: int) -> list[dict[str, Any]]:
    return list(ClaimGenerator(n=n, seed=seed, violations=0.3).claims())


def changed(claims: list[dict[str, Any]], seed: int) -> list[dict[str, Any]]:
    rng, changed = random.Random(seed), []
    for claim in claims:
        for field, value in ITEM_CHANGES:
            obj = copy.deepcopy(claim)
            rng.choice(obj["items"])[field] = value
            changed.append(obj)
        field, value = rng.choice(CLAIM_CHANGES)
        changed.append(dict(claim, **{field: value}))
    return changed


def findings_of(result: ClaimResult, rule: str) -> list[tuple[tuple[str, ...], float]]:
    assert not result.error, result.error
    return [(f.item_refs, f.amount) for f in result.findings if f.rule == rule]


def audit(items: list[Spec], *, stock: tuple[StockRecord, ...] = (), **kwargs: Any) -> ClaimResult:
    """Audit one claim built by `make_claim` with a fresh auditor (stock records may be given) — alone and
    as a batch of one, which must find the same (`Auditor.audit_many`)."""
    claim = make_claim(items, **kwargs)
    result = Auditor(stock=stock).audit(claim)
    assert list(Auditor(stock=stock).audit_many([claim])) == [result]
    return result


@pytest.fixture
def kit() -> SimpleNamespace:
    """The builders as a fixture (tests import nothing from conftest): make_claim, audit, findings_of,
    generated (claims of the generator) and changed (each with one odd field)."""
    return SimpleNamespace(
        make_claim=make_claim, audit=audit, findings_of=findings_of, institution=INSTITUTION,
        generated=generated, changed=changed,
    )  # fmt: skip
