"""One pass over a text that every later step shares: normalise, find identifiers, mask them."""

from __future__ import annotations

from dataclasses import dataclass

from fanzha.detect.features import TOKENS, canonical
from fanzha.extract.registry import Located, locate
from fanzha.text import NormText, normalize


@dataclass(frozen=True, slots=True)
class Prepared:
    norm: NormText
    located: list[Located]
    masked: str  # normalised text with each identifier's characters replaced by its kind's token
    canonical: str  # what the classifier sees


def mask(text: str, located: list[Located]) -> str:
    """Replace identifier characters by their kind's token, keeping the length (spans stay valid)."""
    if not located:
        return text
    chars = list(text)
    for item in located:
        token = TOKENS.get(item.identifier.kind)
        if token is None:
            continue
        for i in range(item.norm_start, item.norm_end):
            chars[i] = token
    return "".join(chars)


def prepare(text: str) -> Prepared:
    norm = normalize(text)
    located = locate(norm)
    masked = mask(norm.text, located)
    return Prepared(norm, located, masked, canonical(masked))
