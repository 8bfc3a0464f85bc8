"""重复收费: the excess over the allowed frequency per day (or per stay) is found on the lines that carry
it; repeats within the frequency are clean."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

D1, D2 = "2026-03-01", "2026-03-02"
CASES = [
    (
        "CT twice on one day: the second is the excess",
        [("210300002", D1), ("210300002", D1)],
        [(("2",), 200.0)],
    ),
    ("one line with qty 3 of a once-a-day item", [("120400006", D1, 3)], [(("1",), 20.0)]),
    ("the extra infusion groups beyond five", [("120400007", D1, 4), ("120400007", D1, 3)], [(("2",), 6.0)]),
    (
        "the admission fee twice in one stay, on two days",
        [("110200005", D1), ("110200005", D2)],
        [(("2",), 30.0)],
    ),
    ("clean: 血常规 twice a day (allowed two)", [("250101015", D1), ("250101015", D1)], []),
    ("clean: the same item on two days", [("210300002", D1), ("210300002", D2)], []),
    ("clean: infusion groups within five", [("120400007", D1, 2), ("120400007", D1, 3)], []),
    ("clean: drugs are not limited", [("XJ01CA04", D1, 30), ("XJ01CA04", D1, 30)], []),
]


@pytest.mark.parametrize(("case", "items", "expected"), CASES, ids=[c[0] for c in CASES])
def test_duplicate_charge_finds_only_the_excess(
    kit: SimpleNamespace, case: str, items: list[tuple[object, ...]], expected: list[object]
) -> None:
    result = kit.audit(items, admitted=D1, discharged="2026-03-03")
    assert kit.findings_of(result, "duplicate_charge") == expected


def test_duplicate_charge_explains_the_limit(kit: SimpleNamespace) -> None:
    (finding,) = kit.audit([("210300002", D1), ("210300002", D1)]).findings
    assert "每人每日最多 1 次" in finding.explanation and "200.00 元" in finding.explanation
