"""The timed runs of the throughput benchmark on one input: `fanzha check --jsonl` as a subprocess and the
peer's `predict`, interleaved and best of N; for reference `--workers 1` and `Detector.assess_many`."""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from suite.common import OUT, log, write_jsonl
from suite.context import Context
from suite.processes import ChildRun, run_check


@dataclass
class Timing:
    """Every timed run on one input file."""

    name: str
    path: Path
    n: int
    mean_chars: float
    runs: list[ChildRun]  # fanzha check --jsonl, default workers
    peer: list[float]  # peer predict, seconds
    check: dict[str, int]
    single: list[ChildRun] = field(default_factory=list)  # --workers 1
    same_output: bool | None = None
    in_process: list[float] = field(default_factory=list)  # Detector.assess_many, seconds
    chunk: int = 0

    @property
    def best(self) -> ChildRun:
        return min(self.runs, key=lambda r: r.wall)

    @property
    def fanzha_tps(self) -> float:
        return self.n / self.best.wall

    @property
    def peer_tps(self) -> float:
        return self.n / min(self.peer)

    @property
    def ratio(self) -> float:
        """fanzha check --jsonl end to end ÷ peer predict, texts/s: the issue's target is ≥ 1."""
        return self.fanzha_tps / self.peer_tps

    def figures(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "input": str(self.path.name),
            "n_texts": self.n,
            "mean_chars": round(self.mean_chars, 1),
            "fanzha_check_wall_s": [round(r.wall, 3) for r in self.runs],
            "fanzha_check_texts_per_s": round(self.fanzha_tps, 1),
            "fanzha_check_cpu_s_best_run": round(self.best.cpu, 2),
            "fanzha_check_max_rss_single_process_kb": max(r.maxrss_kb for r in self.runs),
            "peer_predict_s": [round(t, 3) for t in self.peer],
            "peer_predict_texts_per_s": round(self.peer_tps, 1),
            "ratio_fanzha_check_over_peer": round(self.ratio, 3),
            "output_check": self.check,
        }
        if self.single:
            out["fanzha_check_workers1_wall_s"] = [round(r.wall, 3) for r in self.single]
            out["fanzha_check_workers1_texts_per_s"] = round(self.n / min(r.wall for r in self.single), 1)
            out["fanzha_check_workers1_same_output"] = self.same_output
        if self.in_process:
            out["fanzha_in_process_s"] = [round(t, 3) for t in self.in_process]
            out["fanzha_in_process_texts_per_s"] = round(self.n / min(self.in_process), 1)
            out["fanzha_in_process_chunk"] = self.chunk
        return out


def verify_check_output(path: Path, ids: Sequence[str]) -> dict[str, int]:
    lines = path.read_bytes().splitlines()
    errors = mismatched = frauds = 0
    for line, ident in zip(lines, ids, strict=False):
        row = json.loads(line)
        errors += "error" in row
        mismatched += row.get("id") != ident
        frauds += bool(row.get("is_fraud"))
    return {"lines": len(lines), "errors": errors, "id_mismatches": mismatched, "flagged": frauds}


def time_input(
    ctx: Context,
    cmd: list[str],
    name: str,
    rows: Sequence[tuple[str, str]],
    *,
    reference: bool,
    has_workers: bool,
) -> Timing:
    """Write `rows` (id, text) as `{id, text}` JSONL to benchmarks/out/ and time both systems on it, best
    of `repeats`, a fanzha run and a peer run in turn (so a change of load hits both). With `reference`,
    also `--workers 1` and `Detector.assess_many` in-process."""
    cfg = ctx.cfg
    ids, texts = [i for i, _ in rows], [t for _, t in rows]
    n = len(texts)
    in_path = OUT / f"check_input_{name}_{n}.jsonl"
    out_path = OUT / f"check_output_{name}_{n}.jsonl"
    write_jsonl(in_path, ({"id": i, "text": t} for i, t in rows))
    peer = ctx.peer()
    log(f"  {name}: fanzha check --jsonl and peer predict on {n} texts, best of {cfg.repeats} ...")
    runs, peer_times = [], []
    for _ in range(cfg.repeats):
        runs.append(run_check(cmd, in_path, out_path))
        start = time.perf_counter()
        peer.predict(texts)
        peer_times.append(time.perf_counter() - start)
    check = verify_check_output(out_path, ids)
    if check["lines"] != n:
        raise RuntimeError(f"fanzha check wrote {check['lines']} lines for {n} inputs")
    timing = Timing(name, in_path, n, sum(map(len, texts)) / n, runs, peer_times, check)
    if not reference:
        return timing
    if has_workers:
        log(f"  {name}: fanzha check --jsonl --workers 1, best of {cfg.repeats} ...")
        single_path = OUT / f"check_output_{name}_{n}_workers1.jsonl"
        timing.single = [
            run_check([*cmd, "--workers", "1"], in_path, single_path) for _ in range(cfg.repeats)
        ]
        timing.same_output = single_path.read_bytes() == out_path.read_bytes()
    log(f"  {name}: Detector.assess_many in-process, best of {cfg.repeats} ...")
    detector = ctx.detector()
    try:
        from fanzha.cli.jsonl import CHUNK as chunk
    except ImportError:
        chunk = 512
    for _ in range(cfg.repeats):
        start = time.perf_counter()
        for i in range(0, n, chunk):
            detector.assess_many(texts[i : i + chunk], explain=False)
        timing.in_process.append(time.perf_counter() - start)
    timing.chunk = chunk
    return timing
