"""The keyword index every matcher shares: all occurrences, overlapping ones, in character positions."""

from __future__ import annotations

from fanzha.text.keywords import KeywordIndex


def test_every_occurrence_overlapping_ones_included_in_order_of_their_ends() -> None:
    index = KeywordIndex([("银行", 1), ("行卡", 2), ("银行卡", 3), ("卡", 4)])
    assert index.find("我的银行卡号，卡") == [(2, 4, 1), (2, 5, 3), (3, 5, 2), (4, 5, 4), (7, 8, 4)]


def test_positions_count_characters_not_bytes() -> None:
    index = KeywordIndex([("安全账户", "safe")])
    text = "😀请转到安全账户"
    [(start, end, value)] = index.find(text)
    assert text[start:end] == "安全账户" and value == "safe"


def test_a_keyword_given_twice_keeps_its_last_value_and_empty_ones_are_ignored() -> None:
    index = KeywordIndex([("客服", "a"), ("", "empty"), ("客服", "b")])
    assert index.find("联系客服") == [(2, 4, "b")]


def test_no_keywords_finds_nothing() -> None:
    assert KeywordIndex[str]([]).find("任何文字") == []


def test_a_lone_surrogate_is_read_as_one_character_and_moves_nothing() -> None:
    index = KeywordIndex([("验证码", 1)])
    assert index.find("\ud800把验证码发我") == [(2, 5, 1)]
