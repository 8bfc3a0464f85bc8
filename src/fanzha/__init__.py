"""fanzha (反诈): an open-source anti-telecom-fraud platform.

`fanzha.assess(text)` says whether a text is a scam, which kind, why and what to do;
`fanzha.extract(text)` finds the phone numbers, cards, links and accounts in it.
`assess` loads the engine (numpy, the model) on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from fanzha.detect.assessment import Assessment


def assess(text: str) -> Assessment:
    """Is `text` a scam? See `fanzha.detect.engine.assess`."""
    from fanzha.detect.engine import assess as _assess

    return _assess(text)


# Imported eagerly and bound last: importing the subpackage `fanzha.extract` sets the attribute
# `fanzha.extract` to the module, so the function must be bound after that import, once.
from fanzha.extract import extract  # noqa: E402

__all__ = ["__version__", "assess", "extract"]
