"""Fuzzing every recognizer of the registry with hostile text: no exception, no input slower than a bound,
every span inside the text it indexes (each recognizer's span in the normalised text, each identifier's
span in the original), and the span of an identifier written plainly is exactly what was written."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fanzha.extract import KINDS, default_recognizers, extract
from fanzha.extract.base import Recognizer
from fanzha.extract.registry import locate
from fanzha.text import normalize

FUZZ = settings(
    max_examples=250,
    deadline=timedelta(seconds=5),
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)

# Pieces of identifiers and of the text around them, written the ways scams write them.
PIECES = st.sampled_from(
    list("0123456789０１２３４５６７８９①𝟏 -+.()（）,，。:：/@_#?=&%~\\\x00\t\n\u200b\u3000\ud800\ue000")
    + list("一二三四五六七八九十幺零两百千万亿元块号码卡账户Xx")
    + [
        "http://",
        "https://",
        "ｈｔｔｐ：／／",
        "www.",
        "ｗｗｗ．",
        ".com",
        ".cn",
        ".xn--fiqs8s",
        "点com",
        "@qq.com",
    ]
    + ["xn--", "例子.中国", "[::1]", "192.168.", "256.1.1.1", "0x7f.1", ":8080", "/path?a=1", "%E4%B8%AD"]
    + [
        "QQ:",
        "QQ号",
        "Q群",
        "微信:",
        "vx:",
        "wx",
        "威信",
        "支付宝:",
        "身份证",
        "卡号",
        "账号",
        "电话",
        "手机",
    ]
    + ["+86", "0086", "(+86)", "+852", "+1-", "010-", "0755-", "400-", "95588", "12306", "106"]
    + ["138", "0013", "8000", "6222", "0212", "3456", "11010519491231002X", "440306", "19900101"]
    + ["¥", "￥", "rmb", "RMB", "美元", "5万", "1,000,000", "1.5e9", "9" * 30, "0" * 20]
)
HOSTILE = st.lists(PIECES, max_size=80).map("".join)
TEXT = st.one_of(st.text(max_size=300), HOSTILE)
RUNS = st.builds(
    lambda piece, n, tail: piece * n + tail,
    st.sampled_from(
        ["1", "１", "1 ", "1-", "a.", "www.", "http://a", "@", "QQ", "1.", "9,", "%", "/a", "-", "幺"]
    ),
    st.integers(1_000, 20_000),
    HOSTILE,
)


@pytest.mark.parametrize("recognizer", default_recognizers(), ids=lambda r: type(r).__name__)
@FUZZ
@given(text=TEXT)
def test_each_recognizer_reports_spans_inside_the_normalised_text(recognizer: Recognizer, text: str) -> None:
    norm = normalize(text).text
    for start, end, candidate in recognizer.find(norm):
        assert 0 <= start <= end <= len(norm)
        assert (candidate.kind or recognizer.kind) in KINDS
        assert 0.0 <= candidate.score <= 1.0
        assert candidate.value and candidate.reason


def check_extract(text: str) -> None:
    norm = normalize(text)
    for located in locate(norm):
        ident = located.identifier
        assert ident.kind in KINDS
        assert 0 <= located.norm_start <= located.norm_end <= len(norm.text)
        assert 0 <= ident.start <= ident.end <= len(text)
        assert (ident.start, ident.end) == norm.span(located.norm_start, located.norm_end)
        assert ident.public_dict()["start"] == ident.start


@FUZZ
@given(TEXT)
@example("ｈｔｔｐ：／／例子.中国/\ud800" + "1" * 40)
@example("QQ:" + "\u200b".join("1234567890"))
def test_identifier_spans_lie_inside_the_original_and_match_the_normalised_span(text: str) -> None:
    check_extract(text)


@settings(FUZZ, max_examples=40)
@given(RUNS)
def test_long_runs_stay_fast_and_spans_stay_inside(text: str) -> None:
    check_extract(text)


# Identifiers written plainly, with nothing the normaliser changes: the span is the written text.
PLAIN = st.sampled_from(
    [
        ("phone", "13800138000"),
        ("bank_card", "6222021234567890128"),
        ("url", "https://www.icbc-verify.top/login"),
        ("id_card", "11010519491231002X"),
    ]
)
AROUND = st.text(alphabet="请联系客服电话谢谢您好，。！、：", max_size=12)


@FUZZ
@given(AROUND, PLAIN, AROUND, st.sampled_from(["", "\u200b", "\u3000", "，"]))
def test_a_plain_identifier_is_found_at_exactly_its_written_span(
    before: str, plain: tuple[str, str], after: str, noise: str
) -> None:
    kind, written = plain
    text = f"{noise}{before}{written}{after}{noise}"
    spans = [text[i.start : i.end] for i in extract(text) if i.kind == kind]
    assert written in spans
