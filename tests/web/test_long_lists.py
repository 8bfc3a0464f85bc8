"""The consoles' remaining long lists a page at a time, on SQLite and PostgreSQL: the bank's 核查记录,
柜面报警 and 断卡 register, and the desk's 断卡 register. Each is paged, sorted both ways and filtered by the
database with everything in the address; a bad filter is named in Chinese beside the filters and the list
still shown; a page past the end shows the last page; a bank sees only its own rows."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from starlette.requests import Request

from fanzha.api.app import create_app
from fanzha.cases.linking import link_case
from fanzha.cases.model import CaseIdentifier
from fanzha.intel.keys import create_key
from fanzha.store.bank_tables import CounterCheckRow
from fanzha.store.cardban_tables import CardbanEntryRow
from fanzha.store.case_tables import CaseIdentifierRow, CaseRow
from fanzha.store.counter_tables import CounterAlertRow
from fanzha.web.list_pages import days_of, fetch_page
from fanzha.web.paging import Listing

BANK = "江州农商银行"
OTHER = "中国农业银行"
START = datetime(2026, 11, 1, 2, 0, tzinfo=UTC)  # 10:00 in Beijing
N = 25  # rows of the bank; the other bank has 2


def _check(n: int, bank: str) -> CounterCheckRow:
    return CounterCheckRow(
        bank=bank, transfer_id=f"c-{bank[:2]}-{n:03d}", checklist="atm" if n % 5 == 0 else "counter", answers={},
        outcome=("dissuaded", "insisted", "police")[n % 3], notice_signed=False, signed_by="",
        amount_fen=(1000 + n) * 100, payer={"name": "王秀英"}, payee_account=f"62220212345678{n:05d}",
        payee_bank="", staff="柜员", created_at=START + timedelta(hours=n),
    )  # fmt: skip


def _alert(n: int, bank: str) -> CounterAlertRow:
    at = START + timedelta(hours=n)
    return CounterAlertRow(
        bank=bank, branch=f"{bank[:2]}支行{n:03d}", counter="", kind="forged_document" if n % 2 else "known_suspect",
        drill=n % 5 == 0, occurred_at=at - timedelta(minutes=n), raised_at=at, presented="", customer="", note="",
        teller="柜员", state="closed" if n % 4 == 0 else "open",
    )  # fmt: skip


def _entry(n: int, by: str) -> CardbanEntryRow:
    day = date(2026, 1, 1) + timedelta(days=n)
    return CardbanEntryRow(
        kind="phone" if n % 5 == 0 else "bank_card", value=f"6222{1 if by == BANK else 2}{n:014d}", raw="", flags=[], issuer="",
        holder_name=f"张{n:02d}", holder_id="110105194912310021", starts_on=day, ends_on=day + timedelta(days=1000 + n),
        evidence="bank_review", review_ref=f"核查-{n:03d}", note="", recorded_by=by, recorded_role="bank",
        created_at=START + timedelta(hours=n), lifted_at=START if n == 7 else None,
    )  # fmt: skip


@pytest.fixture
def client(engine: Engine, web_client: Callable[[Any], TestClient]) -> TestClient:
    app = create_app(url=engine.url.render_as_string(hide_password=False))  # the tables, then the rows
    with Session(engine) as session:
        for bank, count in ((BANK, N), (OTHER, 2)):
            session.add_all(_check(n, bank) for n in range(1, count + 1))
            session.add_all(_alert(n, bank) for n in range(1, count + 1))
            session.add_all(_entry(n, bank) for n in range(1, count + 1))
        session.commit()
    return web_client(app)


def _login(client: TestClient, role: str, label: str) -> None:
    key = create_key(client.app.state.services.store.engine, role=role, label=label)  # type: ignore[attr-defined]
    client.cookies.set("fanzha_key", key)


def _ids(html: str, pattern: str) -> list[str]:
    return re.findall(pattern, html)


CHECKS = r"<code>(c-[^<]+)</code>"
ALERTS = r"<td>#(\d+)"
ENTRIES = r"<code>(6222\d+)</code>"


def _checks(client: TestClient, query: str) -> list[str]:
    return _ids(client.get(f"/bank/checks?{query}").text, CHECKS)


def test_the_banks_checks_are_its_own_a_page_at_a_time(client: TestClient) -> None:
    _login(client, "bank", BANK)
    first = client.get("/bank/checks?per=20")
    assert first.status_code == 200 and "共 25 条" in first.text and "第 1 / 2 页" in first.text
    ids = _ids(first.text, CHECKS)
    assert len(ids) == 20 and ids[0] == "c-江州-025" and all(i.startswith("c-江州") for i in ids)
    assert _checks(client, "per=20&page=2") == [f"c-江州-{n:03d}" for n in range(5, 0, -1)]
    assert "第 2 / 2 页" in client.get("/bank/checks?per=20&page=99").text  # past the end: the last page
    assert _checks(client, "sort=amount&per=20")[:2] == ["c-江州-001", "c-江州-002"]
    assert _checks(client, "sort=-amount&per=20")[:2] == ["c-江州-025", "c-江州-024"]
    assert _checks(client, "sort=at")[:1] == ["c-江州-001"]
    assert _checks(client, "checklist=atm") == [
        "c-江州-025",
        "c-江州-020",
        "c-江州-015",
        "c-江州-010",
        "c-江州-005",
    ]
    assert _checks(client, "outcome=police&checklist=atm") == ["c-江州-020", "c-江州-005"]
    assert _checks(client, "since=2026-11-02&until=2026-11-02") == ["c-江州-025", "c-江州-024", "c-江州-023",
                                                                  "c-江州-022", "c-江州-021", "c-江州-020",
                                                                  "c-江州-019", "c-江州-018", "c-江州-017",
                                                                  "c-江州-016", "c-江州-015", "c-江州-014"]  # fmt: skip
    assert _checks(client, "q=1234567800007") == ["c-江州-007"]
    bad = client.get("/bank/checks?until=明天")
    assert (
        bad.status_code == 422 and "截止日期“明天”不是日期" in bad.text and len(_ids(bad.text, CHECKS)) == 25
    )
    _login(client, "admin", "admin")
    assert "共 27 条" in client.get("/bank/checks").text  # an admin sees every bank's


def test_the_banks_alerts_are_its_own_a_page_at_a_time(client: TestClient) -> None:
    _login(client, "bank", BANK)
    page = client.get("/bank/alerts?per=20&sort=-raised&state=open")
    assert page.status_code == 200 and 'hx-get="/bank/alerts/list?state=open&amp;per=20"' in page.text
    polled = client.get("/bank/alerts/list?per=20&page=2")
    ids = [int(i) for i in _ids(polled.text, ALERTS)]
    assert len(ids) == 5 and "第 2 / 2 页" in polled.text and 'href="/bank/alerts?per=20"' in polled.text
    assert "第 2 / 2 页" in client.get("/bank/alerts/list?per=20&page=50").text
    newest = [int(i) for i in _ids(client.get("/bank/alerts/list").text, ALERTS)]
    assert len(newest) == N and newest == sorted(newest, reverse=True)  # the other bank's are not shown
    oldest = [int(i) for i in _ids(client.get("/bank/alerts/list?sort=occurred").text, ALERTS)]
    assert oldest == list(reversed(newest))
    assert len(_ids(client.get("/bank/alerts/list?state=closed").text, ALERTS)) == 6
    assert len(_ids(client.get("/bank/alerts/list?drill=drill").text, ALERTS)) == 5
    assert len(_ids(client.get("/bank/alerts/list?drill=real&kind=known_suspect").text, ALERTS)) == 10
    assert len(_ids(client.get("/bank/alerts/list?since=2026-11-02").text, ALERTS)) == 12
    assert len(_ids(client.get("/bank/alerts/list?q=支行007").text, ALERTS)) == 1
    bad = client.get("/bank/alerts?since=2026-11-09&until=2026-11-01")
    assert bad.status_code == 422 and "起始日期晚于截止日期" in bad.text and len(_ids(bad.text, ALERTS)) == N


@pytest.mark.parametrize(
    ("path", "role", "label", "total"),
    [("/bank/cardban", "bank", BANK, N), ("/console/cardban", "officer", "JZ1001", N + 2)],
)
def test_the_cardban_register_comes_a_page_at_a_time(
    client: TestClient, path: str, role: str, label: str, total: int
) -> None:
    _login(client, role, label)

    def values(query: str) -> list[str]:
        return _ids(client.get(f"{path}?status=all&{query}").text, ENTRIES)

    first = client.get(f"{path}?status=all&per=20")
    assert (
        first.status_code == 200 and f"共 {total} 条" in first.text and len(_ids(first.text, ENTRIES)) == 20
    )
    assert len(values("per=20&page=2")) == total - 20 and len(values("per=20&page=9")) == total - 20
    mine = values("sort=value")
    assert mine == sorted(mine) and values("sort=-value") == sorted(mine, reverse=True)
    assert role == "officer" or all(v.startswith("62221") for v in values(""))
    assert len(values("kind=phone")) == 5
    assert _ids(client.get(f"{path}?status=lifted").text, ENTRIES) == ["62221" + f"{7:014d}"]
    assert len(values("since=2026-11-02")) == 12
    assert values("q=核查-009") == [v for v in mine if v.endswith("00000000000009")]
    bad = client.get(f"{path}?since=2026-02-30")
    assert bad.status_code == 422 and "起始日期“2026-02-30”不是日期" in bad.text


def test_the_bank_cannot_search_the_holders_it_sees_masked(client: TestClient) -> None:
    _login(client, "bank", BANK)
    assert _ids(client.get("/bank/cardban?status=all&q=张09").text, ENTRIES) == []
    _login(client, "officer", "JZ1001")
    assert _ids(client.get("/console/cardban?status=all&q=张09").text, ENTRIES) == ["62221" + f"{9:014d}"]


def test_a_page_is_fetched_again_as_the_last_one_when_asked_past_the_end() -> None:
    scope = {
        "type": "http",
        "method": "GET",
        "path": "/x",
        "query_string": b"page=7&per=20&since=x",
        "headers": [],
    }
    listing = Listing.read(Request(scope), sorts={"at": "时间"}, default="-at", filters=("since", "until"))
    asked: list[int] = []

    def page_of(*, sort: str, descending: bool, limit: int, offset: int) -> tuple[int, list[int]]:
        asked.append(offset)
        return 45, list(range(offset, min(offset + limit, 45)))

    assert fetch_page(listing, page_of) == [40, 41, 42, 43, 44]
    assert asked == [120, 40] and listing.page == 3 and listing.total == 45
    assert days_of(listing) == (None, None, "起始日期“x”不是日期，请写成 2026-11-06")


def test_the_groups_come_a_page_at_a_time(engine: Engine, web_client: Callable[[Any], TestClient]) -> None:
    app = create_app(url=engine.url.render_as_string(hide_password=False))
    with Session(engine) as session:
        for g in range(23):  # 23 pairs of cases, each pair linked by a QQ number; pair g lost g+1 yuan each
            for k in range(2):
                case_id = 100 + 2 * g + k
                session.add(CaseRow(id=case_id, ref=f"AJ{case_id:06d}", received_at=START, loss_fen=(g + 1) * 100,
                                    fraud_type="刷单返利", created_at=START, updated_at=START))  # fmt: skip
                session.flush()
                session.add(
                    CaseIdentifierRow(case_id=case_id, kind="qq", value=f"88{g:04d}", raw=f"88{g:04d}")
                )
                session.flush()
                link_case(session, case_id, [CaseIdentifier("qq", f"88{g:04d}", f"88{g:04d}")])
        session.commit()
    client = web_client(app)
    _login(client, "officer", "民警")
    first = client.get("/console/groups?per=20&order=loss")
    assert first.status_code == 200 and "共 23 组" in first.text and "第 1 / 2 页" in first.text
    groups = r'href="/console/groups/(\d+)"'
    assert len(_ids(first.text, groups)) == 20
    last = client.get("/console/groups?per=20&order=loss&page=2")
    assert len(_ids(last.text, groups)) == 3 and '<td class="num">46</td>' in first.text
    assert '<td class="num">2</td>' in last.text
    assert 'href="/console/groups?order=loss&amp;per=20"' in last.text  # the pager keeps the order
    assert "第 2 / 2 页" in client.get("/console/groups?per=20&page=9").text
    assert "共 0 组" in client.get("/console/groups?two_cards=1").text
