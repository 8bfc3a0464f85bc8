"""No input gets a 500 from the consoles or the public page: ids and numbers beyond a 64-bit integer in
paths and query strings, text no database can store (lone surrogates, NUL), over-long fields and dates
at the ends of the calendar are answered with a 4xx page in Chinese — or the form again with the message
beside the field — and nothing is stored."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from fanzha.api.app import create_app
from fanzha.cases.model import CaseIn, Payment, Person
from fanzha.intel.keys import create_key
from fanzha.orders.repository import OrderStore

BIG = str(2**63)  # one more than the largest id a store column holds
HUGE = "1" + "0" * 40
BANK = "江州农商银行"
MULE = "6222021234567890128"
CHINESE = re.compile(r"[\u4e00-\u9fff]")


class Desk:
    """The app with one case and one order, an officer and a bank logged in."""

    def __init__(self, app: FastAPI, web_client: Callable[[Any], TestClient]) -> None:
        self.app = app
        engine = app.state.services.store.engine
        self.officer = web_client(app, raise_server_exceptions=False)  # a 500 is a failure, not a traceback
        self.bank = web_client(app, raise_server_exceptions=False)
        officer_key = create_key(engine, role="officer", label="JZ1001")
        bank_key = create_key(engine, role="bank", label=BANK)
        assert self.officer.post(
            "/console/login", data={"key": officer_key}, follow_redirects=False
        ).is_redirect
        assert self.bank.post("/bank/login", data={"key": bank_key}, follow_redirects=False).is_redirect
        now = datetime.now(UTC)
        payment = Payment(50000, now - timedelta(hours=2), "bank_transfer", "6212261234567890123", MULE, BANK)
        case = app.state.services.cases.create(
            CaseIn(received_at=now, victim=Person(name="王秀英"), payments=[payment]), actor="JZ1001"
        )
        self.case_id = int(case.id)
        self.order_id = (
            OrderStore(engine)
            .request_stop_payment(
                case_id=self.case_id,
                account=MULE,
                bank=BANK,
                amount=50000,
                legal_basis="依法止付",
                officer="JZ1001",
            )
            .id
        )

    def client(self, path: str) -> TestClient:
        return self.bank if path.startswith("/bank") else self.officer

    def stored(self) -> tuple[object, ...]:
        """Everything a refused form could have written."""
        services = self.app.state.services
        engine = services.store.engine
        order = OrderStore(engine).get(order_id=self.order_id)
        return (
            services.cases.search()[0],
            services.cases.get(self.case_id).status,
            len(services.cases.history(self.case_id)),
            len(services.persons.all()),
            order.state,
            order.renewals_left,
            len(OrderStore(engine).list_orders()),
            services.store.lookup(kind="phone", value="17012345678").report_count,
        )


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory, web_client: Callable[[Any], TestClient]) -> Desk:
    """One desk for the module: every test here is refused and checks that nothing stored changed, so
    they can share it (a new app per test cost a second or more of the suite each, 167 times)."""
    folder = tmp_path_factory.mktemp("hostile")
    return Desk(create_app(url=f"sqlite:///{folder / 'hostile.sqlite3'}"), web_client)


def assert_chinese_page(response: Any, status: int) -> None:
    assert response.status_code == status, (response.status_code, response.text[:300])
    assert response.headers["content-type"].startswith("text/html"), response.text[:300]
    assert CHINESE.search(response.text) and "Input should" not in response.text


# ---------------------------------------------------------------------------------- paths and queries
@pytest.mark.parametrize(
    ("path", "status"),
    [
        (f"/console/cases/{BIG}", 404),
        (f"/console/cases/-{BIG}", 404),
        ("/console/cases/0", 404),
        (f"/console/cases/{HUGE}?done=created", 404),
        (f"/console/groups/{BIG}", 404),
        (f"/console/groups/-{HUGE}", 404),
        # A page number the list cannot use shows the first page (or the last, past the end), as every
        # paged list does (fanzha.web.paging); an over-long search is cut to its first 100 characters.
        ("/console/cases?page=1e20", 200),
        (f"/console/cases?page={BIG}", 200),
        ("/console/cases?page=0", 200),
        ("/console/cases?page=NaN", 200),
        ("/console/cases?q=" + "诈" * 101, 200),
        ("/console/groups?order=random", 422),
        ("/console/orders?soon=maybe", 422),
        ("/console/orders?since=0001-01-01", 422),  # a day outside the calendar the store accepts
        ("/bank/orders?until=9999-12-31", 422),
        ("/console/orders?state=" + "x" * 17, 422),
        ("/console/login?next=/console/" + "x" * 2000, 200),  # not followed, the form still shows
        (f"/bank/checks?done={BIG}", 422),
        (f"/bank/checks?done={HUGE}", 422),
        ("/bank/checks?done=1e3", 422),
        ("/bank/check?transfer_id=" + "x" * 129, 422),
        ("/bank/orders?done=" + "x" * 17, 422),
    ],
)
def test_bad_ids_and_query_values_get_a_chinese_page(desk: Desk, path: str, status: int) -> None:
    assert_chinese_page(desk.client(path).get(path), status)


@pytest.mark.parametrize("path", ["/console/cases?q=%00", "/bank/check?transfer_id=t-1%00", "/?q=%00"])
def test_a_nul_in_a_query_is_refused(desk: Desk, path: str) -> None:
    """PostgreSQL stores no NUL: refused before routing (`fanzha.api.input_guard`), in Chinese."""
    response = desk.client(path).get(path)
    assert response.status_code == 422 and "空字符" in response.text


POSTS = [
    ("/console/cases/{big}/status", {"status": "verified"}),
    ("/console/cases/{big}/confirm", {"ident": "phone:17012345678"}),
    ("/console/cases/{big}/stop-payment", {"account": MULE, "bank": BANK, "amount": "1"}),
    ("/console/orders/{big}/renew", {}),
    ("/console/orders/{big}/freeze", {"legal_basis": "依法冻结"}),
    ("/console/orders/{big}/release", {"reason": "已追回"}),
    ("/bank/orders/{big}/execute", {"amount_stopped": "1"}),
    ("/bank/orders/{big}/refuse", {"reason": "销户"}),
]


@pytest.mark.parametrize("big", [BIG, f"-{BIG}", HUGE])
@pytest.mark.parametrize(("template", "data"), POSTS)
def test_actions_on_ids_beyond_64_bits_are_not_found(
    desk: Desk, template: str, data: dict[str, str], big: str
) -> None:
    path = template.format(big=big)
    before = desk.stored()
    assert_chinese_page(desk.client(path).post(path, data=data), 404)
    assert desk.stored() == before


# ---------------------------------------------------------------------------------- numbers in forms
@pytest.mark.parametrize(
    ("path", "data", "message"),
    [
        ("/console/orders/{order}/renew", {"months": BIG}, "months"),
        ("/console/orders/{order}/renew", {"months": "1e20"}, "months"),
        ("/console/cases/{case}/stop-payment", {"account": MULE, "amount": "1e400"}, "金额"),
        ("/console/cases/{case}/stop-payment", {"account": MULE, "amount": "NaN"}, "金额"),
        ("/console/cases/{case}/stop-payment", {"account": MULE, "amount": "-5"}, "金额"),
        ("/console/cases/{case}/stop-payment", {"account": MULE, "amount": "1e40"}, "金额"),
        ("/console/cases/{case}/stop-payment", {"account": MULE, "amount": HUGE}, "超过 20 个字符"),
        ("/bank/orders/{order}/execute", {"amount_stopped": "1e400"}, "金额"),
        ("/bank/orders/{order}/execute", {"amount_stopped": "inf"}, "金额"),
        ("/bank/orders/{order}/execute", {"amount_stopped": "nan"}, "金额"),
        ("/bank/orders/{order}/execute", {"amount_stopped": "1e40"}, "金额"),
        ("/bank/orders/{order}/execute", {"amount_stopped": HUGE}, "超过 32 个字符"),
        ("/bank/check", {"transfer_id": "t-1", "outcome": "dissuaded", "amount": "1e400"}, "金额"),
        ("/bank/check", {"transfer_id": "t-1", "outcome": "dissuaded", "payer_age": BIG}, ""),
    ],
)
def test_numbers_out_of_range_in_forms_are_refused(
    desk: Desk, path: str, data: dict[str, str], message: str
) -> None:
    path = path.format(case=desk.case_id, order=desk.order_id)
    before = desk.stored()
    response = desk.client(path).post(path, data=data)
    assert_chinese_page(response, 422)
    assert message in response.text
    assert desk.stored() == before


# ---------------------------------------------------------------------------------- text no store can hold
def _multipart(fields: dict[str, str], charset: str, bad: bytes) -> tuple[bytes, dict[str, str]]:
    """A form encoded in `charset` with the bytes `bad` where a field says {bad}, as a crafted client may
    send it (a browser never does)."""
    parts = []
    for name, value in fields.items():
        before, _, after = value.partition("{bad}")
        data = before.encode(charset) + (bad if _ else b"") + after.encode(charset)
        parts.append(
            f'--B\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode() + data + b"\r\n"
        )
    return b"".join(parts) + b"--B--\r\n", {
        "content-type": f"multipart/form-data; charset={charset}; boundary=B"
    }


FORMS = [
    ("/console/intake", {"narrative": "{bad}", "action": "save"}),
    ("/console/intake", {"narrative": "报警", "district": "{bad}", "action": "save"}),
    ("/console/intake/prefill", {"narrative": "{bad}"}),
    ("/console/persons", {"name": "{bad}", "category": "mule"}),
    ("/console/persons", {"name": "张三", "category": "mule", "ident_kind": "phone", "ident_value": "{bad}"}),
    ("/console/cases/{case}/status", {"status": "verified", "note": "{bad}"}),
    ("/console/cases/{case}/confirm", {"ident": "phone:{bad}"}),
    ("/console/cases/{case}/stop-payment", {"account": MULE, "bank": "{bad}", "amount": "1"}),
    ("/console/orders/{order}/release", {"reason": "{bad}"}),
    ("/console/login", {"key": "{bad}"}),
    ("/bank/check", {"transfer_id": "t-1", "outcome": "dissuaded", "note": "{bad}"}),
    ("/bank/orders/{order}/refuse", {"reason": "{bad}"}),
    ("/bank/inflows", {"account": MULE, "lines": "2026-01-01 10:00, 5, {bad}"}),
    ("/report", {"kind": "phone", "value": "1701234{bad}"}),
    ("/check", {"text": "您涉嫌洗钱{bad}"}),
]
# Each way of smuggling an unstorable character into a form field: (charset, how the field is written).
SMUGGLED = [
    pytest.param("utf-7", b"+2AA-", id="lone-surrogate-utf7"),
    pytest.param("unicode_escape", b"\\udc80", id="lone-surrogate-escape"),
    pytest.param("utf-8", b"\x00", id="nul"),
]


@pytest.mark.parametrize(("charset", "bad"), SMUGGLED)
@pytest.mark.parametrize(("path", "fields"), FORMS)
def test_unstorable_characters_in_a_form_are_refused(
    desk: Desk, path: str, fields: dict[str, str], charset: str, bad: bytes
) -> None:
    path = path.format(case=desk.case_id, order=desk.order_id)
    body, headers = _multipart(fields, charset, bad)
    client = desk.client(path)
    before = desk.stored()
    response = client.post(path, content=body, headers=headers)
    assert_chinese_page(response, 422)
    assert "无法保存的字符" in response.text
    assert desk.stored() == before


@pytest.mark.parametrize(
    "path", ["/console/intake", "/console/cases/{case}/status", "/bank/inflows", "/report"]
)
@pytest.mark.parametrize(
    "content_type",
    ["multipart/form-data", 'multipart/form-data; boundary="unclosed'],  # no boundary, a broken one
)
def test_a_malformed_form_body_gets_a_chinese_400(desk: Desk, path: str, content_type: str) -> None:
    path = path.format(case=desk.case_id)
    before = desk.stored()
    body = b'--B\r\nContent-Disposition: form-data; name="note"\r\n\r\nno end'
    response = desk.client(path).post(path, content=body, headers={"content-type": content_type})
    assert_chinese_page(response, 400)
    assert desk.stored() == before


# ---------------------------------------------------------------------------------- over-long fields
INTAKE = {"narrative": "报警人称被骗", "occurred_at": "2026-11-06T10:00", "action": "save"}
LONG_INTAKE = [
    ("district", "区" * 65, "辖区"),
    ("place", "地" * 201, "发案地点"),
    ("reporter_name", "名" * 65, "报警人姓名"),
    ("reporter_phone", "1" * 33, "报警人电话"),
    ("reporter_relation", "亲" * 33, "与受害人关系"),
    ("victim_name", "名" * 65, "受害人姓名"),
    ("victim_phone", "1" * 33, "受害人电话"),
    ("fraud_type", "x" * 33, "诈骗类型"),
    ("fraud_type", "no_such_type", "诈骗类型"),
    ("loss", "1" * 400, "损失金额"),
]


@pytest.mark.parametrize(("field", "value", "name"), LONG_INTAKE)
def test_an_over_long_intake_field_is_named_beside_it_and_nothing_is_stored(
    desk: Desk, field: str, value: str, name: str
) -> None:
    before = desk.stored()
    response = desk.officer.post("/console/intake", data={**INTAKE, field: value})
    assert_chinese_page(response, 422)
    beside = re.search(rf'id="{field}-error"[^>]*>([^<]*)<', response.text)
    assert beside and name in beside.group(1), response.text[:2000]
    assert "报警人称被骗" in response.text  # the form comes back as typed
    assert desk.stored() == before


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ({"pay_amount": "1", "pay_to_account": "6" * 65}, "第 1 笔转账的收款账户"),
        ({"pay_amount": "1", "pay_to_bank": "银" * 65}, "第 1 笔转账的收款银行"),
        ({"pay_amount": "1", "pay_from_account": "6" * 65}, "第 1 笔转账的付款账户"),
        ({"pay_amount": "1", "pay_channel": "x" * 40}, "第 1 笔转账"),
        ({"ident_kind": "phone", "ident_value": "1" * 513}, "线索"),
        ({"ident_kind": "k" * 40, "ident_value": "17012345678"}, "线索"),
        ({"narrative": "诈" * 20_001}, "叙述"),
    ],
)
def test_over_long_rows_of_the_intake_form_are_refused(
    desk: Desk, rows: dict[str, str], message: str
) -> None:
    before = desk.stored()
    response = desk.officer.post("/console/intake", data={**INTAKE, **rows})
    assert_chinese_page(response, 422)
    assert message in response.text
    assert desk.stored() == before


@pytest.mark.parametrize(
    ("field", "value", "name"),
    [
        ("name", "张" * 65, "姓名"),
        ("id_number", "1" * 33, "身份证号"),
        ("district", "区" * 65, "辖区"),
        ("note", "备" * 2001, "备注"),
        ("ident_value", "1" * 513, "线索"),
    ],
)
def test_an_over_long_key_person_field_is_named_beside_it_and_nothing_is_stored(
    desk: Desk, field: str, value: str, name: str
) -> None:
    data = {"name": "张三", "category": "mule", "ident_kind": "phone", "ident_value": "17012345678"}
    before = desk.stored()
    response = desk.officer.post("/console/persons", data={**data, field: value})
    assert_chinese_page(response, 422)
    beside = re.search(rf'id="{field}-error"[^>]*>([^<]*)<', response.text)
    assert beside and name in beside.group(1)
    assert desk.stored() == before


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/console/login", {"key": "k" * 201}),
        ("/console/cases/{case}/status", {"status": "verified", "note": "备" * 2001}),
        ("/console/cases/{case}/stop-payment", {"account": "6" * 65, "amount": "1"}),
        ("/console/cases/{case}/stop-payment", {"account": MULE, "amount": "1", "legal_basis": "依" * 2001}),
        ("/console/cases/{case}/confirm", {"ident": "phone:" + "1" * 600}),
        ("/console/orders/{order}/release", {"reason": "理" * 2001}),
        ("/bank/orders/{order}/refuse", {"reason": "理" * 2001}),
        ("/bank/orders/{order}/execute", {"amount_stopped": "1" * 33}),
        ("/bank/check", {"transfer_id": "t" * 129, "outcome": "dissuaded"}),
        ("/bank/check", {"transfer_id": "t-1", "outcome": "police", "signed_by": "名" * 65}),
        ("/bank/inflows", {"account": "6" * 65, "lines": "2026-01-01 10:00, 5"}),
        ("/report", {"kind": "phone", "value": "1" * 513}),
        ("/report", {"kind": "k" * 100, "value": "17012345678"}),
    ],
)
def test_other_over_long_form_fields_are_refused(desk: Desk, path: str, data: dict[str, str]) -> None:
    path = path.format(case=desk.case_id, order=desk.order_id)
    before = desk.stored()
    response = desk.client(path).post(path, data=data)
    assert_chinese_page(response, 422)
    assert desk.stored() == before


# ---------------------------------------------------------------------------------- dates at the calendar's ends
ENDS = [
    pytest.param("0001-01-01T00:00", id="year-1"),
    pytest.param("1999-12-31T23:59", id="before-2000"),
    pytest.param("9999-12-31T23:59", id="year-9999"),
    pytest.param(f"{datetime.now(UTC).year + 3}-01-01T00:00", id="years-ahead"),
]


@pytest.mark.parametrize("at", ENDS)
@pytest.mark.parametrize(("field", "name"), [("occurred_at", "发案时间"), ("received_at", "接警时间")])
def test_intake_dates_outside_the_calendar_are_named_beside_the_field(
    desk: Desk, field: str, name: str, at: str
) -> None:
    before = desk.stored()
    response = desk.officer.post("/console/intake", data={**INTAKE, field: at})
    assert_chinese_page(response, 422)
    beside = re.search(rf'id="{field}-error"[^>]*>([^<]*)<', response.text)
    assert beside and name in beside.group(1) and "超出可接受的范围" in beside.group(1)
    assert f'value="{at}"' in response.text  # kept as typed, to correct
    assert desk.stored() == before


@pytest.mark.parametrize("at", ENDS)
def test_a_payment_time_outside_the_calendar_is_refused(desk: Desk, at: str) -> None:
    before = desk.stored()
    response = desk.officer.post("/console/intake", data={**INTAKE, "pay_amount": "5000", "pay_paid_at": at})
    assert_chinese_page(response, 422)
    assert "第 1 笔转账的时间" in response.text and "超出可接受的范围" in response.text
    assert desk.stored() == before


@pytest.mark.parametrize(
    "line",
    [
        "0001-01-01 00:00, 5",
        "9999-12-31 23:59, 5",
        "9999-12-31T23:59:59-14:00, 5",
        "0001-01-01T00:00:00+14:00, 5",
    ],
)
def test_inflows_at_the_calendars_ends_are_refused(desk: Desk, line: str) -> None:
    before = desk.stored()
    response = desk.bank.post("/bank/inflows", data={"account": MULE, "lines": line})
    assert_chinese_page(response, 422)
    assert "第1行" in response.text
    assert desk.stored() == before
