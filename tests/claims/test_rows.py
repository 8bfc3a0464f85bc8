"""The fast reader (`fanzha.claims.rows.ClaimReader`): for every claim it vouches for, the same view as the
checked path (`read_claim`); everything unusual — text for a number, blanks around a code, a bad day — left
to the checked path, which says what is wrong in Chinese. JSONL lines decoded straight into typed rows are
audited exactly as the objects orjson makes of them."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import Any

import orjson
import pytest

from fanzha.claims import Auditor, ClaimError, ClaimResult, Finding, default_catalogue
from fanzha.claims.generate import ClaimGenerator
from fanzha.claims.parse import Bounds
from fanzha.claims.rows import ClaimReader
from fanzha.claims.view import ClaimView, read_claim

BOUNDS = Bounds(date(2000, 1, 1), date(2027, 12, 31))
COLUMNS = (
    "refs",
    "codes",
    "names",
    "categories",
    "days",
    "qty",
    "prices",
    "standards",
    "services",
    "equipment",
)


def _same(fast: ClaimView, slow: ClaimView) -> None:
    assert (fast.claim_id, fast.institution, fast.patient_id, fast.admitted, fast.discharged) == (
        slow.claim_id, slow.institution, slow.patient_id, slow.admitted, slow.discharged,
    )  # fmt: skip
    for column in COLUMNS:
        assert list(getattr(fast, column)) == list(getattr(slow, column)), column
    assert list(fast.entries) == list(slow.entries) and fast.n == slow.n and fast.total == slow.total


def test_the_fast_reader_reads_every_generated_claim_as_read_claim_does(kit: SimpleNamespace) -> None:
    reader, catalogue = ClaimReader(bounds=BOUNDS, catalogue=default_catalogue()), default_catalogue()
    for obj in kit.generated(300, seed=3):
        fast, line = reader.read(obj), reader.decode(orjson.dumps(obj))
        assert fast is not None and line is not None  # the common case is the fast reader's
        slow = read_claim(obj, bounds=BOUNDS, catalogue=catalogue)
        _same(fast, slow)
        _same(line, slow)


def test_what_the_fast_reader_vouches_for_read_claim_reads_alike_and_the_rest_it_leaves(
    kit: SimpleNamespace,
) -> None:
    reader, catalogue = ClaimReader(bounds=BOUNDS, catalogue=default_catalogue()), default_catalogue()
    vouched = left = 0
    for obj in kit.changed(kit.generated(40, seed=5), seed=5):
        fast = reader.read(obj)
        try:
            slow = read_claim(obj, bounds=BOUNDS, catalogue=catalogue)
        except ClaimError:
            assert fast is None
            left += 1
            continue
        if fast is None:
            left += 1
        else:
            vouched += 1
            _same(fast, slow)
        line = reader.decode(orjson.dumps(obj))
        assert (line is None) == (fast is None)
    assert vouched > 200 and left > 500


@pytest.mark.parametrize(("field", "value"), [("category", []), ("date", []), ("category", {"a": 1})])
def test_an_unhashable_category_or_date_is_refused_in_chinese(
    field: str, value: Any, kit: SimpleNamespace
) -> None:
    obj = kit.generated(1, seed=1)[0]
    obj["items"][0][field] = value
    with pytest.raises(ClaimError, match="项目"):
        read_claim(obj, bounds=BOUNDS, catalogue=default_catalogue())
    result = Auditor().audit(obj)
    assert result.error.startswith("项目 1") and not result.findings
    (line,) = Auditor().audit_lines([orjson.dumps(obj)])
    assert line.error == f"第1行：{result.error}"


def test_lines_decoded_into_rows_are_audited_as_their_objects() -> None:
    generator = ClaimGenerator(n=2_000, seed=11, violations=0.5)
    claims = list(generator.claims())
    objects_run = Auditor(stock=generator.stock)
    by_object = [objects_run.audit(c) for c in claims]
    by_line = list(Auditor(stock=generator.stock).audit_lines(orjson.dumps(c) for c in claims))
    assert by_line == by_object
    assert sum(len(r.findings) for r in by_line) >= len(generator.labels)


def test_results_and_findings_stay_frozen_and_comparable() -> None:
    finding = Finding("price_above_standard", ("1",), 60.0, "说明")
    result = ClaimResult("c-1", findings=(finding,))
    assert result == ClaimResult("c-1", findings=(Finding("price_above_standard", ("1",), 60.0, "说明"),))
    assert hash(result) == hash(ClaimResult("c-1", findings=(finding,))) and result.at_stake == 60.0
    with pytest.raises(AttributeError):
        result.claim_id = "c-2"  # type: ignore[misc]
