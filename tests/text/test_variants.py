"""Disguised spellings are repaired into the words they stand for, and ordinary words are left alone."""

from __future__ import annotations

import pytest

from fanzha.detect.prepare import default_repairer
from fanzha.text import normalize
from fanzha.text.variants import VariantRepairer

VOCABULARY = [
    "笔记本",
    "奔跑吧",
    "观众",
    "幸运观众",
    "优惠",
    "澳博",
    "节目组",
    "跑男",
    "微信",
    "客服",
    "现金",
]
REPAIRER = VariantRepairer(VOCABULARY)


def repaired(text: str) -> tuple[str, list[tuple[str, str, str]]]:
    norm, repairs = REPAIRER.repair(normalize(text))
    return norm.text, [(r.written, r.meant, r.how) for r in repairs]


@pytest.mark.parametrize(
    ("text", "expected", "how"),
    [
        ("获得笔纪本一台", "获得笔记本一台", "sound"),  # 纪 and 记 sound alike
        ("笔紀本", "笔记本", "sound"),  # traditional first, then the sound
        ("优蕙活动", "优惠活动", "sound"),  # a rare character in a two-character word
        ("澳镈娱乐", "澳博娱乐", "sound"),
        ("喯跑吧抽选", "奔跑吧抽选", "shape"),  # 喯 looks like 奔
        ("锛跑吧", "奔跑吧", "shape"),
        ("幸运覌众", "幸运观众", "shape"),
        ("跑一男一节一目一组", "跑男节目组", "filler"),
        ("加微.信", "加微信", "filler"),
        ("加微❤️信", "加微信", "filler"),  # an emoji with its variation selector
        ("得l0000元", "得10000元", "digits"),
        ("looo元", "1000元", "digits"),
        ("价值286.oo元", "价值286.00元", "digits"),  # an amount after a dot is still an amount
    ],
)
def test_disguised_spellings_are_repaired(text: str, expected: str, how: str) -> None:
    text_after, repairs = repaired(text)
    assert text_after == expected
    assert how in {h for _, _, h in repairs}


@pytest.mark.parametrize(
    "text",
    [
        "克服困难",  # 克服 sounds like 客服, but both characters are common: an ordinary word
        "现今社会",  # 现今 / 现金
        "一男一女一起走",  # 一 between characters without making a word
        "l o o k",
        "100元",
        "微 信",  # a space is not a filler (normalize handles spaced words)
        "在“我-服务-钱包-支付设置”中关闭",  # a menu path: dashes never make a chain
        "早/中/晚班可选",  # two symbols are not a chain
        "设置→安全→账户→换绑手机",  # a menu path: arrows never make a chain (安全账户 would appear)
        "今日菜单：红烧肉/清蒸鱼/麻婆豆腐/西红柿蛋汤",  # one symbol between whole words: a list
        # letters for digits in a host name are how a look-alike domain imitates 10086.cn
        "请登录 wap.10o86.cn 领取",
        "登录1oo86.cn",
        "请登录 wap点10o86点cn 领取",  # obfuscated: the link extractor reads it as wap.10o86.cn
        "【1o086】积分兑换",  # a disguised sender is not 10086 either
    ],
)
def test_ordinary_text_is_left_alone(text: str) -> None:
    norm = normalize(text)
    again, repairs = REPAIRER.repair(norm)
    assert repairs == []
    assert again.text == norm.text


def test_spans_still_map_back_to_the_original_after_fillers_are_dropped() -> None:
    original = "恭喜您被跑一男一节一目一组选中，奖品笔紀本"
    norm, repairs = REPAIRER.repair(normalize(original))
    start = norm.text.index("笔记本")
    a, b = norm.span(start, start + 3)
    assert original[a:b] == "笔紀本"
    filler = next(r for r in repairs if r.how == "filler")
    a, b = norm.span(filler.start, filler.end)
    assert original[a:b] == "跑一男一节一目一组"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("恭*喜·您|被选~为幸/运观众", "恭喜您被选为幸运观众"),
        ("被🎉选为❤️幸运🎁观众", "被选为幸运观众"),  # emoji with their variation selector
    ],
)
def test_a_chain_of_symbols_or_emoji_is_dropped_and_a_word_it_split_is_a_repair(
    text: str, expected: str
) -> None:
    text_after, repairs = repaired(text)
    assert text_after == expected
    assert [meant for _, meant, how in repairs if how == "filler"] == [expected]


def test_a_chain_that_splits_no_vocabulary_word_is_dropped_without_a_repair() -> None:
    original = "明*天·下|午~到"
    norm, repairs = REPAIRER.repair(normalize(original))
    assert norm.text == "明天下午到"
    assert repairs == []
    assert norm.span(2, 4) == (4, 7)  # 下午 in the original, the symbol between them included


def test_a_batch_repairs_each_text_on_its_own() -> None:
    texts = [normalize(t) for t in ("优蕙活动", "好的", "澳镈娱乐", "克服困难")]
    results = REPAIRER.repair_many(texts)
    assert [[r.meant for r in repairs] for _, repairs in results] == [["优惠"], [], ["澳博"], []]


def test_every_repair_explains_itself_in_chinese() -> None:
    _, repairs = REPAIRER.repair(normalize("喯跑吧"))
    assert "奔跑吧" in repairs[0].meaning and "形近字" in repairs[0].meaning


def test_the_default_vocabulary_holds_cue_keywords_brands_and_disguised_words() -> None:
    norm, repairs = default_repairer().repair(normalize("您被选为场外幸运覌众，获得笔纪本电脑"))
    assert "幸运观众" in norm.text and "笔记本电脑" in norm.text
    assert len(repairs) == 2


def test_an_empty_vocabulary_repairs_nothing() -> None:
    norm = normalize("笔纪本")
    assert VariantRepairer([]).repair(norm) == (norm, [])
