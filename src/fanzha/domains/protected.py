"""The protected brands: banks, payment, e-commerce, telecom, logistics and public services.

Names, numbers and every official domain come from `fanzha.intel` (brands.yaml and v2fly's
brand_domains.csv); `data/protected.yaml` adds the flagship domains that scammers imitate, extra brand
tokens and abbreviations, the pinyin of the Chinese names, the words glued to brand names in scam hosts and the risky
endings. Tokens derived here: the labels of the flagship domains, the brand's ASCII aliases (`icbc`,
`unionpay`) and its 5–6 digit service numbers (`95588`, `10086`).
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import Any

from fanzha.datafiles import load_yaml
from fanzha.domains.index import SHORT_TOKEN, DomainIndex, Target, Token
from fanzha.domains.suffix import split_host
from fanzha.intel import brands, official_owner


@lru_cache(maxsize=1)
def protected_data() -> dict[str, Any]:
    text = resources.files("fanzha.domains").joinpath("data/protected.yaml").read_text("utf-8")
    data: dict[str, Any] = load_yaml(text, name="protected_domains")
    return data


def _is_token(text: str) -> bool:
    return text.isascii() and text.replace("-", "").isalnum() and len(text) >= 2


@lru_cache(maxsize=1)
def brand_index() -> DomainIndex:
    """The index of all protected brands (built once, about 10 ms)."""
    data = protected_data()
    skip = {str(s) for s in data.get("skip_tokens") or []}
    entries: dict[str, dict[str, Any]] = data["brands"]
    targets: list[Target] = []
    tokens: list[Token] = []
    chinese: list[tuple[str, Target]] = []
    for brand in brands():
        entry = entries.get(brand.key)
        if entry is None:
            continue
        primary = [str(d).lower() for d in entry["primary"]]
        unknown = [d for d in primary if d not in brand.domains and official_owner(d) is None]
        if unknown:
            raise ValueError(f"protected.yaml: {brand.key}: {unknown} are not official domains of the brand")
        guard = entry.get("guarded")

        def guarded(name: str, guard: object = guard) -> bool:
            """`guarded: true` guards every name of the brand, a list only those names (apple, not icloud)."""
            return guard is True or (isinstance(guard, list) and name in guard)

        brand_targets = [
            Target(brand.key, brand.name, d, brand.numbers, guarded(split_host(d).label)) for d in primary
        ]
        targets.extend(brand_targets)
        main = replace(brand_targets[0], guarded=False)
        chinese.extend((name, main) for name in (brand.name, *brand.aliases))
        extra = [*(entry.get("tokens") or []), *brand.aliases, *brand.numbers]
        for text in (str(t).lower() for t in extra):
            if text in skip or not _is_token(text) or (text.isdigit() and len(text) < 5):
                continue
            name_guarded = guarded(text) and not text.isdigit()
            tokens.append(Token(text, replace(main, guarded=name_guarded), pinyin=False, abbrev=name_guarded))
        for text in (str(t).lower() for t in entry.get("abbrev") or []):
            tokens.append(Token(text, main, pinyin=False, abbrev=True))
        for text in (str(t).lower() for t in entry.get("pinyin") or []):
            target = replace(main, guarded=guarded(text))
            tokens.append(Token(text, target, pinyin=True, initials=len(text) <= SHORT_TOKEN))
    return DomainIndex(
        primary=targets,
        tokens=tokens,
        official=official_owner,
        owner_names={brand.key: brand.name for brand in brands()},
        words=(str(w) for w in data["words"]),
        risky_suffixes=(str(s) for s in data["risky_suffixes"]),
        chinese=chinese,
        chinese_words=(str(w) for w in data["chinese_words"]),
    )


@lru_cache(maxsize=64)
def custom_index(protected: tuple[str, ...]) -> DomainIndex:
    """An index of arbitrary registered domains (a merchant's own), without brand names or pinyin."""
    data = protected_data()
    targets = [Target(d, d, d) for d in protected]
    return DomainIndex(
        primary=targets,
        words=(str(w) for w in data["words"]),
        risky_suffixes=(str(s) for s in data["risky_suffixes"]),
    )
