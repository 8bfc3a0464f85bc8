"""The desk's pages of what the public sent: reports and appeals filtered (an empty filter narrows
nothing), counted and paged, reports newest first, open appeals oldest first, decided ones newest first."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from fanzha.intel.public_reports import get_appeal, get_report, list_appeals, list_reports
from fanzha.intel.repository import IntelStore
from fanzha.store import upgrade


@pytest.fixture
def store(engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> IntelStore:
    monkeypatch.setenv("FANZHA_AUDIT_ANCHOR", str(tmp_path / "anchor.json"))
    upgrade(engine)
    store = IntelStore(engine)
    store.add_report(kind="phone", value="17012345678", fraud_type="impersonate_service", reporter="a")
    store.add_report(kind="phone", value="17012345678", fraud_type="investment", reporter="b")
    store.add_report(kind="phone", value="17011112222", source="police", text="案件 1")
    store.add_report(kind="url", value="http://fake-bank.example/login", fraud_type="investment")
    return store


@pytest.mark.parametrize(
    ("filters", "values"),
    [
        ({}, ["fake-bank.example/login", "17012345678", "17012345678"]),
        ({"source": None}, ["fake-bank.example/login", "17011112222", "17012345678", "17012345678"]),
        ({"source": "police"}, ["17011112222"]),
        ({"kind": "phone"}, ["17012345678", "17012345678"]),
        ({"fraud_type": "investment"}, ["fake-bank.example/login", "17012345678"]),
        ({"text": " 1701234 "}, ["17012345678", "17012345678"]),
        (
            {"kind": "", "fraud_type": "", "text": ""},
            ["fake-bank.example/login", "17012345678", "17012345678"],
        ),
        ({"kind": "qq"}, []),
    ],
)
def test_reports_are_filtered_newest_first(
    store: IntelStore, filters: dict[str, str | None], values: list[str]
) -> None:
    total, items = list_reports(store.engine, **filters)  # type: ignore[arg-type]
    assert total == len(values) and [i.value for i in items] == values


def test_a_page_of_reports_counts_them_all(store: IntelStore) -> None:
    total, items = list_reports(store.engine, source=None, limit=2, offset=1)
    assert total == 4 and [i.value for i in items] == ["17011112222", "17012345678"]
    report = get_report(store.engine, items[1].id)
    assert report is not None and report.reports_on_identifier == 2
    assert get_report(store.engine, 999) is None


def test_open_appeals_are_a_queue_and_decided_ones_newest_first(store: IntelStore) -> None:
    first, second, third = (
        store.add_appeal(kind="phone", value=v, reason="不是我", contact="13912345678")
        for v in ("17012345678", "17011112222", "17099998888")
    )
    store.review_appeal(first, upheld=False, officer="民警甲", note="举报属实")
    store.review_appeal(third, upheld=True, officer="民警甲", note="机主本人")
    assert [a.id for a in list_appeals(store.engine)[1]] == [second]
    assert [a.id for a in list_appeals(store.engine, status=None)[1]] == [third, second, first]
    assert list_appeals(store.engine, status=None, text="1701111") == (1, [get_appeal(store.engine, second)])
    total, items = list_appeals(store.engine, status=None, kind="phone", limit=1, offset=2)
    assert total == 3 and [a.id for a in items] == [first]
    decided = get_appeal(store.engine, third)
    assert decided is not None and decided.status == "upheld" and decided.reviewed_by == "民警甲"
