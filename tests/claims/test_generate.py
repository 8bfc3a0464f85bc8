"""The synthetic generator: deterministic for a seed, every rule injected, and the audit agrees with the
labels — each injected violation found on exactly the labelled items, nothing found on the clean claims
(which exercise the tricky-but-legal cases)."""

from __future__ import annotations

from collections import Counter

import pytest

from fanzha.claims import Auditor
from fanzha.claims.generate import ClaimGenerator
from fanzha.claims.rules import RULE_IDS


@pytest.mark.parametrize("seed", [1, 7])
def test_the_audit_finds_exactly_the_labelled_violations(seed: int) -> None:
    generator = ClaimGenerator(n=3000, seed=seed, violations=0.2)
    claims = list(generator.claims())
    auditor = Auditor(stock=generator.stock)
    found = {(r.claim_id, f.rule): f.item_refs for r in map(auditor.audit, claims) for f in r.findings}
    labelled = {(x["claim_id"], x["rule"]): tuple(x["item_refs"]) for x in generator.labels}
    assert found == labelled
    assert set(Counter(rule for _, rule in labelled)) == set(RULE_IDS)


def test_the_clean_claims_exercise_the_tricky_cases() -> None:
    generator = ClaimGenerator(n=2000, seed=3, violations=0.0)
    claims = list(generator.claims())
    assert generator.labels == []
    stays = [c for c in claims if "admitted" in c]
    discharge_day_only = same_day = repeated = packages = 0
    for claim in stays:
        beds = sorted(i["date"] for i in claim["items"] if i["category"] == "bed")
        discharge_day_only += bool(beds) and claim["admitted"] not in beds and claim["discharged"] in beds
        same_day += claim["admitted"] == claim["discharged"]
    for claim in claims:
        keys = Counter((i["code"], i["date"]) for i in claim["items"] if i["category"] != "drug")
        repeated += any(n > 1 for n in keys.values())
        packages += any(i["code"] == "250101015" for i in claim["items"])
    assert min(discharge_day_only, same_day, repeated, packages) > 20
    exactly_at_limit = [r for r in generator.stock if r.closing is not None]
    assert exactly_at_limit and all(Auditor(stock=generator.stock).audit(c).findings == () for c in claims)


def test_the_same_seed_gives_the_same_claims() -> None:
    first, second = ClaimGenerator(n=200, seed=5), ClaimGenerator(n=200, seed=5)
    assert list(first.claims()) == list(second.claims()) and first.labels == second.labels
