"""Long lists a page at a time (`fanzha.web.paging`): the bank's held transfers (55 of them) and the desk's
orders are paged, sorted and filtered by the database, with everything in the address; a bad filter is
named in Chinese and the list is still shown; a bank sees its own transfers only."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session
from starlette.requests import Request

from fanzha.api.app import create_app
from fanzha.cases.model import CaseIn
from fanzha.intel.keys import create_key
from fanzha.orders.repository import OrderStore
from fanzha.store.bank_tables import CounterCheckRow
from fanzha.store.screen_tables import ScreenDecisionRow
from fanzha.web.paging import FilterError, Listing, amount_range, day_range

BANK = "江州农商银行"
OTHER = "中国农业银行"
START = datetime(2026, 11, 1, 2, 0, tzinfo=UTC)  # 10:00 in Beijing


def _request(query: str) -> Request:
    return Request(
        {"type": "http", "method": "GET", "path": "/bank", "query_string": query.encode(), "headers": []}
    )


def test_a_listing_reads_the_address_and_writes_links_that_keep_the_filters() -> None:
    sorts = {"at": "时间", "amount": "金额"}
    listing = Listing.read(
        _request("sort=amount&page=2&per=20&outcome=hold&q="),
        sorts=sorts,
        default="-at",
        filters=("outcome", "q"),
    )
    assert (listing.sort, listing.descending, listing.page, listing.per_page, listing.offset) == (
        "amount",
        False,
        2,
        20,
        20,
    )
    assert listing.link(page=3) == "/bank?outcome=hold&sort=amount&per=20&page=3"
    assert listing.sort_link("amount") == "/bank?outcome=hold&sort=-amount&per=20"  # toggled, back to page 1
    assert listing.sort_link("at") == "/bank?outcome=hold&per=20"  # the default order leaves no trace
    assert listing.export_link("/x/export", "csv") == "/x/export?outcome=hold&sort=amount&format=csv"
    odd = Listing.read(_request("sort=password&page=-4&per=7"), sorts=sorts, default="-at")
    assert (odd.sort, odd.descending, odd.page, odd.per_page) == ("at", True, 1, 50)
    assert odd.clamp(0) is False and odd.pages == 1
    late = Listing.read(_request("page=9"), sorts=sorts, default="-at")
    assert late.clamp(120) is True and late.page == 3 and (late.first, late.last) == (101, 120)


def test_typed_filters_parse_or_say_why_not() -> None:
    start, end = day_range("2026-11-06", "2026/11/6")
    assert start == datetime(2026, 11, 5, 16, tzinfo=UTC) and end == datetime(2026, 11, 6, 16, tzinfo=UTC)
    assert amount_range("1,000元", "") == (1000.0, None)
    for call, message in [
        (lambda: day_range("昨天", ""), "不是日期"),
        (lambda: day_range("2026-11-07", "2026-11-01"), "起始日期晚于截止日期"),
        (lambda: day_range("0001-01-01", ""), "起始日期超出可接受的范围"),  # was an OverflowError (a 500)
        (lambda: day_range("", "9999-12-31"), "截止日期超出可接受的范围"),
        (lambda: amount_range("abc", ""), "不是金额"),
        (lambda: amount_range("nan", ""), "金额"),
        (lambda: amount_range("500", "100"), "最低金额高于最高金额"),
    ]:
        with pytest.raises(FilterError, match=message):
            call()


def _held(session: Session, n: int, *, bank: str = BANK, outcome: str = "hold") -> None:
    at = START + timedelta(hours=n)
    account = f"62220212345678{n:05d}"
    session.add(
        ScreenDecisionRow(
            bank=bank, transfer_id=f"t-{bank[:2]}-{n:03d}", transfer_at=at, decided_at=at, outcome=outcome,
            score=80, amount_fen=(1000 + n) * 100, channel="atm" if n % 5 == 0 else "counter",
            payer_account="6212261234567890123", payee_account=account, rules_version="test",
            reasons=[{"rule": "r", "clause": "大额转账"}], actions=[], executions=[],
            transfer={"id": f"t-{n}", "payer": {"name": "王秀英"}, "payee": {"account": account}},
            review="", reviewed_by="", review_note="",
        )
    )  # fmt: skip


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    app = create_app(url=f"sqlite:///{tmp_path / 'paging.sqlite3'}")
    engine = app.state.services.store.engine
    with Session(engine) as session:
        for n in range(1, 56):  # the bank's 55 held transfers, ten of them blocked
            _held(session, n, outcome="block" if n % 11 == 0 else "hold")
        for n in range(1, 4):
            _held(session, n, bank=OTHER)
        session.add(
            CounterCheckRow(
                bank=BANK, transfer_id="t-江州-001", checklist="counter", answers={}, outcome="dissuaded",
                notice_signed=False, signed_by="", amount_fen=100100, payer={}, payee_account="", payee_bank="",
                staff="柜员", created_at=START,
            )
        )  # fmt: skip
        session.commit()
    return TestClient(app)


def _login(client: TestClient, role: str, label: str) -> None:
    key = create_key(client.app.state.services.store.engine, role=role, label=label)  # type: ignore[attr-defined]
    client.cookies.set("fanzha_key", key)


def _ids(html: str) -> list[str]:
    return re.findall(r"<code>(t-[^<]+)</code>", html)


def test_the_banks_held_transfers_come_a_page_at_a_time(client: TestClient) -> None:
    _login(client, "bank", BANK)
    first = client.get("/bank")
    assert first.status_code == 200
    ids = _ids(first.text)
    assert len(ids) == 50 and ids[0] == "t-江州-055" and "t-江州-001" not in ids  # checked: not pending
    assert "共 54 笔" in first.text and "第 1 / 2 页" in first.text
    assert not any(i.startswith("t-中国") for i in ids)  # another bank's transfers are not shown
    second = client.get("/bank?page=2")
    assert _ids(second.text) == ["t-江州-005", "t-江州-004", "t-江州-003", "t-江州-002"]
    small = client.get("/bank?per=20&page=3")
    assert len(_ids(small.text)) == 14 and "第 3 / 3 页" in small.text
    past = client.get("/bank?per=20&page=99")
    assert "第 3 / 3 页" in past.text  # past the end: the last page


def test_held_transfers_sort_and_filter_in_the_address(client: TestClient) -> None:
    _login(client, "bank", BANK)
    cheapest = _ids(client.get("/bank?sort=amount&per=20").text)
    assert cheapest[:3] == ["t-江州-002", "t-江州-003", "t-江州-004"]
    page = client.get("/bank?outcome=block&state=all").text
    assert _ids(page) == ["t-江州-055", "t-江州-044", "t-江州-033", "t-江州-022", "t-江州-011"]
    assert 'href="/bank?state=all&amp;outcome=block&amp;sort=-amount"' in page  # sort links keep filters
    ranged = _ids(client.get("/bank?min=1010&max=1012&channel=counter").text)
    assert ranged == ["t-江州-012", "t-江州-011"]  # 1010 is an ATM transfer
    day = _ids(client.get("/bank?since=2026-11-02&until=2026-11-02").text)  # Beijing 2 Nov: hours 14–37
    assert day[0] == "t-江州-037" and day[-1] == "t-江州-014" and len(day) == 24
    assert _ids(client.get("/bank?q=1234567800007").text) == ["t-江州-007"]
    checked = client.get("/bank?state=checked").text
    assert _ids(checked) == ["t-江州-001"] and "已核查" in checked


def test_a_bad_filter_is_named_and_the_list_still_shown(client: TestClient) -> None:
    _login(client, "bank", BANK)
    got = client.get("/bank?since=2026-13-01&min=很多")
    assert got.status_code == 422
    assert "起始日期“2026-13-01”不是日期" in got.text and len(_ids(got.text)) == 50


def test_an_admin_sees_every_bank_and_can_pick_one(client: TestClient) -> None:
    _login(client, "admin", "管理员")
    assert "共 57 笔" in client.get("/bank").text
    only = client.get(f"/bank?bank={OTHER}").text
    assert _ids(only) == ["t-中国-003", "t-中国-002", "t-中国-001"]


def _orders(client: TestClient, n: int) -> None:
    services: Any = client.app.state.services  # type: ignore[attr-defined]
    case = services.cases.create(CaseIn(received_at=START, ref="JZ-1", narrative="x"), actor="民警甲")
    store = OrderStore(services.store.engine)
    for i in range(1, n + 1):
        store.request_stop_payment(
            case_id=case.id, account=f"62220212345678{i:05d}", bank=BANK if i % 2 else OTHER, amount=100.0 * i,
            legal_basis="依法止付", officer="民警甲", now=START + timedelta(minutes=i),
        )  # fmt: skip


def test_the_desks_orders_are_paged_sorted_and_filtered(client: TestClient) -> None:
    _orders(client, 60)
    _login(client, "officer", "民警甲")
    page = client.get("/console/orders")
    assert page.status_code == 200 and "共 60 条" in page.text and "第 1 / 2 页" in page.text
    assert page.text.count('<tr class="">') == 50
    top = client.get("/console/orders?sort=-amount&per=20").text
    assert re.findall(r"申请 ([\d,]+)", top)[:2] == ["6,000", "5,900"]
    banks = client.get(f"/console/orders?bank={OTHER}&min=1000&max=2000").text
    assert "共 6 条" in banks  # 1000, 1200 … 2000 go to the other bank
    export = re.search(r'href="(/console/orders/export\?[^"]*format=csv)"', banks)
    assert export is not None and "bank=" in export.group(1) and "min=1000" in export.group(1)
    rows = client.get(export.group(1).replace("&amp;", "&")).content.decode("utf-8-sig").splitlines()
    assert len(rows) == 7  # the header and the six orders the list shows


def test_the_banks_orders_are_its_own_a_page_at_a_time(client: TestClient) -> None:
    _orders(client, 60)
    _login(client, "bank", BANK)
    page = client.get("/bank/orders?per=20").text
    assert "共 30 条" in page and "第 1 / 2 页" in page  # the thirty addressed to this bank
    cheapest = client.get("/bank/orders?state=all&sort=amount&per=20").text
    assert re.findall(r"申请 ([\d,]+)", cheapest)[:3] == ["100", "300", "500"]
    assert "共 0 条" in client.get("/bank/orders?state=executed").text
