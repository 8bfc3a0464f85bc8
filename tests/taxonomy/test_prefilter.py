"""The literals a cue pattern needs: its prefilter keywords, derived from the pattern."""

from __future__ import annotations

import re

import pytest

from fanzha.taxonomy import TaxonomyError, load_taxonomy, parse_taxonomy
from fanzha.taxonomy.prefilter import alternative_literals, required_literals, top_alternatives


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        ("安全账户", {"安全账户"}),
        ("(恭喜|您)[^。]{0,12}(中奖|获得)", {"中奖", "获得"}),  # the more selective element
        ("积分[^。]{0,10}兑换", {"积分"}),
        ("(ab|cd)e", {"abe", "cde"}),  # exact alternatives are joined with what follows
        ("(每天|每日)(赚|收入)[^。]{0,4}元", {"每天赚", "每天收入", "每日赚", "每日收入"}),
        ("(链接|\ue000)[^。]{0,9}领取", {"领取"}),  # a token is everywhere: a word is more selective
        ("\\d+元", {"元"}),
        ("x?安全", {"安全"}),
        ("[\ue001\ue002]+", {"\ue001", "\ue002"}),
    ],
)
def test_required_literals(pattern: str, literals: set[str]) -> None:
    assert required_literals(pattern) == literals


@pytest.mark.parametrize("pattern", ["\\d+", "(安全)?\\d+", ".*", "[一-龥]{2}"])
def test_a_pattern_that_needs_no_literal_has_no_prefilter(pattern: str) -> None:
    assert required_literals(pattern) is None


def test_every_match_of_every_shipped_cue_contains_one_of_its_keywords() -> None:
    samples = [
        "恭喜您获得抖音年度活跃用户回馈奖励现金8888元，请添加客服领取",
        "您的包裹被海关扣了，需要交税",
        "尊敬的工行用户您的电子密码器将于次日失效请尽快登陆我行网站进行维护升级",
    ]
    for cue in load_taxonomy().all_cues:
        if cue.pattern is None:
            continue
        for text in samples:
            for match in cue.pattern.finditer(text):
                assert any(k in match.group() for k in cue.keywords), (cue.id, match.group())


def _entry(**fields: object) -> dict[str, object]:
    cue = {"id": "c", "meaning": "m", "weight": 1, **fields}
    return {"types": [{"code": "t", "name": "n", "description": "d", "advice": "a", "cues": [cue]}]}


def test_a_cue_with_a_pattern_may_not_list_keywords() -> None:
    with pytest.raises(TaxonomyError, match="keywords from the pattern"):
        parse_taxonomy(_entry(pattern="安全账户", keywords=["安全"]))


def test_a_pattern_that_needs_no_literal_is_refused() -> None:
    with pytest.raises(TaxonomyError, match="without any literal"):
        parse_taxonomy(_entry(pattern="\\d+"))


def test_a_loaded_cue_carries_its_derived_keywords() -> None:
    cue = parse_taxonomy(_entry(pattern="(安全|监管)账户")).types[0].cues[0]
    assert set(cue.keywords) == {"安全账户", "监管账户"}
    assert cue.pattern is not None and re.search(cue.pattern, "监管账户")


@pytest.mark.parametrize(
    ("pattern", "parts"),
    [
        ("稳赚|保本(保息)?|(零|无)风险", ["稳赚", "保本(保息)?", "(零|无)风险"]),
        ("a[|(]b|c\\|d|e", ["a[|(]b", "c\\|d", "e"]),  # a | in a class or escaped splits nothing
        ("[]|]x|[^]|]y", ["[]|]x", "[^]|]y"]),  # a ] first in a class is one of its characters
        ("(?<!年化)收益|(?:x|y)z", ["(?<!年化)收益", "(?:x|y)z"]),
        ("(?i)ab|cd", ["(?i)ab|cd"]),  # global flags would bind to the first alternative only
        ("安全账户", ["安全账户"]),
    ],
)
def test_top_alternatives(pattern: str, parts: list[str]) -> None:
    assert top_alternatives(pattern) == parts


def test_alternatives_carry_their_own_literals() -> None:
    assert alternative_literals("稳赚(不赔)?|(高|超高)回报") == [
        ("稳赚(不赔)?", ["稳赚"]),
        ("(高|超高)回报", ["超高回报", "高回报"]),
    ]
    assert alternative_literals("安全账户") is None  # one alternative: the pattern runs whole
    assert alternative_literals("安全账户|\\d+") is None  # an alternative needs no literal


def test_every_shipped_cue_with_alternatives_splits_back_into_its_pattern() -> None:
    split = [c for c in load_taxonomy().all_cues if c.alternatives]
    assert len(split) > 50
    for cue in split:
        assert cue.pattern is not None
        assert "|".join(a.pattern.pattern for a in cue.alternatives) == cue.pattern.pattern
        assert set().union(*(a.keywords for a in cue.alternatives)) == set(cue.keywords), cue.id
