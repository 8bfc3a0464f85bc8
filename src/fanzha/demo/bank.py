"""The demo bank's side: the week's transfers screened, the held ones checked at the counter, counter
alarms to the desk — through the same services a bank's systems and tellers use, so the bank console
(`/bank`) and the officer's alarms page have something on them.

- Transfers: `TRANSFERS_PER_DAY` synthetic transfers a day (`fanzha.demo.transfers`, about
  `FRAUD_SHARE` of them fraud) for the `SCREEN_DAYS` days up to now, screened for `DEMO_BANK` by the
  live rules (`fanzha.screen.service`); ids start with `DEMO<seed>-`, each transfer carries
  `"synthetic": true`, and a decision is dated at its transfer.
- Checks: the held transfers older than `PENDING_HOURS`, but the newest `MIN_PENDING`, were checked at
  the counter (三问二看一核对):
  a fraud one dissuaded (the case it opens at the desk is marked synthetic, its note says 【演示数据】),
  an ordinary one released after the customer signed the 告知书; the newer ones wait in the list.
- Alarms: one counter alarm (`fanzha.counter.alerts`) every `ALARM_EVERY` of the window, the older
  ones acknowledged and closed by the desk, the newest open.

Loading again screens only the time since the newest demo transfer (at least `GAP`), so nothing is
loaded twice and a restart on a later day fills the days between.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, func, select, update

from fanzha.cases.repository import CaseStore
from fanzha.counter.alert_model import AlertIn
from fanzha.counter.alerts import AlertStore
from fanzha.counter.check_model import CheckIn, CounterError
from fanzha.counter.checks import CounterDesk
from fanzha.demo.orders import DEMO_BANK
from fanzha.demo.transfers import simulate_transfers
from fanzha.intel.repository import IntelStore
from fanzha.screen.service import build_service
from fanzha.store.case_tables import CaseRow
from fanzha.store.screen_tables import ScreenDecisionRow
from fanzha.timezones import BEIJING, from_db

TRANSFERS_PER_DAY = 120
FRAUD_SHARE = 0.08
SCREEN_DAYS = 7
GAP = timedelta(hours=1)
PENDING_HOURS = 30
MIN_PENDING = 6
ALARM_EVERY = timedelta(hours=36)
STAFF = "【演示数据】营业部柜员"
BRANCHES = ("江州分行营业部", "城关支行", "东城支行", "西城支行")
FRAUD_ANSWERS = {
    "ask_business": "说是还款，说不清对方是谁", "ask_payee": "对方自称公检法或银行工作人员", "ask_known": "不认识",
    "look_manner": "否", "look_phone": "是", "check_account": "一致但在外地", "check_safe_account": "是",
    "check_callback": "核实后发现是骗局",
}  # fmt: skip
PLAIN_ANSWERS = {
    "ask_business": "给家人转生活费", "ask_payee": "家人亲属", "ask_known": "认识并见过面", "look_manner": "是",
    "look_phone": "否", "check_account": "一致且在本地", "check_safe_account": "否", "check_callback": "已核实属实",
}  # fmt: skip
ALARMS = (
    ("remote_withdrawal", "老年客户边接电话边要求取现5万元，称“给公安局交保证金”", "约70岁女性，神色慌张"),
    ("forged_document", "持一张存单要求支取，存单号与本行系统不符", "中年男子，称替亲戚办理"),
    ("known_suspect", "客户身份证与公安通报的在控人员一致，正在办理开卡", "青年男子，同行两人在门外等候"),
)
CLOSINGS = ("dissuaded", "tracked", "false_alarm", "arrested")


def _newest(engine: Engine, seed: int) -> datetime | None:
    with engine.connect() as conn:
        last = conn.scalar(
            select(func.max(ScreenDecisionRow.transfer_at)).where(
                ScreenDecisionRow.bank == DEMO_BANK, ScreenDecisionRow.transfer_id.like(f"DEMO{seed}-%")
            )
        )
    return from_db(last) if last is not None else None


def _transfers(seed: int, begin: datetime, now: datetime) -> list[dict[str, Any]]:
    days = max(1, -(-int((now - begin).total_seconds()) // 86_400))
    stream = simulate_transfers(
        TRANSFERS_PER_DAY * days, seed=seed * 1_000_003 + int(begin.timestamp()) // 60,
        start=begin.astimezone(BEIJING), days=days, fraud_share=FRAUD_SHARE,
    )  # fmt: skip
    prefix = f"DEMO{seed}-{begin.astimezone(BEIJING):%Y%m%d%H%M}-"
    kept = [t for t in stream if begin < datetime.fromisoformat(t["time"]) <= now]
    for number, transfer in enumerate(kept, 1):
        transfer["id"] = f"{prefix}{number:05d}"
    return kept


def load_bank_demo(
    engine: Engine, *, seed: int = 0, now: datetime | None = None, since: datetime | None = None
) -> dict[str, int]:
    """Screen, check and alarm for the time since the last load (`since`, else the newest demo transfer,
    else the last `SCREEN_DAYS` days); returns the counts of what was added."""
    now = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    newest = _newest(engine, seed)
    begin = max(newest, since) if newest and since else newest or now - timedelta(days=SCREEN_DAYS)
    if now - begin < GAP:
        return {"transfers": 0, "held": 0, "checks": 0, "alarms": 0}
    raws = _transfers(seed, begin, now)
    service = build_service(engine=engine, intel=IntelStore(engine))
    held: list[dict[str, Any]] = []
    for i in range(0, len(raws), 500):
        batch = raws[i : i + 500]
        for raw, result in zip(batch, service.screen(bank=DEMO_BANK, raws=batch), strict=True):
            if result.get("outcome") in ("hold", "block"):
                held.append(raw)
    ids = [r["id"] for r in raws]
    with engine.begin() as conn:  # a decision is dated at its transfer, not at the moment of loading
        for i in range(0, len(ids), 500):
            conn.execute(
                update(ScreenDecisionRow)
                .where(
                    ScreenDecisionRow.bank == DEMO_BANK, ScreenDecisionRow.transfer_id.in_(ids[i : i + 500])
                )
                .values(decided_at=ScreenDecisionRow.transfer_at)
            )
    checks = _check_held(engine, held, now=now)
    alarms = _alarms(engine, seed, begin, now)
    return {"transfers": len(raws), "held": len(held), "checks": checks, "alarms": alarms}


def _check_held(engine: Engine, held: list[dict[str, Any]], *, now: datetime) -> int:
    """The counter's checks of the held transfers older than `PENDING_HOURS`."""
    intel = IntelStore(engine)
    desk = CounterDesk(engine, cases=CaseStore(engine, intel=intel), intel=intel)
    opened: list[int] = []
    done = 0
    for raw in held[: max(0, len(held) - MIN_PENDING)]:  # in time order: the newest wait
        at = datetime.fromisoformat(raw["time"])
        if at > now - timedelta(hours=PENDING_HOURS):
            continue
        fraud = raw.get("label") == "fraud"
        check = CheckIn(
            transfer_id=raw["id"], checklist="counter", answers=FRAUD_ANSWERS if fraud else PLAIN_ANSWERS,
            outcome="dissuaded" if fraud else "insisted", notice_signed=True,
            signed_by=str(raw.get("payer", {}).get("name") or "客户"),
            fraud_type="impersonate_authority" if raw.get("scenario") == "safe_account" else "",
            note="【演示数据】柜员当面核查" + ("，客户放弃转账" if fraud else "，客户确认是家人，坚持转账"),
        )  # fmt: skip
        try:
            made = desk.record(check, bank=DEMO_BANK, staff=STAFF, now=at + timedelta(minutes=12))
        except CounterError:
            continue
        done += 1
        if made.case_id is not None:
            opened.append(made.case_id)
    if opened:
        with engine.begin() as conn:
            conn.execute(update(CaseRow).where(CaseRow.id.in_(opened)).values(synthetic=True))
    return done


def _alarms(engine: Engine, seed: int, begin: datetime, now: datetime) -> int:
    store = AlertStore(engine)
    rng = random.Random(f"{seed}:alarms:{begin.isoformat()}")
    at, made = begin + ALARM_EVERY / 2, 0
    while at <= now:
        kind, presented, customer = ALARMS[made % len(ALARMS)]
        alert = store.raise_alert(
            AlertIn(
                kind=kind, branch=rng.choice(BRANCHES), counter=f"{rng.randrange(1, 9)}号窗口", occurred_at=at,
                presented=presented, customer=customer, note="【演示数据】", teller=STAFF,
            ),
            bank=DEMO_BANK, actor=f"{DEMO_BANK}（演示）", now=at + timedelta(minutes=1),
        )  # fmt: skip
        made += 1
        if now - at > timedelta(hours=6):
            store.acknowledge(alert.id, officer="JZ1001", now=at + timedelta(minutes=rng.randrange(3, 15)))
            store.close(
                alert.id, outcome=rng.choice(CLOSINGS), note="【演示数据】民警到场处置", officer="JZ1001",
                now=at + timedelta(minutes=rng.randrange(40, 120)),
            )  # fmt: skip
        at += ALARM_EVERY
    return made
