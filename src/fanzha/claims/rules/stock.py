"""进销存不符: an institution dispensed more of a drug in a period than it had — opening stock plus purchases
(minus the closing stock when it was counted). Streaming: the quantity dispensed per institution, drug and
period is summed in the order the claims arrive, and the claims whose items pushed it over the limit get
the finding, for the units beyond it at the price charged. Items with no stock record are not judged."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import cached_property
from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np

from fanzha.claims.catalogue import Catalogue
from fanzha.claims.model import Finding, StockRecord
from fanzha.claims.rules.base import Rule, yuan
from fanzha.claims.view import ClaimView

if TYPE_CHECKING:
    from fanzha.claims.batch import ClaimBatch


DAYS = 10_000_000  # above any day number (`date.toordinal`): a pair's records sort by (pair, first day)
OVERLAPPING = -2


class StockNotReconciled(Rule):
    id = "stock_not_reconciled"
    name = "进销存不符"
    description = "机构某药品在一个期间内的销售（结算）数量超过期初库存加本期购进（减去已盘点的期末库存），超出部分为涉及金额。"
    streaming = True

    def __init__(self, *, catalogue: Catalogue, stock: Sequence[StockRecord] = ()) -> None:
        super().__init__(catalogue=catalogue, stock=stock)
        self.records: dict[tuple[str, str], list[tuple[str, str, int]]] = {}
        self.stock = list(stock)
        for n, record in enumerate(self.stock):
            periods = self.records.setdefault((record.institution_id, record.code), [])
            periods.append((record.period_start.isoformat(), record.period_end.isoformat(), n))
        self.limits = [self.limit(record) for record in self.stock]
        self.ceilings = [limit + 1e-9 for limit in self.limits]
        self.dispensed = [0.0] * len(self.stock)
        stocked: dict[str, set[str]] = {}
        for institution, code in self.records:
            stocked.setdefault(institution, set()).add(code)
        self.stocked = {k: frozenset(v) for k, v in stocked.items()}  # institution → the drugs with records
        self.periods: dict[tuple[str, str, str], int] = {}  # (institution, code, day) → record, -1 for none

    @staticmethod
    def limit(record: StockRecord) -> float:
        return record.opening + record.purchased - (record.closing or 0.0)

    def check(self, claim: ClaimView) -> list[Finding]:
        institution = claim.institution.id
        stocked = self.stocked.get(institution)
        if stocked is None or stocked.isdisjoint(claim.codes):
            return []
        over: dict[int, list[tuple[int, float]]] | None = None
        days, qty, dispensed, ceilings = claim.days, claim.qty, self.dispensed, self.ceilings
        for k, code in enumerate(claim.codes):
            if code not in stocked:
                continue
            n = self.periods.get((institution, code, days[k]))
            if n is None:
                n = self._period(institution, code, days[k])
            if n < 0:
                continue
            before = dispensed[n]
            after = dispensed[n] = before + qty[k]
            if after > ceilings[n]:
                over = over if over is not None else {}
                over.setdefault(n, []).append((k, after - max(before, self.limits[n])))
        if over is None:
            return []
        return self._findings(claim, over)

    def check_batch(self, batch: ClaimBatch) -> dict[int, list[Finding]]:
        """`check` over the claims of the batch in order, visiting only the items whose day falls in a stock
        record's period of their institution and drug (found from the batch's arrays)."""
        tables = batch.tables
        institution_ids = tables.institutions.of([head.institution.id for head in batch.heads])
        known, codes = tables.institutions.values, tables.codes.values
        pairs = self._pair_numbers

        def pair_of(institution: int, code: int) -> int:
            return pairs.get((known[institution], codes[code]), -1)

        pair = batch.pair_values("stock.pair", institution_ids, batch.code_ids, pair_of)
        items = np.flatnonzero(pair >= 0)
        if not len(items):
            return {}
        records = self._records_of(pair[items], batch.day_numbers[items])
        if (
            records == OVERLAPPING
        ).any():  # a drug whose periods overlap: the first record that holds the day
            for j in np.flatnonzero(records == OVERLAPPING).tolist():
                k = int(items[j])
                i = int(batch.claim_of[k])
                records[j] = self._period(batch.heads[i].institution.id, batch.codes[k], batch.days[k])
        held = records >= 0
        return self._dispense(batch, items[held].tolist(), records[held].tolist())

    def _dispense(self, batch: ClaimBatch, items: list[int], records: list[int]) -> dict[int, list[Finding]]:
        """The items (in order) counted against their records, as `check` counts them."""
        found: dict[int, list[Finding]] = {}
        if not items:
            return found
        claim_of, starts, qty = batch.claim_of.tolist(), batch.starts, batch.qty
        dispensed, ceilings, limits = self.dispensed, self.ceilings, self.limits
        over: dict[int, list[tuple[int, float]]] = {}
        current = claim_of[items[0]]
        for k, n in zip(items, records, strict=True):
            if claim_of[k] != current:
                if over:
                    found[current] = self._findings(batch.view(current), over)
                    over = {}
                current = claim_of[k]
            before = dispensed[n]
            after = dispensed[n] = before + qty[k]
            if after > ceilings[n]:
                over.setdefault(n, []).append((k - starts[current], after - max(before, limits[n])))
        if over:
            found[current] = self._findings(batch.view(current), over)
        return found

    @cached_property
    def _pair_numbers(self) -> dict[tuple[str, str], int]:
        return {pair: number for number, pair in enumerate(self.records)}

    @cached_property
    def _periods_table(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The records by (pair number, first day): keys, last days, record numbers; and per pair whether its
        periods overlap (then the first record in the file that holds a day is its record)."""
        keys, ends, numbers, overlapping = [], [], [], []
        for number, periods in enumerate(self.records.values()):
            spans = sorted(
                (date.fromisoformat(a).toordinal(), date.fromisoformat(b).toordinal(), n)
                for a, b, n in periods
            )
            overlapping.append(any(later[0] <= earlier[1] for earlier, later in pairwise(spans)))
            for first, last, n in spans:
                keys.append(number * DAYS + first)
                ends.append(last)
                numbers.append(n)
        return (
            np.array(keys, dtype=np.int64),
            np.array(ends),
            np.array(numbers),
            np.array(overlapping, dtype=bool),
        )

    def _records_of(self, pairs: np.ndarray, days: np.ndarray) -> np.ndarray:
        """The record whose period holds each (pair, day): -1 for none, OVERLAPPING where the pair's periods
        overlap (`_period` decides)."""
        keys, ends, numbers, overlapping = self._periods_table
        wanted = pairs * DAYS + days
        at = np.searchsorted(keys, wanted, side="right") - 1
        safe = np.maximum(at, 0)
        hit = (at >= 0) & (keys[safe] // DAYS == pairs) & (ends[safe] >= days)
        records = np.where(hit, numbers[safe], -1)
        return np.where(overlapping[pairs], OVERLAPPING, records)

    def _findings(self, claim: ClaimView, over: dict[int, list[tuple[int, float]]]) -> list[Finding]:
        return [self._finding(claim, self.stock[n], n, lines) for n, lines in over.items()]

    def _period(self, institution: str, code: str, day: str) -> int:
        """The first record of the institution and drug whose period holds the day (-1: none), remembered."""
        found = next((n for start, end, n in self.records[institution, code] if start <= day <= end), -1)
        if len(self.periods) >= 1_000_000:
            self.periods.clear()
        self.periods[institution, code, day] = found
        return found

    def _finding(
        self, claim: ClaimView, record: StockRecord, n: int, lines: list[tuple[int, float]]
    ) -> Finding:
        amount = sum(extra * claim.prices[k] for k, extra in lines)
        beyond = sum(extra for _, extra in lines)
        closing = f"，期末盘点 {record.closing:g}" if record.closing is not None else ""
        name = record.name or claim.names[lines[0][0]] or record.code
        return self.finding(
            claim,
            [k for k, _ in lines],
            amount,
            f"{name}在 {record.period_start} 至 {record.period_end} 期初库存 {record.opening:g}、购进 "
            f"{record.purchased:g}{closing}，可销售 {self.limits[n]:g}；到本单已结算 {self.dispensed[n]:g}，"
            f"本单超出 {beyond:g}，进销存不符，涉及 {yuan(amount)}。",
        )
