"""Reference lists: official service numbers and the official domains of protected brands.

A message that names a brand (工商银行) but gives a number or a link the brand does not own is a
classic sign of impersonation; these lists are how fanzha knows what the brand does own.
Sources: `../shared/data/intel/` (official_numbers.csv; brand_domains.csv from
v2fly/domain-list-community, MIT licence, see data/NOTICE.md) and `data/brands.yaml`.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from fanzha.datafiles import load_yaml


@dataclass(frozen=True, slots=True)
class Brand:
    key: str
    name: str
    aliases: tuple[str, ...]
    numbers: frozenset[str]
    domains: frozenset[str]
    # never gives a mobile number (other than its own listed ones) or a foreign link to call or open
    strict: bool
    service_lines_only: bool = False  # a bank or payment firm: its alerts give its service lines only


@dataclass(frozen=True, slots=True)
class OfficialNumber:
    number: str
    organisation: str
    kind: str
    note: str


def _read(name: str) -> str:
    return resources.files("fanzha.intel").joinpath(f"data/{name}").read_text("utf-8")


@lru_cache(maxsize=1)
def official_numbers() -> dict[str, OfficialNumber]:
    rows = csv.DictReader(_read("official_numbers.csv").splitlines())
    return {r["number"]: OfficialNumber(r["number"], r["organisation"], r["kind"], r["note"]) for r in rows}


@lru_cache(maxsize=1)
def _brand_list_domains() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for row in csv.DictReader(_read("brand_domains.csv").splitlines()):
        if "." in row["domain"]:
            out.setdefault(row["brand_list"], set()).add(row["domain"].lower())
    return out


@lru_cache(maxsize=1)
def _brand_entries() -> tuple[dict[str, Any], ...]:
    return tuple(load_yaml(_read("brands.yaml"), name="brands")["brands"])


@lru_cache(maxsize=1)
def brands() -> tuple[Brand, ...]:
    lists = _brand_list_domains()
    out = []
    for entry in _brand_entries():
        domains = set(entry.get("domains") or [])
        if entry.get("brand_list"):
            domains |= lists.get(entry["brand_list"], set())
        out.append(
            Brand(
                key=entry["key"],
                name=entry["name"],
                aliases=tuple(str(a).lower() for a in entry["aliases"]),
                numbers=frozenset(str(n) for n in entry.get("numbers") or []),
                domains=frozenset(d.lower() for d in domains),
                strict=bool(entry.get("strict", False)),
                service_lines_only=bool(entry.get("service_lines_only", False)),
            )
        )
    return tuple(out)


@lru_cache(maxsize=1)
def _official_domain_index() -> dict[str, str]:
    """Every official domain of every brand list (not only the brands we name) → its list."""
    index: dict[str, str] = {}
    for brand_list, domains in _brand_list_domains().items():
        for domain in domains:
            index.setdefault(domain, brand_list)
    explicit = _explicit_domains()
    for brand in brands():  # a brand inheriting a whole list (taobao: alibaba) takes what nobody names
        for domain in brand.domains - explicit.keys():
            index[domain] = brand.key
    index.update(explicit)  # a brand naming the domain itself wins: alipay.com is 支付宝's, not 淘宝's
    return index


def _explicit_domains() -> dict[str, str]:
    """Domains a brand names itself in brands.yaml (not through its brand list) → that brand."""
    return {str(d).lower(): entry["key"] for entry in _brand_entries() for d in entry.get("domains") or []}


def official_owner(host: str) -> str | None:
    """The brand (or brand list) that owns `host` or one of its parent domains, if any."""
    index = _official_domain_index()
    parts = host.lower().rstrip(".").split(".")
    for i in range(len(parts) - 1):
        owner = index.get(".".join(parts[i:]))
        if owner is not None:
            return owner
    return None


@lru_cache(maxsize=1)
def common_domains() -> frozenset[str]:
    """Ordinary domains of sites operating in China (for testing that nothing ordinary is flagged)."""
    return frozenset(
        line.strip().lower() for line in _read("cn_common_domains.txt").splitlines() if line.strip()
    )
