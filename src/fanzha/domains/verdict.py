"""What a domain check returns: the host, whether it is official, what it imitates, and why."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

KINDS = (
    "official",
    "homoglyph",
    "typo",
    "tld_swap",
    "subdomain",
    "brand_word",
    "pinyin",
    "gov_mimic",
    "unrelated",
    "invalid",
)
LOOKALIKE_KINDS = frozenset(KINDS) - {"official", "unrelated", "invalid"}


@dataclass(frozen=True, slots=True)
class DomainVerdict:
    """The verdict on one host. `score` (0..1) is how sure it is a lookalike; 0 for official/unrelated."""

    host: str
    official: bool
    lookalike_of: str | None  # the official domain imitated
    brand: str | None  # brand key (or the protected domain, for a custom list)
    kind: str  # one of KINDS
    score: float
    reason: str  # in Chinese

    @property
    def is_lookalike(self) -> bool:
        return self.kind in LOOKALIKE_KINDS

    def to_dict(self) -> dict[str, Any]:
        """The `fanzha domains check --jsonl` record (without the id)."""
        return {
            "host": self.host,
            "official": self.official,
            "lookalike_of": self.lookalike_of,
            "brand": self.brand,
            "kind": self.kind,
            "score": round(self.score, 2),
            "reason": self.reason,
        }
