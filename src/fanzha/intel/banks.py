"""One name per bank, whatever an officer or a key label calls it.

A stop-payment order typed at the desk names the receiving bank as the victim said it — 工行, 工商银行,
中国工商银行北京西城支行, ICBC — and a bank's API key is labelled with its own name; orders reach the
bank only if the two agree. `bank_name` turns every spelling of a bank in `data/brands.yaml` (its name
or an alias, with a branch or company suffix after it) into the bank's full name; a bank that is not
listed (a city or rural commercial bank) keeps its own name, without spaces.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from fanzha.intel.reference import brands


@lru_cache(maxsize=1)
def _spellings() -> tuple[tuple[str, str], ...]:
    """(spelling, full name) of every bank, longest spelling first."""
    pairs = {
        (spelling.lower(), brand.name)
        for brand in brands()
        if brand.name.endswith("银行")
        for spelling in (brand.name, *brand.aliases)
    }
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


@lru_cache(maxsize=4096)
def bank_name(text: str) -> str:
    """The bank's full name (中国工商银行 for 工行, 工商银行北京分行 or ICBC), else `text` tidied."""
    tidy = "".join(unicodedata.normalize("NFKC", text).split())
    folded = tidy.lower()
    for spelling, name in _spellings():
        if folded.startswith(spelling):
            rest = folded[len(spelling) :]
            if not rest or not rest[0].isascii() or not spelling.isascii():  # icbc, not icbcx
                return name
    return tidy
