"""超标准收费: above the catalogue's (or the claim's own, when lower) standard; at or below is clean."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

D1 = "2026-03-01"
CASES = [
    ("CT at 260 instead of 200, once", [("210300002", D1, 1, 260.0)], [(("1",), 60.0)]),
    ("a drug 0.1 above, ten units", [("XJ01CA04", D1, 10, 0.7)], [(("1",), 1.0)]),
    (
        "the claim's own standard is lower",
        [("210300002", D1, 1, 200.0, {"standard_price": 180.0})],
        [(("1",), 20.0)],
    ),
    ("clean: at the standard", [("210300002", D1, 1, 200.0)], []),
    ("clean: below the standard", [("210300002", D1, 1, 150.0)], []),
    ("clean: within half a fen", [("XJ01CA04", D1, 1, 0.604)], []),
]


@pytest.mark.parametrize(("case", "items", "expected"), CASES, ids=[c[0] for c in CASES])
def test_price_above_standard(
    kit: SimpleNamespace, case: str, items: list[tuple[object, ...]], expected: list[object]
) -> None:
    assert kit.findings_of(kit.audit(items), "price_above_standard") == expected
