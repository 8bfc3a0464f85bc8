"""The public checks: a host or URL against the protected brands, or against a list of your own domains."""

from __future__ import annotations

from collections.abc import Sequence

from fanzha.domains.government import GOVERNMENT_DOMAIN, gov_mimic
from fanzha.domains.host import HostError, parse_host
from fanzha.domains.match import RISKY_BONUS, classify
from fanzha.domains.protected import brand_index, custom_index
from fanzha.domains.suffix import split_host
from fanzha.domains.verdict import DomainVerdict

GOV_MIMIC = 0.9  # "gov" as a name of its own outside .gov.cn: no government site is written so


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
    verdict = classify(host, brand_index())
    if verdict.kind == "unrelated" and gov_mimic(host):
        return _government_mimic(host)
    return verdict


def _government_mimic(host: str) -> DomainVerdict:
    """A host that names itself "gov" outside a government's ending and imitates no brand of ours."""
    index = brand_index()
    score = GOV_MIMIC + (RISKY_BONUS if index.is_risky(split_host(host).suffix) else 0.0)
    reason = f"“{host}”带有“gov”字样冒充政府网站，但我国政府网站都以.gov.cn结尾，它不是政府网站"
    return DomainVerdict(host, False, GOVERNMENT_DOMAIN, None, "gov_mimic", score, reason)


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
