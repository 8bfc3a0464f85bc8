"""A bank's opening check: the answer (可办理 / 仅限柜面 / 需核实) and its reasons from the 惩戒 list and the
key persons, the person masked in the answer, and every check stored and audited."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from fanzha.audit.log import recent, verify
from fanzha.cardban import CardbanError, CardbanStore, CheckIn, EntryIn, OpeningChecks
from fanzha.cases.model import CaseIdentifier
from fanzha.cases.persons import PersonStore
from fanzha.store import upgrade

TODAY = date(2026, 6, 3)
NOW = datetime(2026, 6, 3, 4, 0, tzinfo=UTC)
LISTED_HOLDER = "11010519491231002X"
LISTED_ACCOUNT = "6222021234567890128"
LISTED_PHONE = "17012345678"
SUSPECT = "110101199003071233"
SUSPECT_PHONE = "13900139000"
CLEAN = "110101199003072316"  # a valid ID number on no list


@pytest.fixture
def checks(engine: Engine) -> OpeningChecks:
    upgrade(engine)
    register = CardbanStore(engine)
    for kind, value, holder in (
        ("bank_card", LISTED_ACCOUNT, LISTED_HOLDER),
        ("phone", LISTED_PHONE, "110101199003076210"),
    ):
        register.add(
            EntryIn(kind=kind, value=value, holder_name="张三", holder_id=holder, evidence="bank_review", review_ref="R"),
            actor="工行", role="bank", today=TODAY, now=NOW,
        )  # fmt: skip
    register.add(  # an entry whose term ended last year does not count
        EntryIn(kind="bank_card", value="6212261234567890123", holder_name="王五", holder_id=CLEAN,
                evidence="bank_review", review_ref="R", starts_on=date(2020, 1, 1), ends_on=date(2024, 12, 31)),
        actor="工行", role="bank", today=date(2020, 1, 1), now=NOW,
    )  # fmt: skip
    PersonStore(engine).add(
        name="李四", category="suspect", actor="JZ1", id_number=" 110101-19900307-1233 ",
        identifiers=[CaseIdentifier("phone", SUSPECT_PHONE)],
    )  # fmt: skip
    return OpeningChecks(engine)


def check(checks: OpeningChecks, **fields: str) -> tuple[str, list[str]]:
    asked = {"service": "open_account", "holder_name": "客户", "holder_id": CLEAN} | fields
    result = checks.check(
        CheckIn(**asked), bank="工行", staff="柜员1", actor="中国工商银行", today=TODAY, now=NOW
    )
    return result.verdict, [r.code for r in result.reasons]


@pytest.mark.parametrize(
    ("fields", "verdict", "codes"),
    [
        ({}, "allow", ["clear"]),
        ({"holder_id": "110105 19491231 002x"}, "counter_only", ["listed_holder"]),
        ({"service": "online_service", "account": "6222 0212 3456 7890 128"}, "counter_only", ["listed_bank_card"]),
        ({"phone": "+86 170 1234 5678"}, "counter_only", ["listed_phone"]),
        ({"holder_id": SUSPECT}, "verify", ["key_person_holder"]),
        ({"phone": SUSPECT_PHONE}, "verify", ["key_person_phone"]),
        ({"holder_id": "110101199003072317"}, "verify", ["id_check_digit"]),
        ({"holder_id": LISTED_HOLDER, "phone": SUSPECT_PHONE}, "verify", ["listed_holder", "key_person_phone"]),
    ],
    ids=["clean", "listed-holder", "listed-account", "listed-phone", "key-person", "key-person-phone",
         "check-digit", "most-severe-wins"],
)  # fmt: skip
def test_the_answer_is_the_most_severe_finding_with_a_reason_for_each(
    checks: OpeningChecks, fields: dict[str, str], verdict: str, codes: list[str]
) -> None:
    assert check(checks, **fields) == (verdict, codes)


def test_the_reason_names_the_term_and_the_law_but_not_the_key_person(checks: OpeningChecks) -> None:
    result = checks.check(
        CheckIn("online_service", "客户", LISTED_HOLDER, account="6222021234567890128", phone=SUSPECT_PHONE),
        bank="工行", staff="柜员1", actor="中国工商银行", today=TODAY, now=NOW,
    )  # fmt: skip
    texts = " ".join(r.text for r in result.reasons)
    assert "2026-06-03 至 2031-06-02" in texts and "第三十一条" in texts and "不得开通网银" in texts
    assert "李四" not in texts and "犯罪嫌疑人" not in texts and "联系反诈中心核实" in texts


def test_the_bank_gets_the_person_masked_and_every_check_is_audited(
    checks: OpeningChecks, engine: Engine
) -> None:
    result = checks.check(CheckIn("open_account", "张三丰", LISTED_HOLDER), bank="工行", staff="柜员1",
                          actor="中国工商银行", today=TODAY, now=NOW)  # fmt: skip
    assert (result.holder_name, result.holder_id, result.bank) == (
        "张**",
        "110105********002X",
        "中国工商银行",
    )
    with Session(engine) as session:
        last = recent(session, limit=1)[0]
    assert (last.action, last.subject, last.actor) == (
        "cardban.check",
        f"opening-check:{result.id}",
        "中国工商银行",
    )
    assert last.detail["verdict"] == "counter_only" and LISTED_HOLDER not in str(last.detail)
    assert verify(engine).ok
    assert [c.holder_id for c in checks.recent(bank="ICBC", masked=False)] == [LISTED_HOLDER]
    assert checks.recent(bank="江州农商银行") == []


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"service": "loan"}, "不支持的业务"),
        ({"service": "online_service"}, "请填写账户"),
        ({"holder_name": " "}, "请填写姓名"),
        ({"holder_id": ""}, "请填写身份证号"),
        ({"phone": "电话"}, "不是电话卡"),
    ],
)
def test_a_check_that_cannot_be_made_is_refused_and_not_stored(
    checks: OpeningChecks, fields: dict[str, str], message: str
) -> None:
    with pytest.raises(CardbanError, match=message):
        check(checks, **fields)
    assert checks.recent() == []
