"""Hosts dressed up as a Chinese government site.

Only government bodies register under `gov.cn`, so "gov" as a name of its own elsewhere pretends to be
one: a label or a hyphenated piece (`etax-gov.top`, `court.gov-cn.top`, `ybj-gov.cn.cc`,
`www.gov.cn.btsq.top`), or glued to a name before it (`courtgov.vip`, `12123gov.com`) or to "cn",
"china" or digits after it (`govcn-bt.cc`, `gov12123.com`). Not "gov" inside a word that goes on
(`govee.com`, `governance.org`).

What it imitates must be Chinese: the host is on a cheap ending or in the .cn space, or "gov" stands
beside digits, "cn"/"china", pinyin or an authority's English name (`tax-gov.cn`, `12123-gov.com`,
`yibao-gov.com`, `court-gov.com`). Elsewhere "gov"
is other people's: a foreign government under its country's ending (`gov.bc.ca`, `go.jp`, `mygov.in`,
`egov.kz`), a firm's government cloud (`okta-gov.com`, `amazonaws-us-gov.com`, `zoomgov.com`), a surname
(`rogov.ru`, `dolgov.net`). Nothing under a restricted ending (gov.cn, edu.cn: `gov.pku.edu.cn`) is a
mimic: only governments and schools register there.
"""

from __future__ import annotations

import re

from fanzha.domains.pinyin import is_pinyin
from fanzha.domains.protected import brand_index
from fanzha.domains.shape import RESTRICTED
from fanzha.domains.suffix import split_host

_PIECES = re.compile(r"[.\-_]+")
_GOVERNMENT_ENDING = re.compile(r"(?:^|\.)gov(?:\.[a-z]{2})?$")
_GLUED_AFTER = re.compile(r"gov(cn|china|\d+)")  # govcn, gov12123: the name "gov" and its country or number
_GLUED_BEFORE = re.compile(r"([a-z0-9]+)gov")  # courtgov, 12123gov
_CHINESE_WORD = re.compile(r"cn|china|\d+")
# English names of the authorities scams impersonate (court-gov.com, police-gov.com): beside "gov" they point
# at a government office as plainly as pinyin does.
_AUTHORITIES = frozenset(["court", "police", "tax", "etax", "customs", "justice", "traffic", "immigration"])

# The ending a government site has, shown as what a gov-looking host imitates (`DomainVerdict.lookalike_of`).
GOVERNMENT_DOMAIN = "gov.cn"


def gov_mimic(host: str) -> bool:
    """Does `host` (lower case, no scheme or path) name itself "gov" to pass for a Chinese government site?"""
    if "gov" not in host or _GOVERNMENT_ENDING.search(host) is not None:
        return False
    suffix = split_host(host).suffix
    if suffix in RESTRICTED:
        return False
    risky = brand_index().is_risky(suffix)
    chinese_ending = suffix == "cn" or suffix.endswith(".cn") or suffix == "cn.com"
    if not (risky or chinese_ending) and len(suffix) == 2:
        return False  # another country's own ending: its government's or its people's
    pieces = [p for p in _PIECES.split(host[: -len(suffix) - 1] if host != suffix else "") if p]
    for i, piece in enumerate(pieces):
        others = pieces[:i] + pieces[i + 1 :]
        if piece == "gov":
            named = others
        elif (after := _GLUED_AFTER.fullmatch(piece)) is not None:
            named = [after.group(1), *others]
        elif (before := _GLUED_BEFORE.fullmatch(piece)) is not None:
            named = [before.group(1), *others]
        else:
            continue
        if risky or chinese_ending or any(_chinese(p) for p in named):
            return True
    return False


def _chinese(piece: str) -> bool:
    """Digits, "cn"/"china", an authority's name or pinyin (12123, court, yibao): a name that points at a
    Chinese office."""
    return (
        _CHINESE_WORD.fullmatch(piece) is not None
        or piece in _AUTHORITIES
        or (piece.isalpha() and is_pinyin(piece))
    )
