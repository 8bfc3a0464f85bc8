"""Demo 断卡 records: the 惩戒 list and the demo bank's opening checks, through `fanzha.cardban`.

The desk lists the receiving cards of the demo's largest 串并 groups (evidence: the group's first case),
the demo bank lists a few accounts of its own review, and the demo bank's tellers checked people opening
accounts — some of them holders on the list, so the checks show every verdict. Holders are invented
(names and ID numbers with a correct check digit); every note says 【演示数据】. Loaded once: nothing is
added when the list already holds demo entries.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import Engine, func, select

from fanzha.cardban.checks import OpeningChecks
from fanzha.cardban.model import CardbanError, CheckIn, EntryIn
from fanzha.cardban.register import CardbanStore
from fanzha.demo.identities import Identities
from fanzha.demo.orders import DEMO_BANK
from fanzha.store.cardban_tables import CardbanEntryRow
from fanzha.store.case_tables import CasePaymentRow, CaseRow

NOTE = "【演示数据】"
DESK_ENTRIES = 8
BANK_ENTRIES = 3
CHECKS = 8


def _group_cards(engine: Engine, *, seed: int, limit: int) -> list[tuple[str, int, str]]:
    """(card, first case id, bank) of cards that took money from several demo cases, most cases first."""
    cases = func.count(func.distinct(CasePaymentRow.case_id))
    query = (
        select(CasePaymentRow.to_account, func.min(CasePaymentRow.case_id), func.min(CasePaymentRow.to_bank))
        .join(CaseRow, CaseRow.id == CasePaymentRow.case_id)
        .where(CaseRow.ref.like(f"DEMO-{seed}-%"), CasePaymentRow.channel == "bank_transfer")
        .group_by(CasePaymentRow.to_account)
        .having(cases >= 2)
        .order_by(cases.desc(), CasePaymentRow.to_account)
        .limit(limit)
    )
    with engine.connect() as conn:
        return [(str(a), int(c), str(b)) for a, c, b in conn.execute(query)]


def load_cardban_demo(engine: Engine, *, seed: int = 0, now: datetime | None = None) -> int:
    """List entries and opening checks, once; returns how many entries were added."""
    with engine.connect() as conn:
        if conn.scalar(select(func.count()).where(CardbanEntryRow.note.like(f"{NOTE}%"))):
            return 0
    now = (now or datetime.now(UTC)).astimezone(UTC)
    rng = random.Random(f"{seed}:cardban")
    ids = Identities(rng)
    store, holders, made = CardbanStore(engine), [], 0
    for number, (card, case_id, bank) in enumerate(_group_cards(engine, seed=seed, limit=DESK_ENTRIES)):
        holder = _holder(ids, rng)
        when = now - timedelta(days=rng.randrange(1, 40), minutes=number)
        entry = EntryIn(
            kind="bank_card", value=card, holder_name=holder[0], holder_id=holder[1], evidence="case",
            case_id=case_id, issuer=bank, note=f"{NOTE}串并案件中多名受害人汇入该账户",
        )  # fmt: skip
        made += _add(store, entry, actor="JZ1001", role="officer", now=when)
        holders.append(holder)
    for number in range(BANK_ENTRIES):
        holder = _holder(ids, rng)
        entry = EntryIn(
            kind="bank_card", value=ids.card()[0], holder_name=holder[0], holder_id=holder[1],
            evidence="bank_review", review_ref=f"{NOTE}本行风险核查第{number + 1}号", note=f"{NOTE}出租出借账户",
        )  # fmt: skip
        made += _add(
            store, entry, actor=DEMO_BANK, role="bank", now=now - timedelta(days=rng.randrange(1, 20))
        )
        holders.append(holder)
    checks = OpeningChecks(engine)
    for number in range(CHECKS):
        name, holder_id = holders[number] if number % 3 == 0 and number < len(holders) else _holder(ids, rng)
        service = "open_account" if number % 2 == 0 else "online_service"
        check = CheckIn(
            service=service, holder_name=name, holder_id=holder_id,
            account=ids.card()[0] if service == "online_service" else "", phone=ids.mobile(scam=False),
        )  # fmt: skip
        at = now - timedelta(hours=rng.randrange(1, 24 * 10))
        checks.check(check, bank=DEMO_BANK, staff=f"{NOTE}营业部柜员", actor=DEMO_BANK, now=at)
    return made


def _holder(ids: Identities, rng: random.Random) -> tuple[str, str]:
    sex = rng.choice(("男", "女"))
    age = rng.randrange(19, 45)
    born = date(2026 - age, rng.randrange(1, 13), rng.randrange(1, 29))
    return ids.name(sex, age), ids.id_number(born, sex)


def _add(store: CardbanStore, entry: EntryIn, *, actor: str, role: str, now: datetime) -> int:
    try:
        store.add(entry, actor=actor, role=role, now=now)
    except CardbanError:  # already listed (a card two groups share): one entry is enough
        return 0
    return 1
