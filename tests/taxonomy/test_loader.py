from __future__ import annotations

import re
import re._constants as sre  # type: ignore[import-not-found]  # the parser behind re.compile
import re._parser as sre_parse  # type: ignore[import-not-found]

import pytest

from fanzha.taxonomy import TaxonomyError, load_taxonomy, parse_taxonomy
from fanzha.taxonomy.model import LazyPattern

EXPECTED_CODES = {
    "impersonate_authority", "loan", "impersonate_service", "impersonate_acquaintance", "rebate_task",
    "romance", "game_trade", "investment", "prize", "credit_record", "shopping", "phishing", "other_fraud",
}  # fmt: skip


def test_shipped_taxonomy_has_every_fraud_type_with_advice_and_cues() -> None:
    taxonomy = load_taxonomy()
    assert set(taxonomy.codes) == EXPECTED_CODES
    for fraud_type in taxonomy.types:
        assert fraud_type.name and fraud_type.advice and fraud_type.description
        assert fraud_type.cues, fraud_type.code
        assert any(c.weight > 0 for c in fraud_type.cues)


def test_cue_ids_are_unique_and_keywords_lower_case() -> None:
    cues = load_taxonomy().all_cues
    assert len({c.id for c in cues}) == len(cues)
    assert all(k == k.lower() for c in cues for k in c.keywords)


def _minimal(**cue: object) -> dict[str, object]:
    base = {"id": "c", "meaning": "m", "weight": 1, "keywords": ["x"]}
    return {"types": [{"code": "t", "name": "n", "description": "d", "advice": "a", "cues": [base | cue]}]}


def _patterned(pattern: str, **cue: object) -> dict[str, object]:
    """`_minimal` with a pattern cue (its keywords come from the pattern)."""
    data = _minimal(pattern=pattern, **cue)
    del data["types"][0]["cues"][0]["keywords"]  # type: ignore[index]
    return data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "types"),
        ({"types": [{"code": "t"}]}, "missing"),
        (_minimal(weight="high"), "weight"),
        (_minimal(weight=50), "weight"),
        (_minimal(keywords=[]), "keywords"),
        (_minimal(keywords=["ABC"]), "lower case"),
        (_minimal(pattern="(unclosed"), "invalid pattern"),
        (_minimal(meaning=""), "meaning"),
        (_minimal(firm="yes"), "firm"),
        (_minimal(weight=-2, firm=True), "firm"),
        (_minimal(weight=2, firm=True), "at least 3"),
    ],
)
def test_malformed_taxonomy_is_rejected_with_a_message_naming_the_problem(
    data: dict[str, object], message: str
) -> None:
    with pytest.raises(TaxonomyError, match=message):
        parse_taxonomy(data)


def test_duplicate_type_codes_are_rejected() -> None:
    one = _minimal()["types"][0]  # type: ignore[index]
    two = dict(one) | {"cues": [{"id": "other", "meaning": "m", "weight": 1, "keywords": ["y"]}]}
    with pytest.raises(TaxonomyError, match="duplicate"):
        parse_taxonomy({"types": [one, two]})


def test_patterns_known_to_compile_are_compiled_when_first_used() -> None:
    data = _patterned("转账.{0,4}安全账户")
    lazy = parse_taxonomy(data, {"转账.{0,4}安全账户": ["安全账户", "转账"]}).types[0].cues[0]
    eager = parse_taxonomy(data).types[0].cues[0]
    assert isinstance(lazy.pattern, LazyPattern) and isinstance(eager.pattern, re.Pattern)
    text = "请转账到安全账户，再转账给安全账户"
    assert [m.span() for m in lazy.pattern.finditer(text)] == [m.span() for m in eager.pattern.finditer(text)]
    assert lazy.pattern.search("无关") is None and lazy.keywords == ("安全账户", "转账")


def test_an_invalid_pattern_is_refused_even_beside_derived_keywords() -> None:
    data = _patterned("(unclosed")
    with pytest.raises(TaxonomyError, match="invalid pattern"):
        parse_taxonomy(data, {"other": ["x"]})  # keywords derived for other patterns only


def test_a_firm_cue_is_read_as_firm_and_others_are_not() -> None:
    taxonomy = parse_taxonomy(_minimal(weight=3, firm=True))
    assert [c.firm for c in taxonomy.all_cues] == [True]
    assert [c.firm for c in parse_taxonomy(_minimal()).all_cues] == [False]


def test_a_cue_that_names_its_kind_is_read_as_such_and_only_a_types_cue_may() -> None:
    assert [c.names_kind for c in parse_taxonomy(_minimal(names_kind=True)).all_cues] == [True]
    assert [c.names_kind for c in parse_taxonomy(_minimal()).all_cues] == [False]
    with pytest.raises(TaxonomyError, match="names_kind"):
        parse_taxonomy(_minimal(names_kind="yes"))
    generic = {"id": "g", "meaning": "m", "weight": 1, "keywords": ["y"], "names_kind": True}
    with pytest.raises(TaxonomyError, match="names_kind"):
        parse_taxonomy({**_minimal(), "generic": [generic]})


def test_a_disguised_pattern_cue_lends_its_words_to_the_repair_vocabulary() -> None:
    from fanzha.detect.prepare import vocabulary

    with pytest.raises(TaxonomyError, match="disguised"):
        parse_taxonomy(_minimal(disguised="yes"))
    plain = parse_taxonomy(_patterned("(安全|监管)账户"))
    assert "监管账户" not in vocabulary(plain)  # derived literals may be everyday words: not by default
    marked = parse_taxonomy(_patterned("(安全|监管)账户", disguised=True))
    assert {"安全账户", "监管账户"} <= vocabulary(marked)


def test_fragments_are_written_once_and_expanded_into_every_pattern() -> None:
    cue = {"id": "c", "meaning": "m", "weight": 1, "pattern": "(先|需){0,4}{{fee}}|{{fee}}才能"}
    data = {
        "fragments": {"fee": "(?<!免)手续费"},
        "types": [{"code": "t", "name": "n", "description": "d", "advice": "a", "cues": [cue]}],
    }
    parsed = parse_taxonomy(data).types[0].cues[0]
    assert (
        parsed.pattern is not None and parsed.pattern.pattern == "(先|需){0,4}(?<!免)手续费|(?<!免)手续费才能"
    )
    assert parsed.pattern.search("需先交手续费") and not parsed.pattern.search("免手续费才能")
    cue["pattern"] = "{{missing}}手续费"
    with pytest.raises(TaxonomyError, match="missing"):
        parse_taxonomy(data)


def test_the_shipped_taxonomy_uses_its_fragments() -> None:
    patterns = [c.pattern.pattern for c in load_taxonomy().all_cues if c.pattern is not None]
    assert not any("{{" in p for p in patterns)
    fee = next(c for c in load_taxonomy().all_cues if c.id == "fee_before_benefit")
    assert fee.pattern is not None and "(?<!免)(?<!免收)(?<!减免)(?<!抵扣)" in fee.pattern.pattern


# A lookaround that runs to the end of the line (`(?![^\n]*…)`) is tried at every position the pattern is tried
# at, so a 100,000-character line of one clause costs 100,000² steps: a repeat of (almost) any character inside a
# lookaround must be bounded (`[^。\n]{0,60}`), unless the pattern is anchored at the text's start and tried once.
# Read off the parse tree the engine's prefilter reads too (`fanzha.taxonomy.prefilter`), at any depth.
_ANCHORED = {"own_app_only", "repay_in_own_app"}  # "^…(?![^\n]*…)": tried at the start only


def _runs_on(items: object) -> bool:
    """Does this parsed stretch hold an unbounded repeat of any character or of a negated class?"""
    for op, av in items:  # type: ignore[attr-defined]
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            body = list(av[2])
            anything = len(body) == 1 and (
                body[0][0] in (sre.ANY, sre.NOT_LITERAL)
                or (body[0][0] is sre.IN and body[0][1][:1] == [(sre.NEGATE, None)])
            )
            if (av[1] == sre.MAXREPEAT and anything) or _runs_on(body):
                return True
        elif any(_runs_on(sub) for sub in _children(op, av)):
            return True
    return False


def _children(op: object, av: object) -> list[object]:
    if op is sre.SUBPATTERN:
        return [av[3]]  # type: ignore[index]
    if op is sre.BRANCH:
        return list(av[1])  # type: ignore[index]
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return [av[1]]  # type: ignore[index]
    return []


def _looks_around_to_the_end(items: object) -> bool:
    for op, av in items:  # type: ignore[attr-defined]
        if op in (sre.ASSERT, sre.ASSERT_NOT) and _runs_on(av[1]):
            return True
        repeated = [av[2]] if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) else []
        if any(_looks_around_to_the_end(sub) for sub in _children(op, av) + repeated):
            return True
    return False


def _unbounded(pattern: str) -> bool:
    return _looks_around_to_the_end(sre_parse.parse(pattern))


def test_no_cue_looks_around_to_the_end_of_the_line() -> None:
    unbounded = [
        cue.id
        for cue in load_taxonomy().all_cues
        if cue.pattern is not None and cue.id not in _ANCHORED and _unbounded(cue.pattern.pattern)
    ]
    assert unbounded == []
    # the check finds one however deep it sits, and lets a bounded one or a repeat outside a lookaround pass
    assert _unbounded(r"(?![^\n]*(借款|贷款))在淘宝app里交")
    assert _unbounded(r"(a|在(?=x(?:.*?)y))淘宝")
    assert not _unbounded(r"(?![^。\n]{0,60}(借款|贷款))在淘宝app里交")
    assert not _unbounded(r"在[^\n]*淘宝(?![\d.]*分)")
