#!/usr/bin/env python
"""Writes narratives.jsonl: labelled intake narratives for the pre-fill benchmark (benchmarks/suite/intake.py).

    python benchmarks/data/intake/build_narratives.py

Each row is a narrative as an officer types it at the desk, with the fields a correct pre-fill gives
(`expect`) and the moment it was typed (`now`, Beijing time). The narratives are put together from
hand-written pieces — who reports (the victim, a son for his mother, a wife for her husband …), the
scam story, one to three payments (counter, mobile banking, ATM, WeChat, Alipay; cards, cards failing the
check digit, corporate accounts, Alipay/WeChat ids, phone numbers used as accounts), times in words
(下午2点, 晚上八点半, 上周三, 11月28日, 次日) and amounts in every usual writing (5万元, ５万, 两万, 2万5千元) —
plus hand-written free-form rows. Every piece list has a `test` and a `dev` half, so the phrasings of the
`test` split are never seen while tuning on `dev`. Labels are computed from the pieces, not from fanzha (a
card's issuing bank is read from fanzha's BIN table, reference data). The `fresh` split (fresh_rows.py) is
free-form narratives written after tuning, labelled before the pre-fill ran on them, and scored once.
"""

from __future__ import annotations

import json
import random
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from free_rows import FREE_ROWS
from fresh_rows import FRESH_ROWS
from pieces import (
    ACCOUNTS,
    AGES,
    AMOUNTS,
    BANKS,
    CARD_BINS,
    CLOCKS,
    DAYS,
    ENDINGS,
    FIRST_PAYMENTS,
    INTROS,
    LATER_PAYMENTS,
    REPORTERS,
    STORIES,
    VICTIMS,
    luhn_digit,
)

BEIJING = timezone(timedelta(hours=8))
NOW = datetime(2026, 12, 3, 16, 0, tzinfo=BEIJING)
OUT = Path(__file__).resolve().parent / "narratives.jsonl"
GENERATED = {"test": 102, "dev": 103}  # plus the free-form rows of each split


def card(r: random.Random, *, valid: bool) -> tuple[str, str]:
    """A card number (digits) and its issuer."""
    prefix, bank = r.choice(CARD_BINS)
    length = r.choice((16, 19, 19))
    body = prefix + "".join(r.choice("0123456789") for _ in range(length - len(prefix) - 1))
    check = luhn_digit(body)
    if not valid:
        check = str((int(check) + r.randint(1, 9)) % 10)
    return body + check, bank


def grouped(r: random.Random, digits: str) -> str:
    style = r.randint(0, 3)
    if style == 0:
        return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))
    if style == 1 and len(digits) == 19:
        return f"{digits[:6]} {digits[6:]}"
    return digits


def at(day: date, clock: tuple[int, int] | None) -> str:
    h, m = clock if clock else (0, 0)
    return datetime(day.year, day.month, day.day, h, m, tzinfo=BEIJING).isoformat()


def account(r: random.Random, split: str, method: str) -> dict[str, Any]:
    """A receiving account: its text, canonical value, bank and whether it fails the card check."""
    kinds = [k for k in ACCOUNTS[split] if method in ACCOUNTS[split][k]["methods"]]
    kind = r.choice(kinds)
    spec = ACCOUNTS[split][kind]
    if kind in ("card", "badcard"):
        digits, bank = card(r, valid=kind == "card")
        return {"text": grouped(r, digits), "value": digits, "bank": bank, "flagged": kind == "badcard",
                "say": spec["say"], "kind": kind}  # fmt: skip
    value = spec["make"](r)
    return {"text": value, "value": spec["canon"](value), "bank": spec.get("bank", ""), "flagged": False,
            "say": spec["say"], "kind": kind}  # fmt: skip


def payments(r: random.Random, split: str, day: date, clock: tuple[int, int] | None) -> tuple[str, list[Any]]:
    """One to three payments told in clauses; later ones inherit the day (and the time when none is said)."""
    out: list[str] = []
    rows: list[dict[str, Any]] = []
    n = r.choice((1, 1, 2, 2, 3))
    last_time = (day, clock)
    for i in range(n):
        template = r.choice(FIRST_PAYMENTS[split] if i == 0 else LATER_PAYMENTS[split])
        method = template["method"]
        acct = account(r, split, method) if template.get("account", True) else None
        bank_short, bank_full = r.choice(BANKS[split])
        amount_text, amount = r.choice(AMOUNTS[split])
        when_text, when_day, when_clock = "", last_time[0], last_time[1]
        if i > 0 and r.random() < 0.5:
            clock_text, c = r.choice(CLOCKS[split])
            if template.get("next_day") and r.random() < 0.5:
                when_text, when_day, when_clock = "次日" + clock_text, last_time[0] + timedelta(days=1), c
            else:
                when_text, when_clock = clock_text, c
        elif i == 0:
            clock_text, c = r.choice(CLOCKS[split])
            when_text, when_clock = clock_text, c
        last_time = (when_day, when_clock)
        to_bank_said = (
            r.random() < 0.3 and acct is not None and acct["kind"] in ("card", "badcard", "corporate")
        )
        acct_text = ""
        if acct is not None:
            acct_text = (
                f"对方{bank_full if r.random() < 0.5 else bank_short}账户" if to_bank_said else acct["say"]
            )
            acct_text += acct["text"]
        text = template["text"].format(when=when_text, bank=bank_short, amount=amount_text, acct=acct_text)
        out.append(text)
        to_bank = ""
        if acct is not None:
            to_bank = bank_full if to_bank_said else acct["bank"]
        rows.append(
            {
                "amount": float(amount),
                "paid_at": at(when_day, when_clock),
                "method": template["method"],
                "channel": template["channel"],
                "from_bank": bank_full if "{bank}" in template["text"] else "",
                "to_account": acct["value"] if acct else "",
                "to_bank": to_bank if acct else "",
                "flagged": bool(acct and acct["flagged"]),
            }
        )
    return "，".join(out), rows


def generated_row(r: random.Random, split: str, n: int) -> dict[str, Any]:
    intro = r.choice(INTROS[split])
    rel = r.choice(REPORTERS) if intro["relative"] else None
    victim_name, victim_sex = r.choice([v for v in VICTIMS if rel is None or v[1] == rel[2]])
    age = r.choice([a for a in AGES if rel is None or rel[3][0] <= a <= rel[3][1]])
    reporter_name = r.choice([v for v, _ in VICTIMS if v != victim_name]) if rel else victim_name
    sex = rel[2] if rel else victim_sex
    words = {"name": victim_name, "sex": sex, "age": age, "rname": reporter_name,
             "rel": rel[0] if rel else "", "title": "女士" if sex == "女" else "先生",
             "surname": victim_name[0],
             "pron": "我" if intro["first_person"] else "她" if sex == "女" else "他"}  # fmt: skip
    intro_text = intro["text"].format(**words)
    story = r.choice(STORIES[split])
    day_text, day = r.choice(DAYS[split])
    clock_text, clock = r.choice(CLOCKS[split])
    ending = r.choice(ENDINGS[split])
    expect: dict[str, Any] = {
        "victim_name": victim_name if intro["victim_named"] else "",
        "reporter_name": reporter_name if intro["reporter_named"] else "",
        "relation": rel[1] if rel else "本人",
        "victim_sex": sex if intro["sex_said"] or rel else "",
        "victim_age": age if intro["age_said"] else None,
        "fraud_type": story["type"],
        "contact_channel": story["channel"],
        "occurred_at": at(day, clock),
    }
    story_text = story["text"].format(when=day_text + clock_text, pron=words["pron"])
    if ending["paid"]:
        pay_text, pays = payments(r, split, day, clock)
        total = sum(p["amount"] for p in pays)
        end_text = ending["text"].format(total=f"{total:g}")
        expect.update(payments=pays, loss=total, dissuaded=False)
        text = f"{intro_text}{story_text}{pay_text}。{end_text}"
    else:
        expect.update(payments=[], loss=0.0, dissuaded=ending["dissuaded"])
        text = f"{intro_text}{story_text}{ending['text']}"
    return {"id": f"{split}-{n:03d}", "split": split, "now": NOW.isoformat(), "text": text, "expect": expect}


def main() -> None:
    rows: list[dict[str, Any]] = []
    for split, seed in (("test", 16_001), ("dev", 16_002)):
        r = random.Random(seed)
        free = [row for row in FREE_ROWS if row["split"] == split]
        for n in range(GENERATED[split]):
            rows.append(generated_row(r, split, n))
        for n, row in enumerate(free, start=GENERATED[split]):
            rows.append({"id": f"{split}-{n:03d}", "split": split, "now": NOW.isoformat(),
                         "text": row["text"], "expect": row["expect"]})  # fmt: skip
    for n, row in enumerate(FRESH_ROWS):
        rows.append({"id": f"fresh-{n:03d}", "split": "fresh", "now": NOW.isoformat(),
                     "text": row["text"], "expect": row["expect"]})  # fmt: skip
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} narratives → {OUT}")


if __name__ == "__main__":
    main()
