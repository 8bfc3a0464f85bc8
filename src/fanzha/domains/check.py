"""The public checks: a host or URL against the protected brands, or against a list of your own domains."""

from __future__ import annotations

from collections.abc import Sequence

from fanzha.domains.host import HostError, parse_host
from fanzha.domains.match import classify
from fanzha.domains.protected import brand_index, custom_index
from fanzha.domains.suffix import split_host
from fanzha.domains.verdict import DomainVerdict


def _invalid(text: object, error: HostError) -> DomainVerdict:
    shown = text[:200] if isinstance(text, str) else ""
    return DomainVerdict(shown, False, None, None, "invalid", 0.0, str(error))


def check_domain(text: str) -> DomainVerdict:
    """Is this host or URL an official domain of a protected brand, a lookalike of one, or unrelated?

    Never raises on bad input: it comes back as kind "invalid" with the reason.

    >>> check_domain("http://icbc-95588.com/login").lookalike_of
    'icbc.com.cn'
    """
    try:
        host = parse_host(text)
    except HostError as exc:
        return _invalid(text, exc)
    return classify(host, brand_index())


def lookalike_of(host: str, *, protected: Sequence[str]) -> DomainVerdict:
    """Check a host or URL against arbitrary registered domains (a merchant's own, for the order guard).

    `official` means the host is one of `protected` or a subdomain of one; the lookalike kinds are those
    of `check_domain`, without brand names or pinyin (the domains' own labels are the brand tokens).
    """
    domains: list[str] = []
    for item in protected:
        try:
            domains.append(parse_host(item))
        except HostError as exc:
            raise ValueError(f"受保护域名“{item}”无效：{exc}") from None
    try:
        parsed = parse_host(host)
    except HostError as exc:
        return _invalid(host, exc)
    return classify(parsed, custom_index(tuple(sorted(set(domains)))))


def risky_ending(host: str) -> str | None:
    """The host's public suffix when it is one of the cheap endings abused for phishing (`top`, `xyz`,
    `vip` …, `data/protected.yaml`), else None. `host` is lower case, without scheme or path."""
    suffix = split_host(host).suffix
    return suffix if brand_index().is_risky(suffix) else None
