"""Text normalisation: what scam-message tricks are undone, and that spans still map back."""

from __future__ import annotations

import pytest

from fanzha.text import NormText, normalize


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("请拨打１３８００１３８０００", "请拨打13800138000"),
        ("ＶＸ：ａｂｃ１２３", "vx:abc123"),
        ("（＋86）", "(+86)"),
        ("①②③", "123"),
        ("𝟏𝟑𝟖", "138"),
        ("ｗｗｗ．ａｂｃ．ｃｏｍ", "www.abc.com"),
    ],
)
def test_full_width_and_look_alike_characters_fold_to_ascii(original: str, expected: str) -> None:
    assert normalize(original).text == expected


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("詐騙", "诈骗"),
        ("帳戶", "帐户"),  # the table maps 帳 to 帐, not 账
        ("賬戶", "账户"),
        ("安全帳戶轉賬", "安全帐户转账"),
        ("請撥打", "请拨打"),
    ],
)
def test_traditional_characters_become_simplified(original: str, expected: str) -> None:
    assert normalize(original).text == expected


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("HELLO World", "hello world"),
        ("ICBC", "icbc"),
        ("QQ号", "qq号"),
    ],
)
def test_ascii_letters_are_lower_cased(original: str, expected: str) -> None:
    assert normalize(original).text == expected


@pytest.mark.parametrize(
    "zero_width",
    ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"],
)
def test_zero_width_characters_inside_a_keyword_are_removed(zero_width: str) -> None:
    original = f"刷{zero_width}单{zero_width}返{zero_width}利"
    norm = normalize(original)
    assert norm.text == "刷单返利"
    assert norm.span(0, 4) == (0, len(original))
    # 返 is the fifth character of the original (after 刷, zw, 单, zw).
    start, end = norm.span(2, 3)
    assert original[start:end] == "返"


def test_leading_zero_width_character_is_skipped_by_the_span_map() -> None:
    original = "\ufeff你好"
    norm = normalize(original)
    assert norm.text == "你好"
    assert norm.span(0, 2) == (1, 3)


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("刷 单 返 利", "刷单返利"),
        ("中  国", "中国"),
        ("中\t国", "中国"),
        ("安\u3000全", "安全"),  # ideographic space becomes a space, then collapses
        ("1 3 8 0 0 1 3 8 0 0 0", "13800138000"),
        ("w w w . a b c . c o m", "www.abc.com"),
        ("电话 1 3 8 0 0 1 3 8 0 0 0 联系", "电话 13800138000 联系"),
    ],
)
def test_spaces_that_split_a_word_or_number_apart_are_collapsed(original: str, expected: str) -> None:
    assert normalize(original).text == expected


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("i am a boy", "i am a boy"),
        ("I am a boy", "i am a boy"),  # letters are lower-cased, but words are not glued together
        ("电话 138", "电话 138"),  # space between a Chinese character and a digit stays
        ("1 3 8", "1 3 8"),  # boundary: two spaces between single characters is not spelled out
        (" 中国 ", " 中国 "),  # leading and trailing spaces stay
        ("ab c d e", "ab c d e"),  # the first character is part of a longer word
        ("a  b", "a  b"),
    ],
)
def test_spaces_between_words_are_kept(original: str, expected: str) -> None:
    assert normalize(original).text == expected


def test_three_isolated_spaces_in_a_row_are_a_spelled_out_run() -> None:
    assert normalize("1 2 3 4").text == "1234"


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("幺三八零零幺三八零零零", "13800138000"),
        ("一三八零零一三八零零零", "13800138000"),
        ("壹贰叁肆伍陆柒", "1234567"),
        ("两两三三四四五", "2233445"),
    ],
)
def test_runs_of_seven_or_more_chinese_numerals_become_digits(original: str, expected: str) -> None:
    assert normalize(original).text == expected


@pytest.mark.parametrize("original", ["三万五千元", "一二三四五六", "十二个", "一万", "三个人"])
def test_short_numeral_runs_stay_words(original: str) -> None:
    assert normalize(original).text == original


@pytest.mark.parametrize(
    "original",
    ["", "你好，世界", "abc 123", "请拨打13800138000", "i am a boy"],
)
def test_text_that_needs_no_change_has_identity_span_map(original: str) -> None:
    norm = normalize(original)
    assert norm.original == original
    assert norm.origin is None
    assert norm.span(0, len(norm.text)) == (0, len(original))


def test_result_is_a_frozen_normtext_remembering_the_original() -> None:
    norm = normalize("詐騙")
    assert isinstance(norm, NormText)
    assert norm.original == "詐騙"
    with pytest.raises(AttributeError):
        norm.text = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("original", "expected_text", "needle", "expected_original"),
    [
        ("刷 单 返 利", "刷单返利", "返利", "返 利"),
        ("电话 1 3 8 0 0 1 3 8 0 0 0 联系", "电话 13800138000 联系", "13800138000", "1 3 8 0 0 1 3 8 0 0 0"),
        ("请拨打１３８００１３８０００", "请拨打13800138000", "13800138000", "１３８００１３８０００"),
        ("w w w . a b c . c o m", "www.abc.com", "abc", "a b c"),
        ("加\u200b微\u200b信", "加微信", "微信", "微\u200b信"),
        ("⑴号码", "(1)号码", "号码", "号码"),
        ("⑴号码", "(1)号码", "1", "⑴"),  # an expanded character maps back to the whole source character
        ("㎏价格", "kg价格", "g", "㎏"),
    ],
)
def test_span_of_normalised_substring_maps_back_to_original(
    original: str, expected_text: str, needle: str, expected_original: str
) -> None:
    norm = normalize(original)
    assert norm.text == expected_text
    start = norm.text.index(needle)
    a, b = norm.span(start, start + len(needle))
    assert original[a:b] == expected_original


def test_empty_span_at_the_end_maps_to_end_of_original() -> None:
    original = "刷 单\u200b"
    norm = normalize(original)
    assert norm.text == "刷单"
    assert norm.span(len(norm.text), len(norm.text)) == (len(original), len(original))


def test_empty_span_inside_the_text_stays_empty() -> None:
    norm = normalize("刷 单 返 利")
    a, b = norm.span(1, 1)
    assert a == b == 2


def test_docstring_example_keeps_spaces_between_digit_groups() -> None:
    assert normalize("請撥打１３８ ００１３ ８０００").text == "请拨打138 0013 8000"


@pytest.mark.parametrize("original", ["幺三八 零零幺三 八零零零", "幺 三 八 零 零 幺 三 八 零 零 零"])
def test_spaced_chinese_numeral_phone_number_becomes_digits(original: str) -> None:
    assert normalize(original).text == "13800138000"
