"""Scoring for the extraction benchmark: fanzha's phone matches against PhoneNumberMatcher's, both
against the planted numbers, and both on obfuscated forms."""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from suite.common import SEED
from suite.phone_texts import OBFUSCATED_TEMPLATES
from suite.phones import OBFUSCATION_FORMS, PhoneFactory, Planted, obfuscate, pn_key

Match = tuple[int, int, str, str]  # start, end, value, the text matched
TypedMatch = tuple[int, int, str, str, str]  # … and fanzha's details["type"]
Corpus = list[tuple[str, list[tuple[int, int, Planted]]]]  # texts and the numbers planted in them


class Miss(NamedTuple):
    """A PhoneNumberMatcher match that fanzha does not find."""

    raw: str
    key: str
    fanzha_values: list[str]  # what fanzha found in the same text
    text: str
    planted: bool  # a planted number (else a distractor phonenumbers reads as a number)


@dataclass
class MatcherComparison:
    """Of the numbers PhoneNumberMatcher finds, how many fanzha finds, by span and value."""

    pn_total: int = 0
    pn_on_planted: int = 0
    same_both: int = 0
    same_value_only: int = 0
    same_span_only: int = 0
    fz_also_planted: int = 0
    misses: list[Miss] = field(default_factory=list)

    @property
    def fz_also(self) -> int:
        return self.same_both + self.same_value_only + self.same_span_only

    @property
    def planted_misses(self) -> list[Miss]:
        return [m for m in self.misses if m.planted]

    @property
    def distractor_misses(self) -> list[Miss]:
        return [m for m in self.misses if not m.planted]


def overlaps(a: int, b: int, x: int, y: int) -> bool:
    return x < b and a < y


def compare_to_matcher(
    corpus: Corpus, pn_found: list[list[Match]], fz_found: list[list[Match]]
) -> MatcherComparison:
    """Each PhoneNumberMatcher match, also marked as a planted number or a distractor (a QQ number read
    as a landline, say), is found by fanzha when fanzha has the same span or the same value."""
    c = MatcherComparison()
    for (text, planted), pns, fzs in zip(corpus, pn_found, fz_found, strict=True):
        fz_spans = {(a, b) for a, b, _, _ in fzs}
        fz_values = {v for _, _, v, _ in fzs}
        for a, b, key, raw in pns:
            c.pn_total += 1
            is_planted = any(overlaps(a, b, x, y) for x, y, _ in planted)
            c.pn_on_planted += is_planted
            same_span, same_value = (a, b) in fz_spans, key in fz_values
            if same_span and same_value:
                c.same_both += 1
            elif same_value:
                c.same_value_only += 1
            elif same_span:
                c.same_span_only += 1
            else:
                c.misses.append(Miss(raw, key, [v for _, _, v, _ in fzs], text, is_planted))
                continue
            c.fz_also_planted += is_planted
    return c


def count_planted(corpus: Corpus) -> Counter[str]:
    """Planted numbers per category and, under `form:…`, per written form."""
    planted_by: Counter[str] = Counter()
    for _, planted in corpus:
        for _, _, p in planted:
            planted_by[p.category] += 1
            planted_by["form:" + p.form] += 1
    return planted_by


def score_planted(
    corpus: Corpus, found: list[list[Match]]
) -> tuple[Counter[str], int, list[tuple[str, str]]]:
    """(planted numbers found per category and form, extra matches, the extra matches with their text).

    Found = a match with the planted value overlapping its span; extra = a match overlapping no planted
    number, i.e. a distractor read as a phone number."""
    hit: Counter[str] = Counter()
    extras = []
    for (text, planted), matches in zip(corpus, found, strict=True):
        for a, b, p in planted:
            if any(v == p.key and overlaps(a, b, x, y) for x, y, v, _ in matches):
                hit[p.category] += 1
                hit["form:" + p.form] += 1
        for x, y, _, raw in matches:
            if not any(overlaps(a, b, x, y) for a, b, _ in planted):
                extras.append((raw, text))
    return hit, len(extras), extras


def score_obfuscated(n: int) -> tuple[list[tuple[str, ...]], dict[str, dict[str, Any]]]:
    """Table rows and figures: `n` texts per obfuscation form, found by each side or not."""
    import phonenumbers

    from fanzha.extract import extract

    rng = random.Random(SEED + 1)
    factory = PhoneFactory(rng)
    rows: list[tuple[str, ...]] = []
    figures: dict[str, dict[str, Any]] = {}
    for form in OBFUSCATION_FORMS:
        fz_ok = pn_ok = pn_any = fz_any = 0
        example = ""
        pn_values: Counter[str] = Counter()
        for _ in range(n):
            written, value = obfuscate(form, rng, factory)
            before, after = rng.choice(OBFUSCATED_TEMPLATES).split("{p}")
            text = before + written + after
            a, b = len(before), len(before) + len(written)
            example = example or text
            fz = [i for i in extract(text, kinds=["phone"]) if overlaps(a, b, i.start, i.end)]
            pn = [m for m in phonenumbers.PhoneNumberMatcher(text, "CN") if overlaps(a, b, m.start, m.end)]
            fz_any += bool(fz)
            pn_any += bool(pn)
            fz_ok += any(i.value == value or i.details.get("imitates") == value for i in fz)
            pn_ok += any(pn_key(m.number) == value for m in pn)
            pn_values.update(pn_key(m.number) for m in pn)
        figures[form] = {"n": n, "fanzha": fz_ok, "phonenumbers": pn_ok, "pn_any_match": pn_any}
        note = ""
        if pn_any > pn_ok:
            note = f"phonenumbers returned another number {pn_any - pn_ok}× (e.g. {pn_values.most_common(1)[0][0]})"
        if fz_any > fz_ok:
            note += ("; " if note else "") + f"fanzha returned another value {fz_any - fz_ok}×"
        rows.append((form, f"`{example}`", f"{fz_ok}/{n}", f"{pn_ok}/{n}", note))
    return rows, figures


# Real SMS. A PhoneNumberMatcher match is *ambiguous* (not counted against fanzha) when the text says it is
# something else or it cannot be dialled as written; the rule is the benchmark's own, not fanzha's code.
ORDER_WORDS = (
    "订单", "单号", "运单", "券号", "券码", "套餐", "编号", "流水号", "票号", "验证码", "校验码", "动态码", "取件码", "兑换码",
)  # fmt: skip
_ORDER_BEFORE = re.compile("(" + "|".join(ORDER_WORDS) + r")(?:号码?|[\s:：#=是为(（\[【])*$")
_ORDER_AFTER = ("号订单", "号运单")


def ambiguity(text: str, start: int, end: int, raw: str, key: str) -> str | None:
    """Why a matcher match on real text is not unambiguously a phone number, or None if it is:

    - an order, ticket, tracking, coupon or code number: one of ORDER_WORDS right before it (only
      separators, 号 or 号码 between), or 号订单 / 号运单 right after it;
    - inside a longer run: a digit or a Latin letter right before or after it, or another digit after
      a single space or dash;
    - a Chinese landline written with neither its trunk 0 nor a country code (`1082986450` read as
      010-82986450): no one can dial it as written, and nobody writes a landline that way."""
    word = _ORDER_BEFORE.search(text, max(0, start - 10), start)
    if word is not None:
        return f"order/ticket/code number ({word.group(1)} before it)"
    if text.startswith(_ORDER_AFTER, end):
        return f"order number ({text[end : end + 3]} after it)"
    before, after = text[max(0, start - 2) : start], text[end : end + 2]
    if (before[-1:].isascii() and before[-1:].isalnum()) or (after[:1].isascii() and after[:1].isalnum()):
        return "inside a longer run of digits or letters"
    if (before[:1].isdigit() and before[1:] in (" ", "-")) or (
        after[1:].isdigit() and after[:1] in (" ", "-")
    ):
        return "inside a longer run of digit groups"
    written = re.sub(r"\D", "", raw)
    if key.startswith("0") and not written.startswith(("0", "86")):
        return "landline without its trunk 0 or a country code"
    return None


class RealMatch(NamedTuple):
    """A number on a real SMS, found by one side, with what the other side found in the same text."""

    raw: str
    value: str
    context: str  # up to 25 characters either side
    other: list[str]  # the other side's values in the same text
    reason: str = ""  # why a matcher match is ambiguous; a fanzha match's type


@dataclass
class RealComparison:
    """PhoneNumberMatcher's numbers on real SMS, unambiguous or set aside, against fanzha's."""

    n_texts: int = 0
    pn_total: int = 0
    unambiguous: int = 0
    found: int = 0  # unambiguous matches fanzha also finds
    misses: list[RealMatch] = field(default_factory=list)
    ambiguous: list[RealMatch] = field(default_factory=list)
    ambiguous_found: int = 0  # ambiguous matches fanzha reports all the same
    fanzha_only: list[RealMatch] = field(default_factory=list)


def context(text: str, start: int, end: int) -> str:
    left = ("…" if start > 25 else "") + text[max(0, start - 25) : start]
    right = text[end : end + 25] + ("…" if end + 25 < len(text) else "")
    return re.sub(r"[\s|`]+", " ", f"{left}⟦{text[start:end]}⟧{right}")


def compare_real(
    texts: list[str], pn_found: list[list[Match]], fz_found: list[list[TypedMatch]]
) -> RealComparison:
    """Same rule as compare_to_matcher (same span or same value), on the unambiguous matcher matches;
    and fanzha's numbers that no matcher match has by span or value."""
    c = RealComparison(n_texts=len(texts))
    for text, pns, fzs in zip(texts, pn_found, fz_found, strict=True):
        fz_spans, fz_values = {(a, b) for a, b, _, _, _ in fzs}, [v for _, _, v, _, _ in fzs]
        pn_values = [v for _, _, v, _ in pns]
        for a, b, key, raw in pns:
            c.pn_total += 1
            hit = (a, b) in fz_spans or key in fz_values
            reason = ambiguity(text, a, b, raw, key)
            if reason is not None:
                c.ambiguous.append(RealMatch(raw, key, context(text, a, b), fz_values, reason))
                c.ambiguous_found += hit
                continue
            c.unambiguous += 1
            c.found += hit
            if not hit:
                c.misses.append(RealMatch(raw, key, context(text, a, b), fz_values))
        pn_spans = {(a, b) for a, b, _, _ in pns}
        for a, b, value, raw, kind in fzs:
            if (a, b) not in pn_spans and value not in pn_values:
                c.fanzha_only.append(RealMatch(raw, value, context(text, a, b), pn_values, kind))
    return c
