"""The synthetic claims generator, for tests and benchmarks: clean claims (`fanzha.claims.synthetic`) and,
in a share of them, one injected violation of a rule, labelled `{claim_id, rule, item_refs}`; stock records
that reconcile except where a violation is injected (some exactly at the limit: dispensed = opening +
purchased − closing, which is legal). Deterministic for a seed.

    gen = ClaimGenerator(n=1000, seed=1, violations=0.2)
    for claim in gen.claims(): ...          # JSON objects, in order
    gen.labels, gen.stock                    # complete once claims() is exhausted"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from fanzha.claims.catalogue import Catalogue, default_catalogue
from fanzha.claims.model import StockRecord
from fanzha.claims.rules import RULE_IDS
from fanzha.claims.synthetic import (
    DAY,
    EQUIPMENT,
    UNLICENSED,
    ClaimMaker,
    SynthInstitution,
    institutions,
    number,
)

START = date(2026, 1, 1)
SPAN_DAYS = 270
Line = dict[str, Any]
Stay = tuple[str, date, date, int]  # institution id, admitted, end (exclusive), nights


def month_of(day: date) -> tuple[date, date]:
    first = day.replace(day=1)
    after = (first + timedelta(days=32)).replace(day=1)
    return first, after - DAY


class ClaimGenerator:
    def __init__(
        self,
        *,
        n: int,
        seed: int = 1,
        violations: float = 0.2,
        catalogue: Catalogue | None = None,
        n_institutions: int = 20,
    ) -> None:
        self.n, self.violations = n, violations
        self.rng = random.Random(seed)
        self.catalogue = catalogue or default_catalogue()
        self.maker = ClaimMaker(self.rng, self.catalogue)
        self.institutions = institutions(self.rng, n_institutions)
        self.labels: list[dict[str, Any]] = []
        self.stock: list[StockRecord] = []
        self._free: dict[str, date] = {}  # patient → the first day a new stay may start
        self._last: dict[str, Stay] = {}
        self._stayed: list[str] = []
        self._overlapping: set[str] = set()
        self._tally: dict[tuple[str, str, date], float] = {}
        self._closed: dict[tuple[str, str, date], float] = {}  # violated keys → their limit

    def claims(self) -> Iterator[dict[str, Any]]:
        rng = self.rng
        for k in range(self.n):
            rule = rng.choice(RULE_IDS) if rng.random() < self.violations else None
            yield self._claim(f"C{k + 1:07d}", rule)
        self.stock = self._stock()

    # --- clean claims --------------------------------------------------------------------------------
    def _patient(self) -> str:
        return f"P{self.rng.randrange(max(10, self.n // 2)):07d}"

    def _institution(self, rule: str | None, avoid: str = "") -> SynthInstitution:
        choices = [i for i in self.institutions if i.id != avoid]
        if rule == "equipment_not_approved":
            choices = [i for i in choices if set(EQUIPMENT) - set(i.equipment)] or choices
        return self.rng.choice(choices)

    def _claim(self, claim_id: str, rule: str | None) -> dict[str, Any]:
        rng = self.rng
        inpatient = rule in ("bed_days_beyond_stay", "overlapping_admissions") or rng.random() < 0.5
        stay: Stay | None = None
        if rule == "overlapping_admissions":
            sample = rng.sample(self._stayed, min(20, len(self._stayed)))
            candidates = [p for p in sample if self._last[p][3] >= 1 and p not in self._overlapping]
            if not candidates:
                rule = None
            else:
                patient = candidates[0]
                before = self._last[patient]
                inst = self._institution(rule, avoid=before[0])
                admitted, nights = before[1] + rng.randrange(before[3]) * DAY, rng.randint(1, 4)
                stay = (inst.id, admitted, admitted + nights * DAY, nights)
        if stay is None and inpatient:
            patient = self._patient()
            last = self._last.get(patient)
            if last is not None and last[3] >= 1 and last[2] >= self._free[patient] and rng.random() < 0.3:
                # a transfer on the discharge day
                inst, admitted = self._institution(rule, avoid=last[0]), last[2]
            else:
                inst = self._institution(rule)
                admitted = max(self._free.get(patient, START), START + rng.randrange(SPAN_DAYS) * DAY)
            nights = 0 if rng.random() < 0.1 else rng.randint(1, 5)
            stay = (inst.id, admitted, admitted + max(nights, 1) * DAY, nights)
        if stay is None:
            patient, inst = self._patient(), self._institution(rule)
            lines = self.maker.outpatient(inst, START + rng.randrange(SPAN_DAYS) * DAY)
        else:
            lines = self.maker.inpatient(inst, stay[1], stay[3])
        lines = [ln for ln in lines if ln["category"] != "drug" or self._key(inst, ln) not in self._closed]
        injected = self._inject(rule, inst, lines, stay, patient) if rule else None
        number(lines)
        for line in lines:
            if line["category"] == "drug":
                key = self._key(inst, line)
                self._tally[key] = self._tally.get(key, 0.0) + line["qty"]
        claim: dict[str, Any] = {"claim_id": claim_id, "institution": inst.json(), "patient_id": patient}
        if stay is not None:
            claim["admitted"], claim["discharged"] = (
                stay[1].isoformat(),
                (stay[1] + stay[3] * DAY).isoformat(),
            )
            self._free[patient] = max(self._free.get(patient, START), stay[2])
            if patient not in self._last:
                self._stayed.append(patient)
            self._last[patient] = stay
            if rule == "overlapping_admissions":  # its stay overlaps two: not a base for another overlap
                self._overlapping.add(patient)
            else:
                self._overlapping.discard(patient)
        claim["items"] = lines
        if injected:
            refs = [line["ref"] for line in injected]
            self.labels.append({"claim_id": claim_id, "rule": rule, "item_refs": refs})
        return claim

    @staticmethod
    def _key(inst: SynthInstitution, line: Line) -> tuple[str, str, date]:
        return inst.id, line["code"], month_of(date.fromisoformat(line["date"]))[0]

    # --- violations ----------------------------------------------------------------------------------
    def _inject(
        self, rule: str, inst: SynthInstitution, lines: list[Line], stay: Stay | None, patient: str
    ) -> list[Line] | None:
        rng, maker, items = self.rng, self.maker, self.catalogue.items
        service = lines[0]["service"]
        days = sorted({line["date"] for line in lines})
        if rule == "duplicate_charge":
            limited = [ln for ln in lines if (e := items[ln["code"]]).per_day and not e.per_night]
            original = rng.choice(limited)
            copy = dict(original, qty=items[original["code"]].per_day)
            lines.append(copy)
            return [copy]
        if rule == "bed_days_beyond_stay" and stay is not None and stay[3] >= 1:
            beds = [ln for ln in lines if items[ln["code"]].per_night]
            charged = {ln["date"] for ln in beds}
            missing = stay[1] if stay[1].isoformat() not in charged else stay[1] + stay[3] * DAY
            lines.append(maker.item(beds[0]["code"], missing, service, price=beds[0]["unit_price"]))
            return [max((ln for ln in lines if items[ln["code"]].per_night), key=lambda ln: ln["date"])]
        if rule == "split_charging":
            package = rng.choice(self.catalogue.packages)
            day = rng.choice(days)
            related = {package.code, *package.components}
            lines[:] = [ln for ln in lines if not (ln["date"] == day and ln["code"] in related)]
            parts = [
                maker.item(code, date.fromisoformat(day), service, price=items[code].price)
                for code in package.components
            ]
            lines.extend(parts)
            return parts
        if rule == "price_above_standard":
            line = rng.choice([ln for ln in lines if ln["standard_price"] > 0])
            line["unit_price"] = round(line["standard_price"] * rng.uniform(1.2, 1.6) + 0.01, 2)
            return [line]
        if rule == "outside_licensed_scope":
            line = rng.choice(lines)
            line["service"] = rng.choice(UNLICENSED)
            return [line]
        if rule == "equipment_not_approved":
            lacking = [e for e in EQUIPMENT if e not in inst.equipment]
            if not lacking:
                return None
            wanted = rng.choice(lacking)
            code = next(i.code for i in items.values() if i.equipment == wanted)
            line = maker.item(code, date.fromisoformat(rng.choice(days)), service, price=items[code].price)
            lines.append(line)
            return [line]
        if rule == "stock_not_reconciled":
            day = date.fromisoformat(rng.choice(days))
            present = {ln["code"] for ln in lines}
            free = [
                d
                for d in maker.drugs
                if d.code not in present and (inst.id, d.code, month_of(day)[0]) not in self._closed
            ]
            if not free:
                return None
            drug = rng.choice(free)
            line = maker.item(drug.code, day, service, qty=rng.randint(5, 30), price=drug.price)
            key = self._key(inst, line)
            self._closed[key] = self._tally.get(key, 0.0)
            lines.append(line)
            return [line]
        if rule == "overlapping_admissions" and stay is not None:
            before = self._last[patient]
            low, high = max(stay[1], before[1]).isoformat(), min(stay[2], before[2]).isoformat()
            return [ln for ln in lines if low <= ln["date"] < high]
        return None

    def _stock(self) -> list[StockRecord]:
        rng, records = self.rng, []
        for (inst, code, first), total in sorted(self._tally.items()):
            limit = self._closed.get((inst, code, first))
            opening = float(rng.randint(0, 40))
            if limit is not None:
                opening = min(opening, limit)
                purchased, closing = limit - opening, None
            else:
                slack = float(rng.randint(0, 50))
                purchased = max(0.0, total - opening) + slack
                closing = opening + purchased - total if rng.random() < 0.3 else None  # exactly at the limit
            records.append(StockRecord(inst, code, first, month_of(first)[1], opening, purchased, closing,
                                       self.catalogue.items[code].name))  # fmt: skip
        return records
