"""Benchmark 1, quality: the full engine's verdicts against the peer's, both scored by the same code, on
real SMS first (the held-out fold), then the independently written test splits, then the regression sets
(the corpus's dev split and the project's own hand-written sets)."""

from __future__ import annotations

from typing import Any

from suite.common import Section
from suite.context import Context
from suite.quality_independent import (
    independent2_test,
    independent3_test,
    independent4_test,
    independent_test,
)
from suite.quality_real import real_held_out
from suite.quality_regression import regression


def bench_quality(ctx: Context) -> Section:
    ctx.detector()
    ctx.peer()
    parts = {
        "real_held_out": real_held_out(ctx),
        "independent_test": independent_test(ctx),
        "independent2_test": independent2_test(ctx),
        "independent3_test": independent3_test(ctx),
        "independent4_test": independent4_test(ctx),
    }
    parts["regression"] = regression(ctx)
    figures: dict[str, Any] = {name: part.figures for name, part in parts.items()}

    real = parts["real_held_out"].figures["headline"]
    independent = parts["independent_test"].figures["headline"]
    second = parts["independent2_test"].figures["headline"]
    third = parts["independent3_test"].figures["headline"]
    fourth = parts["independent4_test"].figures["headline"]
    dev = parts["regression"].figures

    def ratio(cell: dict[str, Any]) -> float:
        return float(cell["k"] / cell["n"]) if cell["n"] else float("nan")

    headline = {
        system: {
            "real_scams_caught": ratio(real[system]["scams caught"]),
            "real_everyday_flagged": ratio(real[system]["everyday wrongly flagged"]),
            "real_adverts_called_scams": ratio(real[system]["adverts called scams"]),
            "independent_scams_caught": ratio(independent[system]["scams caught"]),
            "independent2_scams_caught": ratio(second[system]["scams caught"]),
            "independent2_everyday_flagged": ratio(second[system]["everyday wrongly flagged"]),
            "independent3_scams_caught": ratio(third[system]["scams caught"]),
            "independent3_everyday_flagged": ratio(third[system]["everyday wrongly flagged"]),
            "independent4_scams_caught": ratio(fourth[system]["scams caught"]),
            "independent4_everyday_flagged": ratio(fourth[system]["everyday wrongly flagged"]),
            "dev_macro_f1": dev[f"dev_cleaned/{system}"]["macro_f1"],
        }
        for system in ("fanzha", "peer")
    }
    figures["headline"] = headline
    fz, pr = headline["fanzha"], headline["peer"]
    lead = (
        "**Headline** (fanzha vs peer): real held-out scams caught "
        f"**{fz['real_scams_caught']:.3f}** vs {pr['real_scams_caught']:.3f}, everyday wrongly flagged "
        f"**{fz['real_everyday_flagged']:.3f}** vs {pr['real_everyday_flagged']:.3f}, adverts called scams "
        f"**{fz['real_adverts_called_scams']:.3f}** vs {pr['real_adverts_called_scams']:.3f}; independent test "
        f"scams caught **{fz['independent_scams_caught']:.3f}** vs {pr['independent_scams_caught']:.3f}; second "
        f"independent test scams caught **{fz['independent2_scams_caught']:.3f}** vs "
        f"{pr['independent2_scams_caught']:.3f}, everyday wrongly flagged "
        f"**{fz['independent2_everyday_flagged']:.3f}** vs {pr['independent2_everyday_flagged']:.3f}; third "
        f"independent test scams caught **{fz['independent3_scams_caught']:.3f}** vs "
        f"{pr['independent3_scams_caught']:.3f}, everyday wrongly flagged "
        f"**{fz['independent3_everyday_flagged']:.3f}** vs {pr['independent3_everyday_flagged']:.3f}; fourth "
        f"independent test scams caught **{fz['independent4_scams_caught']:.3f}** vs "
        f"{pr['independent4_scams_caught']:.3f}, everyday wrongly flagged "
        f"**{fz['independent4_everyday_flagged']:.3f}** vs {pr['independent4_everyday_flagged']:.3f}; "
        f"dev (cleaned) macro-F1 **{fz['dev_macro_f1']:.3f}** vs {pr['dev_macro_f1']:.3f}."
    )
    md = [
        "The full engine (`Detector.assess_many`: cue rules, classifier and identifier signals together) and "
        "the peer on the same texts, scored by the same code. A text is *called a scam* when fanzha's "
        "`is_fraud` is true, or when the peer predicts a fraud type or `fraud`; *given an advert category* "
        "when fanzha's `category` (or the peer's label) is `advert`, `loan_advert` or `illegal_advert`.",
        "",
        ctx.peer_note(),
        "",
        lead,
        "",
    ]
    for part in parts.values():
        md += [*part.markdown, ""]
    summary = [part.summary for part in parts.values()]
    return Section("quality", "1. Quality (detection)", md[:-1], summary, figures)
