"""Benchmark 2, batch throughput: `fanzha check --jsonl` end to end as a subprocess, next to the peer's
`predict` and, for reference, one worker and `Detector.assess_many` in-process."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from suite.common import OUT, SEED, Section, best_of, log, mb, seconds_list, table, write_jsonl
from suite.context import Context
from suite.corpus import sms_texts
from suite.processes import ChildRun, fanzha_command, run_check


def verify_check_output(path: Path, ids: Sequence[str]) -> dict[str, int]:
    lines = path.read_bytes().splitlines()
    errors = mismatched = frauds = 0
    for line, ident in zip(lines, ids, strict=False):
        row = json.loads(line)
        errors += "error" in row
        mismatched += row.get("id") != ident
        frauds += bool(row.get("is_fraud"))
    return {"lines": len(lines), "errors": errors, "id_mismatches": mismatched, "flagged": frauds}


def bench_check_throughput(ctx: Context) -> Section:
    cfg = ctx.cfg
    texts = sms_texts(cfg.n_check)
    ids = [f"sms-{i:05d}" for i in range(len(texts))]
    in_path = OUT / f"check_input_{len(texts)}.jsonl"
    out_path = OUT / f"check_output_{len(texts)}.jsonl"
    write_jsonl(in_path, ({"id": i, "text": t} for i, t in zip(ids, texts, strict=True)))
    one_path = OUT / "check_input_1.jsonl"
    write_jsonl(one_path, [{"id": ids[0], "text": texts[0]}])
    cmd = [*fanzha_command(), "check", "--jsonl"]
    help_text = subprocess.run([*cmd[:2], "--help"], capture_output=True, text=True).stdout
    has_workers = "--workers" in help_text
    n = len(texts)
    mean_len = sum(map(len, texts)) / n

    log(f"  fanzha check --jsonl on {n} texts, best of {cfg.repeats} ...")
    runs = [run_check(cmd, in_path, out_path) for _ in range(cfg.repeats)]
    check = verify_check_output(out_path, ids)
    if check["lines"] != n:
        raise RuntimeError(f"fanzha check wrote {check['lines']} lines for {n} inputs")
    sampled = run_check(cmd, in_path, OUT / "check_output_sampled.jsonl", sample_memory=True)
    startup = [run_check(cmd, one_path, OUT / "check_output_1.jsonl") for _ in range(cfg.repeats)]
    single: list[ChildRun] = []
    same_output = None
    if has_workers:
        single_path = OUT / f"check_output_{len(texts)}_workers1.jsonl"
        single = [run_check([*cmd, "--workers", "1"], in_path, single_path) for _ in range(cfg.repeats)]
        same_output = single_path.read_bytes() == out_path.read_bytes()
    best = min(runs, key=lambda r: r.wall)
    best_startup = min(r.wall for r in startup)

    log(f"  fanzha in-process assess_many and peer predict on the same {n} texts ...")
    detector, peer = ctx.detector(), ctx.peer()
    try:
        from fanzha.cli.jsonl import CHUNK as chunk
    except ImportError:
        chunk = 512

    def in_process() -> int:
        return sum(len(detector.assess_many(texts[i : i + chunk])) for i in range(0, n, chunk))

    fz_best, fz_times, _ = best_of(cfg.repeats, in_process)
    peer_best, peer_times, _ = best_of(cfg.repeats, lambda: peer.predict(texts))

    steady = n / (best.wall - best_startup) if best.wall > best_startup else float("nan")
    peak_single = max(r.maxrss_kb for r in [*runs, sampled])
    figures: dict[str, Any] = {
        "n_texts": n,
        "mean_chars": round(mean_len, 1),
        "fanzha_check_wall_s": [round(r.wall, 3) for r in runs],
        "fanzha_check_texts_per_s": round(n / best.wall, 1),
        "fanzha_check_cpu_s_best_run": round(best.cpu, 2),
        "fanzha_check_max_rss_single_process_kb": peak_single,
        "fanzha_check_tree_peak_rss_kb": sampled.tree_rss_kb,
        "fanzha_check_tree_peak_pss_kb": sampled.tree_pss_kb,
        "fanzha_check_processes": sampled.processes,
        "fanzha_check_sampled_run_wall_s": round(sampled.wall, 3),
        "fanzha_check_startup_1_text_s": [round(r.wall, 3) for r in startup],
        "fanzha_check_steady_texts_per_s": round(steady, 1),
        "fanzha_in_process_s": [round(t, 3) for t in fz_times],
        "fanzha_in_process_texts_per_s": round(n / fz_best, 1),
        "fanzha_in_process_chunk": chunk,
        "peer_predict_s": [round(t, 3) for t in peer_times],
        "peer_predict_texts_per_s": round(n / peer_best, 1),
        "output_check": check,
    }
    rows = [
        (
            "**fanzha**",
            "`fanzha check --jsonl < in > out`, a subprocess, end to end (start-up, JSON in/out; "
            "default worker processes)",
            f"{best.wall:.2f}",
            f"**{n / best.wall:,.0f}**",
            f"{best.cpu:.2f}",
            seconds_list(r.wall for r in runs),
        ),
        (
            "peer",
            "`pipeline.predict(texts)` in-process (predict only, one process)",
            f"{peer_best:.2f}",
            f"**{n / peer_best:,.0f}**",
            "",
            seconds_list(peer_times),
        ),
    ]
    if single:
        best_single = min(single, key=lambda r: r.wall)
        figures["fanzha_check_workers1_wall_s"] = [round(r.wall, 3) for r in single]
        figures["fanzha_check_workers1_texts_per_s"] = round(n / best_single.wall, 1)
        figures["fanzha_check_workers1_same_output"] = same_output
        rows.append(
            (
                "fanzha (reference)",
                "`fanzha check --jsonl --workers 1`, end to end, one process",
                f"{best_single.wall:.2f}",
                f"{n / best_single.wall:,.0f}",
                f"{best_single.cpu:.2f}",
                seconds_list(r.wall for r in single),
            )
        )
    rows.append(
        (
            "fanzha (reference)",
            f"`Detector.assess_many` in-process, chunks of {chunk} (no start-up, no JSON, one process)",
            f"{fz_best:.2f}",
            f"{n / fz_best:,.0f}",
            "",
            seconds_list(fz_times),
        )
    )
    md = [
        f"{n:,} SMS-length texts: texts of train.jsonl + dev.jsonl cut to their first 70 characters "
        f"(mean {mean_len:.1f} chars), sampled with seed {SEED}, written to `benchmarks/out/{in_path.name}`.",
        "",
        *table(
            [
                "system",
                "what is timed",
                f"best of {cfg.repeats} (s)",
                "texts/s",
                "CPU s (best run)",
                "all runs (s)",
            ],
            rows,
        ),
        "",
        f"- Start-up of `fanzha check --jsonl` on a 1-line input: {best_startup:.2f} s (best of "
        f"{cfg.repeats}); throughput without it ≈ {steady:,.0f} texts/s.",
        f"- Memory of `fanzha check --jsonl` on the {n:,} texts: largest single process "
        f"**{mb(peak_single)}** (`ru_maxrss` of the command and the workers it reaped, read with GNU time "
        f"`%M`); whole process tree ({sampled.processes} processes), sampled every 20 ms in one extra "
        f"untimed run: peak **{mb(sampled.tree_pss_kb)} PSS** (shared pages split between processes), "
        f"{mb(sampled.tree_rss_kb)} summed RSS (shared pages counted in every process).",
        f"- Output verified: {check['lines']:,} lines for {n:,} inputs, ids in order "
        f"({check['id_mismatches']} mismatches), {check['errors']} error lines, "
        f"{check['flagged']:,} texts flagged as scams"
        + (
            f"; `--workers 1` output byte-identical to the default: {'yes' if same_output else '**no**'}."
            if single
            else "."
        ),
        f"- This machine has {os.cpu_count()} CPUs. The headline fanzha row may use all of them (worker "
        "processes); the peer's `predict` runs in one. The headline rows measure different things on "
        "purpose: the fanzha row is what a user of the command waits for, the peer row is a bare `predict` "
        "on a list already in memory. The reference rows take away the workers, start-up and I/O; per text "
        "fanzha still does more than the peer (normalisation, cue rules, identifier extraction and checks, "
        "the explanation) besides its classifier.",
    ]
    summary = [
        f"fanzha check --jsonl {n / best.wall:,.0f} texts/s end to end (start-up {best_startup:.2f} s, "
        f"tree PSS peak {mb(sampled.tree_pss_kb)}, largest process {mb(peak_single)})"
        + (f"; --workers 1 {n / min(r.wall for r in single):,.0f} texts/s" if single else "")
        + f"; in-process {n / fz_best:,.0f} texts/s; peer predict {n / peer_best:,.0f} texts/s",
    ]
    return Section("check_throughput", "2. Batch throughput (`fanzha check --jsonl`)", md, summary, figures)
