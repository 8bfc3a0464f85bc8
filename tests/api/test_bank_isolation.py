"""One bank never sees another bank's held transfers, orders, counter alerts, opening checks or 断卡 entries:
bank A (a bank key labelled 江州农商银行) makes them, through the API as a bank would; bank B (a key of the
same role, labelled 城南村镇银行) asks for them by list and by id, through the API and its console, and
finds nothing — every id of A's is a 404 to B, and B's attempts change nothing of A's. Each check first
shows that A sees what B does not, so that an empty answer cannot pass for isolation.

The single endpoints already have their own tests (tests/api/test_orders_api.py, test_screen_api.py,
test_counter_alerts_api.py, test_cardban_api.py, test_guard_api.py); this one puts every bank-scoped
list, item and page side by side on one set of data.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from fanzha.api.app import create_app
from fanzha.intel.keys import create_key
from fanzha.store.case_tables import CasePaymentRow, CaseRow

BANK_A, BANK_B = "江州农商银行", "城南村镇银行"
MULE = "6228480402564890018"
TRANSFER = "a-held-0001"
PAID = datetime.now(UTC) - timedelta(hours=2)
SCAM = {
    "id": TRANSFER, "time": "2026-11-06T12:05:00+08:00", "amount": 50000.0, "currency": "CNY", "channel": "counter",
    "payer": {"account": "6212261234567890123", "name": "王秀英", "age": 72, "district": "北京市西城区"},
    "payee": {"account": "6226090000000048", "bank": "民生银行", "name": "李强", "district": "湖北省武汉市"},
    "purpose": "转到安全账户", "payer_on_call": True,
}  # fmt: skip
ALERT = {
    "kind": "forged_document", "branch": "江州支行", "counter": "7号窗口", "presented": "存单（金额与系统不符）",
    "customer": "孕妇，约30岁", "note": "甲行独有的报警备注", "teller": "柜员李某",
}  # fmt: skip
HOLDER = "11010519491231002X"
ENTRY = {"kind": "bank_card", "value": MULE, "holder_name": "张三", "holder_id": HOLDER,
         "review_ref": "甲行核查2026-07"}  # fmt: skip
CHECK = {"service": "open_account", "holder_name": "赵六", "holder_id": "110105194912310037"}


@dataclass
class Banks:
    client: TestClient
    a: dict[str, str]
    b: dict[str, str]
    officer: dict[str, str]
    ids: dict[str, int]

    def get(self, path: str, who: dict[str, str], **params: Any) -> Any:
        response = self.client.get(path, headers=who, params=params)
        assert response.status_code == 200, f"{path}: {response.status_code} {response.text[:200]}"
        return response.json()


@pytest.fixture(scope="module")
def banks(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Banks]:
    """Bank A's held transfer, counter alert, opening check and 断卡 entry, and an order addressed to it."""
    app = create_app(url=f"sqlite:///{tmp_path_factory.mktemp('banks') / 'banks.sqlite3'}")
    engine = app.state.services.store.engine

    def key(role: str, label: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {create_key(engine, role=role, label=label)}"}

    a, b, officer = key("bank", BANK_A), key("bank", BANK_B), key("officer", "JZ1001")
    with Session(engine) as session:  # a case whose victim paid into an account at bank A
        case = CaseRow(ref="JZ-ISO-1", received_at=PAID, created_at=PAID, updated_at=PAID)
        session.add(case)
        session.flush()
        session.add(CasePaymentRow(case_id=case.id, paid_at=PAID, amount_fen=500_000, from_account="",
                                   to_account=MULE, to_bank=BANK_A))  # fmt: skip
        session.commit()
        case_id = case.id
    with TestClient(app) as client:

        def made(path: str, body: Any, who: dict[str, str]) -> dict[str, Any]:
            response = client.post(path, headers=who, json=body)
            assert response.status_code in (200, 201), f"{path}: {response.text}"
            return response.json()  # type: ignore[no-any-return]

        assert made("/v1/screen", SCAM, a)["outcome"] in ("hold", "block")
        order = made("/v1/orders", {"case_id": case_id, "account": MULE, "legal_basis": "依法止付"}, officer)
        ids = {
            "order": order["id"],
            "alert": made("/v1/counter-alerts", ALERT, a)["id"],
            "check": made("/v1/bank/opening-checks", CHECK, a)["id"],
            "entry": made("/v1/bank/cardban", ENTRY, a)["id"],
        }
        yield Banks(client, a, b, officer, ids)


# (list endpoint, the field naming an item, the item of A's it would show)
LISTS = [
    ("/v1/screen/pending", "id", TRANSFER),
    ("/v1/bank/orders", "id", "order"),
    ("/v1/counter-alerts", "id", "alert"),
    ("/v1/bank/opening-checks", "id", "check"),
    ("/v1/bank/cardban", "id", "entry"),
]


@pytest.mark.parametrize(("path", "field", "item"), LISTS, ids=[p for p, *_ in LISTS])
def test_another_banks_lists_do_not_show_it(banks: Banks, path: str, field: str, item: str) -> None:
    mine = banks.ids.get(item, item)
    assert mine in [row[field] for row in banks.get(path, banks.a)]
    assert banks.get(path, banks.b) == []
    if path == "/v1/counter-alerts":  # naming bank A does not widen bank B's scope
        assert banks.get(path, banks.b, bank=BANK_A) == []


def test_another_banks_alert_report_counts_none_of_its_alerts(banks: Banks) -> None:
    mine = banks.get("/v1/counter-alerts/report", banks.a, bank=BANK_B)  # naming another bank changes nothing
    theirs = banks.get("/v1/counter-alerts/report", banks.b, bank=BANK_A)
    assert (mine["bank"], mine["real"]["raised"], [b["bank"] for b in mine["banks"]]) == (BANK_A, 1, [BANK_A])
    assert (theirs["bank"], theirs["banks"]) == (BANK_B, [])
    assert theirs["real"]["raised"] == theirs["drills"]["raised"] == 0


# (method, path, body): each names one of A's items by its id; to bank B it does not exist.
ITEMS = [
    ("get", f"/v1/screen/{TRANSFER}", None),
    ("post", f"/v1/screen/{TRANSFER}/confirm", {"note": "客户确认被骗"}),
    ("post", f"/v1/screen/{TRANSFER}/clear", {"note": "误报"}),
    ("get", "/v1/bank/orders/{order}", None),
    ("post", "/v1/bank/orders/{order}/execute", {"amount_stopped": 5000}),
    ("post", "/v1/bank/orders/{order}/refuse", {"reason": "账户已销户"}),
    ("post", f"/v1/bank/accounts/{MULE}/inflows", [{"at": PAID.isoformat(), "amount": 300}]),
    ("get", "/v1/counter-alerts/{alert}", None),
]


@pytest.mark.parametrize(("method", "path", "body"), ITEMS, ids=[f"{m} {p}" for m, p, _ in ITEMS])
def test_another_banks_items_are_404_and_stay_as_they_were(
    banks: Banks, method: str, path: str, body: Any
) -> None:
    url = path.format(**banks.ids)
    before = _state_of_a(banks)
    response = banks.client.request(method.upper(), url, headers=banks.b, json=body)
    assert response.status_code == 404, f"{url}: {response.status_code} {response.text[:200]}"
    assert BANK_A not in response.text and "王" not in response.text
    assert _state_of_a(banks) == before
    if method == "get":  # bank A itself is let in, so the 404 is the scope and not a wrong address
        assert banks.client.get(url, headers=banks.a).status_code == 200


def _state_of_a(banks: Banks) -> tuple[Any, ...]:
    held = banks.get(f"/v1/screen/{TRANSFER}", banks.a)
    order = banks.get(f"/v1/bank/orders/{banks.ids['order']}", banks.a)
    alert = banks.get(f"/v1/counter-alerts/{banks.ids['alert']}", banks.a)
    return held["review"], order, alert


def test_the_same_transfer_id_from_another_bank_is_that_banks_own(banks: Banks) -> None:
    """Screening is idempotent per bank: B's transfer with an id A used is screened as B's, not answered
    with A's decision (an id of its own, so that the other tests still find no transfer of B's)."""
    shared = "same-id-0002"
    assert banks.client.post("/v1/screen", headers=banks.a, json=SCAM | {"id": shared}).status_code == 200
    small = SCAM | {"id": shared, "amount": 12.5, "purpose": "午饭", "payer_on_call": False,
                    "payer": {"account": "6230000000000000001", "name": "刘一", "age": 30}}  # fmt: skip
    answer = banks.client.post("/v1/screen", headers=banks.b, json=small)
    assert answer.status_code == 200 and answer.json()["outcome"] == "allow"
    theirs = banks.get(f"/v1/screen/{shared}", banks.b)
    assert theirs["transfer"]["amount"] == 12.5 and "王" not in str(theirs)
    mine = banks.get(f"/v1/screen/{shared}", banks.a)
    assert mine["transfer"]["amount"] == 50000.0 and mine["outcome"] in ("hold", "block")
    assert shared not in [d["id"] for d in banks.get("/v1/screen/pending", banks.b)]


# Bank console pages (the gate takes a header key as it takes the login cookie): what A's page shows of
# A's items, B's does not.
PAGES = [
    ("/bank", TRANSFER),
    (f"/bank/check?transfer_id={TRANSFER}", "50,000"),
    ("/bank/orders", MULE),
    ("/bank/alerts/list", "7号窗口"),
    ("/bank/opening", "赵*"),
    ("/bank/cardban", "110105********002X"),
]


@pytest.mark.parametrize(("path", "shown"), PAGES, ids=[p for p, _ in PAGES])
def test_another_banks_console_pages_do_not_show_it(banks: Banks, path: str, shown: str) -> None:
    page_a = banks.client.get(path, headers=banks.a)
    page_b = banks.client.get(path, headers=banks.b)
    assert page_a.status_code == page_b.status_code == 200
    assert shown in page_a.text
    assert shown not in page_b.text and BANK_A not in page_b.text
