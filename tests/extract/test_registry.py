"""The registry: which recognizers run, how overlaps are resolved, what `extract` returns."""

from __future__ import annotations

import dataclasses

import pytest

from fanzha.extract import KINDS, Identifier, default_recognizers, extract, extract_normalized
from fanzha.extract.phone import PhoneRecognizer
from fanzha.extract.registry import locate
from fanzha.text import normalize

SCAM_SMS = "转账5000元到6222021234567890128，联系13800138000，加QQ12345678，微信abc_123456"


def test_kinds_lists_every_identifier_kind() -> None:
    assert KINDS == (
        "phone",
        "bank_card",
        "url",
        "domain",
        "ip",
        "qq",
        "wechat",
        "alipay",
        "id_card",
        "amount",
    )


def test_default_recognizers_are_built_once_and_cover_the_kinds() -> None:
    recognizers = default_recognizers()
    assert recognizers is default_recognizers()
    assert {r.kind for r in recognizers} <= set(KINDS)
    assert {r.kind for r in recognizers} | {"domain"} == set(KINDS)


@pytest.mark.parametrize("text", ["", "你好，今天天气不错", "   ", "hello world"])
def test_text_without_identifiers_gives_nothing(text: str) -> None:
    assert extract(text) == []


def test_every_identifier_in_a_scam_message_is_found_in_order() -> None:
    found = extract(SCAM_SMS)
    assert [(i.kind, i.value) for i in found] == [
        ("amount", "5000.00"),
        ("bank_card", "6222021234567890128"),
        ("phone", "13800138000"),
        ("qq", "12345678"),
        ("wechat", "abc_123456"),
    ]
    assert [SCAM_SMS[i.start : i.end] for i in found] == [
        "5000元",
        "6222021234567890128",
        "13800138000",
        "12345678",
        "abc_123456",
    ]


@pytest.mark.parametrize(
    ("kinds", "expected"),
    [
        (["phone"], ["phone"]),
        (["qq", "phone"], ["phone", "qq"]),
        (("amount",), ["amount"]),
        ([], []),
        (["nonexistent"], []),
    ],
)
def test_kinds_argument_filters_the_result(kinds: list[str], expected: list[str]) -> None:
    assert [i.kind for i in extract(SCAM_SMS, kinds=kinds)] == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("点击http://abc.com/13800138000领取", "abc.com/13800138000"),
        ("点击https://abc.com/?card=6222021234567890128", "abc.com/?card=6222021234567890128"),
        ("点击http://1.2.3.4/95588", "1.2.3.4/95588"),
    ],
)
def test_identifier_inside_a_link_belongs_to_the_link(text: str, value: str) -> None:
    found = extract(text)
    assert [(i.kind, i.value) for i in found] == [("url", value)]


def test_id_card_wins_over_bank_card_and_phone_digits() -> None:
    found = extract("身份证11010519491231002X")
    assert [i.kind for i in found] == ["id_card"]


def test_spoofed_number_is_reported_once_not_also_as_service_number() -> None:
    found = extract("来电+95588")
    assert [(i.kind, i.value, i.details["type"]) for i in found] == [("phone", "+95588", "spoofed")]


def test_contextual_hits_may_overlap_a_plain_identifier() -> None:
    found = extract("微信同号13800138000")
    assert [(i.kind, i.start, i.end) for i in found] == [("phone", 4, 15), ("wechat", 4, 15)]


def test_same_identifier_written_twice_is_reported_twice() -> None:
    text = "95588 95588"
    found = extract(text)
    assert [(i.value, i.start) for i in found] == [("95588", 0), ("95588", 6)]


def test_extract_normalized_matches_extract_on_the_same_text() -> None:
    text = "电话１３８００１３８０００，卡号6222 0212 3456 7890 128"
    assert extract_normalized(normalize(text)) == extract(text)


def test_locate_reports_spans_in_both_texts() -> None:
    text = "电话1 3 8 0 0 1 3 8 0 0 0"
    norm = normalize(text)
    (located,) = locate(norm)
    assert norm.text[located.norm_start : located.norm_end] == "13800138000"
    assert text[located.identifier.start : located.identifier.end] == "1 3 8 0 0 1 3 8 0 0 0"


def test_custom_recognizer_list_limits_what_is_found() -> None:
    found = extract_normalized(normalize(SCAM_SMS), [PhoneRecognizer()])
    assert [i.kind for i in found] == ["phone"]


@pytest.mark.parametrize(
    ("identifier", "expected"),
    [
        (
            Identifier("phone", "95588", 0, 5, 0.8499, "服务号码95588", {"type": "service"}),
            {
                "kind": "phone",
                "value": "95588",
                "start": 0,
                "end": 5,
                "score": 0.85,
                "reason": "服务号码95588",
                "details": {"type": "service"},
            },
        ),
        (
            Identifier("qq", "12345678", 2, 10, 0.9, "QQ号"),
            {"kind": "qq", "value": "12345678", "start": 2, "end": 10, "score": 0.9, "reason": "QQ号"},
        ),
    ],
)
def test_to_dict_rounds_score_and_omits_empty_details(
    identifier: Identifier, expected: dict[str, object]
) -> None:
    assert identifier.to_dict() == expected


def test_identifier_is_immutable() -> None:
    (ident,) = extract("电话13800138000")
    with pytest.raises(dataclasses.FrozenInstanceError):
        ident.value = "x"  # type: ignore[misc]


def test_every_identifier_has_a_reason_and_a_score_between_zero_and_one() -> None:
    text = SCAM_SMS + "，网址www点abc点com，身份证11010519491231002X，IP 8.8.8.8，支付宝a@b.com"
    found = extract(text)
    assert {i.kind for i in found} == {
        "amount",
        "bank_card",
        "phone",
        "qq",
        "wechat",
        "domain",
        "id_card",
        "ip",
        "alipay",
    }
    for ident in found:
        assert ident.kind in KINDS
        assert ident.reason
        assert 0.0 < ident.score <= 1.0
        assert 0 <= ident.start < ident.end <= len(text)
