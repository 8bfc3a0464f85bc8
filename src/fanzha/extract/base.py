"""Recognizer base class and the `Identifier` every recognizer returns.

A recognizer, in the style of Presidio, is a few class constants — its `kind`, the regular
expressions that find candidates, the context words that make a candidate more likely — plus
`validate`, which checks a candidate (checksum, length, known prefix) and says why it was accepted.
The base class owns the loop; every hit carries its span, its normalised value, a score and a reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, ClassVar

CONTEXT_WINDOW = 12  # characters on each side searched for context words
CONTEXT_BOOST = 0.15


@dataclass(frozen=True, slots=True)
class Identifier:
    """An identifier found in a text. `start`/`end` index the text the caller passed in."""

    kind: str
    value: str  # normalised: the same identifier written differently has the same value
    start: int
    end: int
    score: float
    reason: str  # why it was recognised, in words a user understands
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def host(self) -> str:
        """A link's host (its `details`), a domain's own value; for other kinds the value."""
        return str(self.details.get("host", self.value))

    def public_dict(self) -> dict[str, Any]:
        """The `{kind, value, start, end}` record of the JSONL contracts."""
        return {"kind": self.kind, "value": self.value, "start": self.start, "end": self.end}

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "value": self.value, "start": self.start, "end": self.end}
        out["score"] = round(self.score, 2)
        out["reason"] = self.reason
        if self.details:
            out["details"] = self.details
        return out


@dataclass(frozen=True, slots=True)
class Candidate:
    """What `validate` returns for an accepted match: value, score, reason, details."""

    value: str
    score: float
    reason: str
    details: dict[str, Any] = field(default_factory=dict)
    start: int | None = None  # override the match span (e.g. only the number after "QQ:")
    end: int | None = None
    kind: str | None = None  # override the recognizer's kind (a bare host is a `domain`, not a `url`)


class Recognizer:
    """Finds one kind of identifier in normalised text."""

    kind: ClassVar[str]
    patterns: ClassVar[tuple[str, ...]]
    context: ClassVar[tuple[str, ...]] = ()
    # Recognizers that depend on a context word ("微信：…") may overlap a plain identifier
    # (a phone number that is also a WeChat ID); plain ones may not overlap each other.
    contextual: ClassVar[bool] = False
    priority: ClassVar[int] = 50  # on overlap between plain kinds, the higher priority wins
    # A character that must occur in the text for the recognizer to run at all (cheap prefilter).
    requires_digit: ClassVar[bool] = False

    def __init__(self) -> None:
        self._compiled = tuple(re.compile(p) for p in self.patterns)

    def validate(self, match: re.Match[str], text: str) -> Candidate | None:
        """Accept or reject a regex match; return None to reject."""
        raise NotImplementedError

    def has_context(self, text: str, start: int, end: int) -> bool:
        if not self.context:
            return False
        window = text[max(0, start - CONTEXT_WINDOW) : start] + text[end : end + CONTEXT_WINDOW]
        return any(word in window for word in self.context)

    def find(self, text: str) -> list[tuple[int, int, Candidate]]:
        """Spans in `text` (the normalised text) and their accepted candidates."""
        found: list[tuple[int, int, Candidate]] = []
        for pattern in self._compiled:
            for match in pattern.finditer(text):
                candidate = self.validate(match, text)
                if candidate is None:
                    continue
                start = match.start() if candidate.start is None else candidate.start
                end = match.end() if candidate.end is None else candidate.end
                found.append((start, end, candidate))
        return found


def digits_only(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())
