"""Text normalisation: undo the tricks that real scam messages use to dodge filters."""

from fanzha.text.normalize import NormText, normalize

__all__ = ["NormText", "normalize"]
