"""A synthetic stream of bank transfers for screening: clearly labelled, deterministic for a seed.

`simulate_transfers(n, seed=…, start=…, days=…, fraud_share=…)` yields `n` transfers in time order, each
in the JSON shape of the screening input (issue 5) plus `"label": "fraud" | "normal"`, `"scenario"` and
`"synthetic": true`:

- normal transfers come from customers with everyday habits (`fanzha.demo.transfer_habits`): shopping,
  bills and rent on fixed days, family and friends, business payments, and rare large or odd payments
  that look suspicious but are not (a grandparent on the phone paying a hospital bill, a house deposit
  to another province, a night-time transfer to a relative);
- fraud transfers come in episodes after the seeds' scams (`fanzha.demo.transfer_scenarios`): safe
  accounts, kidnap ransoms, unfreezing fees, 刷单 tasks, investment top-ups, mule fan-in. Victims are
  customers with a history of normal transfers, and no episode shows every cue.

Times are Beijing time; the default window starts on Monday 2026-11-02, so a seed gives the same stream
whatever the day it runs.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from fanzha.demo.transfer_habits import Everyday
from fanzha.demo.transfer_people import Directory
from fanzha.demo.transfer_record import Transfer, render
from fanzha.demo.transfer_scenarios import Episodes
from fanzha.timezones import BEIJING

DEFAULT_START = datetime(2026, 11, 2, tzinfo=BEIJING)
FRAUD_SCENARIOS = (
    "safe_account",
    "kidnap_ransom",
    "unfreeze_fee",
    "rebate_task",
    "investment_topup",
    "mule_fan_in",
)


def simulate_transfers(
    n: int, *, seed: int = 0, start: datetime | None = None, days: int = 28, fraud_share: float = 0.02
) -> Iterator[dict[str, Any]]:
    """`n` synthetic transfers in time order over `days` days from `start` (Beijing time if naive), about
    `fraud_share` of them fraud. Raises ValueError (with a Chinese message) on impossible arguments."""
    if n < 0:
        raise ValueError("转账笔数不能为负数")
    if days < 1:
        raise ValueError("天数至少为1天")
    if not 0.0 <= fraud_share <= 1.0:
        raise ValueError("诈骗占比必须在0到1之间")
    begin = (
        DEFAULT_START
        if start is None
        else start
        if start.tzinfo is not None
        else start.replace(tzinfo=BEIJING)
    )
    return _stream(n, seed=seed, start=begin, days=days, fraud_share=fraud_share)


def _stream(n: int, *, seed: int, start: datetime, days: int, fraud_share: float) -> Iterator[dict[str, Any]]:
    for number, transfer in enumerate(
        build_transfers(n, seed=seed, start=start, days=days, fraud_share=fraud_share), 1
    ):
        yield render(transfer, number)


def build_transfers(n: int, *, seed: int, start: datetime, days: int, fraud_share: float) -> list[Transfer]:
    """The transfers of `simulate_transfers`, before they are numbered and written out."""
    rng = random.Random(seed)
    directory = Directory(rng, opened_before=start.date())
    n_fraud = round(n * fraud_share)
    n_normal = n - n_fraud
    everyday = Everyday(rng, directory, start, days)
    normal: list[Transfer] = []
    while len(normal) < n_normal:
        normal.extend(everyday.transfers(directory.customer()))
    if len(normal) > n_normal:  # the last customers' habits overshoot: drop a random few, evenly
        keep = sorted(rng.sample(range(len(normal)), n_normal))
        normal = [normal[i] for i in keep]
    episodes = Episodes(rng, directory, start, days)
    fraud: list[Transfer] = []
    while len(fraud) < n_fraud:
        fraud.extend(episodes.episode())
    del fraud[n_fraud:]
    transfers = normal + fraud
    transfers.sort(key=lambda t: t.at)
    return transfers
