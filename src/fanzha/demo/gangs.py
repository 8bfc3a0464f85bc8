"""Scam gangs: groups of cases whose scammers reuse phone numbers, chat accounts, receiving cards and
platforms, so that linking (串并) finds groups of 2–50 cases — and, in the big gangs, a hub card that
most of the gang's victims paid into.

Every case of a gang after the first shares at least one identifier with an earlier case of the same
gang, so each gang is one connected group; gangs never share identifiers with each other.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from fanzha.demo.identities import Identities
from fanzha.demo.profiles import GANG_EXPONENT, GANG_MAX, GANG_MIN, GANG_SHARE

# The identifier a case's first contact leaves, by contact channel.
CONTACT_KIND = {
    "phone_call": "phone",
    "sms": "phone",
    "app": "phone",
    "website": "phone",
    "in_person": "phone",
    "wechat": "wechat",
    "social_media": "wechat",
    "dating": "wechat",
    "qq": "qq",
    "game": "qq",
    "other": "phone",
}


def gang_sizes(rng: random.Random, total: int) -> list[int]:
    """Sizes from a power law P(s) ∝ s^-1.6 on [2, 50] that add up to `total` (≥ 2)."""
    sizes_range = list(range(GANG_MIN, GANG_MAX + 1))
    weights = [s**-GANG_EXPONENT for s in sizes_range]
    sizes: list[int] = []
    left = total
    while left >= GANG_MIN:
        size = min(rng.choices(sizes_range, weights)[0], left)
        if left - size == 1:  # never leave a gang of one behind
            size += 1 if size < GANG_MAX else -1
        sizes.append(size)
        left -= size
    if left and sizes:
        sizes[-1] += left
    return sizes


def assign_gangs(rng: random.Random, types: list[str]) -> list[int | None]:
    """For cases in time order with these fraud types: the gang of each case, or None (a lone scammer).
    A gang takes consecutive cases of one type, as a gang works one script for a while."""
    gang_of: list[int | None] = [None] * len(types)
    by_type: dict[str, list[int]] = {}
    for i, code in enumerate(types):
        by_type.setdefault(code, []).append(i)
    next_gang = 0
    for code in sorted(by_type):
        members = [i for i in by_type[code] if rng.random() < GANG_SHARE]
        if len(members) < GANG_MIN:
            continue
        start = 0
        for size in gang_sizes(rng, len(members)):
            for i in members[start : start + size]:
                gang_of[i] = next_gang
            next_gang += 1
            start += size
    return gang_of


@dataclass(slots=True)
class Gang:
    """A gang's pools of identifiers; `used_*` are those already named in one of its cases."""

    contact_channel: str
    platform: bool
    contacts: list[str] = field(default_factory=list)
    cards: list[tuple[str, str]] = field(default_factory=list)
    handles: dict[str, list[str]] = field(default_factory=dict)  # alipay / wechat pay accounts
    url: str = ""
    app: str = ""
    cases: int = 0

    def contact(self, ids: Identities, rng: random.Random, *, force_reuse: bool = False) -> tuple[str, bool]:
        """(the contact identifier for the next case, whether an earlier case already named it)."""
        kind = CONTACT_KIND.get(self.contact_channel, "phone")
        if self.contacts and (force_reuse or rng.random() < 0.75 or len(self.contacts) >= 3):
            hub = rng.random() < 0.5
            return (self.contacts[0] if hub else rng.choice(self.contacts)), True
        value = _new_contact(ids, kind)
        self.contacts.append(value)
        return value, False

    def card(self, ids: Identities, rng: random.Random, *, reuse: bool) -> tuple[str, str]:
        """A receiving card: an earlier one when `reuse` (the first, the hub, half the time)."""
        if self.cards and (reuse or len(self.cards) >= 4):
            return self.cards[0] if rng.random() < 0.5 else rng.choice(self.cards)
        found = ids.card()
        self.cards.append(found)
        return found

    def handle(self, kind: str, ids: Identities, rng: random.Random) -> str:
        pool = self.handles.setdefault(kind, [])
        if pool and rng.random() < 0.7:
            return rng.choice(pool)
        value = ids.alipay() if kind == "alipay" else ids.wechat()
        pool.append(value)
        return value


def _new_contact(ids: Identities, kind: str) -> str:
    if kind == "wechat":
        return ids.wechat()
    if kind == "qq":
        return ids.qq()
    return ids.mobile(scam=True)
