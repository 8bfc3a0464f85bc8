"""Rule sets: YAML data, versioned, checked on load and compiled once into closures.

    version: default-2026.11.1          # required; a changed file needs a new version
    thresholds: {warn: 30, hold: 60, block: 100}   # score → outcome (the highest reached)
    hold_hours: 24                      # the cooling-off period a hold asks for
    actions: {code: 中文说明, …}         # what the bank does; {hold_hours} is filled in
    outcome_actions: {warn: [code, …], hold: […], block: […]}
    rules:
      - id: safe_account_purpose        # lower case, digits, underscores; unique
        clause: 用途提到“安全账户”……     # shown to staff and customers as the reason
        why: 公检法冒充诈骗……             # why the rule exists (documentation)
        when: {purpose_contains: [安全账户]}   # see fanzha.screen.conditions
        score: 60                       # added when the rule fires (may be negative)
        outcome: hold                   # optional: the least outcome when the rule fires
        actions: [verify_by_phone]      # optional: extra actions when it fires
        typology: impersonate_authority # optional: the scam it targets

Any problem raises `RuleError` with a Chinese message naming the rule and the field.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from fanzha.screen.conditions import compile_condition, compile_rule
from fanzha.screen.operators import Predicate, RuleError
from fanzha.screen.outcomes import OUTCOMES, RANK

DEFAULT_RULES = "data/default_rules.yaml"
_ID = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_TOP = ("version", "description", "thresholds", "hold_hours", "actions", "outcome_actions", "rules")
_RULE = ("id", "clause", "why", "when", "score", "outcome", "actions", "typology", "enabled")


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    clause: str
    why: str
    score: int
    outcome: str | None  # the least outcome when it fires
    actions: tuple[str, ...]
    typology: str | None
    condition: str  # the condition in words
    test: Predicate
    needs: frozenset[str]


@dataclass(frozen=True, slots=True)
class RuleSet:
    version: str
    description: str
    thresholds: tuple[tuple[str, int], ...]  # (outcome, least score), most severe first
    hold_hours: float
    action_texts: dict[str, str]
    outcome_actions: dict[str, tuple[str, ...]]
    rules: tuple[Rule, ...]
    needs: frozenset[str]
    source: str
    digest: str

    def outcome_of(self, score: int) -> str:
        for outcome, least in self.thresholds:
            if score >= least:
                return outcome
        return "allow"


_CJK_GAP = re.compile(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")


def _text(value: Any, where: str, *, limit: int = 500) -> str:
    """A non-empty string; line breaks that YAML folded into spaces between Chinese characters are removed."""
    if not isinstance(value, str) or not value.strip():
        raise RuleError(f"{where}：应为非空字符串")
    if len(value) > limit:
        raise RuleError(f"{where}：不超过 {limit} 个字符")
    return _CJK_GAP.sub("", value.strip())


def _int(value: Any, where: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise RuleError(f"{where}：应为 {low} 到 {high} 之间的整数")
    return value


def _thresholds(raw: Any) -> tuple[tuple[str, int], ...]:
    if not isinstance(raw, dict) or set(raw) != {"warn", "hold", "block"}:
        raise RuleError(
            "thresholds：应给出 warn、hold、block 三个分数线，例如 {warn: 30, hold: 60, block: 100}"
        )
    values = {k: _int(v, f"thresholds.{k}", 1, 100_000) for k, v in raw.items()}
    if not values["warn"] < values["hold"] < values["block"]:
        raise RuleError("thresholds：应满足 warn < hold < block")
    return tuple((o, values[o]) for o in ("block", "hold", "warn"))


def _actions(raw: Any, hold_hours: float) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise RuleError("actions：应为 {代码: 中文说明} 对象")
    texts = {}
    for code, text in raw.items():
        if not isinstance(code, str) or not _ID.match(code):
            raise RuleError(f"actions.{code}：代码只能用小写字母、数字和下划线")
        texts[code] = _text(text, f"actions.{code}").replace("{hold_hours}", f"{hold_hours:g}")
    return texts


def _codes(raw: Any, where: str, known: dict[str, str]) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(c, str) for c in raw):
        raise RuleError(f"{where}：应为动作代码列表")
    unknown = [c for c in raw if c not in known]
    if unknown:
        raise RuleError(f"{where}：未定义的动作 {'、'.join(unknown)}（请先写在 actions 中）")
    return tuple(raw)


def _rule(raw: Any, index: int, actions: dict[str, str]) -> Rule | None:
    if not isinstance(raw, dict):
        raise RuleError(f"rules[{index}]：应为规则对象")
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not _ID.match(rule_id):
        raise RuleError(f"rules[{index}].id：应为小写字母开头、由小写字母数字下划线组成的编号")
    where = f"规则 {rule_id} 的"
    unknown = sorted(set(raw) - set(_RULE), key=str)  # YAML keys may be numbers too
    if unknown:
        raise RuleError(f"{where} {'、'.join(map(str, unknown))}：未知字段（可用：{'、'.join(_RULE)}）")
    enabled = raw.get("enabled", True)
    if not isinstance(enabled, bool):
        raise RuleError(f"{where} enabled：应为 true 或 false")
    outcome = raw.get("outcome")
    if outcome is not None and outcome not in OUTCOMES:
        raise RuleError(f"{where} outcome：应为 {'、'.join(OUTCOMES)} 之一")
    if "when" not in raw:
        raise RuleError(f"{where} when：缺少条件")
    score = _int(raw.get("score", 0), f"{where} score", -1000, 1000)
    if score > 0 or outcome is not None:  # a risk rule notes when only who the parties are kept it quiet
        condition = compile_rule(raw["when"], f"{where} when", rule_id)
    else:
        condition = compile_condition(raw["when"], f"{where} when")
    rule = Rule(
        id=rule_id,
        clause=_text(raw.get("clause"), f"{where} clause", limit=200),
        why=_text(raw.get("why"), f"{where} why", limit=2000),
        score=score,
        outcome=outcome,
        actions=_codes(raw.get("actions", []), f"{where} actions", actions),
        typology=_text(raw["typology"], f"{where} typology", limit=64) if "typology" in raw else None,
        condition=condition.text,
        test=condition.test,
        needs=condition.needs,
    )
    return rule if enabled else None


def parse_rules(source: str, *, name: str = "规则文件") -> RuleSet:
    """A compiled rule set from YAML text, or RuleError. The same text is compiled once per process (a
    decision's archived rule set is read again by every review, counter check and page that expands it)."""
    return _compiled(source, name)


# LibYAML's loader when PyYAML was built with it: the shipped rules load some ten times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.lru_cache(maxsize=32)
def _compiled(source: str, name: str) -> RuleSet:
    try:
        raw = yaml.load(source, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第{mark.line + 1}行" if mark is not None else ""
        raise RuleError(f"{name}{where}不是有效的YAML") from None
    except (ValueError, RecursionError, AttributeError, TypeError, OverflowError):
        # a number too long to convert, a lone surrogate, nesting too deep, a date PyYAML half-recognises
        raise RuleError(f"{name}不是有效的YAML") from None
    if not isinstance(raw, dict):
        raise RuleError(f"{name}：应为YAML对象（version、thresholds、rules …）")
    unknown = sorted(set(map(str, raw)) - set(_TOP))
    if unknown:
        raise RuleError(f"{name}：未知的顶层字段 {'、'.join(unknown)}（可用：{'、'.join(_TOP)}）")
    version = _text(raw.get("version"), "version", limit=80)
    hold_hours = raw.get("hold_hours", 24)
    if isinstance(hold_hours, bool) or not isinstance(hold_hours, int | float) or not 0 < hold_hours <= 720:
        raise RuleError("hold_hours：应为 0 到 720 之间的小时数")
    actions = _actions(raw.get("actions", {}), float(hold_hours))
    outcome_actions_raw = raw.get("outcome_actions", {})
    if not isinstance(outcome_actions_raw, dict) or not set(outcome_actions_raw) <= set(OUTCOMES):
        raise RuleError(f"outcome_actions：应为对象，键为 {'、'.join(OUTCOMES)}")
    outcome_actions = {
        o: _codes(outcome_actions_raw.get(o, []), f"outcome_actions.{o}", actions) for o in OUTCOMES
    }
    rules_raw = raw.get("rules")
    if not isinstance(rules_raw, list) or not rules_raw:
        raise RuleError("rules：应为非空的规则列表")
    rules = [r for i, item in enumerate(rules_raw) if (r := _rule(item, i, actions)) is not None]
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise RuleError(f"规则 {rule.id}：编号重复")
        seen.add(rule.id)
    return RuleSet(
        version=version,
        description=str(raw.get("description") or "").strip(),
        thresholds=_thresholds(raw.get("thresholds")),
        hold_hours=float(hold_hours),
        action_texts=actions,
        outcome_actions=outcome_actions,
        rules=tuple(rules),
        needs=frozenset().union(*(r.needs for r in rules)),
        source=source,
        digest=hashlib.sha256(source.encode()).hexdigest(),
    )


def load_rules(path: Path) -> RuleSet:
    """The rule set in the file at `path`, or RuleError (also for a file that cannot be read)."""
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"无法读取规则文件 {path}：{exc.__class__.__name__}") from None
    return parse_rules(source, name=f"规则文件 {path.name}")


def default_rules() -> RuleSet:
    """The shipped default rule set (`fanzha/screen/data/default_rules.yaml`)."""
    source = resources.files("fanzha.screen").joinpath(DEFAULT_RULES).read_text(encoding="utf-8")
    return parse_rules(source, name="默认规则集")


def severity(rule: Rule) -> tuple[int, int]:
    """Sort key of fired rules in a decision's reasons: forced outcome first, then score."""
    return (RANK[rule.outcome] if rule.outcome else -1, rule.score)
