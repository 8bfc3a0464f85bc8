"""fanzha (反诈): an open-source anti-telecom-fraud platform.

`fanzha.assess(text)` says whether a text is a scam, which kind, why and what to do;
`fanzha.extract(text)` finds the phone numbers, cards, links and accounts in it.
Both load their data lazily, so importing fanzha is cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from fanzha.detect.assessment import Assessment
    from fanzha.extract.base import Identifier


def assess(text: str) -> Assessment:
    """Is `text` a scam? See `fanzha.detect.engine.assess`."""
    from fanzha.detect.engine import assess as _assess

    return _assess(text)


def extract(text: str) -> list[Identifier]:
    """Identifiers in `text`. See `fanzha.extract.extract`."""
    from fanzha.extract import extract as _extract

    return _extract(text)


__all__ = ["__version__", "assess", "extract"]
