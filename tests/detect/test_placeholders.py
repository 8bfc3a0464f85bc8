"""Corpus placeholders (URL, CELLPHONE …) are read as the link or number they hide."""

from __future__ import annotations

import pytest

from fanzha.detect.prepare import prepare

LINK, PHONE, SOCIAL = "\ue000", "\ue001", "\ue003"


@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("请尽快登录URL进行升级", LINK),
        ("详询CELLPHONE", PHONE),
        ("致电HOTLINE办理", PHONE),
        ("加WECHAT领取", SOCIAL),
        ("看这录像URLbxlx", LINK),  # what was left of the path stays text
    ],
)
def test_a_placeholder_becomes_its_kinds_token(text: str, token: str) -> None:
    prepared = prepare(text)
    assert token in prepared.masked
    assert len(prepared.masked) == len(prepared.norm.text)


def test_run_together_placeholders_each_become_their_token() -> None:
    assert prepare("加URLWECHAT").canonical == "加" + LINK + SOCIAL


def test_names_places_and_digits_blank_out_or_become_digits() -> None:
    canonical = prepare("NAME在PLACE领取DIGIT元").canonical
    assert canonical == "在领取0元"


@pytest.mark.parametrize("text", ["iPHONE 13 到货了", "请访问这个url", "Name: 张三", "URLS are links"])
def test_ordinary_words_are_not_placeholders(text: str) -> None:
    assert LINK not in prepare(text).masked and PHONE not in prepare(text).masked


def test_a_placeholder_never_overwrites_a_recognised_identifier() -> None:
    prepared = prepare("联系13800138000或URL")
    assert prepared.masked.count(PHONE) == 11


@pytest.mark.parametrize(
    "text", ["请致电 0xx-5xxxxxxx 办理", "联系客服 400xxx6521 取消", "电话138****2291", "加QQ 5xxxxxxxx"]
)
def test_a_crossed_out_number_reads_as_a_phone_number(text: str) -> None:
    prepared = prepare(text)
    assert PHONE in prepared.masked and "x" not in prepared.canonical.replace("qq", "")
    assert len(prepared.masked) == len(prepared.norm.text)


@pytest.mark.parametrize(
    "text", ["卡号 6228********1123", "打开 http://xxx.com", "xxx先生您好", "订单2024xxx"]
)
def test_other_crossed_out_runs_are_left_alone(text: str) -> None:
    assert PHONE not in prepare(text).masked
