"""Benchmark 5, phone-number extraction: `fanzha.extract.extract(text, kinds=['phone'])` against
`phonenumbers.PhoneNumberMatcher(text, 'CN')` on generated texts with planted numbers, on real SMS, on
obfuscated forms, and for speed."""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

from suite.common import REAL_SMS, SEED, Section, best_of, log, read_jsonl, seconds_list, table
from suite.context import Context
from suite.extraction_scoring import (
    Match,
    MatcherComparison,
    Miss,
    RealComparison,
    RealMatch,
    TypedMatch,
    compare_real,
    compare_to_matcher,
    count_planted,
    score_obfuscated,
    score_planted,
)
from suite.phone_texts import build_texts
from suite.phones import pn_key


def intro_markdown(n: int, n_planted: int) -> list[str]:
    """The texts, the peer and the matching rule."""
    return [
        f"{n:,} generated Chinese texts (seed {SEED}; 30 templates of SMS/chat sentences) holding "
        f"{n_planted:,} phone numbers — mobiles (also in unusual groupings such as `1390-0139-000`), landlines "
        "with area codes, local service numbers behind an area code (`0755-96333`), +86/0086 forms and 86 "
        "without the plus, 400/800 numbers, and foreign numbers (+852, +1, +853, +886, +855, +63, +44) in the "
        "usual written forms — next to "
        "number-like distractors (amounts, dates, times, verification codes, order and tracking numbers, "
        "QQ numbers). Every planted number is valid per libphonenumber's metadata (regenerated until it is). "
        "Peer: `phonenumbers.PhoneNumberMatcher(text, 'CN')` (default leniency VALID). fanzha: "
        "`fanzha.extract.extract(text, kinds=['phone'])`.",
        "",
        "**Matching rule.** Both sides are turned into one value per number: a phonenumbers match of a "
        "Chinese number (+86) becomes the digits of its NATIONAL format — mobiles 11 digits (`13812345678`), "
        "landlines with the trunk 0 of the area code (`075586001234`; `national_number` has no 0, the "
        "NATIONAL format restores it), 400/800 numbers as dialled (`4008208820`); a foreign number becomes "
        "E.164 (`+85261234567`). fanzha's `value` already follows that convention. A phonenumbers match counts "
        "as *also found by fanzha* when fanzha returns, in the same text, a phone identifier with exactly the "
        "same span (start, end) or the same value.",
        "",
    ]


def fmt_miss(miss: Miss) -> str:
    return (
        f"`{miss.raw}` (phonenumbers: {miss.key}; fanzha in this text: {miss.fanzha_values or 'nothing'}) "
        f"— {miss.text}"
    )


def matcher_markdown(c: MatcherComparison) -> list[str]:
    """How many of PhoneNumberMatcher's numbers fanzha finds, and the misses."""
    planted_misses, distractor_misses = c.planted_misses, c.distractor_misses
    rows = [
        (
            "numbers found by PhoneNumberMatcher",
            f"{c.pn_total:,} ({c.pn_on_planted:,} planted numbers, {c.pn_total - c.pn_on_planted:,} distractors)",
        ),
        (
            "… also found by fanzha",
            f"**{c.fz_also:,} ({c.fz_also / max(c.pn_total, 1):.1%})**; of the planted ones "
            f"{c.fz_also_planted:,}/{c.pn_on_planted:,} ({c.fz_also_planted / max(c.pn_on_planted, 1):.1%})",
        ),
        ("… same span and same value", f"{c.same_both:,}"),
        ("… same value, different span", f"{c.same_value_only:,}"),
        ("… same span, different value", f"{c.same_span_only:,}"),
        (
            "… missed by fanzha",
            f"{len(c.misses):,} ({len(planted_misses):,} planted numbers, "
            f"{len(distractor_misses):,} distractors that phonenumbers reads as numbers)",
        ),
    ]
    md = [
        *table(["", "count"], rows),
        "",
        "Misses of planted numbers (first 10):" if planted_misses else "fanzha missed no planted number.",
        "",
        *[f"{i}. {fmt_miss(m)}" for i, m in enumerate(planted_misses[:10], 1)],
        "",
    ]
    if distractor_misses:
        md += [
            "Misses that are distractors, not phone numbers (first 3): "
            + "; ".join(f"`{m.raw}` → {m.key} in {m.text}" for m in distractor_misses[:3]),
            "",
        ]
    return md


def fmt_real(m: RealMatch, other: str) -> str:
    why = f" — {m.reason}" if m.reason else ""
    return (
        f"`{m.raw}` → {m.value}{why} ({other} in this text: {', '.join(m.other) or 'nothing'}) — {m.context}"
    )


def real_markdown(c: RealComparison, speeds: tuple[float, float], repeats: int) -> list[str]:
    """How many unambiguous matcher numbers on real SMS fanzha finds; every miss, every number set aside,
    and a sample of the numbers only fanzha finds."""
    only_by_type = Counter(m.reason for m in c.fanzha_only)
    sample = sorted(random.Random(SEED).sample(range(len(c.fanzha_only)), min(20, len(c.fanzha_only))))
    fz_speed, pn_speed = speeds
    rows = [
        ("numbers found by PhoneNumberMatcher", f"{c.pn_total:,}"),
        ("… ambiguous, set aside", f"{len(c.ambiguous):,} (fanzha reports {c.ambiguous_found} of them)"),
        ("… unambiguous", f"{c.unambiguous:,}"),
        ("… also found by fanzha", f"**{c.found:,} ({c.found / max(c.unambiguous, 1):.1%})**"),
        (
            "numbers only fanzha finds",
            f"{len(c.fanzha_only):,} (" + ", ".join(f"{k} {v}" for k, v in only_by_type.most_common()) + ")",
        ),
        (f"speed, texts/s (best of {repeats})", f"fanzha {fz_speed:,.0f}; phonenumbers {pn_speed:,.0f}"),
    ]
    return [
        f"**Real SMS** ({c.n_texts:,} texts of `real/real_sms.jsonl`: fake-base-station spam, adverts, "
        "banks' and shops' notices, chat lines; most contacts in the spam are masked as `CELLPHONE`, so "
        "the numbers come mostly from the everyday messages). A matcher match is *ambiguous* and set aside "
        "when the words right before it make it an order, ticket, tracking, coupon or code number "
        "(订单, 单号, 运单, 券号, 套餐, 编号, 流水号, 验证码 …, or 号订单 after it), when it is part of a "
        "longer run of digits, letters or digit groups, or when it is a landline written with neither its "
        "trunk 0 nor a country code (`1082986450` read as 010-82986450). Same matching rule as above.",
        "",
        *table(["", "count"], rows),
        "",
        f"Misses ({len(c.misses)}):" if c.misses else "fanzha missed no unambiguous number.",
        "",
        *[f"{i}. {fmt_real(m, 'fanzha')}" for i, m in enumerate(c.misses, 1)],
        "",
        f"Set aside as ambiguous ({len(c.ambiguous)}):",
        "",
        *[f"{i}. {fmt_real(m, 'fanzha')}" for i, m in enumerate(c.ambiguous, 1)],
        "",
        f"Numbers only fanzha finds, a sample of {len(sample)} (seed {SEED}; mostly 5-digit service "
        "numbers, which the matcher does not report):",
        "",
        *[f"{i}. {fmt_real(c.fanzha_only[k], 'phonenumbers')}" for i, k in enumerate(sample, 1)],
        "",
    ]


def bench_real_sms(repeats: int) -> tuple[list[str], dict[str, Any], str]:
    """The real-SMS part: markdown, figures, a summary line."""
    import phonenumbers

    from fanzha.extract import extract

    if not REAL_SMS.exists():
        return [f"**Real SMS**: `{REAL_SMS}` not found, part skipped.", ""], {}, "real SMS: skipped"
    texts = [row["text"] for row in read_jsonl(REAL_SMS)]

    def run_pn() -> list[list[Match]]:
        return [
            [
                (m.start, m.end, pn_key(m.number), m.raw_string)
                for m in phonenumbers.PhoneNumberMatcher(t, "CN")
            ]
            for t in texts
        ]

    def run_fz() -> list[list[TypedMatch]]:
        return [
            [
                (i.start, i.end, i.value, t[i.start : i.end], str(i.details.get("type", "other")))
                for i in extract(t, kinds=["phone"])
            ]
            for t in texts
        ]

    log(f"  real SMS: {len(texts)} texts, best of {repeats} each ...")
    pn_best, _, pn_found = best_of(repeats, run_pn)
    fz_best, _, fz_found = best_of(repeats, run_fz)
    c = compare_real(texts, pn_found, fz_found)
    speeds = (len(texts) / fz_best, len(texts) / pn_best)
    figures = {
        "n_texts": c.n_texts,
        "phonenumbers_matches": c.pn_total,
        "ambiguous": len(c.ambiguous),
        "unambiguous": c.unambiguous,
        "fanzha_also_found": c.found,
        "fanzha_missed": [m.raw for m in c.misses],
        "fanzha_only": len(c.fanzha_only),
        "speed_texts_per_s": {"fanzha": round(speeds[0], 1), "phonenumbers": round(speeds[1], 1)},
    }
    summary = (
        f"real SMS: fanzha finds {c.found}/{c.unambiguous} unambiguous PhoneNumberMatcher numbers "
        f"({len(c.ambiguous)} ambiguous set aside); {len(c.fanzha_only)} numbers only fanzha finds"
    )
    return real_markdown(c, speeds, repeats), figures, summary


def share(hit: int, total: int) -> str:
    return f"{hit} ({hit / total:.1%})"


def bench_extraction(ctx: Context) -> Section:
    import phonenumbers

    from fanzha.extract import extract

    cfg = ctx.cfg
    corpus = build_texts(cfg.n_extract, SEED)
    texts = [t for t, _ in corpus]

    def run_pn() -> list[list[Match]]:
        return [
            [
                (m.start, m.end, pn_key(m.number), m.raw_string)
                for m in phonenumbers.PhoneNumberMatcher(t, "CN")
            ]
            for t in texts
        ]

    def run_fz() -> list[list[Match]]:
        return [
            [(i.start, i.end, i.value, t[i.start : i.end]) for i in extract(t, kinds=["phone"])]
            for t in texts
        ]

    repeats = cfg.repeats + 2  # runs of half a second each: more of them steady the best
    log(f"  extraction on {len(texts)} texts, best of {repeats} each ...")
    pn_best, pn_times, pn_found = best_of(repeats, run_pn)
    fz_best, fz_times, fz_found = best_of(repeats, run_fz)

    comparison = compare_to_matcher(corpus, pn_found, fz_found)
    planted_by = count_planted(corpus)
    n_planted = sum(v for k, v in planted_by.items() if not k.startswith("form:"))
    pn_hit, pn_extra, pn_extras = score_planted(corpus, pn_found)
    fz_hit, fz_extra, fz_extras = score_planted(corpus, fz_found)
    categories = sorted((k for k in planted_by if not k.startswith("form:")), key=lambda k: -planted_by[k])
    forms = sorted(k for k in planted_by if k.startswith("form:"))
    fz_weak_forms = [
        (f[5:], planted_by[f], fz_hit[f], pn_hit[f])
        for f in forms
        if fz_hit[f] < planted_by[f] or pn_hit[f] < planted_by[f]
    ]
    fz_all = sum(fz_hit[c] for c in categories)
    pn_all = sum(pn_hit[c] for c in categories)
    obf_rows, obf_figures = score_obfuscated(cfg.n_obfuscated)
    real_md, real_figures, real_summary = bench_real_sms(cfg.repeats)

    n = len(texts)
    figures: dict[str, Any] = {
        "n_texts": n,
        "n_planted": n_planted,
        "planted_by_category": {c: planted_by[c] for c in categories},
        "phonenumbers_matches": comparison.pn_total,
        "fanzha_also_found": comparison.fz_also,
        "fanzha_same_span_and_value": comparison.same_both,
        "fanzha_same_value_other_span": comparison.same_value_only,
        "fanzha_same_span_other_value": comparison.same_span_only,
        "phonenumbers_matches_on_planted": comparison.pn_on_planted,
        "fanzha_also_found_planted": comparison.fz_also_planted,
        "fanzha_missed": len(comparison.misses),
        "fanzha_missed_planted": len(comparison.planted_misses),
        "recall_vs_planted": {
            "fanzha": {c: fz_hit[c] for c in categories},
            "phonenumbers": {c: pn_hit[c] for c in categories},
        },
        "extra_matches": {"fanzha": fz_extra, "phonenumbers": pn_extra},
        "speed_texts_per_s": {"fanzha": round(n / fz_best, 1), "phonenumbers": round(n / pn_best, 1)},
        "obfuscated": obf_figures,
        "real_sms": real_figures,
    }
    category_rows = [
        (c, planted_by[c], share(fz_hit[c], planted_by[c]), share(pn_hit[c], planted_by[c]))
        for c in categories
    ]
    md = [
        *intro_markdown(n, n_planted),
        *matcher_markdown(comparison),
        "**Against the planted numbers** (found = a match with the planted value overlapping its span; "
        "extra = a match overlapping no planted number, i.e. a distractor read as a phone number):",
        "",
        *table(
            ["category", "planted", "fanzha found", "phonenumbers found"],
            [
                *category_rows,
                ("**all**", n_planted, f"**{share(fz_all, n_planted)}**", f"**{share(pn_all, n_planted)}**"),
                ("extra matches", "", str(fz_extra), str(pn_extra)),
            ],
        ),
        "",
        "Written forms that either side does not always find:",
        "",
        *table(["form", "planted", "fanzha", "phonenumbers"], fz_weak_forms or [("(none)", "", "", "")]),
        "",
    ]
    if fz_extras or pn_extras:
        md += [
            "Extra matches, first 5 of each: fanzha "
            + ("; ".join(f"`{r}` in {t}" for r, t in fz_extras[:5]) or "none")
            + " — phonenumbers "
            + ("; ".join(f"`{r}` in {t}" for r, t in pn_extras[:5]) or "none"),
            "",
        ]
    md += [
        *real_md,
        f"**Obfuscated forms** ({cfg.n_obfuscated} texts per form, seed {SEED + 1}; found = a match over the "
        "number whose value is the intended number; for a spoofed service number, fanzha counts if it says "
        "which service number is imitated, phonenumbers if it returns the service number):",
        "",
        *table(["form", "example", "fanzha", "phonenumbers", "note"], obf_rows),
        "",
        f"**Speed** on the {n:,} texts (best of {repeats}; whole loop over the texts):",
        "",
        *table(
            ["system", "best (s)", "texts/s", "all runs (s)"],
            [
                (
                    "**fanzha** `extract(t, kinds=['phone'])`",
                    f"{fz_best:.2f}",
                    f"**{n / fz_best:,.0f}**",
                    seconds_list(fz_times),
                ),
                (
                    "phonenumbers `PhoneNumberMatcher(t, 'CN')`",
                    f"{pn_best:.2f}",
                    f"**{n / pn_best:,.0f}**",
                    seconds_list(pn_times),
                ),
            ],
        ),
        "",
        "`kinds=['phone']` filters the result: fanzha still runs every recognizer (cards, links, IDs, "
        "amounts …) and normalises the text first, so this is the cost of a full extraction.",
    ]
    summary = [
        f"fanzha finds {comparison.fz_also}/{comparison.pn_total} of PhoneNumberMatcher's numbers; of "
        f"{n_planted} planted numbers fanzha {fz_all} ({fz_all / n_planted:.1%}), phonenumbers {pn_all} "
        f"({pn_all / n_planted:.1%}); extra matches {fz_extra} vs {pn_extra}",
        real_summary,
        f"speed fanzha {n / fz_best:,.0f} texts/s vs phonenumbers {n / pn_best:,.0f} texts/s; obfuscated: "
        + ", ".join(f"{f.split(' (')[0]} {v['fanzha']}/{v['phonenumbers']}" for f, v in obf_figures.items()),
    ]
    return Section("extraction", "5. Phone-number extraction", md, summary, figures)
