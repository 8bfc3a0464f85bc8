"""What a lookalike rule returns before it becomes a verdict: the kind, the imitated target, the score
and the reason in Chinese (which mechanism fired, for which brand, on what evidence)."""

from __future__ import annotations

from dataclasses import dataclass

from fanzha.domains.index import Target


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str
    target: Target
    score: float
    reason: str
    by_number: bool = False  # found by the brand's service number (95539-cz), which no one else uses


def who(target: Target) -> str:
    """The brand's Chinese name, or "已登记域名 x" for a domain of a custom list."""
    return f"已登记域名{target.domain}" if target.key == target.domain else target.name
