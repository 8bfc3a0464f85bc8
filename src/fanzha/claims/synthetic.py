"""The clean half of the synthetic claims generator: institutions (with their licensed services and
approved equipment) and clean claims that exercise every tricky-but-legal case — the discharge day charged
instead of the admission day, a same-day stay, a transfer on the discharge day, an item repeated within its
frequency, a price at (or below) the standard, a package billed as the package, a component ordered on its
own. `fanzha.claims.generate` injects the violations."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from fanzha.claims.catalogue import Catalogue

SERVICES = ("内科", "外科", "儿科", "妇产科", "中医科", "康复医学科")
EQUIPMENT = ("DR", "CT", "MRI", "彩超", "心电图机")
LEVELS = ("一级", "二级", "三级")
UNLICENSED = ("医疗美容科", "精神科", "肿瘤科")  # in no institution's licence
DAY = timedelta(days=1)


@dataclass(frozen=True)
class SynthInstitution:
    id: str
    name: str
    level: str
    services: tuple[str, ...]
    equipment: tuple[str, ...]

    def json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "level": self.level,
                "licensed_services": list(self.services), "equipment": list(self.equipment)}  # fmt: skip


def institutions(rng: random.Random, count: int) -> list[SynthInstitution]:
    made = []
    for k in range(count):
        level = LEVELS[k % 3]
        services = ("内科", *(s for s in SERVICES[1:] if rng.random() < 0.5 + 0.2 * (k % 3)))
        # a first-level clinic has few machines and never MRI, a third-level hospital most
        kit = ("心电图机", "DR", *(e for e in ("彩超", "CT", "MRI") if rng.random() < 0.3 + 0.3 * (k % 3) and (k % 3 or e != "MRI")))  # fmt: skip
        made.append(SynthInstitution(f"H{k + 1:04d}", f"【演示数据】第{k + 1}{'卫生院' if k % 3 == 0 else '医院'}",
                                     level, services, kit))  # fmt: skip
    return made


class ClaimMaker:
    """Builds clean claims as JSON objects (the input format of `fanzha claims audit`)."""

    def __init__(self, rng: random.Random, catalogue: Catalogue) -> None:
        self.rng = rng
        self.catalogue = catalogue
        by = catalogue.items.values()
        self.beds = [i for i in by if i.per_night]
        self.exams = [i for i in by if i.category == "exam" and not any(i.code in p.components for p in by)]
        self.components = [c for p in catalogue.packages for c in p.components]
        self.drugs = [i for i in by if i.category == "drug"]
        self.treatments = [i for i in by if i.category == "treatment" and (i.per_day or 0) >= 2]
        self.materials = [i for i in by if i.category == "material"]
        self.get = catalogue.items.__getitem__

    def item(
        self, code: str, day: date, service: str, qty: float = 1, price: float | None = None
    ) -> dict[str, Any]:
        entry = self.get(code)
        standard = entry.price or 0.0
        if price is None:
            price = standard if self.rng.random() < 0.9 else round(standard * 0.9, 2)  # at or below
        line = {"ref": "", "code": code, "name": entry.name, "category": entry.category, "service": service,
                "date": day.isoformat(), "qty": qty, "unit_price": price, "standard_price": standard}  # fmt: skip
        if entry.equipment:
            line["equipment"] = entry.equipment
        return line

    def _related(self, code: str) -> set[str]:
        """The codes that may not share a day with `code` in a clean claim: its packages and their parts."""
        related = {code}
        for package in (*self.catalogue.packages_of.get(code, ()), self.catalogue.items[code]):
            if package.components:
                related.update((package.code, *package.components))
        return related

    def _exam(self, inst: SynthInstitution, day: date, service: str, out: list[dict[str, Any]]) -> None:
        rng = self.rng
        roll = rng.random()
        entry = self.get(rng.choice(self.components)) if roll < 0.15 else rng.choice(self.exams)
        if entry.equipment and entry.equipment not in inst.equipment:
            entry = self.get(self.catalogue.packages[0].code)
        related, when = self._related(entry.code), day.isoformat()
        if any(line["code"] in related and line["date"] == when for line in out):
            return  # once a day is plenty for a synthetic patient
        out.append(self.item(entry.code, day, service))
        if roll > 0.9 and (entry.per_day or 1) >= 2:  # repeated within its frequency
            out.append(self.item(entry.code, day, service))

    def _common(
        self, inst: SynthInstitution, days: list[date], service: str, out: list[dict[str, Any]]
    ) -> None:
        rng = self.rng
        for _ in range(rng.randint(1, 3)):
            self._exam(inst, rng.choice(days), service, out)
        for _ in range(rng.randint(1, 3)):
            drug = rng.choice(self.drugs)
            out.append(self.item(drug.code, rng.choice(days), service, qty=rng.randint(1, 6)))
        if rng.random() < 0.6:
            day = rng.choice(days)
            treatment = rng.choice(self.treatments)
            for _ in range(rng.randint(1, treatment.per_day or 1)):  # within its frequency
                out.append(self.item(treatment.code, day, service))
            out.append(self.item(rng.choice(self.materials).code, day, service, qty=rng.randint(1, 2)))

    def outpatient(self, inst: SynthInstitution, day: date) -> list[dict[str, Any]]:
        service = self.rng.choice(inst.services)
        out = [self.item("110200001", day, service)]
        self._common(inst, [day], service, out)
        return out

    def inpatient(self, inst: SynthInstitution, admitted: date, nights: int) -> list[dict[str, Any]]:
        rng = self.rng
        service = rng.choice(inst.services)
        bed = rng.choice(self.beds).code
        out = [self.item("110200005", admitted, service)]
        if nights == 0:  # a same-day stay: one bed day
            out.append(self.item(bed, admitted, service))
        else:
            first = admitted + DAY if rng.random() < 0.5 else admitted  # discharge day instead of admission
            if rng.random() < 0.3:  # one line for all nights
                out.append(self.item(bed, first, service, qty=nights))
            else:
                out.extend(self.item(bed, first + k * DAY, service) for k in range(nights))
        days = [admitted + k * DAY for k in range(nights + 1)]
        out.append(self.item("120100003", rng.choice(days), service))
        self._common(inst, days, service, out)
        return out


def number(lines: list[dict[str, Any]]) -> None:
    for n, line in enumerate(lines, 1):
        line["ref"] = str(n)
