"""What a case needs before the desk saves it: one rule for the console's intake form and the API."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from fanzha.cases.model import CaseIdentifier, CaseIn, Payment, Person
from fanzha.cases.required import REQUIRED, missing_in_case, refusal
from fanzha.web.console.intake_form import IntakeForm
from fanzha.web.console.intake_rules import missing

NOW = datetime(2026, 11, 6, 2, 0, tzinfo=UTC)


def complete() -> CaseIn:
    return CaseIn(
        received_at=NOW,
        occurred_at=NOW,
        narrative="接到自称警察的电话",
        fraud_type="impersonate_authority",
        contact_channel="phone_call",
        reporter=Person(name="李某某"),
        loss=0.0,
    )


def test_an_empty_record_lacks_every_element_the_intake_form_requires() -> None:
    empty = missing_in_case(CaseIn(received_at=NOW))
    assert empty == REQUIRED
    assert missing(IntakeForm()) == empty  # the console form and the API read the same rule


@pytest.mark.parametrize(
    ("change", "lacking"),
    [
        ({"narrative": "  "}, "narrative"),
        ({"fraud_type": ""}, "fraud_type"),
        ({"contact_channel": ""}, "contact_channel"),
        ({"occurred_at": None}, "occurred_at"),
        ({"reporter": Person()}, "reporter_name"),
        ({"loss": None}, "loss"),
    ],
)
def test_each_missing_element_is_named(change: dict[str, object], lacking: str) -> None:
    case = complete()
    for name, value in change.items():
        setattr(case, name, value)
    assert list(missing_in_case(case)) == [lacking]


@pytest.mark.parametrize(
    "change",
    [
        {"reporter": Person(phone="13912345678")},
        {"loss": None, "payments": [Payment(amount=100.0)]},
        {"loss": None, "identifiers": [CaseIdentifier("phone", "17012345678")]},
        {"loss": None, "dissuaded": True},
    ],
)
def test_a_phone_instead_of_a_name_and_any_sign_of_loss_will_do(change: dict[str, object]) -> None:
    case = complete()
    for name, value in change.items():
        setattr(case, name, value)
    assert missing_in_case(case) == {}


def test_the_refusal_names_the_api_fields_in_chinese() -> None:
    said = refusal(missing_in_case(CaseIn(received_at=NOW, narrative="x")))
    assert said.startswith("案件缺少 5 项必备要素")
    assert "fraud_type（诈骗类型）" in said and "reporter.name 或 reporter.phone" in said
    assert "narrative" not in said
