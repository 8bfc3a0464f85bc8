"""Canonical identifiers for linking: the same identifier written differently is one value, the value is
the intelligence store's (`normalise`), and official identifiers never link."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fanzha.cases.identity import canonical, identifier_flags, link_key, linkable, linking_key
from fanzha.extract import extract
from fanzha.extract.phone import MOBILE_SEGMENTS
from fanzha.intel.repository import IntelError, IntelStore, normalise

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _normalise(kind: str, value: str) -> str | None:
    try:
        return normalise(kind, value)
    except IntelError:
        return None


@pytest.mark.parametrize(
    ("kind", "spellings", "expected"),
    [
        ("phone", ["+86 138 0013 8000", "13800138000", "0086-138-0013-8000", "(+86)138.0013.8000"], "13800138000"),
        ("phone", ["８６１３８００１３８０００", " 138 0013 8000 "], "13800138000"),
        ("phone", ["010-62345678", "(010)62345678", "+86 10 6234 5678", "0086-10-6234-5678"], "01062345678"),
        ("phone", ["0755 2345678", "0755-234-5678"], "07552345678"),
        ("phone", ["+852 6123 4567", "00852 6123 4567"], "+85261234567"),
        ("phone", ["400-812-3123", "4008123123"], "4008123123"),
        ("phone", ["95588"], "95588"),
        ("bank_card", ["6222021234567890128", "6222 0212 3456 7890 128", "6222-0212-3456-7890-128"], "6222021234567890128"),
        ("bank_card", ["6222 0755 2345 6789", "6222075523456789"], "6222075523456789"),
        ("url", ["HTTPS://WWW.Example.com/path", "www.example.com/path/", "http://www.example.com:8080/path"], "www.example.com/path"),
        ("url", ["abc-pay.top", "https://abc-pay.top/"], "abc-pay.top"),
        ("domain", ["https://www.abc-pay.top/login?id=1", "WWW.ABC-PAY.TOP"], "www.abc-pay.top"),
        ("ip", ["8.8.4.4", " 8.8.4.4"], "8.8.4.4"),
        ("qq", ["123456789", "QQ:123456789"], "123456789"),
        ("wechat", ["Abc_12345", "abc_12345"], "abc_12345"),
        ("alipay", ["Foo@Bar.com", "foo@bar.com"], "foo@bar.com"),
        ("app", ["  Safe  Pay ", "ＳＡＦＥ ＰＡＹ", "safe pay"], "safe pay"),
    ],
)  # fmt: skip
def test_spellings_of_one_identifier_have_one_canonical_value(
    kind: str, spellings: list[str], expected: str
) -> None:
    for raw in spellings:
        assert canonical(kind, raw) == expected, raw


@pytest.mark.parametrize(
    ("kind", "raw"),
    [
        ("phone", "12"),
        ("phone", "hello"),
        ("phone", ""),
        ("bank_card", "123"),
        ("bank_card", "1111111111111111"),  # a placeholder
        ("url", "not a link"),
        ("ip", "1.2.3"),
        ("qq", "QQ"),
        ("wechat", "weixin"),
        ("app", "   "),
        ("unknown_kind", "13800138000"),
        ("url", "x" * 600 + ".com"),  # longer than any identifier the store holds
    ],
)
def test_values_that_are_not_identifiers_of_their_kind_are_none(kind: str, raw: str) -> None:
    assert canonical(kind, raw) is None


# Generated spellings: the parts an identifier is written with, in the forms officers and victims use.
DIGITS = st.text(alphabet="0123456789", min_size=1, max_size=1)


def _digits(n: int) -> st.SearchStrategy[str]:
    return st.text(alphabet="0123456789", min_size=n, max_size=n)


MOBILES = st.builds(
    lambda pre, seg, sep, a, b: f"{pre}{seg}{sep}{a}{sep}{b}",
    st.sampled_from(["", "+86", "+86 ", "0086-", "86", "(+86)", "(86)"]),
    st.sampled_from([*sorted(MOBILE_SEGMENTS), "120", "144"]),
    st.sampled_from(["", " ", "-", "."]),
    _digits(4),
    _digits(4),
)
LANDLINES = st.builds(
    lambda pre, area, sep, first, rest, close: (
        f"{pre}{area}{close if pre.startswith('(') else ''}{sep}{first}{rest}"
    ),
    st.sampled_from(["0", "(0", "+86 ", "0086-", "", "+86-0"]),
    st.sampled_from(["10", "21", "755", "571", "20", "898"]),
    st.sampled_from(["", " ", "-"]),
    st.sampled_from("123456789"),
    st.text(alphabet="0123456789", min_size=6, max_size=7),
    st.just(")"),
)
SERVICES = st.one_of(
    st.builds(
        lambda p, d: p + d, st.sampled_from(["95", "96", "10", "123", "400", "800", "106"]), _digits(3)
    ),
    st.builds(lambda d: "400-" + d[:3] + "-" + d[3:], _digits(7)),
    st.sampled_from(["+95588", "0095588", "+852 6123 4567", "+1 415 555 2671", "110", "10086"]),
)
CARDS = st.builds(
    lambda first, rest, sep, size: sep.join(
        (first + rest)[i : i + size] for i in range(0, len(first + rest), size)
    ),
    st.sampled_from("123456789"),
    st.text(alphabet="0123456789", min_size=8, max_size=25),
    st.sampled_from(["", " ", "-"]),
    st.sampled_from([4, 4, 6, 30]),
)
LABELS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8)
URLS = st.builds(
    lambda scheme, www, labels, tld, port, path, upper: (lambda u: u.upper() if upper else u)(
        f"{scheme}{www}{'.'.join(labels)}.{tld}{port}{path}"
    ),
    st.sampled_from(["", "", "http://", "https://", "HTTPS://", "hxxp://"]),
    st.sampled_from(["", "www.", "m."]),
    st.lists(LABELS, min_size=1, max_size=3),
    st.sampled_from(["com", "cn", "top", "xyz", "com.cn", "qwerty", "c0m", "9"]),
    st.sampled_from(["", ":8080"]),
    st.sampled_from(["", "/", "/a/b/", "/login?id=1&u=X", "?x=1", "#frag", "/a.b.", "/x)"]),
    st.booleans(),
)
IPS = st.builds(
    lambda parts: ".".join(str(p) for p in parts), st.lists(st.integers(0, 300), min_size=4, max_size=4)
)
QQS = st.one_of(
    st.text(alphabet="0123456789", min_size=4, max_size=13), st.builds(lambda d: "QQ:" + d, _digits(8))
)
WECHATS = st.one_of(
    st.text(
        alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-", min_size=4, max_size=24
    ),
    st.sampled_from(["weixin", "wechat", "wxpay", "_abcdefg", "vx:abcdefg"]),
)
ALIPAYS = st.one_of(
    MOBILES.filter(lambda m: m.isdigit()),
    st.builds(
        lambda a, b, t: f"{a}@{b}.{t}",
        st.text(alphabet="abc._-+0123", min_size=1, max_size=8),
        LABELS,
        st.sampled_from(["com", "cn", "c"]),
    ),
)
SPELLINGS = {
    "phone": st.one_of(MOBILES, LANDLINES, SERVICES),
    "bank_card": CARDS,
    "url": URLS,
    "domain": URLS,
    "ip": IPS,
    "qq": QQS,
    "wechat": WECHATS,
    "alipay": ALIPAYS,
}  # fmt: skip


def _variant(raw: str, form: str) -> str:
    return {"plain": raw, "full_width": raw.translate(FULL_WIDTH), "padded": f"  {raw} "}[form]


CONTEXT = {"qq": "QQ ", "wechat": "微信 ", "alipay": "支付宝 ", "bank_card": "卡号 "}


@pytest.mark.parametrize("kind", sorted(SPELLINGS))
def test_canonical_agrees_with_the_intelligence_store_and_the_extractor(kind: str) -> None:
    """The case desk, the intelligence store and a message's identifiers compare the same values."""

    @SETTINGS
    @given(SPELLINGS[kind], st.sampled_from(["plain", "plain", "full_width", "padded"]))
    def agrees(raw: str, form: str) -> None:
        written = _variant(raw, form)
        value = canonical(kind, written)
        assert value == _normalise(kind, written)
        text = CONTEXT.get(kind, "见") + written.strip() + "。"
        start = len(CONTEXT.get(kind, "见"))
        for ident in extract(text):
            same_kind = ident.kind == kind or (kind == "url" and ident.kind == "domain")
            if same_kind and (ident.start, ident.end) == (start, start + len(written.strip())):
                assert value == ident.value

    agrees()


def test_canonical_of_a_canonical_value_is_itself() -> None:
    for kind, raw in [
        ("phone", "+86 138 0013 8000"),
        ("url", "HTTPS://WWW.A-B.top/X/"),
        ("phone", "+852 6123 4567"),
    ]:
        value = canonical(kind, raw)
        assert value is not None and canonical(kind, value) == value


@pytest.mark.parametrize(
    ("kind", "value", "key"),
    [
        ("url", "www.abc-pay.top/login?id=1", ("domain", "abc-pay.top")),
        ("url", "abc-pay.top", ("domain", "abc-pay.top")),
        ("domain", "www.abc-pay.top", ("domain", "abc-pay.top")),
        ("url", "t.cn/a1b2", ("url", "t.cn/a1b2")),  # a short link links by the whole link
        ("url", "45.76.1.2/pay", ("ip", "45.76.1.2")),
        ("phone", "13800138000", ("phone", "13800138000")),
    ],
)
def test_links_link_by_their_host(kind: str, value: str, key: tuple[str, str]) -> None:
    assert link_key(kind, value) == key


@pytest.mark.parametrize(
    ("kind", "raw"),
    [
        ("phone", "95588"),
        ("phone", "10086"),
        ("url", "https://www.icbc.com.cn/login"),
        ("domain", "taobao.com"),
        ("url", "item.taobao.com/abc"),
        ("ip", "192.168.1.1"),
        ("url", "http://127.0.0.1/admin"),
        ("domain", "t.cn"),
    ],
)
def test_official_and_private_identifiers_never_link(kind: str, raw: str) -> None:
    assert linking_key(kind, raw) is None


def test_ordinary_identifiers_link() -> None:
    assert linking_key("phone", "+86 138 0013 8000") == ("phone", "13800138000")
    assert linking_key("url", "https://WWW.abc-pay.top/x") == ("domain", "abc-pay.top")
    assert linking_key("ip", "45.76.1.2") == ("ip", "45.76.1.2")


@pytest.mark.parametrize(
    ("kind", "spellings", "key", "flags"),
    [
        ("phone", ["14012345678", "+86 140 1234 5678", "0086-140-1234-5678", "140.1234.5678", "１４０１２３４５６７８"],
         ("phone", "14012345678"), ("号段未分配",)),
        ("phone", ["19412345678", "(+86)194 1234 5678", "86 194-1234-5678"], ("phone", "19412345678"), ("号段未分配",)),
        ("phone", ["+63 917 123 4567", "0063-917-123-4567", "+639171234567"], ("phone", "+639171234567"), ("境外号码",)),
        ("phone", ["+999 1234 5678", "00999-1234-5678"], ("phone", "+99912345678"), ("境外号码", "号码无效")),
        ("bank_card", ["6222021234567890127", "6222 0212 3456 7890 127", "6222-0212-3456-7890-127"],
         ("bank_card", "6222021234567890127"), ("校验位不符",)),
        ("qq", ["0123456", " 0123456 "], ("qq", "0123456"), ("格式不符",)),
    ],
)  # fmt: skip
def test_an_odd_identifier_links_in_every_written_form_and_is_flagged(
    kind: str, spellings: list[str], key: tuple[str, str], flags: tuple[str, ...]
) -> None:
    for raw in spellings:
        assert linking_key(kind, raw) == key, raw
        assert identifier_flags(kind, canonical(kind, raw) or "") == flags


@pytest.mark.parametrize("number", ["110", "119", "120", "122"])
def test_emergency_numbers_are_phones_that_never_link(number: str) -> None:
    assert canonical("phone", number) == number
    assert linking_key("phone", number) is None


def test_official_phones_are_exactly_the_intelligence_stores() -> None:
    from fanzha.intel.reference import brands, official_numbers

    numbers = set(official_numbers()) | {n for b in brands() for n in b.numbers}
    for number in [*sorted(numbers), "13800138000", "4008123123"]:
        assert linkable("phone", number) == (not IntelStore.is_official("phone", number))
