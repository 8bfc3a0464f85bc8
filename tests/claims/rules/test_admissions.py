"""重复住院 (streaming): the later of two overlapping stays at different institutions is found, naming the
other claim; a transfer on the discharge day and stays at the same institution are not overlaps."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from fanzha.claims import Auditor

BED = "110900001"
H1, H2 = {"id": "h-1", "name": "一院"}, {"id": "h-2", "name": "二院"}
FIRST = (H1, "2026-03-01", "2026-03-05", ["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04"])
CASES = [
    ("overlapping two days", (H2, "2026-03-03", "2026-03-07", ["2026-03-03", "2026-03-04", "2026-03-05"]), [(("1", "2"), 100.0)]),
    ("clean: a transfer on the discharge day", (H2, "2026-03-05", "2026-03-07", ["2026-03-05", "2026-03-06"]), []),
    ("clean: the same institution", (H1, "2026-03-03", "2026-03-07", ["2026-03-03"]), []),
    ("clean: before the first stay", (H2, "2026-02-20", "2026-03-01", ["2026-02-20"]), []),
]  # fmt: skip


@pytest.mark.parametrize(("case", "later", "expected"), CASES, ids=[c[0] for c in CASES])
def test_overlapping_admissions(
    kit: SimpleNamespace, case: str, later: tuple, expected: list[object]
) -> None:
    def stay(
        claim_id: str, institution: dict[str, str], admitted: str, discharged: str, days: list[str]
    ) -> dict:
        items = [(BED, d) for d in days]
        return kit.make_claim(
            items, claim_id=claim_id, institution=institution, admitted=admitted, discharged=discharged
        )

    auditor = Auditor()
    first = auditor.audit(stay("a", *FIRST))
    result = auditor.audit(stay("b", *later))
    assert first.findings == ()
    assert kit.findings_of(result, "overlapping_admissions") == expected
    if expected:
        assert "结算单 a" in result.findings[0].explanation and "一院" in result.findings[0].explanation
