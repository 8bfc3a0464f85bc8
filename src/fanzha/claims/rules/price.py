"""超标准收费: a unit price above the standard — the catalogue's price for the code, or the standard the
claim itself states, whichever is lower when both are known. The excess per unit times the quantity is at
stake. A price at the standard (to the fen) is clean."""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import repeat
from operator import add, le
from typing import TYPE_CHECKING

import numpy as np

from fanzha.claims.catalogue import Catalogue
from fanzha.claims.model import Finding, StockRecord
from fanzha.claims.rules.base import Rule, label, yuan
from fanzha.claims.view import ClaimView

if TYPE_CHECKING:
    from fanzha.claims.batch import ClaimBatch

TOLERANCE = 0.005  # half a fen: prices are compared to the fen


class PriceAboveStandard(Rule):
    id = "price_above_standard"
    name = "超标准收费"
    description = "收费单价高于目录标准价（或结算单所列标准价），超出的单价乘以数量为涉及金额。"

    def __init__(self, *, catalogue: Catalogue, stock: Sequence[StockRecord] = ()) -> None:
        super().__init__(catalogue=catalogue, stock=stock)
        self.ceiling = {e.code: e.price + TOLERANCE for e in catalogue.items.values() if e.price is not None}

    def _clean(self, claim: ClaimView) -> bool:
        """No price above its catalogue price nor above the claim's own standard (the smaller of the two
        is the standard, so a price within both is within it)."""
        prices, stated = claim.prices, claim.standards
        if not all(map(le, prices, map(self.ceiling.get, claim.codes, repeat(math.inf)))):
            return False
        if None in stated:
            return all(
                own is None or price <= own + TOLERANCE for price, own in zip(prices, stated, strict=True)
            )
        return all(map(le, prices, map(add, stated, repeat(TOLERANCE))))

    def suspects(self, batch: ClaimBatch) -> list[int]:
        """The claims with a price above its catalogue price or above the standard the item states."""
        ceiling = batch.per_code("price.ceiling", lambda code: self.ceiling.get(code, math.inf), np.float64)
        prices = batch.price_array
        return batch.claims_with((prices > ceiling) | (prices > batch.standard_array + TOLERANCE))

    def check(self, claim: ClaimView) -> list[Finding]:
        if self._clean(claim):
            return []
        findings = []
        prices, stated = claim.prices, claim.standards
        for k, entry in enumerate(claim.entries):
            listed = entry.price if entry is not None else None
            own = stated[k]
            if listed is None:
                if own is None:
                    continue
                standard = own
            else:
                standard = listed if own is None or listed <= own else own
            if prices[k] <= standard + TOLERANCE:
                continue
            amount = (prices[k] - standard) * claim.qty[k]
            source = "目录标准价" if standard == listed else "结算单所列标准价"
            findings.append(
                self.finding(
                    claim,
                    [k],
                    amount,
                    f"{label(claim, k)}单价 {yuan(prices[k])}，高于{source} {yuan(standard)}，"
                    f"数量 {claim.qty[k]:g}，多收 {yuan(amount)}。",
                )
            )
        return findings
