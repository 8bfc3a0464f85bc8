"""Benchmark 1, quality: the full engine's verdicts against the peer's, both scored by the same code, on
real SMS first (the held-out fold, as written and disguised), then the independently written test splits,
then the regression sets (the corpus's dev split and the project's own hand-written sets)."""

from __future__ import annotations

from typing import Any

from suite.common import Section
from suite.context import Context
from suite.quality_disguise import disguised_real
from suite.quality_independent import SETS, independent_part
from suite.quality_real import real_held_out
from suite.quality_regression import regression


def bench_quality(ctx: Context) -> Section:
    ctx.detector()
    ctx.peer()
    held_out = real_held_out(ctx)
    parts = {"real_held_out": held_out, "real_disguised": disguised_real(ctx, held_out.figures["headline"])}
    parts.update({which.name: independent_part(ctx, which) for which in SETS})
    parts["regression"] = regression(ctx)
    figures: dict[str, Any] = {name: part.figures for name, part in parts.items()}

    real = parts["real_held_out"].figures["headline"]
    dev = parts["regression"].figures

    def ratio(cell: dict[str, Any]) -> float:
        return float(cell["k"] / cell["n"]) if cell["n"] else float("nan")

    headline: dict[str, dict[str, float]] = {}
    for system in ("fanzha", "peer"):
        row = {
            "real_scams_caught": ratio(real[system]["scams caught"]),
            "real_everyday_flagged": ratio(real[system]["everyday wrongly flagged"]),
            "real_adverts_called_scams": ratio(real[system]["adverts called scams"]),
        }
        for which in SETS:  # independent_scams_caught, independent2_everyday_flagged, …
            cells = parts[which.name].figures["headline"][system]
            key = which.name.removesuffix("_test")
            row[f"{key}_scams_caught"] = ratio(cells["scams caught"])
            row[f"{key}_everyday_flagged"] = ratio(cells["everyday wrongly flagged"])
        row["dev_macro_f1"] = dev[f"dev_cleaned/{system}"]["macro_f1"]
        headline[system] = row
    figures["headline"] = headline
    fz, pr = headline["fanzha"], headline["peer"]

    def pair(key: str) -> str:
        return f"**{fz[key]:.3f}** vs {pr[key]:.3f}"

    independent = "; ".join(
        f"{which.title.split(',')[0].lower()}, test: scams caught "
        f"{pair(which.name.removesuffix('_test') + '_scams_caught')}, everyday wrongly flagged "
        f"{pair(which.name.removesuffix('_test') + '_everyday_flagged')}"
        for which in SETS
    )
    lead = (
        f"**Headline** (fanzha vs peer): real held-out scams caught {pair('real_scams_caught')}, everyday "
        f"wrongly flagged {pair('real_everyday_flagged')}, adverts called scams "
        f"{pair('real_adverts_called_scams')}; {independent}; dev (cleaned) macro-F1 {pair('dev_macro_f1')}."
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
