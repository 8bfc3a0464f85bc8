"""超设备备案范围: an item that uses equipment (the item's own `equipment`, else the catalogue's) that is
not on the institution's approved list. The whole amount of those items is at stake. An institution whose
equipment list is not given is not judged."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat
from typing import TYPE_CHECKING

import numpy as np

from fanzha.claims.catalogue import Catalogue
from fanzha.claims.model import Finding, StockRecord
from fanzha.claims.rules.base import Rule, refs, yuan
from fanzha.claims.view import ClaimView

if TYPE_CHECKING:
    from fanzha.claims.batch import ClaimBatch


class EquipmentNotApproved(Rule):
    id = "equipment_not_approved"
    name = "设备未备案"
    description = (
        "检查治疗使用的设备不在机构备案的设备清单中，这些项目的金额为涉及金额（未提供设备清单的机构不检查）。"
    )

    def __init__(self, *, catalogue: Catalogue, stock: Sequence[StockRecord] = ()) -> None:
        super().__init__(catalogue=catalogue, stock=stock)
        self.needs = {e.code: e.equipment for e in catalogue.items.values() if e.equipment}

    def suspects(self, batch: ClaimBatch) -> list[int]:
        """The claims with an item whose equipment — its own, else the catalogue's — is not approved."""
        own = np.array(batch.equipment, dtype=object)
        needed = np.where(own == "", batch.per_code("equipment.needs", self._needs, object), own)
        approved = [head.institution.equipment for head in batch.heads]
        return batch.claims_with(batch.outside(approved, needed.tolist()))

    def _needs(self, code: str) -> str:
        return self.needs.get(code, "")

    def check(self, claim: ClaimView) -> list[Finding]:
        approved = claim.institution.equipment
        if not approved:
            return []
        # an item needs its own equipment, else the catalogue's: when both are approved, it is clean
        allowed, needs = self.allowed(approved), map(self.needs.get, claim.codes, repeat(""))
        if allowed.issuperset(claim.equipment) and allowed.issuperset(needs):
            return []
        own = claim.equipment
        outside: list[tuple[int, str]] = []
        for k, entry in enumerate(claim.entries):
            needed = own[k] or (entry.equipment if entry is not None else "")
            if needed and needed not in approved:
                outside.append((k, needed))
        if not outside:
            return []
        lines = [k for k, _ in outside]
        amount = sum(claim.qty[k] * claim.prices[k] for k in lines)
        used = "、".join(dict.fromkeys(e for _, e in outside))
        return [
            self.finding(
                claim,
                lines,
                amount,
                f"项目 {refs(claim, lines)} 使用 {used}，不在机构备案的设备（{'、'.join(approved)}）之内，"
                f"涉及 {yuan(amount)}。",
            )
        ]
