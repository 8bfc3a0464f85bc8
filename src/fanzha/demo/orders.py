"""Demo stop-payment (紧急止付) and freeze (冻结) orders on the demo's recent cases, through the order
desk (`fanzha.orders.repository.OrderStore`), each step at the moment it would have happened.

For every demo case received in the last `ORDER_DAYS` days that paid a bank card and has no order yet,
the desk requested a stop-payment on the first card 15–90 minutes after the call; the receiving bank
answered within a few hours — executed with the part of the money still there, or (one in twelve)
refused with a reason — except for the requests of the last hours and the demo bank's newest
`DEMO_BANK_WAITING`, still 待银行执行 (for the bank console to answer; they are the demo bank's newest
cards even when fewer than that were paid in the window, requested in the last hours). A stop-payment
older than a day and a half was turned into a freeze (executed by the bank, which supersedes it), renewed
once, or left to expire (`expire_due` at the end), so the lists hold every state an office sees.
The demo bank (`DEMO_BANK`, the bank the demo's bank key acts for) gets an order for each of its cards;
other banks for two cases in five. The legal basis of each starts with 【演示数据】.

Deterministic for a seed and the moment of loading; loading again adds orders only for cases that have
none (a top-up's new cases).
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, func, select

from fanzha.orders.machine import OrderError
from fanzha.orders.repository import OrderStore
from fanzha.store.case_tables import CasePaymentRow, CaseRow, OrderRow
from fanzha.timezones import from_db

DEMO_BANK = "中国工商银行"  # the bank the demo's bank key acts for (fanzha.demo.bank)
ORDER_DAYS = 10
LOOK_BACK_DAYS = 400  # how far back the demo bank's newest cards are looked for (longer than the demo)
DEMO_BANK_WAITING = 3  # the demo bank's newest orders wait for the bank console to answer them
BASIS = "【演示数据】《中华人民共和国反电信网络诈骗法》第三十二条；《电信网络新型违法犯罪案件冻结资金返还若干规定》"
REFUSALS = ("该账户已于事发前销户", "账户余额为零，无可止付资金", "户名与指令不符，请核对后重新发送")


def _candidates(
    engine: Engine, *, seed: int, since: datetime
) -> list[tuple[int, str, datetime, str, str, int]]:
    """(case id, officer, received, card, bank, fen paid to it) of recent demo cases without orders."""
    query = (
        select(
            CaseRow.id, CaseRow.officer, CaseRow.received_at, CasePaymentRow.to_account, CasePaymentRow.to_bank,
            CasePaymentRow.amount_fen,
        )
        .join(CasePaymentRow, CasePaymentRow.case_id == CaseRow.id)
        .where(
            CaseRow.ref.like(f"DEMO-{seed}-%"), CaseRow.received_at >= since, CasePaymentRow.channel == "bank_transfer",
            CasePaymentRow.to_account != "", CaseRow.id.not_in(select(OrderRow.case_id).where(OrderRow.case_id.is_not(None))),
        )
        .order_by(CaseRow.received_at, CaseRow.id, CasePaymentRow.id)
    )  # fmt: skip
    firsts: dict[int, tuple[int, str, datetime, str, str, int]] = {}
    with engine.connect() as conn:
        for case_id, officer, received, card, bank, fen in conn.execute(query):
            if case_id not in firsts:
                firsts[case_id] = (case_id, officer, from_db(received), card, bank, fen)
    return list(firsts.values())


def _waiting(engine: Engine) -> int:
    """How many of the demo bank's orders wait for it (待银行执行)."""
    query = select(func.count()).where(OrderRow.bank == DEMO_BANK, OrderRow.state == "requested")
    with engine.connect() as conn:
        return int(conn.scalar(query) or 0)


def load_orders_demo(engine: Engine, *, seed: int = 0, now: datetime | None = None) -> int:
    """Orders for the recent demo cases that have none; returns how many were requested."""
    now = (now or datetime.now(UTC)).astimezone(UTC)
    store = OrderStore(engine)
    made = 0
    window = now - timedelta(days=ORDER_DAYS)
    # the demo bank's newest orders wait for its console; a few more candidates are requested lately, as
    # one of the newest may share a card with an earlier case's order and be refused by the desk. While
    # fewer than DEMO_BANK_WAITING wait, they are its newest cards even from before the window (cards are
    # drawn from the BIN table, so a bank may be paid no card for days): its console has orders to answer.
    waiting_now = _waiting(engine)
    look_back = LOOK_BACK_DAYS if waiting_now < DEMO_BANK_WAITING else ORDER_DAYS
    everything = _candidates(engine, seed=seed, since=now - timedelta(days=look_back))
    lately = {c[0] for c in [c for c in everything if c[4] == DEMO_BANK][-2 * DEMO_BANK_WAITING :]}
    candidates = [c for c in everything if c[2] >= window or c[0] in lately]
    made_orders: list[tuple[int, str, str, int, datetime, random.Random]] = []
    for case_id, officer, received, card, bank, fen in candidates:
        rng = random.Random(f"{seed}:order:{case_id}")
        if bank != DEMO_BANK and rng.random() >= 0.4:
            continue
        requested = min(received + timedelta(minutes=rng.randrange(15, 90)), now - timedelta(minutes=1))
        if case_id in lately:  # requested in the last hours, so that it is still waiting (not expired) now
            requested = max(requested, now - timedelta(hours=rng.uniform(1, 6)))
        try:
            order = store.request_stop_payment(
                case_id=case_id, account=card, bank=bank, amount=fen / 100, legal_basis=BASIS,
                officer=officer or "演示民警", now=requested,
            )  # fmt: skip
        except OrderError:  # an account the desk cannot order on (another demo case's, say): skip it
            continue
        made += 1
        made_orders.append((order.id, order.officer, bank, fen, requested, rng))
    waiting = {o[0] for o in [o for o in made_orders if o[2] == DEMO_BANK][-DEMO_BANK_WAITING:]}
    for order_id, officer, bank, fen, requested, rng in made_orders:
        if order_id not in waiting:
            _answer(store, order_id, officer, bank, fen, (requested, now), rng)
    store.expire_due(now=now, actor="演示数据生成器")
    return made


def _answer(
    store: OrderStore,
    order_id: int,
    officer: str,
    bank: str,
    fen: int,
    span: tuple[datetime, datetime],
    rng: random.Random,
) -> None:
    """The bank's answer and what followed, each step at its own moment in `span` (requested, now)."""
    requested, now = span
    answered = requested + timedelta(minutes=rng.randrange(20, 240))
    if answered > now - timedelta(hours=1):
        return  # still with the bank
    actor = f"{bank}（演示）"
    if rng.random() < 1 / 12:
        store.refuse(
            order_id=order_id, reason=rng.choice(REFUSALS), bank_actor=actor, bank=bank, now=answered
        )
        return
    stopped = round(fen * rng.uniform(0.15, 1.0)) / 100
    store.execute(order_id=order_id, amount_stopped=stopped, bank_actor=actor, bank=bank, now=answered)
    follow = answered + timedelta(hours=rng.uniform(20, 40))
    if follow > now:
        return
    choice = rng.random()
    if choice < 0.5:
        freeze = store.freeze(order_id=order_id, legal_basis=BASIS, officer=officer, now=follow)
        done = follow + timedelta(minutes=rng.randrange(30, 300))
        if done < now:
            store.execute(order_id=freeze.id, amount_stopped=stopped, bank_actor=actor, bank=bank, now=done)
    elif choice < 0.8:
        store.renew(order_id=order_id, officer=officer, now=follow)
    # else: left to run out; `expire_due` marks it
