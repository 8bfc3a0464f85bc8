"""Load and validate the taxonomy YAML shipped inside the package."""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

from fanzha.datafiles import load_derived, load_yaml
from fanzha.programs import Programs
from fanzha.taxonomy.model import (
    ADVERT_KINDS,
    AdvertKind,
    Alternative,
    Cue,
    FraudType,
    LazyPattern,
    Taxonomy,
    TaxonomyError,
)
from fanzha.taxonomy.prefilter import alternative_literals, required_literals

_REQUIRED_TYPE_FIELDS = ("code", "name", "description", "advice", "cues")


FIRM_WEIGHT = 3.0  # the least weight of a firm cue: strong evidence, a verdict on its own


def _text(entry: dict[str, Any], field: str, where: str) -> str:
    value = entry.get(field)
    if not isinstance(value, str) or not value.strip():
        raise TaxonomyError(f"{where}: field '{field}' must be a non-empty string")
    return value.strip()


Literals = Mapping[str, list[str] | None]  # pattern → its derived prefilter keywords
# pattern → its top-level alternatives with their keywords (`prefilter.alternative_literals`)
Alternatives = Mapping[str, list[tuple[str, list[str]]] | None]


def _cue(
    entry: Any,
    fraud_type: str | None,
    where: str,
    literals: Literals,
    split: Alternatives,
    programs: Programs | None,
) -> Cue:
    if not isinstance(entry, dict):
        raise TaxonomyError(f"{where}: a cue must be a mapping")
    cue_id = _text(entry, "id", where)
    where = f"{where} cue '{cue_id}'"
    weight = entry.get("weight")
    if not isinstance(weight, int | float) or not -10 <= weight <= 10:
        raise TaxonomyError(f"{where}: weight must be a number between -10 and 10")
    disguised = entry.get("disguised", False)
    if not isinstance(disguised, bool):
        raise TaxonomyError(f"{where}: disguised must be true or false")
    firm = entry.get("firm", False)
    if not isinstance(firm, bool) or (firm and weight < FIRM_WEIGHT):
        raise TaxonomyError(
            f"{where}: firm must be true or false, and a firm cue weighs at least {FIRM_WEIGHT:g} "
            "(doctrine says whoever says this is running a scam: it must carry a verdict on its own)"
        )
    names_kind = entry.get("names_kind", False)
    if not isinstance(names_kind, bool) or (names_kind and fraud_type is None):
        raise TaxonomyError(f"{where}: names_kind must be true or false, and only a type's cue names a kind")
    pattern: re.Pattern[str] | LazyPattern | None = None
    alternatives: tuple[Alternative, ...] = ()
    if entry.get("pattern") is not None:
        text = str(entry["pattern"])
        if text in literals:  # parsed before, when its keywords were derived: compiled when first used
            pattern = LazyPattern(text, programs)
        else:
            try:
                pattern = re.compile(text)
            except re.error as exc:
                raise TaxonomyError(f"{where}: invalid pattern: {exc}") from exc
        if "keywords" in entry:
            raise TaxonomyError(f"{where}: a cue with a pattern takes its keywords from the pattern")
        derived = literals[text] if text in literals else required_literals(text)
        if derived is None:
            raise TaxonomyError(
                f"{where}: the pattern can match without any literal text; anchor it on a word"
            )
        keywords: Any = sorted(derived)
        parts = split[text] if text in split else alternative_literals(text)
        alternatives = tuple(
            Alternative(LazyPattern(part, programs), tuple(kws)) for part, kws in parts or ()
        )
    else:
        keywords = entry.get("keywords")
        if (
            not isinstance(keywords, list)
            or not keywords
            or not all(isinstance(k, str) and k for k in keywords)
        ):
            raise TaxonomyError(f"{where}: a cue needs a pattern or a non-empty list of keywords")
    lowered = tuple(k.lower() for k in keywords)
    if lowered != tuple(keywords):
        raise TaxonomyError(f"{where}: keywords must be lower case (they match normalised text)")
    return Cue(
        id=cue_id,
        meaning=_text(entry, "meaning", where),
        weight=float(weight),
        keywords=lowered,
        pattern=pattern,
        fraud_type=fraud_type,
        firm=firm,
        names_kind=names_kind,
        disguised=disguised,
        alternatives=alternatives,
    )


_FRAGMENT = re.compile(r"\{\{(\w+)\}\}")


def with_fragments(data: Any) -> Any:
    """`data` with every `{{name}}` in a cue's pattern replaced by the entry `name` of the top-level
    `fragments` mapping: a piece of pattern several alternatives or cues share (a fee not waived, a tax
    not owed), written once. Raises `TaxonomyError` for a name the file does not define."""
    if not isinstance(data, dict):
        return data
    fragments = data.get("fragments") or {}
    if not isinstance(fragments, dict) or not all(isinstance(v, str) for v in fragments.values()):
        raise TaxonomyError("taxonomy: 'fragments' must map names to pieces of pattern")

    def piece(match: re.Match[str]) -> str:
        if match.group(1) not in fragments:
            raise TaxonomyError(f"taxonomy: a pattern uses the undefined fragment '{match.group(1)}'")
        return str(fragments[match.group(1)])

    if "fragments" not in data and not any(
        isinstance(entry, dict) and _FRAGMENT.search(str(entry.get("pattern") or ""))
        for entry in _all_cue_entries(data)
    ):
        return data  # nothing to expand (a taxonomy expanded already): no copy
    out = copy.deepcopy({key: value for key, value in data.items() if key != "fragments"})
    for entry in _all_cue_entries(out):
        if isinstance(entry, dict) and isinstance(entry.get("pattern"), str):
            entry["pattern"] = _FRAGMENT.sub(piece, entry["pattern"])
    return out


def parse_taxonomy(
    data: Any,
    literals: Literals | None = None,
    alternatives: Alternatives | None = None,
    programs: Programs | None = None,
) -> Taxonomy:
    """Build a `Taxonomy` from parsed YAML, raising `TaxonomyError` on anything malformed. `literals`
    and `alternatives`: the prefilter keywords of the patterns and of their top-level alternatives when
    they were derived before (see `load_taxonomy`); `programs`: where their compiled programs are kept."""
    known = literals or {}
    split = alternatives or {}
    data = with_fragments(data)
    if not isinstance(data, dict) or not isinstance(data.get("types"), list):
        raise TaxonomyError("taxonomy: top level must have a 'types' list")
    generic = tuple(_cue(c, None, "generic", known, split, programs) for c in data.get("generic") or [])
    types: list[FraudType] = []
    seen_cues: set[str] = {c.id for c in generic}
    for entry in data["types"]:
        if not isinstance(entry, dict):
            raise TaxonomyError("taxonomy: each type must be a mapping")
        missing = [f for f in _REQUIRED_TYPE_FIELDS if f not in entry]
        if missing:
            raise TaxonomyError(f"type {entry.get('code', '?')}: missing {', '.join(missing)}")
        code = _text(entry, "code", "type")
        where = f"type '{code}'"
        cues = tuple(_cue(c, code, where, known, split, programs) for c in entry["cues"])
        for cue in cues:
            if cue.id in seen_cues:
                raise TaxonomyError(f"{where}: duplicate cue id '{cue.id}'")
            seen_cues.add(cue.id)
        types.append(
            FraudType(
                code=code,
                name=_text(entry, "name", where),
                description=_text(entry, "description", where),
                advice=_text(entry, "advice", where),
                cues=cues,
            )
        )
    codes = [t.code for t in types]
    if len(set(codes)) != len(codes):
        raise TaxonomyError("taxonomy: duplicate type codes")
    adverts = tuple(_advert(entry) for entry in data.get("adverts") or [])
    if adverts and sorted(a.code for a in adverts) != sorted(ADVERT_KINDS):
        raise TaxonomyError(f"taxonomy: 'adverts' must describe exactly {', '.join(ADVERT_KINDS)}")
    return Taxonomy(types=tuple(types), generic_cues=generic, adverts=adverts)


def _advert(entry: Any) -> AdvertKind:
    if not isinstance(entry, dict):
        raise TaxonomyError("taxonomy: each advert kind must be a mapping")
    code = _text(entry, "code", "advert")
    where = f"advert '{code}'"
    return AdvertKind(code=code, name=_text(entry, "name", where), advice=_text(entry, "advice", where))


@lru_cache(maxsize=1)
def load_taxonomy() -> Taxonomy:
    """The taxonomy shipped with fanzha (`fraud_types.yaml`), loaded once and validated."""
    package = resources.files("fanzha.taxonomy")
    raw = package.joinpath("fraud_types.yaml").read_text("utf-8")
    data = with_fragments(load_yaml(raw, name="fraud_types"))

    def derive() -> dict[str, Any]:
        entries = _all_cue_entries(data)
        patterns = [str(c["pattern"]) for c in entries if isinstance(c, dict) and c.get("pattern")]
        valid = [p for p in patterns if _compiles(p)]
        return {
            "keywords": {p: _sorted(required_literals(p)) for p in valid},
            "alternatives": {p: alternative_literals(p) for p in valid},
        }

    # Deriving the keywords parses every pattern a second and a third time: kept with the YAML cache,
    # keyed by the file, by the code that derives them and by the shape `derive` gives them.
    code = package.joinpath("prefilter.py").read_text("utf-8")
    source = "\0".join((raw, code, "keywords+alternatives"))
    derived = load_derived("fraud_types_keywords", source=source, compute=derive)
    if not isinstance(derived, dict):
        derived = {}
    literals, alternatives = derived.get("keywords"), derived.get("alternatives")
    split = alternatives if isinstance(alternatives, dict) else {}

    # every pattern a cue may run: whole, and each alternative
    patterns = [*split, *(part for parts in split.values() for part, _ in parts or ())]
    programs = Programs("fraud_types_programs", source=source, patterns=patterns)
    return parse_taxonomy(data, literals if isinstance(literals, dict) else None, split, programs)


def _compiles(pattern: str) -> bool:
    """A pattern that is not valid stays out of the derived keywords: `_cue` compiles it and says why."""
    try:
        re.compile(pattern)
    except re.error:
        return False
    return True


def _all_cue_entries(data: Any) -> list[Any]:
    if not isinstance(data, dict):
        return []
    types = data.get("types")
    cues = list(data.get("generic") or [])
    for entry in types if isinstance(types, list) else []:
        if isinstance(entry, dict):
            cues.extend(entry.get("cues") or [])
    return cues


def _sorted(literals: frozenset[str] | None) -> list[str] | None:
    return sorted(literals) if literals is not None else None
