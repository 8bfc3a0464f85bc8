"""Benchmark 2, batch throughput: `fanzha check --jsonl` end to end as a subprocess against the peer's
`predict`, on every real SMS (the issue's target: fanzha ≥ 1.0× the peer), with `--workers 1` and
`Detector.assess_many` for reference; and, secondary, on the SMS-length corpus texts of earlier reports."""

from __future__ import annotations

import os
import subprocess
from typing import Any

from suite.common import OUT, SEED, Section, mb, seconds_list, table, write_jsonl
from suite.context import Context
from suite.corpus import real_sms_rows, sms_texts
from suite.machine import busy_cpus
from suite.processes import fanzha_command, run_check
from suite.throughput_runs import Timing, time_input

SPEED_TARGET = 1.0  # fanzha check --jsonl texts/s ÷ peer predict texts/s
BUSY_WARNING = 0.25  # CPUs kept busy by other processes before the runs: from this, the section warns


def timing_rows(t: Timing, repeats: int) -> list[tuple[str, ...]]:
    best = t.best
    rows: list[tuple[str, ...]] = [
        (
            "**fanzha**",
            "`fanzha check --jsonl < in > out`, a subprocess, end to end (start-up, JSON in/out; "
            "default worker processes)",
            f"{best.wall:.2f}",
            f"**{t.fanzha_tps:,.0f}**",
            f"{best.cpu:.2f}",
            seconds_list(r.wall for r in t.runs),
        ),
        (
            "peer",
            "`pipeline.predict(texts)` in-process (predict only, one process)",
            f"{min(t.peer):.2f}",
            f"**{t.peer_tps:,.0f}**",
            "",
            seconds_list(t.peer),
        ),
    ]
    if t.single:
        single = min(t.single, key=lambda r: r.wall)
        rows.append(
            (
                "fanzha (reference)",
                "`fanzha check --jsonl --workers 1`, end to end, one process",
                f"{single.wall:.2f}",
                f"{t.n / single.wall:,.0f}",
                f"{single.cpu:.2f}",
                seconds_list(r.wall for r in t.single),
            )
        )
    if t.in_process:
        rows.append(
            (
                "fanzha (reference)",
                f"`Detector.assess_many(chunk, explain=False)` in-process, chunks of {t.chunk} (no start-up, "
                "no JSON, one process)",
                f"{min(t.in_process):.2f}",
                f"{t.n / min(t.in_process):,.0f}",
                "",
                seconds_list(t.in_process),
            )
        )
    return rows


def bench_check_throughput(ctx: Context) -> Section:
    cfg = ctx.cfg
    cmd = [*fanzha_command(), "check", "--jsonl"]
    help_text = subprocess.run([*cmd[:2], "--help"], capture_output=True, text=True).stdout
    has_workers = "--workers" in help_text
    ctx.peer()
    ctx.detector()

    busy = busy_cpus()
    real = time_input(
        ctx, cmd, "real", real_sms_rows(cfg.n_real_check), reference=True, has_workers=has_workers
    )
    corpus_texts = sms_texts(cfg.n_check)
    corpus_rows = [(f"sms-{i:05d}", t) for i, t in enumerate(corpus_texts)]
    corpus = time_input(ctx, cmd, "corpus", corpus_rows, reference=False, has_workers=has_workers)

    one_path = OUT / "check_input_1.jsonl"
    write_jsonl(one_path, [{"id": "one", "text": corpus_texts[0]}])
    startup = min(run_check(cmd, one_path, OUT / "check_output_1.jsonl").wall for _ in range(cfg.repeats))
    sampled = run_check(cmd, real.path, OUT / "check_output_real_sampled.jsonl", sample_memory=True)
    peak_single = max(r.maxrss_kb for r in [*real.runs, sampled])
    steady = real.n / (real.best.wall - startup) if real.best.wall > startup else float("nan")
    met = real.ratio >= SPEED_TARGET

    figures: dict[str, Any] = {
        "real": real.figures(),
        "corpus": corpus.figures(),
        "ratio_target": SPEED_TARGET,
        "ratio_target_met": met,
        "fanzha_check_startup_1_text_s": round(startup, 3),
        "fanzha_check_steady_texts_per_s_real": round(steady, 1),
        "fanzha_check_max_rss_single_process_kb": peak_single,
        "fanzha_check_tree_peak_rss_kb": sampled.tree_rss_kb,
        "fanzha_check_tree_peak_pss_kb": sampled.tree_pss_kb,
        "fanzha_check_processes": sampled.processes,
        "cpus_busy_before": round(busy, 2),
    }
    crowded = busy >= BUSY_WARNING
    header = [
        "system",
        "what is timed",
        f"best of {cfg.repeats} (s)",
        "texts/s",
        "CPU s (best run)",
        "all runs (s)",
    ]
    check = real.check
    md = [
        *(
            [
                f"> **Warning:** other processes kept {busy:.1f} of this machine's {os.cpu_count()} CPUs busy "
                "just before these runs: the worker pool of `fanzha check --jsonl` shares the CPUs with them, "
                "the peer's one-process `predict` less so. The ratios below understate fanzha. Rerun on an "
                "idle machine.",
                "",
            ]
            if crowded
            else []
        ),
        f"**Real SMS**: the {real.n:,} texts of `real/real_sms.jsonl`"
        + (" (a seeded sample: --quick)" if cfg.n_real_check else " (all folds)")
        + f", mean {real.mean_chars:.1f} chars, written as `{{id, text}}` JSONL to "
        f"`benchmarks/out/{real.path.name}`; the same texts, in memory, for the peer. A fanzha run and a "
        "peer run alternate, so a change of the machine's load hits both.",
        "",
        *table(header, timing_rows(real, cfg.repeats)),
        "",
        f"**fanzha ÷ peer on the real SMS: {real.ratio:.2f}×** (`fanzha check --jsonl` end to end, start-up "
        f"included, against the peer's bare `predict`; target ≥ {SPEED_TARGET:.1f}×: "
        f"{'met' if met else '**not met**'}).",
        "",
        f"- Start-up of `fanzha check --jsonl` on a 1-line input: {startup:.2f} s (best of {cfg.repeats}); "
        f"throughput on the real SMS without it ≈ {steady:,.0f} texts/s. fanzha's bytecode was compiled before "
        "the run, as installing a wheel does (`suite.machine.compile_bytecode`: this machine sets "
        "PYTHONDONTWRITEBYTECODE=1, under which every start compiled the sources again, 0.1 s more).",
        f"- CPUs kept busy by other processes in the second before the timed runs (`/proc/stat`): {busy:.2f} "
        f"of {os.cpu_count()}.",
        f"- Memory of `fanzha check --jsonl` on the real SMS: largest single process **{mb(peak_single)}** "
        "(`ru_maxrss` of the command and the workers it reaped, read with GNU time `%M`); whole process tree "
        f"({sampled.processes} processes), sampled every 20 ms in one extra untimed run: peak "
        f"**{mb(sampled.tree_pss_kb)} PSS** (shared pages split between processes), {mb(sampled.tree_rss_kb)} "
        "summed RSS (shared pages counted in every process).",
        f"- Output verified: {check['lines']:,} lines for {real.n:,} inputs, ids in order "
        f"({check['id_mismatches']} mismatches), {check['errors']} error lines, {check['flagged']:,} texts "
        "flagged as scams"
        + (
            f"; `--workers 1` output byte-identical to the default: {'yes' if real.same_output else '**no**'}."
            if real.single
            else "."
        ),
        "",
        f"**Secondary, the input of earlier reports**: {corpus.n:,} SMS-length texts (train.jsonl + dev.jsonl "
        f"texts cut to their first 70 characters, mean {corpus.mean_chars:.1f} chars, sampled with seed {SEED}; "
        f"`benchmarks/out/{corpus.path.name}`), kept so that the figures can be compared across reports:",
        "",
        *table(header, timing_rows(corpus, cfg.repeats)),
        "",
        f"fanzha ÷ peer on these texts: {corpus.ratio:.2f}×; output: {corpus.check['lines']:,} lines, "
        f"{corpus.check['errors']} error lines, {corpus.check['id_mismatches']} id mismatches.",
        "",
        f"This machine has {os.cpu_count()} CPUs. The headline fanzha row may use all of them (worker "
        "processes); the peer's `predict` runs in one. The headline rows measure different things on purpose: "
        "the fanzha row is what a user of the command waits for, the peer row is a bare `predict` on a list "
        "already in memory. The reference rows take away the workers, start-up and I/O; per text fanzha still "
        "does more than the peer (normalisation, cue rules, identifier extraction and checks) besides its "
        "classifier.",
    ]
    summary = [
        f"real SMS: fanzha check --jsonl {real.fanzha_tps:,.0f} texts/s end to end vs peer predict "
        f"{real.peer_tps:,.0f} texts/s = {real.ratio:.2f}× (target ≥ {SPEED_TARGET:.1f}×"
        f"{'' if met else ', not met'}; start-up {startup:.2f} s, tree PSS peak {mb(sampled.tree_pss_kb)}, "
        f"largest process {mb(peak_single)}"
        + (f"; --workers 1 {real.n / min(r.wall for r in real.single):,.0f} texts/s" if real.single else "")
        + (f"; in-process {real.n / min(real.in_process):,.0f} texts/s)" if real.in_process else ")"),
        f"corpus texts: {corpus.fanzha_tps:,.0f} vs {corpus.peer_tps:,.0f} texts/s = {corpus.ratio:.2f}×",
        *(
            [f"WARNING: {busy:.1f} CPUs busy with other processes before the runs; rerun idle"]
            if crowded
            else []
        ),
    ]
    return Section("check_throughput", "2. Batch throughput (`fanzha check --jsonl`)", md, summary, figures)
