"""Canonical forms of the identifiers named in cases, and which of them may link cases (串并).

`canonical(kind, raw)` gives the form `fanzha.intel.repository.normalise` stores (`+86 138 0013 8000`
and `0086-13800138000` are `13800138000`; `HTTPS://WWW.Example.com:8080/path/` is
`www.example.com/path`), but about a hundred times faster: the common spellings are parsed with one
small anchored regex each, and anything unusual (spoofed `+95588`, foreign numbers, obfuscated links,
Chinese numerals) goes through `normalise` itself, cached. Kind `app` (an app's name) is NFKC, lower
case, single spaces. The one deliberate difference: a card number written in groups is its digits even
where the extractor reads a landline or a mobile inside the groups (`6222 0755 2345 6789`).

`link_key(kind, value)` is what two cases must share to be linked:

- a link links by its host without a leading `www.` (`www.abc.top/login` and `abc.top` are one scam
  site), as kind `domain`; a short link (`t.cn/xyz`) by the whole link, since the host is shared by
  everyone; a link to an IP address by the address, as kind `ip`;
- every other kind by its canonical value.

`linkable(kind, key)` is False for identifiers that identify no scammer: official numbers and the
domains of brands and big platforms (`IntelStore.is_official`: 95588, taobao.com …), bare short-link
hosts, and private or reserved IP addresses (every home router is 192.168.1.1).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from fanzha.extract.id_card import id_checksum_valid
from fanzha.extract.phone import MOBILE_SEGMENTS, TELECOM_SERVICE
from fanzha.extract.url import SHORTENERS, TLDS
from fanzha.intel.reference import brands, official_numbers
from fanzha.intel.repository import IntelError, IntelStore, normalise
from fanzha.text import normalize

# Phone numbers (the patterns of fanzha.extract.phone, anchored at both ends).
_MOBILE = re.compile(r"(?:(?:\+|00)?86[ \-]?|\(\+?86\)[ \-]?)?(1[3-9]\d)[ \-.]?(\d{4})[ \-.]?(\d{4})")
_LANDLINE = re.compile(
    r"(?:(?:\+|00)86[ \-]?|\(\+?86\)[ \-]?)?\(?0?(10|2\d|[3-9]\d{2})\)?[ \-]?([2-9]\d{2,3})[ \-]?(\d{4})"
)
_SERVICE = re.compile(r"9[56]\d{3}|1[02]\d{3}|[48]00(?:[ \-]?\d){7}|106\d{5,14}")
# Cards and accounts: digits in groups of any size separated by single spaces or dashes.
_CARD = re.compile(r"\d(?:[ \-]?\d){9,24}")
# Links: scheme, host, port, path (the characters fanzha.extract.url accepts), anchored.
_LABEL = r"[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?"
_URL = re.compile(
    r"(?:(?P<scheme>https?|hxxps?|ftp)://)?(?P<host>" + _LABEL + r"(?:\." + _LABEL + r"){1,8})"
    r"(?::\d{2,5})?(?P<path>[/?#][a-z0-9\-._~:/?#@!$&*+,;=%]*)?"
)
_IPV4 = re.compile(r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}")
_PRIVATE_IP = re.compile(
    r"^(?:0\.|10\.|127\.|169\.254\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.|2(?:2[4-9]|[3-5]\d)\.)"
)
_QQ = re.compile(r"[1-9]\d{4,10}")
_WECHAT = re.compile(r"[a-z][a-z0-9_\-]{5,19}|1[3-9]\d{9}")
_ALIPAY = re.compile(r"1[3-9]\d{9}|[a-z0-9][a-z0-9._%+\-]*@[a-z0-9.\-]+\.[a-z]{2,10}")
_NOT_WECHAT = frozenset(["weixin", "wechat"])


def _phone(text: str) -> str | None:
    if len(text) == 11 and text[:3] in MOBILE_SEGMENTS and text.isdigit():
        return text  # the common case: a mobile number written plainly
    m = _MOBILE.fullmatch(text) if text[0] != "0" or text.startswith("00") else None
    if m is not None:
        return m.group(1) + m.group(2) + m.group(3) if m.group(1) in MOBILE_SEGMENTS else None
    m = _LANDLINE.fullmatch(text)
    if m is not None:  # the national-zero / country-code rule and local lengths of the extractor
        area, local = m.group(1), m.group(2) + m.group(3)
        raw = m.group(0)
        national_zero = "0" in raw.split(area, 1)[0].replace("00", "", 1) or raw.startswith("0")
        has_country = raw.find(area) > 0 and "86" in raw[: raw.find(area)]
        short_area = area == "10" or area.startswith("2")
        if (national_zero or has_country) and len(local) in ((8,) if short_area else (7, 8)):
            return "0" + area + local
        return None
    if _SERVICE.fullmatch(text):
        digits = text.replace(" ", "").replace("-", "")
        if digits[:2] == "10" and len(digits) == 5 and digits not in TELECOM_SERVICE:
            return None
        return digits
    return None


def _bank_card(text: str) -> str | None:
    if text.isdigit():
        if not 10 <= len(text) <= 25:
            return None
        digits = text
    elif _CARD.fullmatch(text):
        digits = text.replace(" ", "").replace("-", "")
    else:
        return None
    if digits[0] == "0" or len(digits) == 11 or len(set(digits)) == 1 or id_checksum_valid(digits):
        return None
    if digits.startswith(("400", "800", "106", "86")) and (text.isdigit() or len(digits) < 16):
        # A service or +86 phone number may win over the card in the extractor: ask it. Sixteen or
        # more digits written in groups are a card, whatever the extractor reads inside them.
        return None
    return digits


def _url(text: str) -> str | None:
    m = _URL.fullmatch(text.lower())
    if m is None:
        return None
    scheme, host, path = m.group("scheme"), m.group("host"), m.group("path") or ""
    tld = host.rsplit(".", 1)[-1]
    is_ip = _IPV4.fullmatch(host) is not None
    if is_ip:
        if scheme is None and "/" not in path:
            return None  # a bare address is an `ip`; the extractor reads `1.2.3.4?x` as one too
    elif scheme is None:
        if not (tld.isalpha() and len(tld) <= 10) or (not path and len(host) < 5):
            return None
        if not host.startswith("www.") and tld not in TLDS and host not in SHORTENERS:
            return None
    elif tld.isdigit():
        return None
    path = path.rstrip(".,;:!?)")
    return host + (path.rstrip("/") if path not in ("", "/") else "")


def _domain(text: str) -> str | None:
    value = _url(text)
    return None if value is None else _host(value)


def _ip(text: str) -> str | None:
    return text if _IPV4.fullmatch(text) else None


def _qq(text: str) -> str | None:
    return text if _QQ.fullmatch(text) else None


def _wechat(text: str) -> str | None:
    text = text.lower()
    return text if _WECHAT.fullmatch(text) and text not in _NOT_WECHAT else None


def _alipay(text: str) -> str | None:
    text = text.lower()
    return text if _ALIPAY.fullmatch(text) else None


_FAST = {
    "phone": _phone,
    "bank_card": _bank_card,
    "url": _url,
    "domain": _domain,
    "ip": _ip,
    "qq": _qq,
    "wechat": _wechat,
    "alipay": _alipay,
}


MAX_LENGTH = 512  # longer values are not identifiers (and the store's columns hold 512 characters)


@lru_cache(maxsize=65_536)
def _slow(kind: str, raw: str) -> str | None:
    try:
        return normalise(kind, raw)
    except IntelError:
        return None


def canonical(kind: str, raw: str) -> str | None:
    """The canonical form of `raw` as an identifier of `kind`, or None if it is not one.

    >>> canonical("phone", "+86 138-0013-8000"), canonical("url", "HTTPS://WWW.Example.com/a/")
    ('13800138000', 'www.example.com/a')
    """
    if len(raw) > MAX_LENGTH:
        return None
    if kind == "app":
        name = " ".join(unicodedata.normalize("NFKC", raw).lower().split())
        return name or None
    fast = _FAST.get(kind)
    if fast is None:
        return None
    text = raw.strip()
    if not text.isascii():
        text = normalize(text).text.strip()  # full-width digits, zero-width spaces, Chinese numerals
    value = fast(text) if text.isascii() and text else None
    return value if value is not None else (_slow(kind, raw) if text else None)


def _host(value: str) -> str:
    """The host of a canonical link (`host/path`, `host?query`, `host#frag`)."""
    for i, ch in enumerate(value):
        if ch in "/?#":
            return value[:i]
    return value


def link_key(kind: str, value: str) -> tuple[str, str]:
    """What links cases for the canonical identifier `(kind, value)` (see the module docstring)."""
    if kind == "url" or kind == "domain":
        host = _host(value)
        if _IPV4.fullmatch(host):
            return ("ip", host)
        if kind == "url" and host in SHORTENERS:
            return ("url", value)
        return ("domain", host[4:] if host.startswith("www.") and host.count(".") > 1 else host)
    return (kind, value)


@lru_cache(maxsize=1)
def _official_phones() -> frozenset[str]:
    """The numbers `IntelStore.is_official("phone", …)` accepts, as one set."""
    numbers: set[str] = set(official_numbers())
    for brand in brands():
        numbers |= brand.numbers
    return frozenset(numbers)


CHECKED_KINDS = frozenset(["phone", "url", "domain", "ip"])  # the only kinds `linkable` may refuse


def linkable(kind: str, value: str) -> bool:
    """May the canonical identifier (or link key) `(kind, value)` link cases? See the module docstring."""
    if kind == "phone":
        return value not in _official_phones()
    if kind == "url" or kind == "domain":
        host = _host(value)
        if _IPV4.fullmatch(host):
            return _PRIVATE_IP.match(host) is None
        if kind == "domain" and host in SHORTENERS:
            return False
        return not IntelStore.is_official("domain", host)
    if kind == "ip":
        return _PRIVATE_IP.match(value) is None
    return True


def linking_key(kind: str, raw: str) -> tuple[str, str] | None:
    """The link key of an identifier as written, or None if it is not one or may not link cases."""
    value = canonical(kind, raw)
    if value is None:
        return None
    key = link_key(kind, value)
    return key if linkable(*key) else None
