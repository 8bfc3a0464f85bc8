"""Fuzzing the rule loaders — the screening rule sets (`parse_rules`) and the claims catalogue (`parse_yaml`)
— with YAML that resembles the shipped files but is broken: values of the wrong type, huge numbers, dates
where strings belong, keys that are not strings, deep nesting, aliases, broken text. Each answers with its
rule set or catalogue, or with its own error in Chinese; never another exception, and within a bound."""

from __future__ import annotations

import copy
import re
from datetime import timedelta
from functools import cache
from importlib import resources
from typing import Any

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fanzha.claims.catalogue import Catalogue, parse_yaml
from fanzha.claims.model import ClaimError
from fanzha.screen.operators import RuleError
from fanzha.screen.rules import RuleSet, parse_rules

FUZZ = settings(
    max_examples=200,
    deadline=timedelta(seconds=5),
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
CHINESE = re.compile("[\u4e00-\u9fff]")


@cache
def shipped(package: str, name: str) -> str:
    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


@cache
def shipped_data(package: str, name: str) -> Any:
    return yaml.load(shipped(package, name), Loader=LOADER)


LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


SPECIAL = st.sampled_from(
    [None, True, False, 0, -1, 1, 2**64, 10**40, -(10**40), 1e308, float("inf"), float("nan"), -0.0, "", " ",
     "\x00", "\u3000", "x" * 3000, "allow", "block", "warn", "hold", "unknown", "Amount", "2026-02-30",
     [], {}, [[]], {"": None}, {1: "a", "b": 2}, {None: 1}, {True: 1}, ["warning", 1], {"min": 1, "max": 0},
     {"not": {"not": {"not": {}}}}, {"all": []}, {"any": [{}]}, {"amount": {"min": -1}}, {"amount": "5万"}]
)  # fmt: skip
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12) | st.dates() | SPECIAL,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.one_of(st.text(max_size=8), st.integers(), st.booleans()), inner, max_size=4)
    ),
    max_leaves=12,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            out += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            out += _paths(child, (*prefix, i))
    return out


@st.composite
def mutated_yaml(draw: st.DrawFn, package: str, name: str) -> str:
    """The shipped file with a few values (at any depth) replaced or removed, written back as YAML."""
    data = copy.deepcopy(shipped_data(package, name))  # a fresh copy to change
    paths = _paths(data)
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(paths))
        if not path:
            data = draw(VALUES)
            break
        parent = data
        try:
            for step in path[:-1]:
                parent = parent[step]
            if draw(st.booleans()) and isinstance(parent, dict):
                parent.pop(path[-1], None)
            else:
                parent[path[-1]] = draw(VALUES)
        except (KeyError, IndexError, TypeError):
            continue
    return str(yaml.dump(data, Dumper=DUMPER, allow_unicode=True, sort_keys=False))


@st.composite
def broken_text(draw: st.DrawFn, text: str) -> str:
    """The YAML text cut short, or with junk put in: a tab, a NUL, a lone surrogate, a long number,
    an undefined alias, a Python tag, a stray bracket or quote."""
    at = draw(st.integers(0, len(text)))
    if draw(st.booleans()):
        return text[:at]
    junk = draw(
        st.sampled_from(
            ["\t", "\x00", "\ud800", "\ufeff", ": " + "9" * 5000, " *nowhere", " !!python/object:os.system x",
             "[", "{", "'", '"', "\n- ", "\n  - ", ": &a [*a]", " !!binary x", " !!timestamp 2026-99-99", "\n---\n"]
        )
    )  # fmt: skip
    return text[:at] + junk + text[at:]


def nested(depth: int, open_: str, close: str) -> str:
    return "version: v1\nrules: " + open_ * depth + close * depth


def hostile(package: str, name: str) -> st.SearchStrategy[str]:
    text = st.just(shipped(package, name))
    return st.one_of(
        mutated_yaml(package, name),
        mutated_yaml(package, name),
        text.flatmap(broken_text),
        mutated_yaml(package, name).flatmap(broken_text),
        st.builds(
            nested,
            st.integers(10, 50_000),
            st.sampled_from(["[", "{a: ", "- "]),
            st.sampled_from(["]", "}", ""]),
        ),
        st.text(max_size=200),
    )


@FUZZ
@given(hostile("fanzha.screen", "data/default_rules.yaml"))
@example("version: " + "1" * 5000)
@example("version: v\nthresholds: {warn: 1, hold: 2, block: 3}\nrules: [{id: a, 1: x, b: y}]")
@example("version: v\nrules:\n  - id: a\n    when: {amount: {1: x, min: 1}}\n")
@example(nested(5_000, "[", "]"))
@example("\ud800: x")
@example("a: &a [*a, *a, *a]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]")
def test_screening_rules_load_or_raise_a_chinese_rule_error(source: str) -> None:
    try:
        rules = parse_rules(source)
    except RuleError as exc:
        assert CHINESE.search(str(exc)), str(exc)
    else:
        assert isinstance(rules, RuleSet)
        assert len({r.id for r in rules.rules}) == len(rules.rules)
        scores = [least for _, least in rules.thresholds]
        assert scores == sorted(scores, reverse=True)


@FUZZ
@given(hostile("fanzha.claims", "data/catalogue.yaml"))
@example("items:\n  - {code: a, category: bed, 1: x, b: y}")
@example("items: " + "[" * 5_000 + "]" * 5_000)
@example("items: [{code: a, price: " + "9" * 5000 + "}]")
def test_claims_catalogue_loads_or_raises_a_chinese_claim_error(source: str) -> None:
    try:
        catalogue = parse_yaml(source)
    except ClaimError as exc:
        assert CHINESE.search(str(exc)), str(exc)
    else:
        assert isinstance(catalogue, Catalogue)
        for code, item in catalogue.items.items():
            assert code == item.code and all(part in catalogue.items for part in item.components)
