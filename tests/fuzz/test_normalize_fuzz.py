"""Fuzzing the normaliser and the variant repairer with hostile text that resembles real scam messages:
no exception, no input slower than a bound, every normalised character maps back into the original, and
normalising twice gives what normalising once gave."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fanzha.detect.engine import Detector, InputError
from fanzha.detect.prepare import default_repairer
from fanzha.text import NormText, normalize
from fanzha.text.variants import VariantRepairer

FUZZ = settings(
    max_examples=250,
    deadline=timedelta(seconds=5),
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)

# What disguised scam text is made of: ASCII, full-width, circled and mathematical digits, Chinese
# numerals, zero-width and odd spaces, traditional characters, sound-alikes and look-alikes, fillers
# between characters, letters for digits, private-use characters, NULs and lone surrogates.
PIECES = st.sampled_from(
    list("0123456789０１２３４５６７８９①⑴⒈𝟏𝟙Ⅻ㈠ｗ．ＡＢＣ")
    + list("一二三四五六七八九十幺零两百千万亿元块")
    + list(" \t\n\r\x00\x0b\x0c\u00a0\u3000\u200b\u200d\u2060\ufeff\u00ad\ue000\ue00f\ue100\ud800\udfff")
    + list("丶·.*-_~|ﬀßİǅ\u0301")
    + [
        "刷 单 返 利",
        "笔纪本",
        "优蕙",
        "澳镈",
        "喯跑吧",
        "兄弚",
        "跑一男一节一目",
        "微.信",
        "微*信",
        "l0000",
        "looo元",
    ]
    + ["請撥打", "帳戶", "詐騙", "安全賬戶", "公檢法", "1 3 8 0 0 1 3 8 0 0 0", "w w w . a b c . c o m"]
    + ["http://", "ｈｔｔｐｓ：／／", "www.", ".com", "QQ", "微信", "vx", "支付宝", "+86", "138", "6222"]
)
HOSTILE = st.lists(PIECES, max_size=60).map("".join)
TEXT = st.one_of(st.text(max_size=200), HOSTILE)
# Very long runs of one character (a regular expression that backtracks shows here).
RUNS = st.builds(
    lambda piece, n, tail: piece * n + tail,
    st.sampled_from(["1", "１", "一", " ", "刷 ", "微.", "1 ", "\u200b", "o", "l0", "跑一", "a.", "。"]),
    st.integers(1_000, 20_000),
    HOSTILE,
)


def check_map(norm: NormText, text: str) -> None:
    """Every character of the normalised text comes from a character of `text`, in order."""
    assert norm.original == text
    if norm.origin is None:
        assert len(norm.text) == len(text)
        return
    assert len(norm.origin) == len(norm.text)
    assert all(0 <= i < len(text) for i in norm.origin)
    assert list(norm.origin) == sorted(norm.origin)
    n = len(norm.text)
    for start in (0, n // 3, n // 2, max(0, n - 1), n):
        for end in (start, min(n, start + 1), n):
            a, b = norm.span(start, end)
            assert 0 <= a <= b <= len(text)


@FUZZ
@given(TEXT)
@example("\ud800１３８\x00\u200b")
@example("ﬀ" * 3 + "１ ３ ８")
def test_normalize_maps_every_character_into_the_original(text: str) -> None:
    check_map(normalize(text), text)


@FUZZ
@given(TEXT)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text).text
    assert normalize(once).text == once


@settings(FUZZ, max_examples=30)
@given(RUNS)
def test_normalize_of_long_runs_stays_fast_and_mapped(text: str) -> None:
    check_map(normalize(text), text)


def _valid(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# The repairer works on text that passed `check_text` (the detector checks every text first): valid
# Unicode, so lone surrogates are left out of its inputs (and tested against the detector below).
VALID = TEXT.filter(_valid)
VALID_RUNS = RUNS.filter(_valid)


@pytest.fixture(scope="module")
def repairer() -> VariantRepairer:
    return default_repairer()


@FUZZ
@given(VALID)
@example("跑一男一节一目" * 50)
@example("looo元l0000")
@example("恭喜跑一男一甸脑")  # atheris: a sound repair inside a filler's span (甸脑 → 电脑) left it stale
@example("2222跑一男一芄帳戶8222跑一男一节3 2222跑一男一芸3 8跑一男一节o8782跑一男一芛")
def test_repair_maps_every_character_into_the_original(repairer: VariantRepairer, text: str) -> None:
    norm = normalize(text)
    repaired, repairs = repairer.repair(norm)
    check_map(repaired, text)
    for repair in repairs:
        assert 0 <= repair.start <= repair.end <= len(repaired.text)
        assert repaired.text[repair.start : repair.end] == repair.meant
        assert repair.how in ("sound", "shape", "filler", "digits")
        assert repair.meaning


@settings(FUZZ, max_examples=60)
@given(st.lists(VALID, min_size=1, max_size=8))
def test_repair_many_equals_repair_of_each(repairer: VariantRepairer, texts: list[str]) -> None:
    norms = [normalize(t) for t in texts]
    assert repairer.repair_many(norms) == [repairer.repair(n) for n in norms]


@settings(FUZZ, max_examples=20)
@given(VALID_RUNS)
def test_repair_of_long_runs_stays_fast(repairer: VariantRepairer, text: str) -> None:
    repaired, _ = repairer.repair(normalize(text))
    check_map(repaired, text)


@settings(FUZZ, max_examples=50)
@given(TEXT, st.sampled_from(["\ud800", "\udfff", "\udbff\udbff"]))
def test_detector_refuses_lone_surrogates_with_a_chinese_message(
    detector: Detector, text: str, surrogate: str
) -> None:
    with pytest.raises(InputError, match="文本含无效字符"):
        detector.assess(f"{text}请拨打{surrogate}１３８")
