"""The case list's filters and orders (`fanzha.cases.listing`) through `CaseStore.search`: each filter,
each sort both ways with ties broken by case id and empty values last, ranges of Beijing days, and the
Chinese refusal of a sort or a range the list cannot use — on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import Engine

from fanzha.cases.listing import EVERY_CASE, NEWEST, CaseFilter, CaseOrder, ListingError, day_span
from fanzha.cases.model import CaseIdentifier, CaseIn, Payment
from fanzha.cases.repository import CaseStore
from fanzha.store import upgrade

T0 = datetime(2026, 11, 5, 16, 0, tzinfo=UTC)  # 6 November, 00:00 in Beijing
HOUR = timedelta(hours=1)
# ref, received, occurred, loss, fraud type, district
CASES = [
    ("A", T0, T0 - HOUR, 100.0, "loan", "西城区"),
    ("B", T0, None, 300.0, "romance", "东城区"),  # received with A; no time of the fraud
    ("C", T0 + HOUR, T0 - 3 * HOUR, 100.0, "loan", "西城区"),  # A's loss and fraud type
    ("D", T0 + 2 * HOUR, T0 - 2 * HOUR, 0.0, "investment", "西城区"),
    ("E", T0 - timedelta(minutes=1), None, 50.0, "romance", "西城区"),  # 5 November, 23:59 in Beijing
]


@pytest.fixture
def cases(engine: Engine) -> CaseStore:
    upgrade(engine)
    store = CaseStore(engine)
    for ref, received, occurred, loss, fraud_type, district in CASES:
        store.create(
            CaseIn(
                received_at=received, occurred_at=occurred, ref=ref, fraud_type=fraud_type, district=district,
                payments=[Payment(amount=loss)] if loss else [], narrative=f"案情{ref}",
                identifiers=[CaseIdentifier("phone", "17012345678")] if ref == "C" else [],
            ),
            actor="民警甲",
        )  # fmt: skip
    return store


def _refs(cases: CaseStore, filters: CaseFilter = EVERY_CASE, order: CaseOrder = NEWEST) -> str:
    total, found = cases.search(filters, order=order)
    assert total == len(found)
    return "".join(c.ref for c in found)


@pytest.mark.parametrize(
    ("key", "ascending", "descending"),
    [
        ("received", "EABCD", "DCBAE"),  # A and B received together: by case id
        ("occurred", "CDABE", "ADCEB"),  # no time of the fraud: last either way, by case id the same way
        ("loss", "DEACB", "BCAED"),  # A and C lost the same
        ("fraud_type", "DACBE", "EBCAD"),  # investment < loan < romance, ties by case id
    ],
)
def test_each_sort_both_ways_with_ties_by_case_id(
    cases: CaseStore, key: str, ascending: str, descending: str
) -> None:
    assert _refs(cases, order=CaseOrder(key, descending=False)) == ascending
    assert _refs(cases, order=CaseOrder(key, descending=True)) == descending


def test_the_default_order_is_newest_first_and_pages_do_not_overlap(cases: CaseStore) -> None:
    assert _refs(cases) == "DCBAE"
    pages = [cases.search(limit=2, offset=n)[1] for n in (0, 2, 4)]
    assert [[c.ref for c in page] for page in pages] == [["D", "C"], ["B", "A"], ["E"]]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (CaseFilter(district=" 东城区 "), "B"),  # trimmed
        (CaseFilter(fraud_type="loan"), "CA"),
        (CaseFilter(status="received"), "DCBAE"),
        (CaseFilter(status="verified"), ""),
        (CaseFilter(text="案情D"), "D"),
        (CaseFilter(text=" 17012345678 "), "C"),  # in an identifier
        (CaseFilter(text="B"), "B"),  # in the case number
        (CaseFilter(district="西城区", fraud_type="romance"), "E"),
    ],
)
def test_each_filter_selects_its_cases(cases: CaseStore, filters: CaseFilter, expected: str) -> None:
    assert _refs(cases, filters) == expected


def test_ranges_of_days_are_beijing_days(cases: CaseStore) -> None:
    assert day_span(date(2026, 11, 6), date(2026, 11, 6)) == (T0, T0 + 24 * HOUR)
    for since, until, expected in [
        (date(2026, 11, 6), date(2026, 11, 6), "DCBA"),
        (None, date(2026, 11, 5), "E"),  # 23:59 in Beijing is still the 5th
        (date(2026, 11, 7), None, ""),
        (None, None, "DCBAE"),
    ]:
        start, end = day_span(since, until)
        assert _refs(cases, CaseFilter(since=start, until=end)) == expected, (since, until)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: CaseOrder.parse("password"), "不支持的排序“password”"),
        (lambda: CaseOrder.parse("-"), "不支持的排序"),
        (lambda: day_span(date(2026, 11, 7), date(2026, 11, 1)), "起始日期晚于截止日期"),
        (lambda: day_span(date(1, 1, 1), None), "起始日期超出可接受的范围"),
        (lambda: day_span(None, date(9999, 12, 31)), "截止日期超出可接受的范围"),
    ],
)
def test_a_sort_or_range_the_list_cannot_use_is_refused_in_chinese(call: object, message: str) -> None:
    with pytest.raises(ListingError, match=message):
        call()  # type: ignore[operator]


def test_sorts_parse_from_the_address() -> None:
    assert CaseOrder.parse("-received") == CaseOrder() == CaseOrder("received", descending=True)
    assert CaseOrder.parse(" loss ") == CaseOrder("loss", descending=False)
    assert CaseOrder.parse("-fraud_type").shown() == "-fraud_type"
