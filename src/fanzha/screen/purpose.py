"""The purpose text of a transfer as the rules read it.

Purposes are short and repeat ("生活费", "货款", "还款", and the scripts scammers dictate: "转入安全账户"),
so each distinct normalised text is assessed once by the scam detector and kept in an LRU cache; the
full `Detector` never runs per transfer. `PurposeReader.hits` / `misses` say how well the cache works.
"""

from __future__ import annotations

from collections import OrderedDict
from threading import Lock
from typing import TYPE_CHECKING

from fanzha.screen.facts import Purpose
from fanzha.text import normalize

if TYPE_CHECKING:
    from fanzha.detect.engine import Detector

CACHE_SIZE = 65_536


def normalise_purpose(text: str) -> str:
    """NFKC, simplified characters, Chinese numerals undone, lower case, no spaces."""
    return "".join(normalize(text).text.lower().split())


class PurposeReader:
    """`read(text)`: the normalised purpose, assessed by `detector` when `assess` is set."""

    def __init__(self, *, assess: bool, detector: Detector | None = None, size: int = CACHE_SIZE) -> None:
        self.assess = assess
        self._detector = detector
        self.size = size
        self._cache: OrderedDict[str, Purpose] = OrderedDict()
        self._lock = Lock()
        self.hits = 0
        self.misses = 0

    @property
    def detector(self) -> Detector:
        if self._detector is None:
            from fanzha.detect.engine import default_detector

            self._detector = default_detector()
        return self._detector

    def read(self, text: str) -> Purpose:
        cached = self._cache.get(text)
        if cached is not None:
            self.hits += 1
            self._cache.move_to_end(text)
            return cached
        self.misses += 1
        purpose = self._read(text)
        with self._lock:
            self._cache[text] = purpose
            if len(self._cache) > self.size:
                self._cache.popitem(last=False)
        return purpose

    def _read(self, text: str) -> Purpose:
        norm = normalise_purpose(text)
        if not self.assess:
            return Purpose(norm)
        verdict = self.detector.assess(text)
        cues = frozenset(c.id for c in verdict.cues if c.weight > 0 and c.source == "rule")
        return Purpose(norm, verdict.risk, verdict.fraud_type if verdict.is_fraud else None, cues)
