"""Benchmark: the officer's intake pre-fill (`fanzha.cases.intake.prefill`) on labelled narratives
(benchmarks/data/intake/narratives.jsonl, built by build_narratives.py): a `test` split written before any rule
was tuned and never tuned on (its phrasings are not in `dev`), a `dev` split the rules were tuned on, and a
`fresh` split of free-form narratives written after tuning (first scores: benchmarks/data/intake/SCORES.md).

Field-level accuracy: for each field, the narratives (or, for a payment's fields, the expected payments)
where the pre-fill gives exactly the labelled value — an empty label counts, so a value made up where the
narrative says nothing is an error. A payment is compared with the payment in the same place; a missing one
gets every field wrong. Exact match: every field of the narrative right. Speed: one pre-fill, warm.

    python benchmarks/run.py --only intake
    cd benchmarks && python -m suite.intake --split dev --errors   # while tuning: the dev split's mistakes
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import Counter
from datetime import datetime
from typing import Any

from suite.common import DATA, Section, log, read_jsonl, table

NARRATIVES = DATA / "intake" / "narratives.jsonl"
SCALARS = ("victim_name", "reporter_name", "relation", "victim_sex", "victim_age", "fraud_type",
           "contact_channel", "occurred_at", "loss", "dissuaded")  # fmt: skip
PAYMENT_FIELDS = ("amount", "paid_at", "method", "channel", "from_bank", "to_account", "to_bank", "flagged")


def predicted(found: Any) -> dict[str, Any]:
    """The pre-fill in the labels' terms."""
    return {
        "victim_name": found.victim_name,
        "reporter_name": found.reporter_name,
        "relation": found.reporter_relation,
        "victim_sex": found.victim_sex,
        "victim_age": found.victim_age,
        "fraud_type": found.fraud_type,
        "contact_channel": found.contact_channel,
        "occurred_at": found.occurred_at.isoformat() if found.occurred_at else None,
        "loss": found.loss,
        "dissuaded": found.dissuaded,
        "payments": [
            {
                "amount": p.amount,
                "paid_at": p.paid_at.isoformat() if p.paid_at else None,
                "method": p.method,
                "channel": p.channel,
                "from_bank": p.from_bank,
                "to_account": p.to_account,
                "to_bank": p.to_bank,
                "flagged": bool(p.flags),
            }
            for p in found.payments
        ],
    }


def _same(key: str, want: Any, got: Any) -> bool:
    if key in ("loss", "amount"):
        return abs(float(want or 0) - float(got or 0)) < 0.005
    return bool(want == got)


def score(rows: list[dict[str, Any]], outputs: list[dict[str, Any]]) -> dict[str, Any]:
    """Per-field (correct, expected), the exact-match count and the mistakes."""
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    exact = 0
    mistakes: list[tuple[str, str, Any, Any]] = []
    for row, got in zip(rows, outputs, strict=True):
        want = row["expect"]
        ok = True
        for key in SCALARS:
            total[key] += 1
            if _same(key, want[key], got[key]):
                right[key] += 1
            else:
                ok = False
                mistakes.append((row["id"], key, want[key], got[key]))
        total["payments.count"] += 1
        if len(want["payments"]) == len(got["payments"]):
            right["payments.count"] += 1
        else:
            ok = False
            mistakes.append((row["id"], "payments.count", len(want["payments"]), len(got["payments"])))
        for i, pay in enumerate(want["payments"]):
            mine = got["payments"][i] if i < len(got["payments"]) else None
            for key in PAYMENT_FIELDS:
                total[f"payment.{key}"] += 1
                if mine is not None and _same(key, pay[key], mine[key]):
                    right[f"payment.{key}"] += 1
                else:
                    ok = False
                    mistakes.append((row["id"], f"payments[{i}].{key}", pay[key], mine and mine[key]))
        exact += ok
    return {"right": dict(right), "total": dict(total), "exact": exact, "n": len(rows), "mistakes": mistakes}


def run_prefill(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[float]]:
    from fanzha.cases.intake import prefill
    from fanzha.detect.engine import Detector

    detector = Detector()
    prefill("报警人张三，男，40岁，昨天被骗。", detector=detector, now=datetime.now().astimezone())  # warm up
    outputs, seconds = [], []
    for row in rows:
        t0 = time.perf_counter()
        found = prefill(row["text"], detector=detector, now=datetime.fromisoformat(row["now"]))
        seconds.append(time.perf_counter() - t0)
        outputs.append(predicted(found))
    return outputs, seconds


def _pct(right: int, total: int) -> str:
    return f"{right}/{total} ({right / total:.1%})" if total else "—"


SPLITS = ("test", "fresh", "dev")
ABOUT = {
    "test": "written before any rule was tuned; never tuned on",
    "fresh": "free-form, written after tuning on dev, labelled before the pre-fill ran on them, then tuned on too; "
    "first scores in benchmarks/data/intake/SCORES.md",
    "dev": "tuned on",
}


def bench_intake(ctx: Any = None) -> Section:
    rows = read_jsonl(NARRATIVES)
    log(f"  pre-filling {len(rows)} labelled narratives")
    outputs, seconds = run_prefill(rows)
    splits = [s for s in SPLITS if any(r["split"] == s for r in rows)]
    scores = {}
    for split in splits:
        pairs = [(r, o) for r, o in zip(rows, outputs, strict=True) if r["split"] == split]
        scores[split] = score([r for r, _ in pairs], [o for _, o in pairs])
    keys = [*SCALARS, "payments.count", *(f"payment.{k}" for k in PAYMENT_FIELDS)]
    counts = "; ".join(f"`{s}` {scores[s]['n']} ({ABOUT[s]})" for s in splits)
    lines = [
        f"{len(rows)} labelled narratives as officers type them (benchmarks/data/intake/narratives.jsonl): {counts}. "
        "Police-record and first-person styles, relatives reporting, one to three payments, times in words, "
        "accounts that are not cards, cards failing the check digit, dissuaded victims, full-width digits. Per "
        "field: narratives (payment fields: expected payments) where the pre-fill equals the label, empty labels "
        "included (a value made up where the narrative says nothing is an error).",
        "",
    ]
    rows_out = [
        (k, *(_pct(scores[s]["right"].get(k, 0), scores[s]["total"].get(k, 0)) for s in splits)) for k in keys
    ]
    lines += table(["field", *splits], rows_out)
    micro = {s: (sum(v["right"].values()), sum(v["total"].values())) for s, v in scores.items()}
    lines += ["", *table(["", *splits], [
        ("all fields (micro)", *(_pct(*micro[s]) for s in splits)),
        ("narratives exactly right", *(_pct(scores[s]["exact"], scores[s]["n"]) for s in splits)),
    ])]  # fmt: skip
    ms = sorted(s * 1000 for s in seconds)
    speed = {
        "median_ms": round(statistics.median(ms), 2),
        "p95_ms": round(ms[int(0.95 * (len(ms) - 1))], 2),
        "max_ms": round(ms[-1], 2),
    }
    lines += [
        "",
        f"Speed, one narrative (warm, {len(ms)} narratives, scam check engine included): median "
        f"{speed['median_ms']} ms, p95 {speed['p95_ms']} ms, max {speed['max_ms']} ms.",
    ]
    summary = [
        "intake pre-fill: "
        + "; ".join(
            f"{s} fields {_pct(*micro[s])}, exact {_pct(scores[s]['exact'], scores[s]['n'])}" for s in splits
        )
        + f"; median {speed['median_ms']} ms"
    ]
    figures = {split: {k: v for k, v in s.items() if k != "mistakes"} for split, s in scores.items()}
    return Section("intake", "Intake pre-fill accuracy", lines, summary, {**figures, "speed": speed})


def main(argv: list[str]) -> None:
    split = argv[argv.index("--split") + 1] if "--split" in argv else "dev"
    rows = [r for r in read_jsonl(NARRATIVES) if r["split"] == split]
    outputs, _ = run_prefill(rows)
    result = score(rows, outputs)
    for key in sorted(result["total"]):
        print(f"{key:22} {_pct(result['right'].get(key, 0), result['total'][key])}")
    print(f"exact {_pct(result['exact'], result['n'])}")
    if "--errors" in argv:
        texts = {r["id"]: r["text"] for r in rows}
        for rid, key, want, got in result["mistakes"]:
            print(f"{rid} {key}: want {want!r} got {got!r} | {texts[rid][:90]}")


if __name__ == "__main__":
    main(sys.argv[1:])
