"""The fraud-type taxonomy as typed objects: types, their cues and their advice."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from fanzha.programs import Programs

NORMAL = "normal"
SCAM = "scam"  # the category of every fraud type
UNKNOWN_FRAUD = "fraud"  # a training label: a scam whose type the data does not say
# Unsolicited messages that are not scams on the reader's money: the classifier's other categories.
ADVERT_KINDS = ("advert", "loan_advert", "illegal_advert")


class TaxonomyError(ValueError):
    """The taxonomy data is malformed; the message names the entry."""


class LazyPattern:
    """A cue's regular expression, compiled when it is first used: the engine runs a cue's pattern only on
    texts holding one of its keywords, and compiling the hundred patterns took 0.07 s of every start of
    `fanzha check`. Only patterns already known to compile are made lazy (see `load_taxonomy`)."""

    __slots__ = ("_compiled", "_programs", "pattern")

    def __init__(self, pattern: str, programs: Programs | None = None) -> None:
        self.pattern = pattern
        self._programs = programs  # the cached compiled programs of the taxonomy's patterns, if any
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            programs = self._programs
            self._compiled = programs.compile(self.pattern) if programs else re.compile(self.pattern)
        return self._compiled

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled.search(text, pos)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LazyPattern) and other.pattern == self.pattern

    def __hash__(self) -> int:
        return hash(self.pattern)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"


@dataclass(frozen=True, slots=True)
class Alternative:
    """One top-level alternative of a cue's pattern and the literals it cannot match without."""

    pattern: LazyPattern
    keywords: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Cue:
    """A phrase or pattern that marks a scam (or, with a negative weight, argues against one)."""

    id: str
    meaning: str
    weight: float
    keywords: tuple[str, ...]
    pattern: re.Pattern[str] | LazyPattern | None
    fraud_type: str | None  # None: a generic cue that raises risk without pointing to a type
    firm: bool = False  # police doctrine ("所有刷单都是诈骗"): calibration never weakens it below `weight`
    # the scheme it describes is of its type whatever the classifier believes (a suitor posted abroad whose
    # parcel is held at customs is a 杀猪盘, however much the text reads like a friend asking for money)
    names_kind: bool = False
    # a pattern's keywords are words spam disguises (紫金清查 for 资金清查): they join the variant-repair
    # vocabulary as a keyword cue's do (`fanzha.detect.prepare.vocabulary`)
    disguised: bool = False
    # the pattern's top-level alternatives when it has several, each with its own keywords: a text runs
    # only those whose keywords it holds (`fanzha.detect.cues`); empty: the pattern runs whole
    alternatives: tuple[Alternative, ...] = ()


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
