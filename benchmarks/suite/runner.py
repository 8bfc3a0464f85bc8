"""Runs the selected benchmarks in order and writes the report, the JSON figures and the summary."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import pickle
import time
from collections.abc import Callable
from pathlib import Path

from suite.bulletin import bench_bulletin
from suite.claims import bench_claims
from suite.common import OUT, Config, Section, log
from suite.context import Context
from suite.domains import bench_domains
from suite.extraction import bench_extraction
from suite.fuzz import bench_fuzz
from suite.http import bench_http
from suite.intake import bench_intake
from suite.latency import bench_latency
from suite.linking import bench_linking
from suite.lookups import bench_lookups
from suite.machine import code_fingerprint, compile_bytecode, machine_info
from suite.memory import bench_memory
from suite.quality import bench_quality
from suite.report import change_warnings, print_summary, render, write_results_json
from suite.report import update as update_report
from suite.scaling import bench_scaling
from suite.screening import bench_screening
from suite.stream import bench_stream
from suite.throughput import bench_check_throughput
from suite.warnings import bench_warnings

RUNNERS: dict[str, Callable[[Context], Section]] = {
    "quality": bench_quality,
    "check_throughput": bench_check_throughput,
    "latency": bench_latency,
    "memory": bench_memory,
    "extraction": bench_extraction,
    "lookups": bench_lookups,
    "http": bench_http,
    "linking": bench_linking,
    "bulletin": bench_bulletin,
    "domains": bench_domains,
    "screening": bench_screening,
    "warnings": bench_warnings,
    "claims": bench_claims,
    "intake": bench_intake,
    "stream": bench_stream,
    "fuzz": bench_fuzz,
    "scaling": bench_scaling,
}
BENCHMARKS = tuple(RUNNERS)  # in report order


def _child(name: str, cfg: Config, result: Path) -> None:
    result.write_bytes(pickle.dumps(RUNNERS[name](Context(cfg))))


def _in_child(name: str, cfg: Config) -> Section:
    """Run one benchmark in a process of its own (forked from this one, which holds no data): what an
    earlier benchmark left in memory — a 10-million-identifier cache, a million cases — cannot slow a
    later one, and the order of benchmarks no longer changes their figures."""
    result = OUT / f"section-{name}.pickle"
    result.unlink(missing_ok=True)
    child = multiprocessing.get_context("fork").Process(target=_child, args=(name, cfg, result))
    child.start()
    child.join()
    if child.exitcode != 0 or not result.exists():
        raise RuntimeError(f"benchmark {name} failed in its process (exit code {child.exitcode})")
    section: Section = pickle.loads(result.read_bytes())
    result.unlink()
    return section


def run(
    selected: list[str], cfg: Config, output: Path, shown_argv: list[str], *, update: bool = False
) -> int:
    """Run `selected` benchmarks, write the report to `output` (`update`: put them in place of theirs in
    the report already there); `shown_argv` is quoted in the report."""
    OUT.mkdir(parents=True, exist_ok=True)
    started = dt.datetime.now().astimezone()
    t0 = time.perf_counter()
    machine = {**machine_info(), "bytecode": compile_bytecode()}  # before anything is timed
    code_before = code_fingerprint()
    sections = []
    for name in selected:
        log(f"[{name}]")
        start = time.perf_counter()
        section = _in_child(name, cfg)
        section.seconds = time.perf_counter() - start
        sections.append(section)
        for line in section.summary:
            log(f"  {line}")
    code_after = code_fingerprint()
    changed = bool(change_warnings(code_before, code_after))  # the source or the model, not a README
    total = time.perf_counter() - t0

    if update:
        # A section this run skipped (a tool missing, say a python without the bench extra) never replaces
        # the one measured before.
        for section in sections:
            if section.skipped:
                log(f"kept the recorded «{section.title}»: this run skipped it ({section.summary[0]})")
        measured = [s for s in sections if not s.skipped]
        if not measured:
            return 1
        existing = output.read_text(encoding="utf-8")
        report = update_report(existing, measured, code_before, code_after, started, shown_argv, machine)
    else:
        report = render(sections, machine, code_before, code_after, cfg, started, total, shown_argv)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(report, encoding="utf-8")
    write_results_json(OUT / "results.json", sections, machine, code_before, cfg, started, total, changed)
    print_summary(sections, machine, total, changed, output)
    return 0
