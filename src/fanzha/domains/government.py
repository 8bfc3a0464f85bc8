"""Hosts dressed up as a government site.

Only government bodies register under `gov.cn` (and other countries' governments under `.gov`,
`.gov.uk`, `.gov.sg` …), so "gov" as a name of its own anywhere else pretends to be one: a label or a
hyphenated piece (`etax-gov.top`, `court.gov-cn.top`, `ybj-gov.cn.cc`, `www.gov.cn.btsq.top`), or glued
to a name before it (`courtgov.vip`, `etcgov.cc`, `12123gov.com`: no English word ends in "gov") or to
"cn", "china" or digits after it (`govcn-bt.cc`, `gov12123.com`). Not "gov" inside a word that goes on
(`govee.com`, `govtech-sg.com`, `governance.org`).
"""

from __future__ import annotations

import re

_PIECES = re.compile(r"[.\-_]")
_GOVERNMENT_ENDING = re.compile(r"(?:^|\.)gov(?:\.[a-z]{2})?$")
_GLUED_AFTER = re.compile(
    r"gov(?:cn|china|\d+)$"
)  # govcn, gov12123: the name "gov" and its country or number

# The ending a government site has, shown as what a gov-looking host imitates (`DomainVerdict.lookalike_of`).
GOVERNMENT_DOMAIN = "gov.cn"


def gov_mimic(host: str) -> bool:
    """Does `host` (lower case, no scheme or path) name itself "gov" outside a government's own ending?"""
    if "gov" not in host or _GOVERNMENT_ENDING.search(host) is not None:
        return False
    return any(
        piece == "gov" or (piece.endswith("gov") and len(piece) > 3) or _GLUED_AFTER.fullmatch(piece)
        for piece in _PIECES.split(host)
    )
