"""The risk rule at its edges."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fanzha.intel.risk import HALF_LIFE_DAYS, Evidence, risk_level

NOW = datetime(2026, 11, 22, tzinfo=UTC)


def report(days_ago: float = 0, reporter: str | None = "r1", source: str = "citizen") -> Evidence:
    return Evidence("report", NOW - timedelta(days=days_ago), source=source, reporter=reporter)


def level(*evidence: Evidence, official: bool = False) -> str:
    return risk_level(official=official, evidence=evidence, now=NOW).level


def test_no_evidence_is_unknown() -> None:
    assert level() == "unknown"


def test_official_identifiers_stay_official_whatever_is_reported() -> None:
    assert (
        level(report(reporter="a"), report(reporter="b"), report(reporter="c"), official=True) == "official"
    )


def test_one_reporter_reporting_ten_times_counts_once() -> None:
    assert level(*[report(reporter="same") for _ in range(10)]) == "unknown"


def test_two_independent_fresh_reports_make_it_suspicious() -> None:
    assert level(report(reporter="a"), report(reporter="b")) == "suspicious"


def test_old_reports_decay_below_the_threshold() -> None:
    assert level(report(HALF_LIFE_DAYS, "a"), report(HALF_LIFE_DAYS, "b")) == "unknown"


def test_a_bank_interception_weighs_as_two_reports() -> None:
    assert level(report(source="bank")) == "suspicious"


def test_not_a_scam_feedback_pulls_the_score_down() -> None:
    feedback = Evidence("feedback", NOW, reporter="x")
    assert level(report(reporter="a"), report(reporter="b"), feedback) == "unknown"


def test_police_case_report_confirms() -> None:
    assert level(report(source="police")) == "confirmed"


def test_the_latest_officer_decision_wins() -> None:
    confirmed = Evidence("decision", NOW - timedelta(days=2), decision="confirmed")
    cleared = Evidence("decision", NOW - timedelta(days=1), decision="cleared")
    assert level(report(reporter="a"), report(reporter="b"), confirmed, cleared) == "cleared"
    assert level(cleared, confirmed) == "cleared"  # order of the arguments does not matter, time does


def test_anonymous_reports_together_count_as_one_reporter() -> None:
    assert level(*[report(reporter=None) for _ in range(5)]) == "unknown"
    assert level(report(reporter=None), report(reporter="b")) == "suspicious"
