"""The claim as the rules read it: one column per field (codes, days, quantities, prices …) and each item's
catalogue entry looked up once — built straight from the JSON object in one checked pass, with no object per
item (`read_claim`), or from a `Claim` (`ClaimView.of`). Days stay ISO strings (they sort as dates); `Item`
objects are made only on demand (`item(k)`).

This is what makes the audit fast (fanzha.claims.audit: ≥ 50,000 claims/s on one core): the checks and
messages are those of `fanzha.claims.parse`, which the slow path falls back to for the message."""

from __future__ import annotations

from datetime import date
from typing import Any

from fanzha.claims.catalogue import Catalogue, CatalogueItem
from fanzha.claims.model import CATEGORIES, Claim, ClaimError, Institution, Item
from fanzha.claims.parse import (
    MAX_ID,
    MAX_ITEMS,
    MAX_PRICE,
    MAX_QTY,
    MAX_TEXT,
    Bounds,
    parse_claim_head,
    parse_item,
)


class ClaimView:
    __slots__ = ("admitted", "categories", "claim_id", "codes", "days", "discharged", "entries", "equipment",
                 "institution", "n", "names", "patient_id", "prices", "qty", "refs", "services", "standards", "total")  # fmt: skip

    def __init__(self, claim_id: str, institution: Institution, patient_id: str,
                 admitted: date | None, discharged: date | None) -> None:  # fmt: skip
        self.claim_id, self.institution, self.patient_id = claim_id, institution, patient_id
        self.admitted, self.discharged = admitted, discharged
        self.refs: list[str] = []
        self.codes: list[str] = []
        self.names: list[str] = []
        self.categories: list[str] = []
        self.days: list[str] = []  # ISO dates
        self.qty: list[float] = []
        self.prices: list[float] = []
        self.standards: list[float | None] = []
        self.services: list[str] = []
        self.equipment: list[str] = []
        self.entries: list[CatalogueItem | None] = []
        self.n = 0
        self.total = 0.0  # the claim's charged amount

    @classmethod
    def of(cls, claim: Claim, catalogue: Catalogue) -> ClaimView:
        view = cls(claim.claim_id, claim.institution, claim.patient_id, claim.admitted, claim.discharged)
        get = catalogue.items.get
        for item in claim.items:
            view._add(item.ref, item.code, item.name, item.category, item.day.isoformat(), item.qty,
                      item.unit_price, item.standard_price, item.service, item.equipment, get(item.code))  # fmt: skip
        return view

    def _add(self, ref: str, code: str, name: str, category: str, day: str, qty: float, price: float,
             standard: float | None, service: str, equipment: str, entry: CatalogueItem | None) -> None:  # fmt: skip
        self.refs.append(ref)
        self.codes.append(code)
        self.names.append(name)
        self.categories.append(category)
        self.days.append(day)
        self.qty.append(qty)
        self.prices.append(price)
        self.standards.append(standard)
        self.services.append(service)
        self.equipment.append(equipment)
        self.entries.append(entry)
        self.n += 1
        self.total += qty * price

    def item(self, k: int) -> Item:
        return Item(self.refs[k], self.codes[k], self.names[k], self.categories[k], date.fromisoformat(self.days[k]),
                    self.qty[k], self.prices[k], self.standards[k], self.services[k], self.equipment[k])  # fmt: skip

    def to_claim(self) -> Claim:
        items = tuple(self.item(k) for k in range(self.n))
        return Claim(self.claim_id, self.institution, self.patient_id, self.admitted, self.discharged, items)


def read_claim(obj: Any, *, bounds: Bounds, catalogue: Catalogue) -> ClaimView:
    """A `ClaimView` from the claim's JSON object, checked as `parse_claim` checks it, or `ClaimError`.

    The loop is written out flat (no call per field): it is the hot path of every audit."""
    claim_id, institution, patient_id, admitted, discharged, items = parse_claim_head(obj, bounds)
    view = ClaimView(claim_id, institution, patient_id, admitted, discharged)
    if len(items) > MAX_ITEMS:
        raise ClaimError(f"收费项目超过 {MAX_ITEMS} 项")
    get = catalogue.items.get
    refs, codes, names, categories = view.refs, view.codes, view.names, view.categories
    days, qtys, prices, standards = view.days, view.qty, view.prices, view.standards
    services, kits, entries = view.services, view.equipment, view.entries
    seen_days: set[str] = set()
    day: Any
    total = 0.0
    low, high = bounds.lowest.isoformat(), bounds.highest.isoformat()
    for number, raw in enumerate(items, 1):
        try:
            ref, code, day, price, category = (
                raw["ref"],
                raw["code"],
                raw["date"],
                raw["unit_price"],
                raw["category"],
            )
            rget = raw.get
        except (KeyError, TypeError, IndexError):
            ref = None  # the slow path says what is missing
        else:
            name, qty, standard = rget("name", ""), rget("qty", 1), rget("standard_price")
            service, kit = rget("service", ""), rget("equipment", "")
        if not (
            type(ref) is str and 0 < len(ref) <= MAX_ID and type(code) is str and 0 < len(code) <= MAX_ID
            and type(name) is str and len(name) <= MAX_TEXT and type(service) is str and len(service) <= MAX_TEXT
            and type(kit) is str and len(kit) <= MAX_TEXT
            and (type(qty) is float or type(qty) is int) and 0.0 <= qty <= MAX_QTY
            and (type(price) is float or type(price) is int) and 0.0 <= price <= MAX_PRICE
            and (standard is None or ((type(standard) is float or type(standard) is int) and 0 <= standard <= MAX_PRICE))
            and category in CATEGORIES and (day in seen_days or _good_day(day, low, high))
            and code.strip() == code
        ):  # fmt: skip
            item = parse_item(raw, number, bounds)  # the slow path: raises with the message, or normalises
            ref, code, name, category, day = (
                item.ref,
                item.code,
                item.name,
                item.category,
                item.day.isoformat(),
            )
            qty, price, standard = item.qty, item.unit_price, item.standard_price
            service, kit = item.service, item.equipment
        else:
            seen_days.add(day)
            if service:
                service = service.strip()
            if kit:
                kit = kit.strip()
        total += qty * price
        refs.append(ref)
        codes.append(code)
        names.append(name)
        categories.append(category)
        days.append(day)
        qtys.append(float(qty))
        prices.append(float(price))
        standards.append(None if standard is None else float(standard))
        services.append(service)
        kits.append(kit)
        entries.append(get(code))
    view.n = len(refs)
    view.total = total
    if len(set(refs)) != view.n:
        raise ClaimError("收费项目的编号（ref）有重复")
    return view


def _good_day(value: Any, low: str, high: str) -> bool:
    """An ISO day (exactly YYYY-MM-DD) inside the bounds; anything else goes the slow path."""
    if (
        type(value) is not str
        or len(value) != 10
        or value[4] != "-"
        or value[7] != "-"
        or not low <= value <= high
    ):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True
