"""Hosts of payment requests: whether a request's origin is one of the merchant's registered domains
(确认正确域名), and whether an unregistered host imitates one of them.

`similar_host(host, registered)` is self-contained: it compares registrable domains (same name under
another suffix, the merchant's domain planted as a subdomain, a word added with a hyphen), digit/letter
swaps (0→o, 1→l, rn→m, vv→w) and an edit distance of at most 2 between the names. It has the contract of
`fanzha.domains.lookalike_of(host, protected=registered)` — (the imitated domain or None, a Chinese
reason) — so it can be swapped for that when `fanzha.domains` lands: change only `similar_host`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from urllib.parse import urlsplit

# Second-level suffixes under which the registrable domain has three labels (example.com.cn).
_SECOND_LEVEL = frozenset(
    [
        "com.cn",
        "net.cn",
        "org.cn",
        "gov.cn",
        "edu.cn",
        "ac.cn",
        "com.hk",
        "com.tw",
        "co.uk",
        "com.au",
        "co.jp",
    ]
)
# What phishers put in a name for what it imitates (digits and letter pairs that read alike).
_SKELETON = (("rn", "m"), ("vv", "w"), ("0", "o"), ("1", "l"), ("i", "l"), ("3", "e"), ("5", "s"), ("8", "b"))


def host_of(value: str) -> str:
    """The lower-case host of an Origin or Referer value (a URL, `scheme://host[:port]` or a bare host);
    "" when there is none (Origin "null", empty)."""
    text = value.strip().lower()
    if not text or text == "null":
        return ""
    if "://" not in text:
        text = "//" + text
    try:
        host = urlsplit(text).hostname or ""
    except ValueError:
        return ""
    with contextlib.suppress(UnicodeError):  # a broken punycode label stays as written
        host = host.encode("ascii").decode("idna") if "xn--" in host else host
    return host.rstrip(".")


def normalise_domain(value: str) -> str:
    host = host_of(value)
    return host[4:] if host.startswith("www.") else host


def registrable(host: str) -> str:
    """The registrable domain of `host`: its last two labels, or three under a second-level suffix."""
    labels = host.split(".")
    keep = 3 if len(labels) >= 3 and ".".join(labels[-2:]) in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def _split(domain: str) -> tuple[str, str]:
    """(name, suffix) of a registrable domain: ("alipay", "com") for alipay.com."""
    name, _, suffix = domain.partition(".")
    return name, suffix


def is_registered(host: str, domains: Sequence[str]) -> bool:
    """`host` is a registered domain or a subdomain of one."""
    return any(host == d or host.endswith("." + d) for d in domains if d)


def _skeleton(name: str) -> str:
    for fake, real in _SKELETON:
        name = name.replace(fake, real)
    return name


def edit_distance(a: str, b: str, *, limit: int = 2) -> int:
    """Damerau–Levenshtein distance (adjacent transpositions count 1), or `limit + 1` once above limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def similar_host(host: str, registered: Sequence[str]) -> tuple[str | None, str]:
    """(the registered domain `host` imitates, why) — or (None, "") when it imitates none of them.
    A registered host or a subdomain of one is not a lookalike."""
    host = normalise_domain(host)
    domains = [normalise_domain(d) for d in registered if d.strip()]
    if not host or is_registered(host, domains):
        return None, ""
    own = registrable(host)
    name, suffix = _split(own)
    for domain in domains:
        theirs = registrable(domain)
        their_name, their_suffix = _split(theirs)
        if name == their_name and suffix != their_suffix:
            return domain, f"{own}与商户登记的{theirs}同名但后缀不同"
        if f".{theirs}." in f".{host}." and not host.endswith(theirs):
            return domain, f"把商户域名{theirs}放进了{own}的子域名里"
        if len(their_name) >= 4 and their_name in name.split("-") and name != their_name:
            return domain, f"{own}在商户域名{theirs}的名称上加了词"
        if len(their_name) >= 4 and _skeleton(name) == _skeleton(their_name) and name != their_name:
            return domain, f"{own}用形近的数字或字母冒充商户域名{theirs}"
        distance = edit_distance(name, their_name)
        if len(their_name) >= 5 and 0 < distance <= 2:
            return domain, f"{own}与商户域名{theirs}只差{distance}个字符"
    return None, ""
