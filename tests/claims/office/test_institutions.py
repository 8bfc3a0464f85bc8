from __future__ import annotations

import pytest
from sqlalchemy import Engine

from fanzha.claims.office.institutions import (
    flagged_claims,
    get_institution,
    list_institutions,
    match_institution,
    monthly_trend,
)
from fanzha.claims.office.model import NotFound
from fanzha.claims.office.tips import submit_tip


def test_institutions_are_listed_with_findings_and_reports_side_by_side(stored: Engine) -> None:
    submit_tip(stored, what="出院那天还收了床位费", place="城关镇卫生院")
    listed = list_institutions(stored)
    assert [i.id for i in listed] == ["h-1", "h-2"]  # most money at stake first
    h1 = listed[0]
    assert (h1.claims, h1.flagged_claims, h1.findings, h1.at_stake_fen) == (3, 2, 3, 14_250)
    assert [r.rule for r in h1.by_rule] == [
        "duplicate_charge",
        "bed_days_beyond_stay",
        "price_above_standard",
    ]
    assert (h1.tips, h1.open_tips) == (1, 1)
    assert listed[1].findings == 0 and listed[1].tips == 0


def test_an_unknown_institution_is_not_found(stored: Engine) -> None:
    with pytest.raises(NotFound, match="h-9"):
        get_institution(stored, institution_id="h-9")


def test_the_trend_has_every_month_from_the_first_finding_to_the_last(stored: Engine) -> None:
    assert monthly_trend(stored, institution_id="h-1") == [("2026-03", 2, 13_000), ("2026-04", 1, 1_250)]
    assert monthly_trend(stored, institution_id="h-2") == []


def test_the_claims_to_correct_come_with_their_findings(stored: Engine) -> None:
    claims, total = flagged_claims(stored, institution_id="h-1")
    assert total == 2
    assert [c.claim_id for c in claims] == ["c-1", "c-2"]
    assert [f.item_refs for f in claims[0].findings] == [("3",), ("1", "5")]
    assert "入院日和出院日" in claims[0].findings[1].explanation


@pytest.mark.parametrize(
    ("place", "expected"),
    [
        ("h-1", "h-1"),
        ("城关镇卫生院", "h-1"),
        ("城关镇卫生院住院部二楼", "h-1"),  # the place holds the name
        ("河西社区卫生服务", "h-2"),  # the name holds the place
        ("城关", None),  # too short to name one
        ("某某大药房", None),
        ("   ", None),
    ],
)
def test_a_typed_place_is_matched_to_a_known_institution(
    stored: Engine, place: str, expected: str | None
) -> None:
    assert match_institution(stored, place=place) == expected


def test_opening_an_institutions_claims_is_audited(stored: Engine) -> None:
    from sqlalchemy.orm import Session

    from fanzha.audit.log import history
    from fanzha.claims.office.institutions import log_view

    log_view(stored, institution_id="h-1", viewer="城关区医保局")
    with Session(stored) as session:
        entries = history(session, "institution:h-1")
    assert [(e.action, e.actor) for e in entries] == [("claims.institution.view", "城关区医保局")]
