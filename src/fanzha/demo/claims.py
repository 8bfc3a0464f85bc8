"""A demo medical institution (【演示数据】) for the medical-insurance console: two months of claims built
here by hand — clean ones and ones with each kind of violation the audit finds (a discharge day charged
for a bed, a repeated 诊查费, an exam split into its components, a price above the standard, a service
outside the licence, a CT the institution has no approval for, a patient in two hospitals at once) —
audited by the real engine and stored as one run; and two citizens' 骗保 reports, one being checked.
Loading again changes nothing."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import orjson
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from fanzha.claims.office.tips import handle_tip, submit_tip
from fanzha.claims.office.upload import audit_and_store
from fanzha.store.claims_tables import ClaimRunRow

ACTOR = "【演示数据】城关区医保局"
HOSPITAL = {"id": "demo-h1", "name": "【演示数据】城关镇中心卫生院", "level": "一级",
            "licensed_services": ["内科", "外科"], "equipment": ["DR", "心电图机"]}  # fmt: skip
OTHER = {"id": "demo-h2", "name": "【演示数据】河西区人民医院", "level": "二级",
         "licensed_services": ["内科", "外科", "儿科"], "equipment": ["DR", "CT", "心电图机", "彩超"]}  # fmt: skip
START = date(2026, 1, 5)
KINDS = ("clean", "clean", "bed", "duplicate", "split", "price", "licence", "equipment", "overlap")


def _item(n: int, code: str, name: str, category: str, day: date, price: float, *, qty: float = 1,
          standard: float | None = None, service: str = "内科", equipment: str = "") -> dict[str, Any]:  # fmt: skip
    return {"ref": str(n), "code": code, "name": name, "category": category, "service": service,
            "date": day.isoformat(), "qty": qty, "unit_price": price,
            "standard_price": price if standard is None else standard, "equipment": equipment}  # fmt: skip


def _claim(number: int, kind: str, day: date, rng: random.Random) -> list[dict[str, Any]]:
    """The claim(s) of one kind: an inpatient stay of 2–4 nights, with the violation of `kind`."""
    nights = rng.randint(2, 4)
    out = day + timedelta(days=nights)
    items = [_item(1, "110200005", "入院诊查费", "service", day, 30)]
    last = day + timedelta(days=nights - 1 if kind != "bed" else nights)  # "bed": the discharge day too
    d, n = day, 2
    while d <= last:
        items.append(_item(n, "110900001", "普通病房床位费", "bed", d, 50))
        items.append(_item(n + 1, "110200003", "住院诊查费", "service", d, 20))
        d, n = d + timedelta(days=1), n + 2
    extra = {
        "duplicate": [_item(n, "110200003", "住院诊查费", "service", day, 20)],
        "split": [_item(n + k, code, name, "exam", day, 8) for k, (code, name) in enumerate(
            (("250101001", "血红蛋白测定"), ("250101002", "红细胞计数"), ("250101003", "白细胞计数"),
             ("250101004", "血小板计数")))],
        "price": [_item(n, "250101015", "血常规（全血细胞计数+五分类）", "exam", day, 35, standard=25)],
        "licence": [_item(n, "340200001", "针灸", "treatment", day, 30, service="医疗美容科")],
        "equipment": [_item(n, "210300002", "胸部CT平扫", "exam", day, 200, equipment="CT")],
    }.get(kind, [_item(n, "XJ01CA04", "阿莫西林胶囊", "drug", day, 0.6, qty=24)])  # fmt: skip
    patient = f"demo-p{number:05d}"
    claim = {"claim_id": f"DEMO-{number:05d}", "institution": HOSPITAL, "patient_id": patient,
             "admitted": day.isoformat(), "discharged": out.isoformat(), "items": items + extra}  # fmt: skip
    if kind != "overlap":
        return [claim]
    twin = {"claim_id": f"DEMO-{number:05d}-B", "institution": OTHER, "patient_id": patient,
            "admitted": (day + timedelta(days=1)).isoformat(), "discharged": out.isoformat(),
            "items": [_item(1, "110200005", "入院诊查费", "service", day + timedelta(days=1), 30)]}  # fmt: skip
    return [claim, twin]


def demo_claims(*, seed: int = 0, count: int = 72) -> Iterator[dict[str, Any]]:
    """The demo's claims as JSON objects (the input of `fanzha claims audit`), about two months of them."""
    rng = random.Random(seed)
    for number in range(1, count + 1):
        day = START + timedelta(days=(number * 61) // count)
        yield from _claim(number, KINDS[number % len(KINDS)], day, rng)


def load_claims_demo(engine: Engine, *, seed: int = 0) -> int:
    """Load the demo institution's audited claims and two reports; the number of claims stored (0 when
    already loaded)."""
    with Session(engine) as session:
        if session.scalar(select(func.count()).select_from(ClaimRunRow).where(ClaimRunRow.demo.is_(True))):
            return 0
    lines = (orjson.dumps(c) for c in demo_claims(seed=seed))
    run = audit_and_store(
        engine, lines=lines, uploaded_by=ACTOR, file_name="【演示数据】2026年1-2月住院结算.jsonl", demo=True
    )
    now = datetime.now(UTC)
    submit_tip(engine, what="【演示数据】我父亲住院3天，结算单上有4天床位费，出院那天也收了。", place="城关镇中心卫生院",
               happened_on=date(2026, 2, 10), contact="13800138000", demo=True, now=now)  # fmt: skip
    tip = submit_tip(engine, what="【演示数据】有人组织老人挂床住院，不用住也能报销，还给200元好处费。",
                     place="河西区人民医院住院部", demo=True, now=now)  # fmt: skip
    handle_tip(engine, tip_id=tip.id, status="checking", reply="已转稽核科核查。", actor=ACTOR, now=now)
    return run.claims
