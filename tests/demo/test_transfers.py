from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import datetime, timedelta
from typing import Any

import pytest
from typer.testing import CliRunner

from fanzha.cli.demo import demo_app
from fanzha.demo.transfers import DEFAULT_START, FRAUD_SCENARIOS, simulate_transfers
from fanzha.extract.bank_card import issuer, luhn_valid

CHANNELS = {"counter", "atm", "mobile", "online", "pos"}


@pytest.fixture(scope="module")
def stream() -> list[dict[str, Any]]:
    return list(simulate_transfers(20_000, seed=7, fraud_share=0.03))


def test_every_transfer_has_the_screening_shape_and_is_labelled_synthetic(
    stream: list[dict[str, Any]],
) -> None:
    assert len(stream) == 20_000
    assert [t["id"] for t in stream[:3]] == ["t-1", "t-2", "t-3"]
    for t in stream:
        assert t["synthetic"] is True and t["label"] in ("fraud", "normal") and t["scenario"]
        assert t["currency"] == "CNY" and t["channel"] in CHANNELS
        assert isinstance(t["amount"], float) and t["amount"] > 0 and round(t["amount"], 2) == t["amount"]
        assert {"account", "name", "age", "district", "customer_since"} <= set(t["payer"])
        assert {"account", "bank"} <= set(t["payee"])
        assert datetime.fromisoformat(t["time"]).utcoffset() == timedelta(hours=8)
        assert t["payer"]["customer_since"] < t["time"][:10]
        for contact in t.get("payer_contacts", []):
            assert contact["kind"] in ("phone", "sms") and contact["at"] <= t["time"]


def test_payer_cards_pass_the_luhn_check_and_name_their_bank(stream: list[dict[str, Any]]) -> None:
    payers = {t["payer"]["account"] for t in stream}
    assert all(luhn_valid(a) and issuer(a) is not None for a in payers)


def test_transfers_come_in_time_order_inside_the_window(stream: list[dict[str, Any]]) -> None:
    times = [datetime.fromisoformat(t["time"]) for t in stream]
    assert times == sorted(times)
    assert times[0] >= DEFAULT_START and times[-1] < DEFAULT_START + timedelta(days=28)


def test_the_same_seed_gives_the_same_stream_and_another_seed_another() -> None:
    a = list(simulate_transfers(800, seed=3))
    assert a == list(simulate_transfers(800, seed=3))
    assert a != list(simulate_transfers(800, seed=4))


@pytest.mark.parametrize(("n", "share"), [(20_000, 0.03), (1000, 0.0), (1000, 0.5), (10, 0.02)])
def test_the_share_of_fraud_is_the_one_asked_for(n: int, share: float) -> None:
    labels = Counter(t["label"] for t in simulate_transfers(n, seed=1, fraud_share=share))
    assert sum(labels.values()) == n and labels["fraud"] == round(n * share)


def test_every_fraud_scenario_and_the_everyday_habits_appear(stream: list[dict[str, Any]]) -> None:
    scenarios = Counter((t["label"], t["scenario"]) for t in stream)
    assert {s for label, s in scenarios if label == "fraud"} == set(FRAUD_SCENARIOS)
    everyday = {s for label, s in scenarios if label == "normal"}
    assert {"shopping", "utility", "rent", "family", "business", "hospital_bill"} <= everyday


def test_a_mule_account_receives_from_many_victims_within_a_day(stream: list[dict[str, Any]]) -> None:
    payers: defaultdict[str, set[str]] = defaultdict(set)
    first: dict[str, datetime] = {}
    last: dict[str, datetime] = {}
    for t in stream:
        if t["scenario"] == "mule_fan_in":
            account, at = t["payee"]["account"], datetime.fromisoformat(t["time"])
            payers[account].add(t["payer"]["account"])
            first.setdefault(account, at)
            last[account] = at
    fan_in = [a for a, who in payers.items() if len(who) >= 5 and last[a] - first[a] <= timedelta(hours=24)]
    assert fan_in


def test_fees_and_tasks_rise_while_fraud_is_not_trivially_separable(stream: list[dict[str, Any]]) -> None:
    episodes: defaultdict[tuple[str, str], list[float]] = defaultdict(list)
    for t in stream:
        if t["scenario"] in ("unfreeze_fee", "rebate_task"):
            episodes[(t["payer"]["account"], t["scenario"])].append(t["amount"])
    rising = [a for a in episodes.values() if len(a) >= 3 and a == sorted(a)]
    assert len(rising) >= len(episodes) // 2
    fraud = [t for t in stream if t["label"] == "fraud"]
    normal = [t for t in stream if t["label"] == "normal"]
    assert any(t.get("payer_on_call") is False for t in fraud)  # not every fraud is on a call
    assert any(t.get("payer_on_call") for t in normal)  # and some normal payers are
    assert any(t["scenario"] == "hospital_bill" and t["payer"]["age"] >= 60 for t in normal)
    assert any(int(t["time"][11:13]) < 5 for t in normal)  # night-time transfers are not all fraud
    assert any("purpose" not in t for t in fraud) and any("purpose" not in t for t in normal)


def test_fraud_victims_also_make_normal_transfers(stream: list[dict[str, Any]]) -> None:
    victims = {t["payer"]["account"] for t in stream if t["scenario"] == "safe_account"}
    normal_payers = {t["payer"]["account"] for t in stream if t["label"] == "normal"}
    assert victims & normal_payers


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"n": -1}, "负数"), ({"n": 5, "days": 0}, "天数"), ({"n": 5, "fraud_share": 1.5}, "占比")],
)
def test_impossible_arguments_are_refused_in_chinese(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        simulate_transfers(**kwargs)


def test_the_cli_writes_one_labelled_json_line_per_transfer() -> None:
    result = CliRunner().invoke(demo_app, ["transfers", "--n", "300", "--seed", "2"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines == list(simulate_transfers(300, seed=2))
    assert all(line["synthetic"] is True for line in lines)


def test_the_cli_refuses_a_bad_start_date_with_exit_code_2() -> None:
    result = CliRunner().invoke(demo_app, ["transfers", "--start", "明天"])
    assert result.exit_code == 2 and "起始日期" in result.output
