"""Hosts of payment requests: whether a request's origin is one of the merchant's registered domains
(确认正确域名), and whether an unregistered host imitates one of them (`fanzha.domains.lookalike_of`:
the same name under another suffix, the merchant's domain planted in a subdomain, a word added, look-alike
characters, a typo).
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from urllib.parse import urlsplit

from fanzha.domains import lookalike_of


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


def is_registered(host: str, domains: Sequence[str]) -> bool:
    """`host` is a registered domain or a subdomain of one."""
    return any(host == d or host.endswith("." + d) for d in domains if d)


def similar_host(host: str, registered: Sequence[str]) -> tuple[str | None, str]:
    """(the registered domain `host` imitates, why) — or (None, "") when it imitates none of them.
    A registered host or a subdomain of one is not a lookalike."""
    host = normalise_domain(host)
    domains = [normalise_domain(d) for d in registered if d.strip()]
    if not host or is_registered(host, domains):
        return None, ""
    try:
        verdict = lookalike_of(host, protected=[d for d in domains if d])
    except ValueError:  # a registered domain that is not a domain imitates nothing
        return None, ""
    return (verdict.lookalike_of, verdict.reason) if verdict.is_lookalike else (None, "")
