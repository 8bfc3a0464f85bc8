from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from fanzha.audit.log import recent, verify
from fanzha.claims.model import ClaimResult, Finding
from fanzha.claims.office.model import NotFound
from fanzha.claims.office.runs import fen, get_run, list_runs, store_run
from fanzha.store import upgrade
from fanzha.store.claims_tables import ClaimFindingRow, ClaimInstitutionRow, ClaimResultRow

from .conftest import results


def test_a_run_is_stored_with_its_counts_and_summary(engine: Engine) -> None:
    upgrade(engine)
    run = store_run(engine, results=results(), uploaded_by="城关区医保局", file_name="a.jsonl")
    assert (run.claims, run.bad_lines, run.findings, run.flagged_claims) == (5, 1, 3, 2)
    assert (run.total_fen, run.at_stake_fen) == (172_000, 14_250)
    assert run.institutions == ("h-1", "h-2")
    assert "共审核 5 份结算单，其中 1 行无法读取" in run.summary and "142.50元" in run.summary
    assert get_run(engine, run_id=run.id) == run
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(ClaimResultRow)) == 5
        refs = session.scalars(select(ClaimFindingRow.item_refs).order_by(ClaimFindingRow.id)).all()
        assert refs == [["3"], ["1", "5"], ["4"]]
        assert session.get(ClaimInstitutionRow, "h-1").name == "城关镇卫生院"  # type: ignore[union-attr]
        assert recent(session, limit=1)[0].action == "claims.run"
    assert verify(engine).ok


def test_runs_are_listed_latest_first_and_by_institution(engine: Engine) -> None:
    upgrade(engine)
    first = store_run(engine, results=results(), uploaded_by="a")
    only_h2 = [ClaimResult("x", "h-2", "河西", "p", date(2026, 5, 1), None, 10.0)]
    second = store_run(engine, results=only_h2, uploaded_by="b")
    assert [r.id for r in list_runs(engine)] == [second.id, first.id]
    assert [r.id for r in list_runs(engine, institution_id="h-1")] == [first.id]


def test_an_unknown_run_is_not_found(engine: Engine) -> None:
    upgrade(engine)
    with pytest.raises(NotFound, match="审核批次"):
        get_run(engine, run_id=99)


def test_a_failing_source_stores_nothing(engine: Engine) -> None:
    upgrade(engine)

    def broken() -> Iterator[ClaimResult]:
        yield from results()
        raise RuntimeError("磁盘读错误")

    with pytest.raises(RuntimeError):
        store_run(engine, results=broken(), uploaded_by="a")
    assert list_runs(engine) == []
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(ClaimResultRow)) == 0


@pytest.mark.parametrize(
    ("yuan", "expected"),
    [(12.345, 1234), (0.1 + 0.2, 30), (float("nan"), 0), (float("inf"), 0), (1e30, 10**15)],
)
def test_amounts_are_kept_as_whole_fen(yuan: float, expected: int) -> None:
    assert fen(yuan) == expected


def test_a_large_file_goes_through_in_batches(engine: Engine) -> None:
    upgrade(engine)
    finding = (Finding("price_above_standard", ("1",), 1.0, "高于标准价"),)
    many = (
        ClaimResult(f"c-{i}", f"h-{i % 7}", f"医院{i % 7}", f"p-{i}", date(2026, 1 + i % 12, 1), None, 10.0,
                    finding if i % 3 == 0 else ())
        for i in range(20_000)
    )  # fmt: skip
    run = store_run(engine, results=many, uploaded_by="a")
    assert (run.claims, run.findings, len(run.institutions)) == (20_000, 6_667, 7)


def test_text_no_store_can_hold_is_cleaned_not_refused(engine: Engine) -> None:
    upgrade(engine)
    odd = ClaimResult("c\x00-1", "h\ud800-1", "医院\x00", "p", None, None, 1.0,
                      (Finding("price_above_standard", ("1\x00",), 1.0, "说明\x00\ud800"),))  # fmt: skip
    run = store_run(engine, results=[odd], uploaded_by="局\x00", file_name="a\x00.jsonl")
    assert run.institutions == ("h?-1",) and run.file_name == "a.jsonl"
    with Session(engine) as session:
        assert session.scalars(select(ClaimFindingRow.item_refs)).one() == ["1"]
