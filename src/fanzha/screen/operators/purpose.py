"""Operators on the purpose the customer gave ("转到安全账户", "交保证金", "解冻费"): phrases in it, the
scam detector's cues found in it, its risk and fraud type (`fanzha.detect`, read once per distinct
text through `fanzha.screen.purpose.PurposeReader`)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from fanzha.screen.facts import ASSESSED, PURPOSE, Facts
from fanzha.screen.operators.base import Compiled, Operator, RuleError, bounds, choices, in_bounds
from fanzha.screen.purpose import normalise_purpose
from fanzha.taxonomy import load_taxonomy


@lru_cache(maxsize=1)
def _taxonomy_ids() -> tuple[tuple[str, ...], tuple[str, ...], dict[str, str]]:
    taxonomy = load_taxonomy()
    names = {t.code: t.name for t in taxonomy.types}
    return tuple(c.id for c in taxonomy.all_cues), taxonomy.codes, names


class PurposeContains(Operator):
    name = "purpose_contains"
    help = "用途中出现其中任一词语（按简体、半角、小写比较）"
    example = "[安全账户, 保证金, 解冻费]"
    needs = frozenset([PURPOSE])

    def compile(self, arg: Any, where: str) -> Compiled:
        if not isinstance(arg, list) or not arg or not all(isinstance(p, str) and p.strip() for p in arg):
            raise RuleError(f"{where}：应为非空的词语列表")
        phrases = tuple(normalise_purpose(p) for p in arg)

        def test(f: Facts) -> bool | None:
            if f.purpose is None:
                return None
            text = f.purpose.text
            return any(p in text for p in phrases)

        return self.done(test, "用途提到“" + "”“".join(arg) + "”")


class PurposeCues(Operator):
    name = "purpose_cues"
    help = "诈骗识别引擎在用途中发现其中任一线索（线索编号见 fraud_types.yaml，如 safe_account）"
    example = "[safe_account, suspected_crime]"
    needs = frozenset([PURPOSE, ASSESSED])

    def compile(self, arg: Any, where: str) -> Compiled:
        ids, _, _ = _taxonomy_ids()
        wanted = choices(arg, where, ids)

        def test(f: Facts) -> bool | None:
            if f.purpose is None:
                return None
            return not wanted.isdisjoint(f.purpose.cues)

        return self.done(test, "用途中有诈骗线索：" + "、".join(sorted(wanted)))


class PurposeRisk(Operator):
    name = "purpose_risk"
    help = (
        "诈骗识别引擎给用途的风险分（0–100）在范围内。只是向对方借钱、要转账或要验证码而别无诈骗特征的用途"
        "（“借我500”）计为可疑的 25 分"
    )
    example = "{min: 50}"
    needs = frozenset([PURPOSE, ASSESSED])

    def compile(self, arg: Any, where: str) -> Compiled:
        low, top = bounds(arg, where, high=100)

        def test(f: Facts) -> bool | None:
            if f.purpose is None or f.purpose.risk is None:
                return None
            return in_bounds(f.purpose.risk, low, top)

        return self.done(test, f"用途的诈骗风险分{'不低于' if low is not None else '低于'}{low or top:g}")


class PurposeType(Operator):
    name = "purpose_type"
    help = "诈骗识别引擎判断用途属于其中任一诈骗类型（类型代码见 fraud_types.yaml）"
    example = "[impersonate_authority, rebate_task]"
    needs = frozenset([PURPOSE, ASSESSED])

    def compile(self, arg: Any, where: str) -> Compiled:
        _, codes, names = _taxonomy_ids()
        wanted = choices(arg, where, codes)

        def test(f: Facts) -> bool | None:
            if f.purpose is None:
                return None
            return f.purpose.fraud_type in wanted

        return self.done(test, "用途像" + "或".join(names[c] for c in codes if c in wanted))


PURPOSE_OPERATORS: tuple[Operator, ...] = (PurposeContains(), PurposeCues(), PurposeRisk(), PurposeType())
