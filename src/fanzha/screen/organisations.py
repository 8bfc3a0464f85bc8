"""Whether a party of a transfer is a person or an organisation (a utility, an operator, a school, a
hospital, a public body, a shop): the bank's word first (`kind`: personal | company), else the name.

The lists are data (`data/organisations.yaml`) together with the brands fanzha protects
(`fanzha.intel.reference.brands`: 中国移动, 中国工商银行, 支付宝 …). `organisation_mark(name)` gives what
marks a name as an organisation's — a known organisation (国家电网), a word (有限公司 → 公司, 小学,
自来水), a Latin word (Ltd) or an ending (…局) — so that a decision can say why it judged so.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from fanzha.datafiles import load_yaml
from fanzha.screen.transfer import Party
from fanzha.text.masking import mask_name

DATA = "data/organisations.yaml"
MIN_BRAND = 3  # brand names and aliases this long or longer mark an organisation (工行 could be a name)
_CJK = re.compile(r"^[\u4e00-\u9fff]+$")


@dataclass(frozen=True, slots=True)
class _Lists:
    known: re.Pattern[str]
    prefixes: tuple[str, ...]
    words: re.Pattern[str]
    latin: re.Pattern[str]
    endings: tuple[str, ...]
    long_endings: tuple[str, ...]


def _alternation(items: set[str]) -> str:
    """Longest first, so that at one position the longer word wins (合作社 before 作社)."""
    return "|".join(re.escape(i) for i in sorted(items, key=lambda i: (-len(i), i)))


def _brand_names() -> set[str]:
    from fanzha.intel.reference import brands

    names = set()
    for brand in brands():
        for name in (*re.split(r"[/（()）]", brand.name), *brand.aliases):  # 微信支付/腾讯, 苹果公司（Apple）
            if len(name) >= MIN_BRAND and _CJK.match(name):
                names.add(name)
    return names


@lru_cache(maxsize=1)
def _lists() -> _Lists:
    text = resources.files("fanzha.screen").joinpath(DATA).read_text(encoding="utf-8")
    data = load_yaml(text, name="organisations")
    latin = _alternation(set(data["latin"]))
    return _Lists(
        known=re.compile(_alternation(set(data["known"]) | _brand_names())),
        prefixes=tuple(data["prefixes"]),
        words=re.compile(_alternation(set(data["words"]))),
        latin=re.compile(rf"(?<![a-z])(?:{latin})(?![a-z])", re.IGNORECASE),
        endings=tuple(data["endings"]),
        long_endings=tuple(sorted(data["long_endings"], key=len, reverse=True)),
    )


@lru_cache(maxsize=65_536)
def organisation_mark(name: str) -> str | None:
    """What marks `name` as an organisation's (the known name, the word or the ending found in it; a Latin
    word in lower case), or None when it reads as a person's name."""
    if not name.isascii():
        name = unicodedata.normalize("NFKC", name)
    name = name.strip()
    lists = _lists()
    found = lists.known.search(name)
    if found is not None:
        return found.group()
    prefix = next((p for p in lists.prefixes if name.startswith(p)), None)
    if prefix is not None:
        return prefix
    found = lists.words.search(name) or lists.latin.search(name)
    if found is not None:
        return found.group().lower()
    if len(name) >= 4:
        ending = next((e for e in lists.long_endings if name.endswith(e)), None)
        if ending is not None:
            return ending
    if len(name) >= 3:
        return next((e for e in lists.endings if name.endswith(e)), None)
    return None


class Kind(NamedTuple):
    company: bool
    by_bank: bool  # the bank said so (`kind`); else judged by the name


COMPANY_BY_BANK, PERSON_BY_BANK = Kind(True, True), Kind(False, True)
COMPANY_BY_NAME, PERSON_BY_NAME = Kind(True, False), Kind(False, False)


def party_kind(party: Party) -> Kind | None:
    """A party's kind: the bank's `kind` when sent, else judged by its name; None when neither is known."""
    if party.kind is not None:
        return COMPANY_BY_BANK if party.kind == "company" else PERSON_BY_BANK
    if party.name is None:
        return None
    return PERSON_BY_NAME if organisation_mark(party.name) is None else COMPANY_BY_NAME


def describe_kind(party: Party, role: str) -> str:
    """`role` (收款方, 付款方) as a decision names it: 收款方为单位（国家电网）, 收款方为个人. An organisation's
    name is shown; a name the bank calls a company's that reads as a person's is masked (个体工商户)."""
    kind = party_kind(party)
    if kind is None:
        return f"{role}是个人还是单位未知"
    if not kind.company:
        return f"{role}为个人（个人账户）" if kind.by_bank else f"{role}为个人"
    name = party.name
    if name is not None:
        name = name[:40] if organisation_mark(name) is not None else mask_name(name)
    if kind.by_bank:
        return f"{role}为单位（{name}，对公账户）" if name else f"{role}为单位（对公账户）"
    return f"{role}为单位（{name}）"
