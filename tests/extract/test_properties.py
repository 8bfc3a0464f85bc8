"""Property tests: extraction and normalisation never crash and never report spans outside the text."""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from fanzha.extract import KINDS, extract
from fanzha.extract.bank_card import luhn_valid
from fanzha.extract.id_card import id_checksum_valid
from fanzha.extract.phone import MOBILE_SEGMENTS
from fanzha.text import normalize

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"

# Pieces scam messages are made of: digits (ASCII and full-width), separators, Chinese numerals,
# context words, zero-width characters and traditional characters.
PIECES = st.sampled_from(
    list("0123456789０１２３４５６７８９ -+.()（）,，。:：/@_")
    + list("一二三幺零两五八十百千万亿元块号码卡账户")
    + ["\u200b", "\u3000", "QQ", "qq", "Q群", "微信", "vx", "支付宝", "身份证", "www", "点", "com", "http://"]
    + ["¥", "rmb", "帳戶", "詐騙", "+86", "0086", "95588", "138", "0013", "8000", "6222"]
)
MIXED_TEXT = st.lists(PIECES, max_size=40).map("".join)
# Text without digits or letters, to embed identifiers without gluing them to neighbours.
FILLER = st.text(alphabet="请联系客服电话谢谢您好，。！、", max_size=8)


def check_spans(text: str) -> None:
    found = extract(text)
    for ident in found:
        assert ident.kind in KINDS
        assert 0 <= ident.start <= ident.end <= len(text)
        assert 0.0 <= ident.score <= 1.0
        if ident.kind == "id_card":
            assert "********" in ident.value
    starts = [i.start for i in found]
    assert starts == sorted(starts)


@SETTINGS
@given(st.text())
def test_extract_never_raises_and_spans_lie_inside_any_unicode_text(text: str) -> None:
    check_spans(text)


@SETTINGS
@given(MIXED_TEXT)
def test_extract_spans_lie_inside_mixed_digit_and_chinese_text(text: str) -> None:
    check_spans(text)


def _check_span_map(text: str) -> None:
    norm = normalize(text)
    n = len(norm.text)
    if norm.origin is not None:
        assert len(norm.origin) == n
        assert list(norm.origin) == sorted(norm.origin)
    for start in range(n + 1):
        for end in (start, min(n, start + 1), n):
            a, b = norm.span(start, end)
            assert 0 <= a <= b <= len(text)


@SETTINGS
@given(st.text(max_size=60))
def test_normalize_span_maps_inside_the_original(text: str) -> None:
    _check_span_map(text)


@SETTINGS
@given(MIXED_TEXT)
def test_normalize_span_maps_inside_the_original_for_mixed_text(text: str) -> None:
    _check_span_map(text)


@SETTINGS
@given(st.text(max_size=60))
def test_whole_normalised_text_maps_to_a_span_of_the_original(text: str) -> None:
    norm = normalize(text)
    assert norm.original == text
    if norm.text:
        a, b = norm.span(0, len(norm.text))
        assert 0 <= a < b <= len(text)


@st.composite
def id_numbers(draw: st.DrawFn) -> str:
    region = draw(st.sampled_from(["110105", "440306", "310115", "510104", "650102"]))
    year = draw(st.integers(1900, 2010))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, 28))
    serial = draw(st.integers(0, 999))
    body = f"{region}{year:04d}{month:02d}{day:02d}{serial:03d}"
    return body + _CHECK[sum(int(body[i]) * _WEIGHTS[i] for i in range(17)) % 11]


@SETTINGS
@given(FILLER, id_numbers(), FILLER, MIXED_TEXT)
def test_id_number_is_always_masked_and_never_repeated(
    before: str, number: str, after: str, noise: str
) -> None:
    assert id_checksum_valid(number)
    text = f"{noise}，{before}身份证{number}{after}"
    found = extract(text)
    ids = [i for i in found if i.kind == "id_card"]
    assert any(text[i.start : i.end] == number for i in ids)
    for ident in found:
        assert number not in ident.value.upper()
        if ident.kind == "id_card":
            assert "********" in ident.value
            assert ident.value == number[:6] + "********" + number[14:]


@SETTINGS
@given(
    FILLER,
    st.sampled_from(sorted(MOBILE_SEGMENTS)),
    st.from_regex(r"\A[0-9]{8}\Z"),
    st.sampled_from(["", " ", "-"]),
    st.sampled_from(["", "+86", "+86 ", "0086", "0086-", "(+86)"]),
    FILLER,
)
def test_any_valid_mobile_is_found_with_its_written_span(
    before: str, segment: str, rest: str, sep: str, prefix: str, after: str
) -> None:
    written = f"{prefix}{segment}{sep}{rest[:4]}{sep}{rest[4:]}"
    text = f"{before}号码{written}{after}"
    phones = [i for i in extract(text) if i.kind == "phone"]
    assert [(p.value, text[p.start : p.end]) for p in phones] == [(segment + rest, written)]


@SETTINGS
@given(
    FILLER,
    st.integers(15, 18).flatmap(lambda n: st.from_regex(rf"\A62[0-9]{{{n - 2}}}\Z")),
    FILLER,
)
def test_any_luhn_valid_card_is_found(before: str, body: str, after: str) -> None:
    check = next(d for d in "0123456789" if luhn_valid(body + d))
    number = body + check
    assume(not id_checksum_valid(number))
    text = f"{before}卡号{number}{after}"
    cards = [i for i in extract(text) if i.kind == "bank_card"]
    assert [(c.value, text[c.start : c.end]) for c in cards] == [(number, number)]
