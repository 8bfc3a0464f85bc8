"""床位费超住院天数: a bed is charged per night — the admission and the discharge day count as ONE day —
so a stay from the 1st to the 5th allows four bed days (a same-day stay, one). Charging both the admission
and the discharge day, or bed days outside the stay, is found; the extra days are at stake (by convention
the latest days charged). Charging the discharge day instead of the admission day is legal: the total is
still the nights of the stay. A line may cover several nights (qty). Outpatient claims are not judged."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from fanzha.claims.model import Finding
from fanzha.claims.rules.base import Rule, labels, yuan
from fanzha.claims.view import ClaimView

if TYPE_CHECKING:
    from fanzha.claims.batch import ClaimBatch

NO_ENTRY = -1


class BedDaysBeyondStay(Rule):
    id = "bed_days_beyond_stay"
    name = "床位费超住院天数"
    description = (
        "按夜计收的床位费天数超过住院天数（入院日与出院日都收取，或在住院期外收取），多收的天数为涉及金额。"
    )

    def suspects(self, batch: ClaimBatch) -> list[int]:
        """The inpatient claims with a bed day outside the stay, or more bed days inside it than nights
        (summed loosely: `check` decides at the limit)."""
        heads = batch.heads
        first = np.array(
            [-1 if h.admitted is None or h.discharged is None else h.admitted.toordinal() for h in heads]
        )
        if not (first >= 0).any():
            return []  # outpatient claims only
        last = np.array([-1 if h.discharged is None else h.discharged.toordinal() for h in heads])
        night = batch.per_code("beds.per_night", self._per_night, np.int8)
        bed = (night == 1) | ((night == NO_ENTRY) & (np.array(batch.categories, dtype=object) == "bed"))
        bed &= (batch.qty_array > 0) & (batch.per_claim(first) >= 0)
        days = batch.day_numbers
        inside = (days >= batch.per_claim(first)) & (days <= batch.per_claim(last))
        suspects = set(batch.claims_with(bed & ~inside))
        counted = bed & inside
        charged = np.bincount(batch.claim_of[counted], weights=batch.qty_array[counted], minlength=batch.n)
        lines = np.bincount(batch.claim_of[counted], minlength=batch.n)
        # `check` sums in the order of the days: allow for what another order may change in the last bits
        margin = 1e-9 - 4.5e-16 * lines * charged
        suspects.update(
            np.flatnonzero((charged > np.maximum(1, last - first) + margin) & (first >= 0)).tolist()
        )
        return sorted(suspects)

    def _per_night(self, code: str) -> int:
        entry = self.catalogue.items.get(code)
        return NO_ENTRY if entry is None else int(entry.per_night)

    def check(self, claim: ClaimView) -> list[Finding]:
        if claim.admitted is None or claim.discharged is None:
            return []
        categories, qty = claim.categories, claim.qty
        beds = [
            k
            for k, entry in enumerate(claim.entries)
            if (entry.per_night if entry is not None else categories[k] == "bed") and qty[k] > 0
        ]
        if not beds:
            return []
        admitted, discharged = claim.admitted.isoformat(), claim.discharged.isoformat()
        nights = max(1, (claim.discharged - claim.admitted).days)
        days, prices = claim.days, claim.prices
        outside = [k for k in beds if days[k] < admitted or days[k] > discharged]
        findings = []
        if outside:
            amount = sum(qty[k] * prices[k] for k in outside)
            findings.append(
                self.finding(
                    claim,
                    outside,
                    amount,
                    f"住院期为 {admitted} 至 {discharged}，{labels(claim, outside)}在住院期外收取床位费，"
                    f"涉及 {yuan(amount)}。",
                )
            )
        inside = sorted((k for k in beds if admitted <= days[k] <= discharged), key=days.__getitem__)
        charged = sum(qty[k] for k in inside)
        if charged <= nights + 1e-9:
            return findings
        over, left, amount = [], charged - nights, 0.0
        for k in reversed(inside):  # the excess is the latest days charged
            if left <= 1e-9:
                break
            extra = min(qty[k], left)
            left -= extra
            amount += extra * prices[k]
            over.append(k)
        over.reverse()
        charged_days = {days[k] for k in inside}
        both = admitted != discharged and admitted in charged_days and discharged in charged_days
        why = "入院日和出院日只能收取一天床位费，但两天都收取了" if both else "床位费天数超过住院天数"
        findings.append(
            self.finding(
                claim,
                over,
                amount,
                f"住院 {admitted} 至 {discharged} 共 {nights} 天，收取床位费 {charged:g} 天：{why}"
                f"（多收 {charged - nights:g} 天，见{labels(claim, over)}），涉及 {yuan(amount)}。",
            )
        )
        return findings
