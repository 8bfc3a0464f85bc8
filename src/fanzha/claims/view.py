"""The claim as the rules read it: one column per field (codes, days, quantities, prices …) and each item's
catalogue entry looked up once. Days stay ISO strings (they sort as dates); `Item` objects are made only on
demand (`item(k)`).

A view is made by the fast reader (`fanzha.claims.rows.ClaimReader`: typed rows checked in C, the columns
as tuples), from a `Claim` (`ClaimView.of`), or — for a claim the fast reader does not vouch for — by
`read_claim`: the checked pass over the JSON object, whose checks and Chinese messages are those of
`fanzha.claims.parse`, which it falls back to per item for the message and the normalisation."""

from __future__ import annotations

from collections.abc import Sequence
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

    def __init__(self, claim_id: str, institution: Institution, patient_id: str, admitted: date | None,
                 discharged: date | None, refs: Sequence[str], codes: Sequence[str], names: Sequence[str],
                 categories: Sequence[str], days: Sequence[str], qty: Sequence[float], prices: Sequence[float],
                 standards: Sequence[float | None], services: Sequence[str], equipment: Sequence[str],
                 entries: Sequence[CatalogueItem | None], total: float) -> None:  # fmt: skip
        self.claim_id, self.institution, self.patient_id = claim_id, institution, patient_id
        self.admitted, self.discharged = admitted, discharged
        self.refs, self.codes, self.names, self.categories = refs, codes, names, categories
        self.days = days  # ISO dates
        self.qty, self.prices, self.standards = qty, prices, standards
        self.services, self.equipment, self.entries = services, equipment, entries
        self.n = len(refs)
        self.total = total  # the claim's charged amount

    @classmethod
    def of(cls, claim: Claim, catalogue: Catalogue) -> ClaimView:
        items, total = claim.items, 0.0
        for item in items:
            total += item.qty * item.unit_price
        return cls(claim.claim_id, claim.institution, claim.patient_id, claim.admitted, claim.discharged,
                   [i.ref for i in items], [i.code for i in items], [i.name for i in items],
                   [i.category for i in items], [i.day.isoformat() for i in items], [i.qty for i in items],
                   [i.unit_price for i in items], [i.standard_price for i in items], [i.service for i in items],
                   [i.equipment for i in items], [catalogue.items.get(i.code) for i in items], total)  # fmt: skip

    def item(self, k: int) -> Item:
        return Item(self.refs[k], self.codes[k], self.names[k], self.categories[k], date.fromisoformat(self.days[k]),
                    self.qty[k], self.prices[k], self.standards[k], self.services[k], self.equipment[k])  # fmt: skip

    def to_claim(self) -> Claim:
        items = tuple(self.item(k) for k in range(self.n))
        return Claim(self.claim_id, self.institution, self.patient_id, self.admitted, self.discharged, items)


def read_claim(obj: Any, *, bounds: Bounds, catalogue: Catalogue) -> ClaimView:
    """A `ClaimView` from the claim's JSON object, checked as `parse_claim` checks it, or `ClaimError`.

    The audit reads most claims with `fanzha.claims.rows.ClaimReader`; this is the path for the rest (and the
    reference the fast reader is tested against): each item checked flat, the unusual ones by `parse_item`."""
    claim_id, institution, patient_id, admitted, discharged, items = parse_claim_head(obj, bounds)
    if len(items) > MAX_ITEMS:
        raise ClaimError(f"收费项目超过 {MAX_ITEMS} 项")
    get = catalogue.items.get
    refs: list[str] = []
    codes: list[str] = []
    names: list[str] = []
    categories: list[str] = []
    days: list[str] = []
    qtys: list[float] = []
    prices: list[float] = []
    standards: list[float | None] = []
    services: list[str] = []
    kits: list[str] = []
    entries: list[CatalogueItem | None] = []
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
            and type(category) is str and category in CATEGORIES
            and type(day) is str and (day in seen_days or good_day(day, low, high))
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
    view = ClaimView(claim_id, institution, patient_id, admitted, discharged, refs, codes, names, categories,
                     days, qtys, prices, standards, services, kits, entries, total)  # fmt: skip
    if len(set(refs)) != view.n:
        raise ClaimError("收费项目的编号（ref）有重复")
    return view


def good_day(value: Any, low: str, high: str) -> bool:
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
