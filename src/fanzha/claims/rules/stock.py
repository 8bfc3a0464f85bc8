"""进销存不符: an institution dispensed more of a drug in a period than it had — opening stock plus purchases
(minus the closing stock when it was counted). Streaming: the quantity dispensed per institution, drug and
period is summed in the order the claims arrive, and the claims whose items pushed it over the limit get
the finding, for the units beyond it at the price charged. Items with no stock record are not judged."""

from __future__ import annotations

from collections.abc import Sequence

from fanzha.claims.catalogue import Catalogue
from fanzha.claims.model import Finding, StockRecord
from fanzha.claims.rules.base import Rule, yuan
from fanzha.claims.view import ClaimView


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
