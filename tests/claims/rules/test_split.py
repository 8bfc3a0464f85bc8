"""分解收费: components billed apart for more than the package; the package as the package, a single
component, or components on different days are clean."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

D1, D2 = "2026-03-01", "2026-03-02"
CBC = ["250101001", "250101002", "250101003", "250101004"]  # 4 × 8 元 against the 25 元 package
CASES = [
    ("all four components of 血常规 on one day", [(c, D1) for c in CBC], [(("1", "2", "3", "4"), 7.0)]),
    ("the package and a component on the same day", [("250101015", D1), ("250101001", D1)], [(("2",), 8.0)]),
    ("clean: the package billed as the package", [("250101015", D1)], []),
    ("clean: a single component on its own", [("250101001", D1)], []),
    ("clean: three components for less than the package", [(c, D1) for c in CBC[:3]], []),
    ("clean: components on different days", [(CBC[0], D1), (CBC[1], D2)], []),
]


@pytest.mark.parametrize(("case", "items", "expected"), CASES, ids=[c[0] for c in CASES])
def test_split_charging(
    kit: SimpleNamespace, case: str, items: list[tuple[object, ...]], expected: list[object]
) -> None:
    assert kit.findings_of(kit.audit(items), "split_charging") == expected
