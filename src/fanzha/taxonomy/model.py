"""The fraud-type taxonomy as typed objects: types, their cues and their advice."""

from __future__ import annotations

import re
from dataclasses import dataclass

NORMAL = "normal"
SCAM = "scam"  # the category of every fraud type
UNKNOWN_FRAUD = "fraud"  # a training label: a scam whose type the data does not say
# Unsolicited messages that are not scams on the reader's money: the classifier's other categories.
ADVERT_KINDS = ("advert", "loan_advert", "illegal_advert")


class TaxonomyError(ValueError):
    """The taxonomy data is malformed; the message names the entry."""


@dataclass(frozen=True, slots=True)
class Cue:
    """A phrase or pattern that marks a scam (or, with a negative weight, argues against one)."""

    id: str
    meaning: str
    weight: float
    keywords: tuple[str, ...]
    pattern: re.Pattern[str] | None
    fraud_type: str | None  # None: a generic cue that raises risk without pointing to a type


@dataclass(frozen=True, slots=True)
class FraudType:
    code: str
    name: str
    description: str
    advice: str
    cues: tuple[Cue, ...]


@dataclass(frozen=True, slots=True)
class AdvertKind:
    """A kind of advert: not a scam, but the reader should know what it is and what to do."""

    code: str
    name: str
    advice: str


@dataclass(frozen=True, slots=True)
class Taxonomy:
    types: tuple[FraudType, ...]
    generic_cues: tuple[Cue, ...]
    adverts: tuple[AdvertKind, ...] = ()

    def get(self, code: str) -> FraudType:
        for fraud_type in self.types:
            if fraud_type.code == code:
                return fraud_type
        raise KeyError(code)

    @property
    def codes(self) -> tuple[str, ...]:
        """Fraud-type codes, without `normal`."""
        return tuple(t.code for t in self.types)

    @property
    def all_cues(self) -> tuple[Cue, ...]:
        return self.generic_cues + tuple(c for t in self.types for c in t.cues)
