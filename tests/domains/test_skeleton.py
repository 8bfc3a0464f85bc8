"""Skeletons: labels that look alike fold to the same string, labels that do not stay apart."""

from __future__ import annotations

import pytest

from fanzha.domains.skeleton import skeleton


@pytest.mark.parametrize(
    ("written", "imitated"),
    [
        ("1cbc", "icbc"),  # digit one for i
        ("lcbc", "icbc"),  # l for i
        ("іcbс", "icbc"),  # Cyrillic і and с
        ("a1ipay", "alipay"),
        ("ta0bao", "taobao"),
        ("crnbchina", "cmbchina"),  # rn reads as m
        ("vvechat", "wechat"),  # vv reads as w
        ("аlіpаy", "alipay"),  # Cyrillic а and і
        ("αlipay", "alipay"),  # Greek alpha
        ("álipay", "alipay"),  # accents dropped
    ],
)
def test_lookalike_labels_share_a_skeleton(written: str, imitated: str) -> None:
    assert skeleton(written) == skeleton(imitated)


@pytest.mark.parametrize(("a", "b"), [("icbc", "icbe"), ("alipay", "alipey"), ("ccb", "cbc"), ("jd", "id")])
def test_different_letters_keep_different_skeletons(a: str, b: str) -> None:
    assert skeleton(a) != skeleton(b)
