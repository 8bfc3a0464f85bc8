"""Many claims side by side, for the audit of a file (`Auditor.audit_many`, `Auditor.audit_lines`).

The claims the fast reader accepts (`fanzha.claims.rows`) are laid out as one `ClaimBatch`: a head per claim
(id, institution, patient, stay) and the items of all of them in flat columns, with numpy arrays where a
rule compares numbers. A rule that judges one claim at a time says which claims it *may* find something in
(`Rule.suspects`, from the arrays), and only those are checked one by one by the rule's own `check`, on the
claim's `ClaimView`; the rules that look across claims see every claim of the batch in order
(`Rule.check_batch`). So the findings are exactly those of auditing the claims one by one — the batch only
skips the claims that cannot have one (tested against the one-by-one audit on generated claims).

`Ids` gives the values a run meets (item codes, days, an institution's lists) small integer ids, so that
what a rule knows per code becomes an array indexed by them."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from datetime import date
from functools import cached_property
from itertools import pairwise, repeat
from operator import mul
from typing import Any, NamedTuple

import numpy as np

from fanzha.claims.catalogue import Catalogue
from fanzha.claims.model import Institution
from fanzha.claims.view import ClaimView

MAX_IDS = 100_000  # distinct values of one kind a run keeps before it starts again (between batches)
UNKNOWN = -9  # a cell of a `pair_values` table not asked yet


class Head(NamedTuple):
    """A claim without its items: what the fast reader checked of it."""

    claim_id: str
    institution: Institution
    patient_id: str
    admitted: date | None
    discharged: date | None


class Ids:
    """Small integer ids for the values an audit run meets, and columns made from them (`column`)."""

    __slots__ = ("_columns", "ids", "values")

    def __init__(self) -> None:
        self.ids: dict[Hashable, int] = {}
        self.values: list[Any] = []
        self._columns: dict[str, np.ndarray] = {}

    def of(self, values: Sequence[Hashable]) -> np.ndarray:
        """The ids of `values` (new ones get the next ids), as an int64 array."""
        ids, n = self.ids, len(values)
        found = np.fromiter(map(ids.get, values, repeat(-1)), dtype=np.int64, count=n)
        if n and found.min() < 0:
            known = self.values
            for value in values:
                if value not in ids:
                    ids[value] = len(known)
                    known.append(value)
            found = np.fromiter(map(ids.__getitem__, values), dtype=np.int64, count=n)
        return found

    def column(self, name: str, make: Callable[[Any], Any], dtype: Any) -> np.ndarray:
        """`make(value)` for every id so far, as an array indexed by id (each value made once)."""
        column = self._columns.get(name)
        have = 0 if column is None else len(column)
        if column is None or have < len(self.values):
            extra = np.fromiter(map(make, self.values[have:]), dtype=dtype, count=len(self.values) - have)
            column = extra if column is None else np.concatenate((column, extra))
            self._columns[name] = column
        return column


class BatchTables:
    """What an audit run keeps between batches: the ids of codes, days and lists."""

    codes: Ids
    days: Ids
    lists: Ids  # an institution's licensed services or approved equipment (tuples)
    institutions: Ids  # institution ids
    texts: Ids  # services and equipment named by items
    pairs: dict[str, np.ndarray]  # pair_values' tables

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.start_again()

    def start_again(self, *, unless_small: bool = False) -> None:
        """Forget the ids and what was made from them (at the start of a batch: the ids of a batch stay)."""
        if unless_small and max(len(self.codes.values), len(self.days.values), len(self.lists.values),
                                len(self.institutions.values), len(self.texts.values)) <= MAX_IDS:  # fmt: skip
            return
        self.pairs = {}
        self.codes = Ids()
        self.days = Ids()
        self.lists = Ids()
        self.institutions = Ids()
        self.texts = Ids()


class ClaimBatch:
    """Claims side by side: `heads[i]` and the items `starts[i]:starts[i + 1]` of the flat columns."""

    def __init__(self, heads: list[Head], columns: Sequence[Sequence[Any]], counts: list[int],
                 tables: BatchTables) -> None:  # fmt: skip
        tables.start_again(unless_small=True)  # a hostile file of distinct values does not grow them forever
        self.heads, self.tables, self.n = heads, tables, len(heads)
        (self.refs, self.codes, self.names, self.categories, self.days, self.qty, self.prices, self.standards,
         self.services, self.equipment) = columns  # fmt: skip
        self.counts = counts
        self.starts = [0, *np.cumsum(counts).tolist()]
        self._views: dict[int, ClaimView] = {}

    # ---- per claim ------------------------------------------------------------------------------------
    def view(self, i: int) -> ClaimView:
        """Claim `i` as the rules read one claim (made once)."""
        view = self._views.get(i)
        if view is None:
            a, b = self.starts[i], self.starts[i + 1]
            head, codes, qty, prices = self.heads[i], self.codes[a:b], self.qty[a:b], self.prices[a:b]
            view = ClaimView(*head, self.refs[a:b], codes, self.names[a:b], self.categories[a:b], self.days[a:b],
                             qty, prices, self.standards[a:b], self.services[a:b], self.equipment[a:b],
                             tuple(map(self.tables.catalogue.items.get, codes)), total(qty, prices))  # fmt: skip
            self._views[i] = view
        return view

    def totals(self) -> list[float]:
        """Each claim's charged amount, summed as `ClaimView` sums it."""
        qty, prices, starts = self.qty, self.prices, self.starts
        return [total(qty[a:b], prices[a:b]) for a, b in pairwise(starts)]

    # ---- arrays over the items ------------------------------------------------------------------------
    @cached_property
    def claim_of(self) -> np.ndarray:
        """The claim of each item."""
        return np.repeat(np.arange(self.n, dtype=np.int64), self.counts)

    @cached_property
    def code_ids(self) -> np.ndarray:
        return self.tables.codes.of(self.codes)

    @cached_property
    def qty_array(self) -> np.ndarray:
        return np.array(self.qty, dtype=np.float64)

    @cached_property
    def price_array(self) -> np.ndarray:
        return np.array(self.prices, dtype=np.float64)

    @cached_property
    def standard_array(self) -> np.ndarray:
        """The standard price each item states (NaN where it states none)."""
        return np.array(self.standards, dtype=np.float64)

    @cached_property
    def day_numbers(self) -> np.ndarray:
        """Each item's day as a day number (`date.toordinal`)."""
        days = self.tables.days
        ids = days.of(self.days)
        numbers: np.ndarray = days.column("ordinal", _ordinal, np.int64)[ids]
        return numbers

    def per_code(self, name: str, make: Callable[[str], Any], dtype: Any) -> np.ndarray:
        """`make(code)` for each item's code (made once per code and run)."""
        ids = self.code_ids
        values: np.ndarray = self.tables.codes.column(name, make, dtype)[ids]
        return values

    def per_claim(self, values: Sequence[Any] | np.ndarray) -> np.ndarray:
        """A value per claim spread over its items."""
        return np.repeat(np.asarray(values), self.counts)

    def pair_values(self, name: str, claim_ids: np.ndarray, item_ids: np.ndarray,
                    make: Callable[[int, int], int]) -> np.ndarray:  # fmt: skip
        """Per item, `make(its claim's id, its id)` — ids of `Ids` tables (an institution's list, the item's
        code or text), for which `make` gives a small integer (≥ -1) that never changes — asked once per pair
        and run (kept in a table named `name`)."""
        rows, columns = np.repeat(claim_ids, self.counts), item_ids
        if not len(rows):
            return np.zeros(0, dtype=np.int64)
        shape = (int(rows.max()) + 1, int(columns.max()) + 1)
        table = self.tables.pairs.get(name)
        if table is None or table.shape[0] < shape[0] or table.shape[1] < shape[1]:
            grown = np.full((max(shape[0], 2 * (table.shape[0] if table is not None else 0)),
                             max(shape[1], 2 * (table.shape[1] if table is not None else 0))), UNKNOWN)  # fmt: skip
            if table is not None:
                grown[: table.shape[0], : table.shape[1]] = table
            table = self.tables.pairs[name] = grown
        cells = table[rows, columns]
        unknown = cells == UNKNOWN
        if unknown.any():
            width = table.shape[1]
            for pair in np.unique(rows[unknown] * width + columns[unknown]).tolist():
                row, column = divmod(pair, width)
                table[row, column] = make(row, column)
            cells = table[rows, columns]
        values: np.ndarray = cells
        return values

    def judge_pairs(self, name: str, claim_ids: np.ndarray, item_ids: np.ndarray,
                    judge: Callable[[int, int], bool]) -> np.ndarray:  # fmt: skip
        """`pair_values` of a yes-or-no question."""
        yes: np.ndarray = self.pair_values(name, claim_ids, item_ids, lambda a, b: int(judge(a, b))) == 1
        return yes

    def outside(self, lists: Sequence[tuple[str, ...]], texts: Sequence[str]) -> np.ndarray:
        """Per item: its text (a service, equipment) is not empty, its claim's list is not empty, and the
        text is not on the list."""
        tables = self.tables
        claim_ids, item_ids = tables.lists.of(lists), tables.texts.of(texts)
        listed, named = tables.lists.values, tables.texts.values
        return self.judge_pairs("outside", claim_ids, item_ids, lambda a, b: _outside(listed[a], named[b]))

    def claims_with(self, items: np.ndarray) -> list[int]:
        """The claims (in order, once each) that hold any of the items where `items` is true."""
        claims: list[int] = np.unique(self.claim_of[items]).tolist()
        return claims

    def grouped(self, items: np.ndarray, *keys: tuple[np.ndarray, int]) -> tuple[np.ndarray, np.ndarray]:
        """The items where `items` is true, grouped by claim and `keys` (arrays of small non-negative integers
        per item, each below the bound paired with it): the items in group order (in their order within a
        group), and where each group starts among them."""
        picked = np.flatnonzero(items)
        key = self.claim_of[picked]
        for values, bound in keys:
            key = key * bound + values[picked]
        order = np.argsort(key, kind="stable")
        picked, key = picked[order], key[order]
        starts = np.flatnonzero(np.concatenate(([True], key[1:] != key[:-1]))) if len(key) else picked
        return picked, starts

    def claims_repeating(self, items: np.ndarray, *keys: tuple[np.ndarray, int]) -> list[int]:
        """The claims in which two of the items where `items` is true share the same `keys`."""
        picked, starts = self.grouped(items, *keys)
        sizes = np.diff(np.append(starts, len(picked)))
        claims: list[int] = np.unique(self.claim_of[picked[starts[sizes > 1]]]).tolist()
        return claims

    @cached_property
    def day_offsets(self) -> tuple[np.ndarray, int]:
        """Each item's day counted from the batch's first day, and the bound of those counts."""
        numbers = self.day_numbers
        if not len(numbers):
            return numbers, 1
        first = int(numbers.min())
        return numbers - first, int(numbers.max()) - first + 1


def _outside(listed: tuple[str, ...], text: str) -> bool:
    return bool(listed) and bool(text) and text not in listed


def _ordinal(day: str) -> int:
    return date.fromisoformat(day).toordinal()


def total(qty: Sequence[float], prices: Sequence[float]) -> float:
    return sum(map(mul, qty, prices), 0.0)


__all__ = ["BatchTables", "ClaimBatch", "Head", "Ids", "total"]
