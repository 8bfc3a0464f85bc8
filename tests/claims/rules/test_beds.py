"""床位费: the admission and discharge day count as one; the discharge day charged instead of the admission
day, a same-day stay and a line covering several nights are clean."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

BED = "110900001"
STAY = {"admitted": "2026-03-01", "discharged": "2026-03-04"}  # three nights
CASES = [
    (
        "admission and discharge day both charged",
        [(BED, f"2026-03-0{d}") for d in (1, 2, 3, 4)],
        STAY,
        [(("4",), 50.0)],
    ),
    ("a bed day after discharge", [(BED, "2026-03-01"), (BED, "2026-03-05")], STAY, [(("2",), 50.0)]),
    ("one line for four nights of a three-night stay", [(BED, "2026-03-01", 4)], STAY, [(("1",), 50.0)]),
    (
        "clean: admission day not charged, discharge day charged",
        [(BED, f"2026-03-0{d}") for d in (2, 3, 4)],
        STAY,
        [],
    ),
    (
        "clean: admission day charged, discharge day not",
        [(BED, f"2026-03-0{d}") for d in (1, 2, 3)],
        STAY,
        [],
    ),
    ("clean: one line for three nights", [(BED, "2026-03-02", 3)], STAY, []),
    (
        "clean: a same-day stay charged one day",
        [(BED, "2026-03-01")],
        {"admitted": "2026-03-01", "discharged": "2026-03-01"},
        [],
    ),
    (
        "clean: a transfer between bed types",
        [(BED, "2026-03-01"), ("110900005", "2026-03-02"), (BED, "2026-03-03")],
        STAY,
        [],
    ),
    ("not judged: an outpatient claim", [(BED, "2026-03-01")], {}, []),
]


@pytest.mark.parametrize(("case", "items", "stay", "expected"), CASES, ids=[c[0] for c in CASES])
def test_bed_days_beyond_stay(
    kit: SimpleNamespace,
    case: str,
    items: list[tuple[object, ...]],
    stay: dict[str, str],
    expected: list[object],
) -> None:
    assert kit.findings_of(kit.audit(items, **stay), "bed_days_beyond_stay") == expected


def test_both_days_charged_is_explained(kit: SimpleNamespace) -> None:
    result = kit.audit([(BED, f"2026-03-0{d}") for d in (1, 2, 3, 4)], **STAY)
    assert "入院日和出院日只能收取一天床位费" in result.findings[0].explanation
