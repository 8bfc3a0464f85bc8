"""The audit's fast reader: a claim's JSON (a line of bytes, or the object already decoded) checked in C by
msgspec against typed rows whose limits are those of `fanzha.claims.parse` (lengths, ranges, categories),
then the few checks msgspec cannot make — calendar days inside the bounds, codes without surrounding blanks —
made once per distinct value and remembered, and the items turned into columns in one step.

Whatever the typed rows do not accept (a quantity given as text, a blank ref, a bad date …) is read again by
`fanzha.claims.view.read_claim`, the checked path with its Chinese messages and its normalisation, so the
fast reader never changes what a claim means: it only reads the common case faster."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from itertools import accumulate, pairwise
from operator import mul
from typing import Annotated, Any, Literal

import msgspec
from msgspec import Meta, Struct
from msgspec.structs import astuple

from fanzha.claims.batch import Head
from fanzha.claims.catalogue import Catalogue
from fanzha.claims.model import ClaimError, Institution
from fanzha.claims.parse import (
    MAX_ID,
    MAX_ITEMS,
    MAX_PRICE,
    MAX_QTY,
    MAX_STAY_DAYS,
    MAX_TEXT,
    Bounds,
    _day,
    institution_of,
)
from fanzha.claims.view import ClaimView, good_day

Id = Annotated[str, Meta(min_length=1, max_length=MAX_ID)]
Text = Annotated[str, Meta(max_length=MAX_TEXT)]
Price = Annotated[float, Meta(ge=0.0, le=MAX_PRICE)]
Category = Literal["bed", "drug", "exam", "treatment", "material", "service"]  # model.CATEGORIES
REMEMBERED = 100_000  # distinct values a cache keeps before it starts again


class ItemRow(Struct, kw_only=True, gc=False, rename={"day": "date"}):
    """One item as the fast path accepts it; the fields in the order of `ClaimView`'s columns."""

    ref: Id
    code: Id
    name: Text = ""
    category: Category
    day: Annotated[str, Meta(min_length=10, max_length=10)]
    qty: Annotated[float, Meta(ge=0.0, le=MAX_QTY)] = 1.0
    unit_price: Price
    standard_price: Price | None = None
    service: Text = ""
    equipment: Text = ""


class InstitutionRow(Struct, frozen=True, gc=False):
    id: Annotated[str, Meta(max_length=MAX_ID)]
    name: Text = ""
    level: Annotated[str, Meta(max_length=20)] = ""
    licensed_services: Annotated[tuple[Text, ...], Meta(max_length=500)] = ()
    equipment: Annotated[tuple[Text, ...], Meta(max_length=500)] = ()


class ClaimRow(Struct, gc=False):
    claim_id: Annotated[str, Meta(max_length=MAX_ID)]
    institution: InstitutionRow
    patient_id: Annotated[str, Meta(max_length=MAX_ID)]
    items: Annotated[list[ItemRow], Meta(min_length=1, max_length=MAX_ITEMS)]
    admitted: Annotated[str, Meta(max_length=32)] | None = None
    discharged: Annotated[str, Meta(max_length=32)] | None = None


DECODER = msgspec.json.Decoder(ClaimRow)
# RecursionError: nesting too deep for msgspec; the checked path (orjson) then says what is wrong.
NOT_READ = (msgspec.ValidationError, msgspec.DecodeError, RecursionError)


class ClaimReader:
    """Reads claims for one audit run (one `Bounds`, one catalogue), remembering the days, codes, texts and
    institutions it has checked. `read(obj)` and `decode(line)` give the `ClaimView`, or None when the
    claim is not the common case and must be read by `read_claim` (which also says what is wrong)."""

    def __init__(self, *, bounds: Bounds, catalogue: Catalogue) -> None:
        self.bounds = bounds
        self.entries = catalogue.items.get
        self.low, self.high = bounds.lowest.isoformat(), bounds.highest.isoformat()
        self.days: set[str] = set()  # item days checked: ISO, inside the bounds
        self.stay_days: dict[str, date] = {}  # admitted / discharged values checked, and their day
        self.codes: set[str] = set()  # codes without surrounding blanks
        self.plain: set[str] = {""}  # services and equipment without surrounding blanks
        self.institutions: dict[InstitutionRow, Institution] = {}

    def read(self, obj: Any) -> ClaimView | None:
        """The view of a decoded JSON object, or None (read it with `read_claim`)."""
        row = self.row(obj)
        return None if row is None else self.view(row)

    def decode(self, line: bytes | str) -> ClaimView | None:
        """The view of one JSONL line, or None (decode it with orjson and read it with `read_claim`)."""
        row = self.decode_row(line)
        return None if row is None else self.view(row)

    def row(self, obj: Any) -> ClaimRow | None:
        """The typed row of a decoded JSON object, or None (read it with `read_claim`)."""
        try:
            return msgspec.convert(obj, ClaimRow)
        except msgspec.ValidationError:
            return None

    def rows(self, objs: list[Any]) -> list[ClaimRow | None]:
        """`row` of each object (all of them converted at once when they all convert)."""
        try:
            rows: list[ClaimRow | None] = msgspec.convert(objs, list[ClaimRow])
            return rows
        except msgspec.ValidationError:
            return [self.row(obj) for obj in objs]

    def decode_row(self, line: bytes | str) -> ClaimRow | None:
        """The typed row of one JSONL line, or None (decode it with orjson and read it with `read_claim`)."""
        try:
            return DECODER.decode(line)
        except NOT_READ:
            return None

    def head(self, row: ClaimRow) -> Head | None:
        """The claim without its items, checked: id, patient, stay and institution (None: not the common case)."""
        claim_id, patient_id = row.claim_id.strip(), row.patient_id.strip()
        if not claim_id or not patient_id:
            return None
        admitted = discharged = None
        if row.admitted or row.discharged:
            admitted, discharged = self._stay_day(row.admitted), self._stay_day(row.discharged)
            if admitted is None or discharged is None or discharged < admitted:
                return None
            if (discharged - admitted).days > MAX_STAY_DAYS:
                return None
        institution = self.institutions.get(row.institution)
        if institution is None:
            institution = self._institution(row.institution)
            if institution is None:
                return None
        return Head(claim_id, institution, patient_id, admitted, discharged)

    def columns(self, rows: Sequence[ClaimRow]) -> tuple[list[Sequence[Any]], list[int], list[int]]:
        """The items of many claims in flat columns (the fields of `ItemRow`, in order), the number of items
        per claim, and the claims whose items are not the common case (a code with surrounding blanks, a day
        outside the bounds, a ref repeated): those are to be read by `read_claim`, each on its own."""
        counts = [len(row.items) for row in rows]
        items = [item for row in rows for item in row.items]
        columns: list[Sequence[Any]] = [  # the fields of ItemRow; attributes by name (getattr is 4× slower)
            [i.ref for i in items], [i.code for i in items], [i.name for i in items], [i.category for i in items],
            [i.day for i in items], [i.qty for i in items], [i.unit_price for i in items],
            [i.standard_price for i in items], [i.service for i in items], [i.equipment for i in items],
        ]  # fmt: skip
        refs, codes, days = columns[0], columns[1], columns[4]
        starts = [0, *accumulate(counts)]
        spans = list(pairwise(starts))
        bad: set[int] = set()
        if not self.codes.issuperset(codes):
            new = set(codes).difference(self.codes)
            odd = {code for code in new if code.strip() != code}
            _remember_all(self.codes, new - odd)
            if odd:
                bad.update(i for i, (a, b) in enumerate(spans) if not odd.isdisjoint(codes[a:b]))
        if not self.days.issuperset(days):
            new = set(days).difference(self.days)
            odd = {day for day in new if not good_day(day, self.low, self.high)}
            _remember_all(self.days, new - odd)
            if odd:
                bad.update(i for i, (a, b) in enumerate(spans) if not odd.isdisjoint(days[a:b]))
        for field in (8, 9):  # services and equipment, stripped of surrounding blanks
            if not self.plain.issuperset(columns[field]):
                columns[field] = self._stripped(columns[field])
        bad.update(i for i, (a, b) in enumerate(spans) if len(set(refs[a:b])) != b - a)
        return columns, counts, sorted(bad)

    def view(self, row: ClaimRow) -> ClaimView | None:
        head = self.head(row)
        if head is None:
            return None
        claim_id, institution, patient_id, admitted, discharged = head
        columns = zip(*map(astuple, row.items), strict=True)  # the items' fields, one tuple per field
        refs, codes, names, categories, days, qty, prices, standards, services, kits = columns
        if not self.codes.issuperset(codes) and not self._plain_codes(codes):
            return None
        if not self.days.issuperset(days) and not self._good_days(days):
            return None
        if not self.plain.issuperset(services):
            services = self._stripped(services)
        if not self.plain.issuperset(kits):
            kits = self._stripped(kits)
        if len(set(refs)) != len(refs):
            return None
        return ClaimView(claim_id, institution, patient_id, admitted, discharged, refs, codes, names, categories,
                         days, qty, prices, standards, services, kits, tuple(map(self.entries, codes)),
                         sum(map(mul, qty, prices), 0.0))  # fmt: skip

    def _stay_day(self, value: str | None) -> date | None:
        if not value:
            return None
        day = self.stay_days.get(value)
        if day is None:
            try:
                day = _day(value, "", self.bounds)
            except ClaimError:
                return None
            _remember(self.stay_days, value, day)
        return day

    def _institution(self, row: InstitutionRow) -> Institution | None:
        obj = {"id": row.id, "name": row.name, "level": row.level,
               "licensed_services": list(row.licensed_services), "equipment": list(row.equipment)}  # fmt: skip
        try:
            institution = institution_of(obj)
        except ClaimError:
            return None
        _remember(self.institutions, row, institution)
        return institution

    def _plain_codes(self, codes: Sequence[str]) -> bool:
        for code in codes:
            if code.strip() != code:
                return False
        _remember_all(self.codes, codes)
        return True

    def _good_days(self, days: Sequence[str]) -> bool:
        low, high = self.low, self.high
        for day in days:
            if day not in self.days and not good_day(day, low, high):
                return False
        _remember_all(self.days, days)
        return True

    def _stripped(self, texts: Sequence[str]) -> tuple[str, ...]:
        stripped = tuple(text.strip() for text in texts)
        _remember_all(self.plain, (t for t, s in zip(texts, stripped, strict=True) if t == s))
        return stripped


def _remember(cache: dict[Any, Any], key: Any, value: Any) -> None:
    if len(cache) >= REMEMBERED:
        cache.clear()
    cache[key] = value


def _remember_all(cache: set[str], values: Any) -> None:
    if len(cache) >= REMEMBERED:
        cache.clear()
        cache.add("")  # the empty text is plain (and no code or day is empty)
    cache.update(values)


__all__ = ["DECODER", "ClaimReader", "ClaimRow", "InstitutionRow", "ItemRow"]
