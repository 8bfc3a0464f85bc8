"""进销存不符 (streaming): the claims that push dispensing beyond opening + purchased − closing get the
finding for the units beyond; dispensing exactly at the limit, or outside the period, is clean."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from fanzha.claims import Auditor, StockRecord

DRUG = "XJ01DD04"  # 12.5 元
MARCH = {
    "institution_id": "h-1",
    "code": DRUG,
    "period_start": date(2026, 3, 1),
    "period_end": date(2026, 3, 31),
}
CASES = [
    (
        "the third claim goes 5 beyond 25",
        StockRecord(**MARCH, opening=5, purchased=20),
        [10, 10, 10],
        [[], [], [(("1",), 62.5)]],
    ),
    (
        "the closing count lowers the limit",
        StockRecord(**MARCH, opening=0, purchased=30, closing=10),
        [15, 10],
        [[], [(("1",), 62.5)]],
    ),
    (
        "every claim after the limit is found",
        StockRecord(**MARCH, opening=0, purchased=10),
        [10, 1, 2],
        [[], [(("1",), 12.5)], [(("1",), 25.0)]],
    ),
    (
        "clean: exactly at the limit",
        StockRecord(**MARCH, opening=0, purchased=30, closing=10),
        [10, 10],
        [[], []],
    ),
]


@pytest.mark.parametrize(("case", "record", "quantities", "expected"), CASES, ids=[c[0] for c in CASES])
def test_stock_not_reconciled(
    kit: SimpleNamespace, case: str, record: StockRecord, quantities: list[int], expected: list[object]
) -> None:
    auditor = Auditor(stock=[record])
    found = [
        kit.findings_of(
            auditor.audit(kit.make_claim([(DRUG, "2026-03-10", q)], claim_id=f"c-{n}")),
            "stock_not_reconciled",
        )
        for n, q in enumerate(quantities)
    ]
    assert found == expected


def test_dispensing_outside_the_period_or_at_another_institution_is_not_counted(kit: SimpleNamespace) -> None:
    auditor = Auditor(stock=[StockRecord(**MARCH, opening=0, purchased=1)])
    april = auditor.audit(kit.make_claim([(DRUG, "2026-04-01", 50)]))
    elsewhere = auditor.audit(kit.make_claim([(DRUG, "2026-03-10", 50)], institution={"id": "h-9"}))
    assert april.findings == () and elsewhere.findings == ()
