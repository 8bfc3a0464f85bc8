"""超执业范围: an item provided under a service (科目) that is not among the institution's licensed
services (执业许可). The whole amount of those items is at stake. An institution whose licensed services are
not given is not judged (no list, no verdict)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fanzha.claims.model import Finding
from fanzha.claims.rules.base import Rule, refs, yuan
from fanzha.claims.view import ClaimView

if TYPE_CHECKING:
    from fanzha.claims.batch import ClaimBatch


class OutsideLicensedScope(Rule):
    id = "outside_licensed_scope"
    name = "超执业范围"
    description = (
        "收费项目所属科目不在机构的执业许可范围内，这些项目的金额为涉及金额（未提供执业范围的机构不检查）。"
    )

    def suspects(self, batch: ClaimBatch) -> list[int]:
        """The claims with an item under a service outside their institution's licensed list."""
        licensed = [head.institution.licensed_services for head in batch.heads]
        return batch.claims_with(batch.outside(licensed, batch.services))

    def check(self, claim: ClaimView) -> list[Finding]:
        licensed = claim.institution.licensed_services
        if not licensed:
            return []
        services = claim.services
        if self.allowed(licensed).issuperset(services):
            return []
        outside = [k for k, s in enumerate(services) if s and s not in licensed]
        named = "、".join(dict.fromkeys(services[k] for k in outside))
        amount = sum(claim.qty[k] * claim.prices[k] for k in outside)
        return [
            self.finding(
                claim,
                outside,
                amount,
                f"机构的执业许可科目为 {'、'.join(licensed)}，项目 {refs(claim, outside)} 属于 {named}，"
                f"超出执业范围，涉及 {yuan(amount)}。",
            )
        ]
