"""Quality, part 1: the held-out fold of the real SMS (`fanzha.learn.real.HELD_OUT_FOLD`). Scams caught,
everyday messages and adverts wrongly called scams, per label and per source, with Wilson intervals, a
paired bootstrap of fanzha − peer, the advert categories, and a check that the fold is really held out."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from suite.common import DEV, OUT, REAL_SMS, TRAIN, read_jsonl, table, write_jsonl
from suite.context import Context
from suite.quality_common import (
    SYSTEMS,
    Part,
    Verdict,
    bootstrap_rows,
    overlap_counts,
    overlap_sentence,
    predict_both,
    prediction_row,
    share,
    share_cell,
    share_figure,
)

if TYPE_CHECKING:
    from fanzha.learn.real import RealMessage

PREDICTIONS = OUT / "quality_real_heldout_predictions.jsonl"
SOURCES = {  # what the everyday messages of each source are
    "SpamMessagesLR": "banks' and operators' own notices",
    "text-antispam_msglog": "short chat lines",
}
Select = Callable[["RealMessage"], bool]
# The headline shares and the labels of the rows each is taken over.
HEADLINE = {
    "scams caught": ("fraud",),
    "everyday wrongly flagged": ("normal",),
    "adverts called scams": ("ad", "illegal"),
}


def rows_of(labels: tuple[str, ...], *, source: str = "", source_label: str = "") -> Select:
    """The messages with one of `labels` (and the given source or source label, if any)."""

    def select(m: RealMessage) -> bool:
        return (
            m.label in labels
            and (not source or m.source == source)
            and (not source_label or m.source_label == source_label)
        )

    return select


def groups(messages: list[RealMessage]) -> list[tuple[str, Select]]:
    """(row title, which messages) of the detail table, in order."""
    source_labels = sorted({(m.label, m.source_label) for m in messages})

    def by_source_label(label: str) -> list[tuple[str, Select]]:
        return [
            (f"  {label} · {sl}", rows_of((label,), source_label=sl))
            for lab, sl in source_labels
            if lab == label
        ]

    return [
        ("**fraud** (scams)", rows_of(("fraud",))),
        *by_source_label("fraud"),
        ("**normal** (everyday)", rows_of(("normal",))),
        *((f"  normal · {s} ({what})", rows_of(("normal",), source=s)) for s, what in SOURCES.items()),
        ("**ad + illegal** (adverts)", rows_of(("ad", "illegal"))),
        ("  ad", rows_of(("ad",))),
        *by_source_label("ad"),
        ("  illegal", rows_of(("illegal",))),
        *by_source_label("illegal"),
        ("**other** (weather, school, government notices)", rows_of(("other",))),
    ]


def real_held_out(ctx: Context) -> Part:
    from fanzha.learn.real import DEVELOPMENT_FOLDS, HELD_OUT_FOLD, in_folds, read_real
    from fanzha.taxonomy import ADVERT_KINDS

    real = read_real(REAL_SMS)
    test = in_folds(real, [HELD_OUT_FOLD])
    verdicts, seconds = predict_both(ctx, [m.text for m in test])
    write_jsonl(
        PREDICTIONS,
        (
            {
                "id": m.id,
                "label": m.label,
                "source": m.source,
                "source_label": m.source_label,
                "fine_label": m.fine_label,
                **prediction_row("fanzha", fz),
                **prediction_row("peer", pr),
                "text": m.text,
            }
            for m, fz, pr in zip(test, verdicts["fanzha"], verdicts["peer"], strict=True)
        ),
    )

    def pick(system: str, select: Select, what: Callable[[Verdict], bool]) -> list[bool]:
        return [what(v) for m, v in zip(test, verdicts[system], strict=True) if select(m)]

    def is_scam(v: Verdict) -> bool:
        return v.flagged

    def is_advert(v: Verdict) -> bool:
        return v.category in ADVERT_KINDS

    headline = {name: rows_of(labels) for name, labels in HEADLINE.items()}
    flags = {s: {name: pick(s, sel, is_scam) for name, sel in headline.items()} for s in SYSTEMS}
    headline_rows = [
        (system, *(share_cell(f, interval=True) for f in flags[system].values())) for system in SYSTEMS
    ]
    boot_rows, boot_figures = bootstrap_rows(
        {name: (flags["fanzha"][name], flags["peer"][name]) for name in headline}, ctx.cfg.n_bootstrap
    )

    detail_rows, detail_figures = [], {}
    for title, select in groups(test):
        cells = {s: (pick(s, select, is_scam), pick(s, select, is_advert)) for s in SYSTEMS}
        n = len(cells["fanzha"][0])
        detail_rows.append(
            (
                title,
                n,
                *(f"{share(cells[s][0]):.3f}" for s in SYSTEMS),
                *(f"{share(cells[s][1]):.3f}" for s in SYSTEMS),
            )
        )
        detail_figures[title.replace("*", "").strip()] = {
            "n": n,
            **{f"{s}_scam": round(share(cells[s][0]), 4) for s in SYSTEMS},
            **{f"{s}_advert": round(share(cells[s][1]), 4) for s in SYSTEMS},
        }

    advert_select = rows_of(("ad", "illegal"))
    kinds = [m.fine_label for m in test if advert_select(m)]
    advert_rows, advert_figures = [], {}
    for system in SYSTEMS:
        cats = [v.category for m, v in zip(test, verdicts[system], strict=True) if advert_select(m)]
        any_kind = [c in ADVERT_KINDS for c in cats]
        right_kind = [c == k for c, k in zip(cats, kinds, strict=True)]
        normal = [c == "normal" for c in cats]
        advert_rows.append((system, share_cell(any_kind), share_cell(right_kind), share_cell(normal)))
        advert_figures[system] = {
            "advert_category": share_figure(any_kind),
            "right_advert_kind": share_figure(right_kind),
            "normal": share_figure(normal),
        }

    development = in_folds(real, DEVELOPMENT_FOLDS)
    overlap = overlap_counts(
        (m.text for m in test),
        {
            "train.jsonl": (r["text"] for r in read_jsonl(TRAIN)),
            "dev.jsonl": (r["text"] for r in read_jsonl(DEV)),
            f"real folds {','.join(map(str, DEVELOPMENT_FOLDS))}": (m.text for m in development),
        },
    )
    n_distinct = len({m.text.strip() for m in test})
    heads = sorted(getattr(getattr(ctx.detector(), "model", None), "heads", None) or [])
    head_note = (
        ""
        if "category" in heads
        else " The model fanzha loaded has no `category` head (its heads: "
        + (", ".join(f"`{h}`" for h in heads) or "unknown")
        + "), so it cannot give an advert category: its adverts come out as `normal` or as scams."
    )
    figures = {
        "n": len(test),
        "fold": HELD_OUT_FOLD,
        "headline": {s: {name: share_figure(f) for name, f in flags[s].items()} for s in SYSTEMS},
        "bootstrap_diff_fanzha_minus_peer": boot_figures,
        "groups": detail_figures,
        "advert_categories": advert_figures,
        "verbatim_overlap": overlap,
        "fanzha_model_heads": heads,
        "seconds": seconds,
    }
    md = [
        f"### Real SMS, held-out fold {HELD_OUT_FOLD} (the figures to quote)",
        "",
        f"The {len(test):,} rows of `real/real_sms.jsonl` in fold {HELD_OUT_FOLD} ({n_distinct:,} distinct texts): "
        "real fake-base-station scams and adverts (FBS_SMS_Dataset) and real everyday messages "
        "(SpamMessagesLR: banks' and operators' own notices; text-antispam msglog: short chat lines). "
        f"fanzha's classifier trained on, and its engine was tuned on, folds "
        f"{', '.join(map(str, DEVELOPMENT_FOLDS))} only; the peer trained on the same folds. A verdict is a scam "
        "when fanzha's `is_fraud` is true, or when the peer predicts a fraud type or `fraud`.",
        "",
        "**Headline, with 95% Wilson intervals:**",
        "",
        *table(["system", *headline], headline_rows),
        "",
        f"**fanzha − peer, paired bootstrap** ({ctx.cfg.n_bootstrap} resamples of the rows of each group, "
        "the same rows for both systems; 95% percentile interval):",
        "",
        *table(["share", "difference", "95% interval"], boot_rows),
        "",
        "**Per label and source** (share called a scam, share given an advert category):",
        "",
        *table(["rows", "n", "scam: fanzha", "scam: peer", "advert: fanzha", "advert: peer"], detail_rows),
        "",
        f"**Adverts told apart** ({len(kinds)} ad + illegal rows; fanzha's `category`, the peer's own advert "
        "labels; the right kind is `RealMessage.fine_label`: `loan_advert` for AD:Loan, `illegal_advert` for "
        f"illegal rows, `advert` for the other ad rows).{head_note}",
        "",
        *table(["system", "given an advert category", "the right advert kind", "called normal"], advert_rows),
        "",
        f"Held-out check: distinct fold-{HELD_OUT_FOLD} texts that occur in {overlap_sentence(overlap)}. "
        f"Times: fanzha {seconds['fanzha']} s, peer {seconds['peer']} s. Per-text predictions of both "
        f"systems: `benchmarks/out/{PREDICTIONS.name}`.",
    ]
    f, p = flags["fanzha"], flags["peer"]
    summary = (
        f"real held-out (fold {HELD_OUT_FOLD}): scams caught fanzha {share(f['scams caught']):.3f} vs peer "
        f"{share(p['scams caught']):.3f}; everyday flagged {share(f['everyday wrongly flagged']):.3f} vs "
        f"{share(p['everyday wrongly flagged']):.3f}; adverts called scams "
        f"{share(f['adverts called scams']):.3f} vs {share(p['adverts called scams']):.3f}"
    )
    return Part(md, figures, summary)
