"""Canonical forms of identifiers given with their kind: an odd value (an unassigned mobile segment, a
foreign number, a card failing the Luhn check, an invalid QQ) is kept in canonical form and flagged,
never refused; every spelling of it has one value; and the extractor reads the same value in a text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fanzha.extract import extract
from fanzha.extract.canonical import canonical, flags_of
from fanzha.extract.phone import MOBILE_SEGMENTS

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
UNASSIGNED = [
    "140",
    "141",
    "142",
    "143",
    "144",
    "154",
    "160",
    "161",
    "163",
    "164",
    "168",
    "169",
    "179",
    "194",
]


@pytest.mark.parametrize(
    ("kind", "written", "value", "flags"),
    [
        ("phone", "140 1234 5678", "14012345678", ("号段未分配",)),
        ("phone", "+86 154-1234-5678", "15412345678", ("号段未分配",)),
        ("phone", "0086 16012345678", "16012345678", ("号段未分配",)),
        ("phone", "179.1234.5678", "17912345678", ("号段未分配",)),
        ("phone", "19412345678", "19412345678", ("号段未分配",)),
        ("phone", "+852 6123 4567", "+85261234567", ("境外号码",)),
        ("phone", "+1 (415) 555-2671", "+14155552671", ("境外号码",)),
        ("phone", "+999 1234 5678", "+99912345678", ("境外号码", "号码无效")),
        ("phone", "+95588", "+95588", ("仿冒服务号码",)),
        ("phone", "138001380", "138001380", ("位数不符",)),  # a digit short: misheard or mistyped
        ("bank_card", "6222 0212 3456 7890 127", "6222021234567890127", ("校验位不符",)),
        ("bank_card", "8613800138000", "8613800138000", ()),  # an account number, whatever it looks like
        ("bank_card", "12345678", "12345678", ("位数不符",)),
        ("bank_card", "110105 19491231 1006", "110105194912311006", ("疑似身份证号",)),  # recorded as an account
        ("qq", "0123456", "0123456", ("格式不符",)),
        ("qq", "1234", "1234", ("位数不符",)),
        ("ip", "999.1.1.1", "999.1.1.1", ("格式不符",)),
        ("ip", "045.076.012.034", "45.76.12.34", ()),
        ("wechat", "_Abcdefg", "_abcdefg", ("格式不符",)),
        ("wechat", "14012345678", "14012345678", ("号段未分配",)),
        ("alipay", "+86 140 1234 5678", "14012345678", ("号段未分配",)),
        ("url", "https://abc-pay.c0m/x", "abc-pay.c0m/x", ("格式不符",)),
        ("domain", "abc-pay.qwerty", "abc-pay.qwerty", ()),
    ],
)  # fmt: skip
def test_odd_identifiers_are_kept_in_canonical_form_and_flagged(
    kind: str, written: str, value: str, flags: tuple[str, ...]
) -> None:
    assert canonical(kind, written) == value
    assert flags_of(kind, value) == flags


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("phone", "13800138000"),
        ("phone", "17012345678"),
        ("phone", "01062345678"),
        ("phone", "95588"),
        ("phone", "4008123123"),
        ("bank_card", "6222021234567890128"),
        ("qq", "123456789"),
        ("wechat", "abc_12345"),
        ("alipay", "foo@bar.com"),
        ("ip", "8.8.4.4"),
        ("url", "www.example.com/path"),
    ],
)
def test_ordinary_identifiers_carry_no_flag(kind: str, value: str) -> None:
    assert canonical(kind, value) == value
    assert flags_of(kind, value) == ()


@pytest.mark.parametrize("segment", UNASSIGNED)
def test_every_spelling_of_a_mobile_in_an_unassigned_segment_is_one_value(segment: str) -> None:
    number = segment + "12345678"
    spellings = [
        number,
        f"+86 {segment} 1234 5678",
        f"0086-{segment}-1234-5678",
        f"(+86){segment}.1234.5678",
        f"86 {number}",
        f"{segment}-1234-5678",
        number.translate(FULL_WIDTH),
        "0" + number,  # the trunk zero dialled before a mobile from a landline
    ]
    assert {canonical("phone", s) for s in spellings} == {number}


@pytest.mark.parametrize(
    ("kind", "raw"),
    [
        ("phone", "hello"),
        ("phone", "12"),
        ("phone", ""),
        ("phone", "00000000000"),  # a placeholder, not a number
        ("bank_card", "123"),
        ("bank_card", "6222 abc"),
        ("bank_card", "1111111111111111"),
        ("qq", "qq"),
        ("wechat", "weixin"),
        ("wechat", "a b"),
        ("alipay", "not an account"),
        ("ip", "1.2.3"),
        ("url", "not a link"),
        ("domain", "localhost"),
        ("fax", "13800138000"),
    ],
)
def test_values_with_no_reading_as_their_kind_have_no_canonical_form(kind: str, raw: str) -> None:
    assert canonical(kind, raw) is None


# Spellings as officers, banks and victims write them, odd ones included.
def _digits(n: int) -> st.SearchStrategy[str]:
    return st.text(alphabet="0123456789", min_size=n, max_size=n)


MOBILES = st.builds(
    lambda pre, seg, sep, a, b: f"{pre}{seg}{sep}{a}{sep}{b}",
    st.sampled_from(["", "+86", "+86 ", "0086-", "86", "(+86)", "(86)"]),
    st.sampled_from([*sorted(MOBILE_SEGMENTS), *UNASSIGNED, "120", "110"]),
    st.sampled_from(["", " ", "-", "."]),
    _digits(4),
    _digits(4),
)
LANDLINES = st.builds(
    lambda pre, area, sep, local: f"{pre}{area}{')' if pre.startswith('(') else ''}{sep}{local}",
    st.sampled_from(["0", "(0", "+86 ", "0086-", "+86-0", "86-"]),
    st.sampled_from(["10", "21", "755", "571", "20", "898"]),
    st.sampled_from(["", " ", "-"]),
    st.builds(lambda a, b: a + b, st.sampled_from("23456789"), st.text(alphabet="0123456789", min_size=6, max_size=7)),
)  # fmt: skip
FOREIGN = st.builds(
    lambda pre, cc, sep, rest: f"{pre}{cc}{sep}{rest}",
    st.sampled_from(["+", "00", "+ "]),
    st.sampled_from(["852", "853", "886", "1", "44", "63", "855", "95", "999"]),
    st.sampled_from(["", " ", "-"]),
    st.text(alphabet="0123456789", min_size=6, max_size=11),
)
CARDS = st.builds(
    lambda first, rest, sep: sep.join((first + rest)[i : i + 4] for i in range(0, len(first + rest), 4)),
    st.sampled_from("3456"),
    st.text(alphabet="0123456789", min_size=15, max_size=18),
    st.sampled_from(["", " ", "-"]),
)
QQS = st.builds(
    lambda first, rest: first + rest, st.sampled_from("0123456789"), st.text("0123456789", max_size=11)
)
SPELLINGS = {
    "phone": st.one_of(MOBILES, LANDLINES, FOREIGN),
    "bank_card": CARDS,
    "qq": QQS,
}  # fmt: skip
CONTEXT = {"phone": "请联系", "bank_card": "转账到卡号", "qq": "加QQ"}


@pytest.mark.parametrize("kind", sorted(SPELLINGS))
def test_the_extractor_reads_the_canonical_value_of_what_it_finds(kind: str) -> None:
    """A number reported to the store under its canonical value is found again when it turns up in a
    message: whatever the extractor reads over the whole spelling is `canonical` of that spelling."""

    @SETTINGS
    @given(SPELLINGS[kind], st.booleans())
    def agrees(written: str, full_width: bool) -> None:
        written = written.translate(FULL_WIDTH) if full_width else written
        text = f"{CONTEXT[kind]}{written}。"
        start = len(CONTEXT[kind])
        for ident in extract(text):
            if ident.kind == kind and (ident.start, ident.end) == (start, start + len(written)):
                assert canonical(kind, written) == ident.value

    agrees()


@pytest.mark.parametrize("kind", sorted(SPELLINGS))
def test_the_canonical_value_is_its_own_canonical_value(kind: str) -> None:
    @SETTINGS
    @given(SPELLINGS[kind])
    def idempotent(written: str) -> None:
        value = canonical(kind, written)
        if value is not None:
            assert canonical(kind, value) == value
            assert flags_of(kind, value) == flags_of(kind, canonical(kind, value) or "")

    idempotent()
