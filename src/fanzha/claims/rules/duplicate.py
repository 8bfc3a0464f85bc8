"""重复收费: the same item charged more times for one patient and day than the catalogue allows (per_day),
or more times in one stay than allowed (per_stay, e.g. one 入院诊查费). The excess units are at stake, at
the price they were charged; the lines that carry the excess are named. Per-night bed items are left to
`bed_days_beyond_stay` (a bed line may cover several nights)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import repeat
from operator import le
from typing import TYPE_CHECKING

import numpy as np

from fanzha.claims.catalogue import Catalogue
from fanzha.claims.model import Finding, StockRecord
from fanzha.claims.rules.base import Rule, labels, units, yuan
from fanzha.claims.view import ClaimView

if TYPE_CHECKING:
    from fanzha.claims.batch import ClaimBatch


def _excess(claim: ClaimView, lines: list[int], allowed: int) -> tuple[list[int], float, float]:
    """The lines beyond the first `allowed` units, the units beyond and their amount."""
    seen, beyond, amount, over = 0.0, 0.0, 0.0, []
    qty, prices = claim.qty, claim.prices
    for k in lines:
        extra = min(qty[k], max(0.0, seen + qty[k] - allowed))
        seen += qty[k]
        if extra > 1e-9:
            over.append(k)
            beyond += extra
            amount += extra * prices[k]
    return over, beyond, amount


class DuplicateCharge(Rule):
    id = "duplicate_charge"
    name = "重复收费"
    description = (
        "同一参保人同一天同一项目的收费次数超过目录规定的每日限次（或每次住院限次），超出部分为涉及金额。"
    )

    def __init__(self, *, catalogue: Catalogue, stock: Sequence[StockRecord] = ()) -> None:
        super().__init__(catalogue=catalogue, stock=stock)
        self.stay_codes = {
            e.code for e in catalogue.items.values() if e.per_stay is not None and not e.per_night
        }
        # the most units one line may carry: the smaller of the limits per day and per stay
        self.line_limit = {
            e.code: float(min(e.per_day or math.inf, e.per_stay or math.inf))
            for e in catalogue.items.values()
            if not e.per_night and (e.per_day or e.per_stay)
        }
        self.day_limit = {
            e.code: e.per_day for e in catalogue.items.values() if not e.per_night and e.per_day
        }

    def _clean(self, claim: ClaimView) -> bool:
        """The common case, decided fast: no line over its limits, no item limited per stay charged twice, and
        the units of an item charged more than once on a day (summed as `_excess` sums them) within its limit."""
        codes, qty = claim.codes, claim.qty
        if not all(map(le, qty, map(self.line_limit.get, codes, repeat(math.inf)))):
            return False
        if not all(codes.count(code) == 1 for code in self.stay_codes.intersection(codes)):
            return False
        pairs = list(zip(codes, claim.days, strict=True))
        if len(set(pairs)) == claim.n:
            return True
        totals: dict[tuple[str, str], float]
        day_limit, totals = self.day_limit, {}
        for pair, q in zip(pairs, qty, strict=True):
            if pair[0] in day_limit:
                totals[pair] = totals.get(pair, 0.0) + q
        return all(total <= day_limit[pair[0]] for pair, total in totals.items())

    def suspects(self, batch: ClaimBatch) -> list[int]:
        """The claims `_clean` would not pass: a line over its limit, an item limited per stay charged twice,
        an item limited per day charged twice on a day."""
        codes = batch.code_ids
        over = batch.qty_array > batch.per_code("duplicate.line", self._line_limit, np.float64)
        suspects = set(batch.claims_with(over))
        code_bound = int(codes.max()) + 1 if len(codes) else 1
        per_stay = batch.per_code("duplicate.stay", self.stay_codes.__contains__, bool)
        suspects.update(batch.claims_repeating(per_stay, (codes, code_bound)))
        per_day = batch.per_code("duplicate.day", self._day_limit, np.float64)
        picked, starts = batch.grouped(per_day > 0, (codes, code_bound), batch.day_offsets)
        if len(picked):
            sizes = np.diff(np.append(starts, len(picked)))
            # summed in item order as `_clean` sums (numpy adds fewer than 8 numbers one after another)
            totals = np.add.reduceat(batch.qty_array[picked], starts)
            over = (sizes > 1) & ((totals > per_day[picked[starts]]) | (sizes >= 8))
            suspects.update(batch.claim_of[picked[starts[over]]].tolist())
        return sorted(suspects)

    def _day_limit(self, code: str) -> float:
        return float(self.day_limit.get(code) or 0)

    def _line_limit(self, code: str) -> float:
        return self.line_limit.get(code, math.inf)

    def check(self, claim: ClaimView) -> list[Finding]:
        if self._clean(claim):
            return []
        per_day: dict[tuple[str, str], list[int]] = {}
        per_stay: dict[str, list[int]] = {}
        days, codes, qty = claim.days, claim.codes, claim.qty
        crowded = False
        for k, entry in enumerate(claim.entries):
            if entry is None or entry.per_night:  # beds: bed_days_beyond_stay
                continue
            if entry.per_day is not None:
                key = (codes[k], days[k])
                lines = per_day.get(key)
                if lines is None:
                    per_day[key] = [k]
                    crowded = crowded or qty[k] > entry.per_day
                else:
                    lines.append(k)
                    crowded = True
            if entry.per_stay is not None:
                lines = per_stay.get(codes[k])
                if lines is None:
                    per_stay[codes[k]] = [k]
                    crowded = crowded or qty[k] > entry.per_stay
                else:
                    lines.append(k)
                    crowded = True
        if not crowded:  # the common case: every item once a day, within its limits
            return []
        findings: list[Finding] = []
        for (code, day), lines in per_day.items():
            allowed = claim.entries[lines[0]].per_day or 0  # type: ignore[union-attr]
            over, beyond, amount = _excess(claim, lines, allowed)
            if over:
                findings.append(
                    self.finding(
                        claim,
                        over,
                        amount,
                        f"{claim.names[lines[0]] or code}在 {day} 收费 {units(sum(qty[k] for k in lines))} 次，目录规定"
                        f"每人每日最多 {allowed} 次；超出 {units(beyond)} 次（{labels(claim, over)}），涉及 {yuan(amount)}。",
                    )
                )
        for code, lines in per_stay.items():
            allowed = claim.entries[lines[0]].per_stay or 0  # type: ignore[union-attr]
            over, beyond, amount = _excess(claim, lines, allowed)
            refs = tuple(claim.refs[k] for k in over)
            if over and not any(f.item_refs == refs for f in findings):
                findings.append(
                    self.finding(
                        claim,
                        over,
                        amount,
                        f"{claim.names[lines[0]] or code}本次结算收费 {units(sum(qty[k] for k in lines))} 次，目录规定"
                        f"每次住院最多 {allowed} 次；超出 {units(beyond)} 次（{labels(claim, over)}），涉及 {yuan(amount)}。",
                    )
                )
        return findings
