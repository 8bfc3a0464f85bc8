"""Canonical forms of the identifiers named in cases, and which of them may link cases (串并).

`canonical(kind, raw)` is `fanzha.extract.canonical.canonical`, the form the intelligence store keeps
(`+86 138 0013 8000` and `0086-13800138000` are `13800138000`; `HTTPS://WWW.Example.com:8080/path/` is
`www.example.com/path`), and kind `app` (an app's name): NFKC, lower case, single spaces. Nothing an
officer recorded is dropped for failing validation: a mobile in an unassigned segment, a foreign number,
a card failing the Luhn check have their canonical form like any other, link like any other, and carry
notes for the officer (`identifier_flags`: 号段未分配, 境外号码, 校验位不符 …).

`link_key(kind, value)` is what two cases must share to be linked:

- a link links by its host without a leading `www.` (`www.abc.top/login` and `abc.top` are one scam
  site), as kind `domain`; a short link (`t.cn/xyz`) by the whole link, since the host is shared by
  everyone; a link to an IP address by the address, as kind `ip`;
- every other kind by its canonical value.

`linkable(kind, key)` is False for identifiers that identify no scammer: official numbers and the
domains of brands and big platforms (`IntelStore.is_official`: 95588, taobao.com …), emergency numbers,
bare short-link hosts, and private or reserved IP addresses (every home router is 192.168.1.1).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from fanzha.extract.canonical import MAX_LENGTH, flags_of, host_of
from fanzha.extract.canonical import canonical as canonical_value
from fanzha.extract.phone import SHORT_GOVERNMENT
from fanzha.extract.url import SHORTENERS
from fanzha.intel.reference import brands, official_numbers
from fanzha.intel.repository import IntelStore

__all__ = [
    "CHECKED_KINDS",
    "MAX_LENGTH",
    "canonical",
    "identifier_flags",
    "link_key",
    "linkable",
    "linking_key",
]

_IPV4 = re.compile(r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}")
_PRIVATE_IP = re.compile(
    r"^(?:0\.|10\.|127\.|169\.254\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.|2(?:2[4-9]|[3-5]\d)\.)"
)


def canonical(kind: str, raw: str) -> str | None:
    """The canonical form of `raw` as an identifier of `kind`, or None if it has no reading as one.

    >>> canonical("phone", "+86 140-1234-5678"), canonical("url", "HTTPS://WWW.Example.com/a/")
    ('14012345678', 'www.example.com/a')
    """
    if kind == "app":
        if len(raw) > MAX_LENGTH:
            return None
        name = " ".join(unicodedata.normalize("NFKC", raw).lower().split())
        return name or None
    return canonical_value(kind, raw)


def identifier_flags(kind: str, value: str) -> tuple[str, ...]:
    """The notes for the officer on a canonical identifier (号段未分配, 校验位不符, 境外号码 …)."""
    return flags_of(kind, value)


_host = host_of


def link_key(kind: str, value: str) -> tuple[str, str]:
    """What links cases for the canonical identifier `(kind, value)` (see the module docstring)."""
    if kind == "url" or kind == "domain":
        host = host_of(value)
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


_NOT_LINKING_PHONES = SHORT_GOVERNMENT  # 110, 119, 120, 122 identify no scammer either


CHECKED_KINDS = frozenset(["phone", "url", "domain", "ip"])  # the only kinds `linkable` may refuse


def linkable(kind: str, value: str) -> bool:
    """May the canonical identifier (or link key) `(kind, value)` link cases? See the module docstring."""
    if kind == "phone":
        return value not in _official_phones() and value not in _NOT_LINKING_PHONES
    if kind == "url" or kind == "domain":
        host = host_of(value)
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
