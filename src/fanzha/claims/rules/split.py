"""分解收费: a package (血常规, 肝功能 …) billed as its components on the same day for more than the
package price — the difference is at stake; components billed on a day the package itself was billed are
charged twice — their whole amount is at stake. A package billed as the package is clean, and so is a
single component ordered on its own."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from fanzha.claims.catalogue import CatalogueItem
from fanzha.claims.model import Finding
from fanzha.claims.rules.base import Rule, yuan
from fanzha.claims.view import ClaimView

if TYPE_CHECKING:
    from fanzha.claims.batch import ClaimBatch


class SplitCharging(Rule):
    id = "split_charging"
    name = "分解收费"
    description = "同一天把套餐项目拆成组成项目分别收费，合计高于套餐价（差额为涉及金额），或在已收套餐的同一天另收其组成项目。"

    def suspects(self, batch: ClaimBatch) -> list[int]:
        """The claims where a package's components on one day are billed beside the package, or sum to more
        than its price (`_judge`'s tests, made on all claims at once); a component of several packages
        makes its claim a suspect outright."""
        packages = batch.per_code("split.packages", self._packages, np.int8)
        if not packages.any():
            return []
        suspects = set(batch.claims_with(packages > 1))
        codes = batch.code_ids
        package = batch.tables.codes.of(batch.per_code("split.package", self._package, object)[packages == 1])
        bound = int(max(codes.max(), package.max())) + 1
        of_package = np.full(len(codes), -1)
        of_package[packages == 1] = package
        days, day_bound = batch.day_offsets
        lines, starts = batch.grouped(packages == 1, (of_package, bound), (days, day_bound))
        claims = batch.claim_of[lines[starts]]
        group = (claims * bound + of_package[lines[starts]]) * day_bound + days[lines[starts]]
        billed = batch.per_code("split.is_package", self._is_package, bool)
        with_package = np.isin(
            group, (batch.claim_of[billed] * bound + codes[billed]) * day_bound + days[billed]
        )
        sizes = np.diff(np.append(starts, len(lines)))
        # summed in line order as `_judge` sums (numpy adds fewer than 8 numbers one after another)
        charged = np.add.reduceat(batch.qty_array[lines] * batch.price_array[lines], starts)
        fewest = np.minimum.reduceat(batch.qty_array[lines], starts)
        price = batch.tables.codes.column("split.price", self._price, np.float64)[of_package[lines[starts]]]
        over = (sizes > 1) & ((charged > price * np.maximum(fewest, 1.0) + 0.005) | (sizes >= 8))
        suspects.update(claims[with_package | over].tolist())
        return sorted(suspects)

    def _packages(self, code: str) -> int:
        return min(len(self.catalogue.packages_of.get(code, ())), 2)

    def _package(self, code: str) -> str:
        packages = self.catalogue.packages_of.get(code)
        return packages[0].code if packages else ""

    def _is_package(self, code: str) -> bool:
        entry = self.catalogue.items.get(code)
        return entry is not None and bool(entry.components)

    def _price(self, code: str) -> float:
        entry = self.catalogue.items.get(code)
        return math.nan if entry is None or entry.price is None else entry.price

    def check(self, claim: ClaimView) -> list[Finding]:
        packages_of = self.catalogue.packages_of
        if packages_of.keys().isdisjoint(claim.codes):
            return []
        parts: dict[tuple[str, str], list[int]] | None = None
        codes, days = claim.codes, claim.days
        for k, code in enumerate(codes):
            packages = packages_of.get(code)
            if packages is not None:
                parts = parts if parts is not None else {}
                for package in packages:
                    parts.setdefault((package.code, days[k]), []).append(k)
        if parts is None:
            return []
        findings = []
        billed = set(zip(codes, days, strict=True))
        for (code, day), lines in parts.items():
            package = self.catalogue.items[code]
            finding = self._judge(claim, package, day, lines, (code, day) in billed)
            if finding is not None:
                findings.append(finding)
        return findings

    def _judge(
        self, claim: ClaimView, package: CatalogueItem, day: str, lines: list[int], with_package: bool
    ) -> Finding | None:
        if not with_package and len({claim.codes[k] for k in lines}) < 2:
            return None  # a single component ordered on its own
        names = "、".join(f"{claim.names[k] or claim.codes[k]}（项目 {claim.refs[k]}）" for k in lines)
        total = sum(claim.qty[k] * claim.prices[k] for k in lines)
        if with_package:
            return self.finding(
                claim,
                lines,
                total,
                f"{day} 已收取套餐「{package.name}」，又另收其组成项目 {names}，重复收取 {yuan(total)}。",
            )
        if package.price is None:
            return None
        limit = package.price * max(min(claim.qty[k] for k in lines), 1.0)
        if total <= limit + 0.005:
            return None
        return self.finding(
            claim,
            lines,
            total - limit,
            f"{day} 把套餐「{package.name}」（{yuan(package.price)}）拆成 {names} 分别收费，合计 {yuan(total)}，"
            f"高出套餐价 {yuan(total - limit)}。",
        )
