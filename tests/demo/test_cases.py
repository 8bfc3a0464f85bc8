from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from datetime import UTC, date, datetime, timedelta

import pytest

from fanzha.cases.model import CHANNELS, PAYMENT_CHANNELS, CaseIn
from fanzha.demo import generate_cases
from fanzha.demo.gangs import gang_sizes
from fanzha.demo.narratives import yuan_text
from fanzha.extract import extract
from fanzha.extract.bank_card import issuer, luhn_valid
from fanzha.extract.id_card import id_checksum_valid
from fanzha.taxonomy import load_taxonomy

START = date(2026, 8, 24)  # a Monday; 13 weeks to Sunday 2026-11-22
DAYS = 91


@pytest.fixture(scope="module")
def cases() -> list[CaseIn]:
    return generate_cases(3000, seed=11, start=START, days=DAYS)


def _groups(cases: list[CaseIn]) -> list[int]:
    """Sizes of the groups of cases connected by a shared identifier (what linking finds)."""
    parent = list(range(len(cases)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first: dict[tuple[str, str], int] = {}
    for i, case in enumerate(cases):
        for ident in case.identifiers:
            key = (ident.kind, ident.value)
            if key in first:
                parent[find(i)] = find(first[key])
            else:
                first[key] = i
    return list(Counter(find(i) for i in range(len(cases))).values())


def test_the_same_seed_gives_the_same_cases_and_another_seed_others() -> None:
    a = generate_cases(150, seed=3, start=START, days=28)
    assert a == generate_cases(150, seed=3, start=START, days=28)
    assert a != generate_cases(150, seed=4, start=START, days=28)


def test_every_case_is_labelled_synthetic(cases: list[CaseIn]) -> None:
    assert all(c.synthetic for c in cases)
    assert all(c.narrative.startswith("【演示数据】") for c in cases)
    assert all(c.ref.startswith("DEMO-11-") for c in cases) and len({c.ref for c in cases}) == len(cases)


def test_cases_fall_in_the_window_and_use_the_code_tables(cases: list[CaseIn]) -> None:
    first = datetime(2026, 8, 23, 16, tzinfo=UTC)  # 2026-08-24 00:00 Beijing time
    assert all(first <= c.received_at < first + timedelta(days=DAYS) for c in cases)
    assert all(c.occurred_at is not None and c.occurred_at <= c.received_at for c in cases)
    assert {c.fraud_type for c in cases} == set(load_taxonomy().codes)
    assert {c.contact_channel for c in cases} <= set(CHANNELS)
    assert {p.channel for c in cases for p in c.payments} <= set(PAYMENT_CHANNELS)


def test_receiving_cards_pass_the_luhn_check_and_name_their_bank(cases: list[CaseIn]) -> None:
    cards = [p for c in cases for p in c.payments if p.channel == "bank_transfer"]
    assert len(cards) > 1000
    for payment in cards:
        assert luhn_valid(payment.to_account) and 16 <= len(payment.to_account) <= 19
        found = issuer(payment.to_account)
        assert found is not None and found[0] == payment.to_bank
        assert luhn_valid(payment.from_account)


def test_payments_add_up_to_the_loss_and_dissuaded_cases_lost_nothing(cases: list[CaseIn]) -> None:
    for case in cases:
        assert 1 <= len(case.payments) <= 4 or case.dissuaded
        if case.dissuaded:
            assert case.payments == [] and case.total_loss() == 0
        else:
            assert case.total_loss() == pytest.approx(sum(p.amount for p in case.payments))
            times = [p.paid_at for p in case.payments]
            assert times == sorted(times) and all(t is not None and t <= case.received_at for t in times)
    assert 0.05 < sum(c.dissuaded for c in cases) / len(cases) < 0.25


def test_losses_have_a_heavy_tail(cases: list[CaseIn]) -> None:
    losses = [c.total_loss() for c in cases if not c.dissuaded]
    median = statistics.median(losses)
    assert 2_000 < median < 30_000
    assert max(losses) > 30 * median
    assert statistics.mean(losses) > 2 * median


def test_victims_age_by_fraud_type(cases: list[CaseIn]) -> None:
    ages = defaultdict(list)
    for case in cases:
        if case.victim.age is not None:
            ages[case.fraud_type].append(case.victim.age)
    median = {code: statistics.median(values) for code, values in ages.items()}
    assert median["impersonate_authority"] >= 55 and median["other_fraud"] >= 62  # the elderly
    assert median["rebate_task"] < 35 and median["game_trade"] < 20  # young adults, minors
    assert any(case.victim.age is None for case in cases)  # 未知 exists too


def test_identifiers_are_reused_by_gangs_in_groups_of_two_to_fifty() -> None:
    cases = generate_cases(6000, seed=2, start=START, days=DAYS)
    sizes = _groups(cases)
    linked = [s for s in sizes if s >= 2]
    assert len(linked) > 50 and max(linked) <= 50 and max(linked) >= 20
    uses = Counter((i.kind, i.value) for c in cases for i in c.identifiers)
    assert sum(1 for n in uses.values() if n >= 10) >= 3  # hubs: a card or number behind many cases


def test_gang_sizes_add_up_and_stay_in_bounds() -> None:
    import random

    for total in (2, 3, 51, 52, 1000):
        sizes = gang_sizes(random.Random(total), total)
        assert sum(sizes) == total and all(2 <= s <= 50 for s in sizes)


def test_narratives_name_every_identifier_and_the_extractor_finds_them(cases: list[CaseIn]) -> None:
    for case in cases[:400]:
        found = {(i.kind, i.value) for i in extract(case.narrative)}
        for ident in case.identifiers:
            assert ident.raw in case.narrative
            if ident.kind != "app":  # app names are not an extractor kind
                assert (ident.kind, ident.value) in found, (ident, case.narrative)
        for payment in case.payments:
            assert yuan_text(payment.amount) in case.narrative


def test_id_numbers_in_narratives_are_valid_so_redaction_can_find_them(cases: list[CaseIn]) -> None:
    with_id = [c for c in cases if "身份证号码" in c.narrative]
    assert with_id
    for case in with_id:
        number = case.narrative.split("身份证号码", 1)[1][:18]
        assert id_checksum_valid(number)


def test_the_rising_types_rise_in_the_last_week(cases: list[CaseIn]) -> None:
    last_week = datetime(2026, 11, 15, 16, tzinfo=UTC)  # Monday 2026-11-16, Beijing time
    early = [c for c in cases if c.received_at < last_week - timedelta(weeks=3)]
    late = [c for c in cases if c.received_at >= last_week]

    def share(group: list[CaseIn]) -> float:
        return sum(c.fraud_type == "impersonate_service" for c in group) / len(group)

    assert share(late) > 1.6 * share(early)


@pytest.mark.parametrize(("n", "days"), [(-1, 7), (10, 0)])
def test_bad_sizes_are_refused(n: int, days: int) -> None:
    with pytest.raises(ValueError):
        generate_cases(n, seed=0, start=START, days=days)


def test_amounts_are_written_as_the_desk_writes_them() -> None:
    assert [yuan_text(a) for a in (50_000, 23_500, 12_850, 3_800, 99.5)] == [
        "5万元",
        "2.35万元",
        "12850元",
        "3800元",
        "99.5元",
    ]
