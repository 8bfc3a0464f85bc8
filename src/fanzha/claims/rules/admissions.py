"""重复住院: the same patient in hospital at two institutions on overlapping days. Streaming: the stays
seen per patient are kept; a later claim whose stay overlaps an earlier one at another institution gets
the finding, naming the other claim, with the items dated on the overlapping days at stake. A transfer —
discharged from one and admitted to the other on the same day — is not an overlap (a stay occupies its
nights: admission day up to, not including, the discharge day)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

from fanzha.claims.catalogue import Catalogue
from fanzha.claims.model import Finding, Institution, StockRecord
from fanzha.claims.rules.base import Rule, yuan
from fanzha.claims.view import ClaimView

if TYPE_CHECKING:
    from fanzha.claims.batch import ClaimBatch

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
        overlaps = self._record(
            claim.claim_id, claim.institution, claim.patient_id, claim.admitted, claim.discharged
        )
        return self._findings(claim, overlaps) if overlaps else []

    def check_batch(self, batch: ClaimBatch) -> dict[int, list[Finding]]:
        """Every inpatient claim of the batch recorded in order; the claims' items read only on an overlap."""
        found, stays = {}, self.stays
        for i, (claim_id, institution, patient_id, admitted, discharged) in enumerate(batch.heads):
            if admitted is None or discharged is None:
                continue
            if patient_id not in stays:  # the patient's first stay (the common case): nothing to overlap
                end = discharged if discharged > admitted else admitted + ONE_DAY
                stays[patient_id] = [
                    Stay(institution.id, institution.name, admitted, end, claim_id, discharged)
                ]
                continue
            overlaps = self._record(claim_id, institution, patient_id, admitted, discharged)
            if overlaps:
                found[i] = self._findings(batch.view(i), overlaps)
        return found

    def _record(self, claim_id: str, institution: Institution, patient_id: str, admitted: date | None,
                discharged: date | None) -> list[Stay]:  # fmt: skip
        """The earlier stays at other institutions that overlap this one, which is then remembered."""
        if admitted is None or discharged is None:
            return []
        start, end = admitted, max(discharged, admitted + ONE_DAY)
        seen = self.stays.setdefault(patient_id, [])
        overlaps = [
            other for other in seen
            if other.institution_id != institution.id and start < other.end and other.start < end
        ]  # fmt: skip
        seen.append(Stay(institution.id, institution.name, start, end, claim_id, discharged))
        return overlaps

    def _findings(self, claim: ClaimView, overlaps: list[Stay]) -> list[Finding]:
        assert claim.admitted is not None and claim.discharged is not None
        start, end = claim.admitted, max(claim.discharged, claim.admitted + ONE_DAY)
        findings = []
        for other in overlaps:
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
        return findings
