"""What every rule is: an id, a Chinese name and description, and `check(claim)` giving its findings.
For many claims at once (`fanzha.claims.batch`), `check_batch(batch)` gives the findings per claim: by
default `check` on the claims `suspects(batch)` names — a rule that can tell from the batch's arrays which
claims cannot have a finding says so there, and the others are never looked at.

A rule is built once per audit run with the catalogue and the stock records (`Rule(catalogue=…,
stock=…)`), so what it needs from them is precomputed in `__init__`; rules that look across claims
(stock, overlapping stays) keep their state on the instance and see the claims in the order given."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, ClassVar

from fanzha.claims.catalogue import Catalogue
from fanzha.claims.model import Finding, StockRecord
from fanzha.claims.view import ClaimView

if TYPE_CHECKING:
    from fanzha.claims.batch import ClaimBatch


class Rule:
    id: ClassVar[str]
    name: ClassVar[str]  # Chinese, short
    description: ClassVar[str]  # Chinese, one sentence: what it finds and what is at stake
    streaming: ClassVar[bool] = False  # depends on the claims seen before

    def __init__(self, *, catalogue: Catalogue, stock: Sequence[StockRecord] = ()) -> None:
        self.catalogue = catalogue
        self._allowed: dict[tuple[str, ...], frozenset[str]] = {}

    def allowed(self, listed: tuple[str, ...]) -> frozenset[str]:
        """An institution's list (licensed services, approved equipment) as a set that also holds "" (an
        item that names none), made once per distinct list."""
        allowed = self._allowed.get(listed)
        if allowed is None:
            if len(self._allowed) >= 10_000:
                self._allowed.clear()
            allowed = self._allowed[listed] = frozenset(listed) | {""}
        return allowed

    def check(self, claim: ClaimView) -> list[Finding]:
        raise NotImplementedError

    def suspects(self, batch: ClaimBatch) -> Iterable[int]:
        """The claims of the batch that may have a finding (all of them unless the rule can tell)."""
        return range(batch.n)

    def check_batch(self, batch: ClaimBatch) -> dict[int, list[Finding]]:
        """The findings per claim of the batch (claims without findings left out), as `check` gives them."""
        found = {}
        for i in self.suspects(batch):
            findings = self.check(batch.view(i))
            if findings:
                found[i] = findings
        return found

    def finding(self, claim: ClaimView, items: Sequence[int], amount: float, explanation: str) -> Finding:
        """A finding on the items at positions `items` of the claim."""
        return Finding(self.id, tuple(claim.refs[k] for k in items), round(amount, 2), explanation)


def label(claim: ClaimView, k: int) -> str:
    """How an item is named in an explanation: 项目 3（血常规，2026-03-01）."""
    return f"项目 {claim.refs[k]}（{claim.names[k] or claim.codes[k]}，{claim.days[k]}）"


def labels(claim: ClaimView, items: Sequence[int]) -> str:
    return "、".join(label(claim, k) for k in items)


def refs(claim: ClaimView, items: Sequence[int]) -> str:
    return "、".join(claim.refs[k] for k in items)


def yuan(amount: float) -> str:
    return f"{amount:,.2f} 元"


def units(qty: float) -> str:
    return f"{qty:g}"
