"""Benchmark 13, claims audit (打击欺诈骗保): a synthetic set of 100,000 claims (`--quick`: 20,000; seed
fixed) from `fanzha.claims.generate`, a fifth of them with one injected violation each (labelled), and

- precision and recall per rule: a finding counts as correct when its claim and rule carry a label, and as
  exact when its item refs are the labelled ones too;
- speed in-process on one core (best of `repeats`, a fresh `Auditor` each time, the set-up frozen out of
  the garbage collector as the CLI does): the audit of the generated claim objects many at a time
  (`Auditor.audit_many`, the batch path a file takes; target ≥ 50,000 claims/s), of the same claims as a
  JSON decoder makes them (every string its own object, as from a file or a database: hashing them costs),
  one at a time (`Auditor.audit`), and of JSONL lines (`Auditor.audit_lines`, decoding included);
- `fanzha claims audit --jsonl` end to end on the file (a process of its own: start-up, reading, writing),
  and its peak resident memory.

There is no open-source peer: no public project audits medical-insurance claims with these rules."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from suite.common import OUT, Section, best_of, log, table
from suite.context import Context

SEED = 20260315
TARGET = 50_000


def _quality(claims: list[dict[str, Any]], labels: list[dict[str, Any]], stock: list[Any]) -> dict[str, Any]:
    from fanzha.claims import Auditor
    from fanzha.claims.rules import RULE_IDS

    auditor = Auditor(stock=stock)
    truth = {(x["claim_id"], x["rule"]): tuple(x["item_refs"]) for x in labels}
    hit, exact, found = Counter[str](), Counter[str](), Counter[str]()
    for result in auditor.audit_many(claims):
        for finding in result.findings:
            found[finding.rule] += 1
            refs = truth.get((result.claim_id, finding.rule))
            if refs is not None:
                hit[finding.rule] += 1
                exact[finding.rule] += refs == finding.item_refs
    labelled = Counter(rule for _, rule in truth)
    per_rule = {}
    for rule in RULE_IDS:
        per_rule[rule] = {
            "labelled": labelled[rule],
            "found": found[rule],
            "precision": round(hit[rule] / found[rule], 4) if found[rule] else 1.0,
            "recall": round(hit[rule] / labelled[rule], 4) if labelled[rule] else 1.0,
            "exact_refs": round(exact[rule] / hit[rule], 4) if hit[rule] else 1.0,
        }
    return per_rule


def _speed(
    claims: list[dict[str, Any]], lines: list[bytes], stock: list[Any], repeats: int
) -> dict[str, Any]:
    from fanzha.claims import Auditor

    n = len(claims)
    gc.collect()
    gc.freeze()  # the set-up (the claims in memory) is not walked by every collection, as in the CLI

    def objects() -> None:
        for _ in Auditor(stock=stock).audit_many(claims):
            pass

    import orjson

    # the claims as a JSON decoder makes them: no string shared between claims
    decoded = [orjson.loads(line) for line in lines]
    gc.freeze()

    def from_decoded() -> None:
        for _ in Auditor(stock=stock).audit_many(decoded):
            pass

    def one_by_one() -> None:
        auditor = Auditor(stock=stock)
        for claim in claims:
            auditor.audit(claim)

    def from_lines() -> None:
        auditor = Auditor(stock=stock)
        for _ in auditor.audit_lines(lines):
            pass

    figures = {}
    runs = (
        ("objects", objects),
        ("decoded", from_decoded),
        ("one_by_one", one_by_one),
        ("lines", from_lines),
    )
    for name, run in runs:
        best, times, _ = best_of(repeats, run)
        figures[name] = {"seconds": round(best, 3), "claims_per_s": round(n / best),
                         "runs_claims_per_s": [round(n / t) for t in times]}  # fmt: skip
    gc.unfreeze()
    return figures


def _cli(path: Any, stock_path: Any, n: int) -> dict[str, Any]:
    out = OUT / "claims-findings.jsonl"
    command = [sys.executable, "-m", "fanzha.cli", "claims", "audit", "--jsonl", "--stock", str(stock_path)]
    env = dict(os.environ, PYTHONHASHSEED="0")
    with path.open("rb") as source, out.open("wb") as target:
        started = time.perf_counter()
        child = subprocess.Popen(command, stdin=source, stdout=target, stderr=subprocess.DEVNULL, env=env)
        peak = 0
        while child.poll() is None:  # its own high-water mark (wait4's ru_maxrss counts the suite's, forked)
            peak = max(peak, _high_water_kb(child.pid))
            time.sleep(0.05)
        seconds = time.perf_counter() - started
    if child.returncode:
        raise subprocess.CalledProcessError(child.returncode, command)
    written = sum(1 for _ in out.open("rb"))
    return {"seconds": round(seconds, 2), "claims_per_s": round(n / seconds), "lines_out": written,
            "peak_rss_mb": round(peak / 1024)}  # fmt: skip


def _high_water_kb(pid: int) -> int:
    """VmHWM of a running process (Linux), 0 when it cannot be read."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii", errors="replace")
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def _runs(figure: dict[str, Any]) -> str:
    return ", ".join(f"{r:,}" for r in figure["runs_claims_per_s"])


def bench_claims(ctx: Context) -> Section:
    import orjson

    from fanzha.claims.generate import ClaimGenerator
    from fanzha.claims.stockfile import stock_line

    n = 20_000 if ctx.cfg.quick else 100_000
    log(f"claims: generating {n:,} claims (seed {SEED})")
    generator = ClaimGenerator(n=n, seed=SEED, violations=0.2)
    claims = list(generator.claims())
    lines = [orjson.dumps(c) for c in claims]
    items = sum(len(c["items"]) for c in claims) / n
    OUT.mkdir(parents=True, exist_ok=True)
    path, stock_path = OUT / "claims.jsonl", OUT / "claims-stock.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    stock_path.write_bytes(b"".join(stock_line(r) + b"\n" for r in generator.stock))
    log("  precision and recall")
    quality = _quality(claims, generator.labels, generator.stock)
    log("  speed in-process")
    speed = _speed(claims, lines, generator.stock, ctx.cfg.repeats)
    log("  fanzha claims audit --jsonl")
    cli = _cli(path, stock_path, n)
    figures = {"claims": n, "items_per_claim": round(items, 2), "labels": len(generator.labels),
               "stock_records": len(generator.stock), "quality": quality, "speed": speed, "cli": cli}  # fmt: skip
    markdown = [
        f"{n:,} synthetic claims (seed {SEED}, {items:.1f} items per claim), {len(generator.labels):,} with an "
        f"injected violation, {len(generator.stock):,} stock records. A finding is correct when its claim and rule "
        "are labelled; exact when its item refs are the labelled ones.",
        "",
        *table(
            ["rule", "labelled", "found", "precision", "recall", "exact refs"],
            [
                [
                    rule,
                    f"{q['labelled']:,}",
                    f"{q['found']:,}",
                    f"{q['precision']:.4f}",
                    f"{q['recall']:.4f}",
                    f"{q['exact_refs']:.4f}",
                ]
                for rule, q in quality.items()
            ],
        ),
        "",
        *table(
            ["speed (one core)", "claims/s (best)", "every run", "target"],
            [
                [
                    "`Auditor.audit_many` on decoded JSON objects (read, checked, all 8 rules; 512 at a time)",
                    f"{speed['objects']['claims_per_s']:,}",
                    _runs(speed["objects"]),
                    f"≥ {TARGET:,}",
                ],
                [
                    "… on the same claims decoded from their JSON lines by orjson (no string shared between claims)",
                    f"{speed['decoded']['claims_per_s']:,}",
                    _runs(speed["decoded"]),
                    "",
                ],
                [
                    "`Auditor.audit` on the generated objects one at a time",
                    f"{speed['one_by_one']['claims_per_s']:,}",
                    _runs(speed["one_by_one"]),
                    "",
                ],
                [
                    "`Auditor.audit_lines` on JSONL lines (decoding included)",
                    f"{speed['lines']['claims_per_s']:,}",
                    _runs(speed["lines"]),
                    "",
                ],
                [
                    f"`fanzha claims audit --jsonl` end to end ({cli['seconds']} s, process start included, "
                    f"peak memory {cli['peak_rss_mb']} MB)",
                    f"{cli['claims_per_s']:,}",
                    "",
                    "",
                ],
            ],
        ),
    ]
    worst = min(min(q["precision"], q["recall"]) for q in quality.values())
    summary = [
        f"claims: precision/recall ≥ {worst:.4f} on every rule; audit {speed['objects']['claims_per_s']:,} claims/s "
        f"(objects, many at a time; {speed['decoded']['claims_per_s']:,} decoded objects, "
        f"{speed['one_by_one']['claims_per_s']:,} one by one), {speed['lines']['claims_per_s']:,} (JSONL), "
        f"CLI {cli['claims_per_s']:,} claims/s"
    ]
    return Section("claims", "13. Claims audit (打击欺诈骗保)", markdown, summary, figures)
