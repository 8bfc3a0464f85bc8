"""Synthetic residents for `fanzha serve --demo`: a few hundred registered residents across the six demo
communities (城关区: 幸福里社区, 东风社区, 南湖村; 开发区: 新城社区, 工业园社区, 柳树村), with family and protected
cards, their calls, SMS and payments, a few scam numbers and accounts flagged — so that warning tasks exist
in every state: open (some with a payment in progress), 劝阻成功, 已受骗 (with its desk case), 无法联系, 误报.

The scammers are flagged one a day over the last days, so the tasks and the per-day counts span several
days. Everything is labelled: the address and the consent text carry 【演示数据】, the rows (residents and
tasks) are `synthetic`, and the task queues show 【演示数据】 on each task.
Idempotent: nothing is loaded when demo residents are already there. Deterministic for a seed.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session

from fanzha.cases.repository import CaseStore
from fanzha.demo.communities import ACTOR, LABEL, PLACES, SURNAMES
from fanzha.store.warn_tables import ResidentRow, WarningTaskRow
from fanzha.warn import AccountIn, EventIn, FamilyIn, ResidentIn, WarnService

PER_COMMUNITY = 50
OLD = ("秀英", "桂兰", "建国", "德明", "玉兰", "国强", "淑珍", "永福")
YOUNG = ("伟", "静", "磊", "丽", "军", "敏", "涛", "燕")
RELATIONS = ("儿子", "女儿", "儿媳", "孙子", "老伴")
# (kind, value, fraud type): the scammers' numbers and accounts the demo flags
SCAMMERS = (
    ("phone", "17012340001", "impersonate_authority"),
    ("phone", "16512340002", "impersonate_service"),
    ("phone", "+85261234567", "investment"),
    ("phone", "14012345678", "prize"),  # an unassigned segment: kept and flagged 号段未分配
    ("bank_card", "6217000010001234567", "impersonate_authority"),
    ("bank_card", "6228480012345678901", "rebate_task"),
)
FLAG_EVERY_DAYS = 1  # the scammers are flagged one a day, the newest today
OUTCOMES = ("open", "open", "prevented", "prevented", "deceived", "unreachable", "false_alarm", "open")


def _name(rng: random.Random, age: int) -> str:
    return rng.choice(SURNAMES) + rng.choice(OLD if age >= 55 else YOUNG)


def _residents(rng: random.Random, now: datetime) -> list[ResidentIn]:
    out = []
    for c, (community, township, district, station) in enumerate(PLACES):
        for i in range(PER_COMMUNITY):
            n = c * PER_COMMUNITY + i
            age = rng.choice((rng.randint(60, 88), rng.randint(60, 88), rng.randint(25, 59)))
            family = [
                FamilyIn(_name(rng, 40), f"139{n:04d}{rng.randint(1000, 9999)}", rng.choice(RELATIONS),
                         rng.randint(25, 55), notify=rng.random() < 0.8)
                for _ in range(rng.choice((0, 1, 1, 2)))
            ]  # fmt: skip
            accounts = [AccountIn(f"6222 02{n:04d} {rng.randint(1000, 9999)} {rng.randint(100, 999)}", "bank_card")] if rng.random() < 0.3 else []  # fmt: skip
            out.append(
                ResidentIn(
                    name=_name(rng, age), phone=f"138 {n:04d} {rng.randint(1000, 9999)}", community=community, age=age,
                    township=township, district=district, police_station=station,
                    address=f"{LABEL}{community}{rng.randint(1, 30)}栋{rng.randint(1, 6)}单元", accounts=accounts,
                    family=family, registered_via=rng.choice(("self", "worker", "worker", "officer")),
                    consent_text=f"{LABEL}本人同意将手机号码及家属联系方式用于反诈预警。",
                    consent_at=now - timedelta(days=rng.randint(5, 80)), synthetic=True,
                )
            )  # fmt: skip
    return out


def load_residents_demo(engine: Engine, *, seed: int = 0) -> int:
    """Load the demo residents, events and tasks; the number of residents loaded (0 when already there)."""
    with Session(engine) as session:
        if session.scalar(
            select(func.count()).select_from(ResidentRow).where(ResidentRow.synthetic.is_(True))
        ):
            return 0
    rng = random.Random(seed)
    now = datetime.now(UTC).replace(microsecond=0)
    warn = WarnService(engine)
    stored = [warn.residents.register(r, actor=ACTOR, now=r.consent_at) for r in _residents(rng, now)]
    # each scammer flagged on another of the last days, its contacts in the three days before: the
    # queue's per-day table has several days, and every task collides after its contacts
    flagged_at = {value: now - timedelta(days=i * FLAG_EVERY_DAYS, hours=rng.randint(0, 6))
                  for i, (_, value, _) in enumerate(SCAMMERS)}  # fmt: skip
    events = []
    for resident in stored:
        for _ in range(rng.randint(1, 4)):  # ordinary contacts: nobody flags them
            events.append(EventIn(kind=rng.choice(("call", "sms")), resident=resident.phone.value, other_kind="phone",
                                  other=f"131{rng.randint(10_000_000, 99_999_999)}",
                                  at=now - timedelta(hours=rng.randint(1, 240)), source=ACTOR))  # fmt: skip
        if rng.random() < 0.3:
            kind, value, _ = rng.choice(SCAMMERS)
            at = flagged_at[value] - timedelta(hours=rng.randint(1, 72))
            if kind == "phone":
                events.append(EventIn(kind=rng.choice(("call", "call", "sms")), resident=resident.phone.value,
                                      other_kind="phone", other=value, at=at, source=ACTOR))  # fmt: skip
            else:
                payer = resident.accounts[0].value if resident.accounts else resident.phone.value
                events.append(EventIn(kind="payment", resident=payer, other_kind="bank_card", other=value,
                                      at=at, amount=float(rng.choice((800, 5_000, 20_000, 86_000))),
                                      in_progress=rng.random() < 0.3, source=ACTOR))  # fmt: skip
    warn.store_events(events)
    for kind, value, fraud_type in SCAMMERS:
        warn.flag(kind=kind, value=value, level="confirmed", source=rng.choice(("intel", "case_group", "held_transfer")),
                  fraud_type=fraud_type, reason=f"{LABEL}演示用涉诈标识", now=flagged_at[value])  # fmt: skip
    with Session(engine) as session:
        demo_ids = select(ResidentRow.id).where(ResidentRow.synthetic.is_(True))
        session.execute(
            update(WarningTaskRow).where(WarningTaskRow.resident_id.in_(demo_ids)).values(synthetic=True)
        )
        session.commit()
    _outcomes(warn, rng, now)
    return len(stored)


def _outcomes(warn: WarnService, rng: random.Random, now: datetime) -> None:
    tasks, _ = warn.tasks.queue(state="open", limit=1_000)
    cases = CaseStore(warn.engine)
    for index, task in enumerate(tasks):
        outcome = OUTCOMES[index % len(OUTCOMES)]
        if outcome == "open":
            continue
        at = max(task.collided_at + timedelta(minutes=rng.randint(10, 60 * 30)), task.collided_at)
        warn.tasks.record_outcome(
            task.id, outcome=outcome, method=rng.choice(("call", "call", "sms", "visit")), by=ACTOR,
            at=min(at, now), note=f"{LABEL}演示处置记录", cases=cases if outcome == "deceived" else None,
        )  # fmt: skip
