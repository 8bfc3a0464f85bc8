"""重复住院: the same patient in hospital at two institutions on overlapping days. Streaming: the stays
seen per patient are kept; a later claim whose stay overlaps an earlier one at another institution gets
the finding, naming the other claim, with the items dated on the overlapping days at stake. A transfer —
discharged from one and admitted to the other on the same day — is not an overlap (a stay occupies its
nights: admission day up to, not including, the discharge day)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import NamedTuple

from fanzha.claims.catalogue import Catalogue
from fanzha.claims.model import Finding, StockRecord
from fanzha.claims.rules.base import Rule, yuan
from fanzha.claims.view import ClaimView

ONE_DAY = timedelta(days=1)


class Stay(NamedTuple):
    institution_id: str
    institution_name: str
    start: date
    end: date  # exclusive
    claim_id: str
    discharged: date


class OverlappingAdmissions(Rule):
    id = "overlapping_admissions"
    name = "重复住院"
    description = "同一参保人在两家机构的住院期相互重叠，后到的结算单记为疑点，重叠日期内的收费为涉及金额。"
    streaming = True

    def __init__(self, *, catalogue: Catalogue, stock: Sequence[StockRecord] = ()) -> None:
        super().__init__(catalogue=catalogue, stock=stock)
        self.stays: dict[str, list[Stay]] = {}

    def check(self, claim: ClaimView) -> list[Finding]:
        if claim.admitted is None or claim.discharged is None:
            return []
        start = claim.admitted
        end = max(claim.discharged, start + ONE_DAY)
        seen = self.stays.setdefault(claim.patient_id, [])
        findings = []
        for other in seen:
            if other.institution_id == claim.institution.id or not (start < other.end and other.start < end):
                continue
            low, high = max(start, other.start), min(end, other.end)
            first, after = low.isoformat(), high.isoformat()
            items = [k for k, day in enumerate(claim.days) if first <= day < after]
            amount = sum(claim.qty[k] * claim.prices[k] for k in items)
            days = (high - low).days
            findings.append(
                self.finding(
                    claim,
                    items,
                    amount,
                    f"参保人在 {claim.admitted} 至 {claim.discharged} 住院于本机构，与结算单 {other.claim_id}"
                    f"（{other.institution_name or other.institution_id}，{other.start} 至 "
                    f"{other.discharged} 住院）重叠 "
                    f"{days} 天（{low} 起），重叠期间收费 {len(items)} 项，涉及 {yuan(amount)}。",
                )
            )
        seen.append(
            Stay(claim.institution.id, claim.institution.name, start, end, claim.claim_id, claim.discharged)
        )
        return findings
