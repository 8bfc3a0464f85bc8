"""Fraud-type codes are checked against the taxonomy where they enter, with the store's own error type,
and stored codes are named for people without ever printing an unknown one."""

from __future__ import annotations

import pytest

from fanzha.intel.repository import IntelError
from fanzha.taxonomy import load_taxonomy
from fanzha.taxonomy.codes import (
    UNCLASSIFIED,
    UNFILLED,
    UnknownFraudType,
    check_fraud_type,
    fraud_type_choices,
    fraud_type_name,
    is_fraud_type,
)


@pytest.mark.parametrize("code", [None, "", *load_taxonomy().codes])
def test_known_codes_and_no_code_pass_unchanged(code: str | None) -> None:
    assert check_fraud_type(code) == code


@pytest.mark.parametrize("code", ["impersonate_police", "LOAN", "loan ", "刷单返利", "normal", "x" * 500])
def test_anything_else_is_refused_with_the_valid_codes(code: str) -> None:
    with pytest.raises(UnknownFraudType) as caught:
        check_fraud_type(code)
    message = str(caught.value)
    assert message.startswith("不支持的诈骗类型：") and code[:40] in message and len(message) < 700
    for fraud_type in load_taxonomy().types:
        assert f"{fraud_type.code}（{fraud_type.name}）" in message


def test_the_store_chooses_the_error_type() -> None:
    with pytest.raises(IntelError, match="impersonate_police"):
        check_fraud_type("impersonate_police", error=IntelError)


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("rebate_task", "刷单返利、做任务"),
        ("", UNFILLED),
        (None, UNFILLED),
        ("impersonate_police", UNCLASSIFIED),
    ],
)
def test_stored_codes_are_named_never_printed_raw(code: str | None, name: str) -> None:
    assert fraud_type_name(code) == name
    assert is_fraud_type(code) == (code in load_taxonomy().codes)


def test_the_choices_read_as_one_line() -> None:
    assert fraud_type_choices().count("；") == len(load_taxonomy().codes) - 1
