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
        self.dispensed = [0.0] * len(self.stock)
        self.codes = {record.code for record in self.stock}

    @staticmethod
    def limit(record: StockRecord) -> float:
        return record.opening + record.purchased - (record.closing or 0.0)

    def check(self, claim: ClaimView) -> list[Finding]:
        codes, institution = self.codes, claim.institution.id
        over: dict[int, list[tuple[int, float]]] | None = None
        for k, code in enumerate(claim.codes):
            if code not in codes:
                continue
            periods = self.records.get((institution, code))
            if periods is None:
                continue
            day = claim.days[k]
            for start, end, n in periods:
                if start <= day <= end:
                    before = self.dispensed[n]
                    after = self.dispensed[n] = before + claim.qty[k]
                    if after > self.limits[n] + 1e-9:
                        over = over if over is not None else {}
                        over.setdefault(n, []).append((k, after - max(before, self.limits[n])))
                    break
        if over is None:
            return []
        return [self._finding(claim, self.stock[n], n, lines) for n, lines in over.items()]

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
