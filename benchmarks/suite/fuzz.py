"""Benchmark: coverage-guided fuzzing (atheris, libFuzzer) of the normaliser, the variant repairer, the
recognizers, the JSONL readers and the rule loaders: 1,000,000 inputs per target in a full run (`--quick`:
10,000), each target in a process of its own, started from a seed corpus of real-looking inputs (the
shipped rule files, the records of each reader, disguised scam texts) that libFuzzer mutates.

An input fails when the target raises anything but its documented error (which must carry a Chinese
message), or breaks a property: a span outside the text, a normalised character mapped outside the
original. A failing input is saved to `benchmarks/out/fuzz/` and counted, and the run goes on; an input
running longer than `HANG_S` is a hang (libFuzzer stops the target). The hypothesis tests in `tests/fuzz/`
check the same properties in CI; this is the long run. Needs `pip install -e '.[bench]'` (atheris).

    python -m suite.fuzz TARGET RUNS SECONDS CORPUS STATS   # one target (what the benchmark starts)
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from importlib import resources
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parents[1]  # benchmarks/
FUZZ_OUT = HERE / "out" / "fuzz"
RUNS_FULL, RUNS_QUICK = 1_000_000, 10_000
ROUND_RUNS = 250_000  # inputs per process (`run_target`)
SECONDS_FULL, SECONDS_QUICK = 3_600, 60  # a cap per target, should a target be slower than expected
HANG_S = 10
RSS_LIMIT_MB = 9_000  # per target process; two at a time fit in this machine's 24 GB
CHINESE = re.compile("[\u4e00-\u9fff]")
TARGETS = (
    "normalize", "repair", "extract", "jsonl_text", "jsonl_transfer", "jsonl_case", "jsonl_claim",
    "jsonl_warn", "rules", "catalogue",
)  # fmt: skip

TEXT_SEEDS = [
    "請撥打１３８ ００１３ ８０００，您的帳戶涉嫌洗錢，請轉賬到安全賬戶",
    "刷 单 返 利，日赚５００，加ｖｘ：ｓｄ１２３４５６，Q群：１２３４５６７８９",
    "恭喜您获得笔纪本电脑一台，点击 ｈｔｔｐｓ：／／ｗｗｗ．ｉｃｂｃ－ｖｅｒｉｆｙ．ｔｏｐ 领取，跑一男一节一目",
    "身份证11010519491231002X，卡号6222 0212 3456 7890 128，幺三八零零幺三八零零零，looo元",
    "\u200b１\u200b３\u200b８ 0013 8000 ① 𝟏 Ⅻ 192.168.1.1 支付宝 a@b.cn 5万元",
    # a long chain of "。"-separated labels before "@": each label is a place a link pattern may start
    # (unbounded repeats there made the fourteenth session's first decoy-link patterns quadratic)
    "邮箱" + "ab。" * 300 + "@x点com/a https://" + "a@" * 50 + "b.com",
]


def _seeds(target: str) -> list[bytes]:
    """The seed corpus of a target: inputs as the real thing writes them."""
    if target in ("normalize", "repair", "extract"):
        return [t.encode() for t in TEXT_SEEDS]
    if target == "rules":
        return [resources.files("fanzha.screen").joinpath("data/default_rules.yaml").read_bytes()]
    if target == "catalogue":
        return [resources.files("fanzha.claims").joinpath("data/catalogue.yaml").read_bytes()]
    records: dict[str, list[Any]] = {
        "jsonl_text": [{"id": i, "text": t} for i, t in enumerate(TEXT_SEEDS)],
        "jsonl_transfer": [
            {"id": "t-1", "time": "2026-11-06T10:05:00+08:00", "amount": 48000, "channel": "counter",
             "payer": {"account": "6222021234000001", "age": 72}, "payee": {"account": "6226090000000001"},
             "purpose": "转到安全账户", "payer_on_call": True},
        ],
        "jsonl_case": [{"id": "c-1", "identifiers": [{"kind": "phone", "value": "138-0013-8000"},
                                                      {"kind": "url", "value": "http://a.top/x"}]}],
        "jsonl_claim": [
            {"claim_id": "c-1", "patient_id": "p-1", "admitted": "2026-03-01", "discharged": "2026-03-03",
             "institution": {"id": "h-1", "name": "一院", "level": "二级", "licensed_services": ["内科"]},
             "items": [{"ref": "1", "code": "110900001", "name": "床位费", "category": "bed",
                        "date": "2026-03-01", "qty": 1, "unit_price": 30, "service": "内科"}]},
        ],
        "jsonl_warn": [
            {"name": "张桂兰", "phone": "13800138000", "community": "幸福里", "age": 76,
             "accounts": ["6222021234567890128"], "family": [{"name": "张伟", "phone": "13900139000"}]},
            {"kind": "payment", "resident": "13800138000", "other_kind": "bank_card",
             "other": "6222021234567890128", "at": "2026-11-06T10:00:00+08:00", "amount": "5000"},
        ],
    }  # fmt: skip
    return [json.dumps(r, ensure_ascii=False).encode() for r in records[target]]


# ---- the child: one target under atheris ----------------------------------------------------------------


class Failure(Exception):
    """An input broke a property (or raised what the target does not document)."""


def _chinese(message: object) -> None:
    if not isinstance(message, str) or not CHINESE.search(message):
        raise Failure(f"error without a Chinese message: {message!r}")


def _check_map(norm: Any, text: str) -> None:
    if norm.original != text:
        raise Failure("original text changed")
    if norm.origin is not None:
        if len(norm.origin) != len(norm.text) or any(not 0 <= i < len(text) for i in norm.origin):
            raise Failure("a normalised character maps outside the original")
    elif len(norm.text) != len(text):
        raise Failure("one-to-one map with a different length")


def _target(name: str) -> Callable[[bytes], None]:
    """The function that checks one input (fanzha imported here, under atheris's instrumentation)."""
    import orjson

    if name in ("normalize", "repair", "extract"):
        from fanzha.detect.prepare import default_repairer
        from fanzha.extract.registry import locate
        from fanzha.text import normalize

        repairer = default_repairer() if name == "repair" else None

        def text_target(data: bytes) -> None:
            # Broken UTF-8 becomes lone surrogates (a str can hold them); the repairer takes checked text.
            text = data.decode("utf-8", "replace" if repairer is not None else "surrogateescape")
            norm = normalize(text)
            _check_map(norm, text)
            if repairer is not None:
                repaired, repairs = repairer.repair(norm)
                _check_map(repaired, text)
                if any(repaired.text[r.start : r.end] != r.meant for r in repairs):
                    raise Failure("a repair's span is not its repaired text")
            elif name == "extract":
                for found in locate(norm):
                    ident = found.identifier
                    if not (0 <= ident.start <= ident.end <= len(text)):
                        raise Failure(f"span {ident.start}:{ident.end} outside a text of {len(text)}")
                    if not (0 <= found.norm_start <= found.norm_end <= len(norm.text)):
                        raise Failure("span outside the normalised text")

        return text_target
    if name == "jsonl_text":
        from fanzha.cli.jsonl import parse_line

        def text_line(data: bytes) -> None:
            _, text, error = parse_line(data, 1)
            if text is None:
                _chinese(error)

        return text_line
    if name == "jsonl_transfer":
        from fanzha.screen.jsonl import parse_line as parse_transfer_line

        def transfer_line(data: bytes) -> None:
            transfer, _, error = parse_transfer_line(data, 1)
            if transfer is None:
                _chinese(error)

        return transfer_line
    if name == "jsonl_case":
        import io

        from fanzha.cases.batch import link_jsonl

        def case_line(data: bytes) -> None:
            out = io.BytesIO()
            link_jsonl([data], out)
            for line in out.getvalue().splitlines():
                record = orjson.loads(line)
                if "error" in record:
                    _chinese(record["error"])

        return case_line
    if name == "jsonl_claim":
        from fanzha.claims.audit import Auditor

        auditor, lines = Auditor(), 0  # renewed every 10,000 lines: the streaming rules remember every claim

        def claim_line(data: bytes) -> None:
            nonlocal auditor, lines
            lines += 1
            if lines % 10_000 == 0:
                auditor = Auditor()
            for result in auditor.audit_lines([data]):
                if result.error:
                    _chinese(result.error)

        return claim_line
    if name == "jsonl_warn":
        from fanzha.warn.events import parse_event
        from fanzha.warn.imports import parse_resident
        from fanzha.warn.model import WarnError

        def warn_line(data: bytes) -> None:  # what read_residents and read_events do with a line
            try:
                row = orjson.loads(data)
            except orjson.JSONDecodeError:
                return
            for parse in (parse_resident, parse_event):
                try:
                    parse(row)
                except WarnError as exc:
                    _chinese(str(exc))

        return warn_line
    if name == "rules":
        from fanzha.screen.operators import RuleError
        from fanzha.screen.rules import parse_rules

        def rules(data: bytes) -> None:
            try:
                parse_rules(data.decode("utf-8", "surrogateescape"))
            except RuleError as exc:
                _chinese(str(exc))

        return rules
    if name == "catalogue":
        from fanzha.claims.catalogue import parse_yaml
        from fanzha.claims.model import ClaimError

        def catalogue(data: bytes) -> None:
            try:
                parse_yaml(data.decode("utf-8", "surrogateescape"))
            except ClaimError as exc:
                _chinese(str(exc))

        return catalogue
    raise ValueError(f"unknown fuzz target {name}")


def child(argv: list[str]) -> None:
    """Fuzz one target: `TARGET RUNS SECONDS CORPUS STATS`. Writes its figures to STATS as it goes."""
    import atheris

    name, runs, seconds, corpus, stats_path = argv[0], int(argv[1]), int(argv[2]), argv[3], Path(argv[4])
    with atheris.instrument_imports(include=["fanzha"]):
        check = _target(name)
    for seed in sorted(Path(corpus).iterdir()):  # warm up: tables and caches load before the clock starts
        with contextlib.suppress(Exception):  # an earlier round's finding, kept in the corpus: counted then
            check(seed.read_bytes())
    # Within `run_target`'s rounds: the failing inputs earlier rounds found (by digest; libFuzzer replays
    # the corpus, and a finding counts once per target, not once per round) and their slowest input. A
    # round run by hand starts afresh.
    record = os.environ.get("FANZHA_FUZZ_FAILURES")
    found = Path(record) if record else None
    known = set(found.read_text(encoding="utf-8").split()) if found and found.exists() else set()
    slowest_before = float(os.environ.get("FANZHA_FUZZ_SLOWEST_S", "0"))
    stats: dict[str, Any] = {
        "target": name,
        "inputs": 0,
        "failures": 0,
        "slowest_s": 0.0,
        "first_failure": "",
    }
    started = time.perf_counter()

    def write() -> None:
        stats["seconds"] = time.perf_counter() - started
        stats_path.write_text(json.dumps(stats), encoding="utf-8")

    def one_input(data: bytes) -> None:
        t0 = time.perf_counter()
        try:
            check(data)
        except Exception as exc:  # every exception is a finding: count it once, keep the input
            digest = hashlib.sha256(data).hexdigest()
            if digest not in known:
                known.add(digest)
                if found is not None:
                    with found.open("a", encoding="utf-8") as fh:
                        fh.write(digest + "\n")
                stats["failures"] += 1
                if len(known) <= 20:
                    (FUZZ_OUT / f"failure-{name}-{digest[:12]}.bin").write_bytes(data)
                if not stats["first_failure"]:
                    stats["first_failure"] = f"{type(exc).__name__}: {str(exc)[:300]}"
        took = time.perf_counter() - t0
        if took > stats["slowest_s"]:
            stats["slowest_s"] = took
            if took > slowest_before:  # the slowest of every round so far
                (FUZZ_OUT / f"slowest-{name}.bin").write_bytes(data)
        stats["inputs"] += 1
        if stats["inputs"] % 5_000 == 0 or stats["inputs"] >= runs:
            write()

    write()
    # libFuzzer's artefacts (an input that ran out of memory, say) go beside the corpus, not into the
    # working directory; its memory limit is raised from 2 GB: the instrumented interpreter grows by
    # several kB an input (`run_target` runs a target in rounds for that reason).
    artefacts = f"-artifact_prefix={Path(corpus).parent}/"
    args = [sys.argv[0], corpus, f"-atheris_runs={runs}", f"-max_total_time={seconds}", f"-timeout={HANG_S}",
            f"-rss_limit_mb={RSS_LIMIT_MB}", artefacts]  # fmt: skip
    atheris.Setup([*args, "-print_final_stats=1"], one_input)
    atheris.Fuzz()  # exits the process


# ---- the parent: every target, a section of the report --------------------------------------------------


def run_target(name: str, runs: int, seconds: int) -> dict[str, Any]:
    """Fuzz `name` in rounds of at most ROUND_RUNS inputs, each in a process of its own that starts from the
    corpus the rounds before it grew; the rounds' figures summed, with `hang` when libFuzzer stopped an
    input and `crashed` when a process died. A round ends the target's run when it finds a hang or a crash.

    Why rounds: over a million inputs the instrumented interpreter itself grows by several kB an input,
    and the repair target reached libFuzzer's 9,000 MB limit at 979,283 inputs (2026-12-06) while the
    repairer uninstrumented stays flat (36 → 47 MB over 200,000 random texts, its bounded cache filling).
    A fresh process every ROUND_RUNS inputs keeps each under a quarter of that."""
    corpus = FUZZ_OUT / f"corpus-{name}"
    shutil.rmtree(corpus, ignore_errors=True)
    corpus.mkdir(parents=True)
    for i, seed in enumerate(_seeds(name)):
        (corpus / f"seed-{i}").write_bytes(seed)
    (FUZZ_OUT / f"log-{name}.txt").unlink(missing_ok=True)
    _failures_file(name).unlink(missing_ok=True)
    for old in FUZZ_OUT.glob(f"failure-{name}-*.bin"):
        old.unlink()
    total: dict[str, Any] = {"target": name, "inputs": 0, "failures": 0, "slowest_s": 0.0, "first_failure": "",
                             "seconds": 0.0, "wall_s": 0.0, "exit_code": 0, "hang": False, "crashed": False,
                             "coverage": 0, "rounds": 0}  # fmt: skip
    while total["inputs"] < runs and total["wall_s"] < seconds:
        left = int(seconds - total["wall_s"])
        stats = _round(name, min(ROUND_RUNS, runs - total["inputs"]), left, corpus, total["slowest_s"])
        total["rounds"] += 1
        for key in ("inputs", "failures", "seconds", "wall_s"):
            total[key] += stats.get(key, 0)
        total["slowest_s"] = max(total["slowest_s"], stats.get("slowest_s", 0.0))
        total["first_failure"] = total["first_failure"] or stats.get("first_failure", "")
        total["coverage"] = max(total["coverage"], stats["coverage"])
        for key in ("exit_code", "hang", "crashed"):  # the last round's
            total[key] = stats[key]
        if stats["hang"] or stats["crashed"] or not stats.get("inputs"):
            break
    total["per_s"] = total["inputs"] / total["seconds"] if total["seconds"] else 0.0
    return total


def _failures_file(name: str) -> Path:
    """The digests of the failing inputs a target's rounds found, one a line."""
    return FUZZ_OUT / f"failures-{name}.txt"


def _round(name: str, runs: int, seconds: int, corpus: Path, slowest_s: float) -> dict[str, Any]:
    """One process fuzzing `name` for `runs` inputs from `corpus`: its figures. `slowest_s`: the slowest
    input of the rounds before (the kept slowest input is the slowest of all rounds)."""
    stats_path = FUZZ_OUT / f"stats-{name}.json"
    stats_path.unlink(missing_ok=True)
    command = [sys.executable, "-m", "suite.fuzz", name, str(runs), str(max(1, seconds)), str(corpus),
               str(stats_path)]  # fmt: skip
    env = {
        **os.environ,
        "PYTHONHASHSEED": "0",
        "FANZHA_FUZZ_SLOWEST_S": repr(slowest_s),
        "FANZHA_FUZZ_FAILURES": str(_failures_file(name)),
    }
    started = time.perf_counter()
    done = subprocess.run(command, cwd=HERE, env=env, capture_output=True, text=True, errors="replace")
    wall = time.perf_counter() - started
    with (FUZZ_OUT / f"log-{name}.txt").open("a", encoding="utf-8") as log_file:
        log_file.write(done.stderr[-200_000:])
    stats: dict[str, Any] = json.loads(stats_path.read_text()) if stats_path.exists() else {"inputs": 0}
    stats.update(wall_s=wall, exit_code=done.returncode)
    stats["hang"] = "libFuzzer: timeout" in done.stderr
    # libFuzzer's timer (SIGALRM) may go off while a finished run shuts down: that is not a crash.
    finished = re.search(r"^Done \d+ ", done.stderr, re.MULTILINE) is not None
    stats["crashed"] = done.returncode != 0 and not stats["hang"] and not finished
    coverage = re.findall(r"cov: (\d+)", done.stderr)
    stats["coverage"] = int(coverage[-1]) if coverage else 0
    return stats


def bench_fuzz(ctx: Any) -> Any:
    from suite.common import Section, log, table

    quick = ctx.cfg.quick
    runs = int(os.environ.get("FANZHA_FUZZ_RUNS", RUNS_QUICK if quick else RUNS_FULL))
    seconds = int(os.environ.get("FANZHA_FUZZ_SECONDS", SECONDS_QUICK if quick else SECONDS_FULL))
    only = [t for t in os.environ.get("FANZHA_FUZZ_TARGETS", "").split(",") if t] or list(TARGETS)
    try:
        import atheris  # noqa: F401
    except ImportError:
        return Section("fuzz", "Fuzzing (atheris)", ["Skipped: atheris is not installed (pip install -e '.[bench]')."],
                       ["skipped: atheris not installed"], {}, skipped=True)  # fmt: skip
    FUZZ_OUT.mkdir(parents=True, exist_ok=True)
    # Each target is one single-threaded process: as many run at once as there are cores.
    jobs = max(1, int(os.environ.get("FANZHA_FUZZ_JOBS", os.cpu_count() or 1)))

    def fuzz(name: str) -> dict[str, Any]:
        log(f"  fuzzing {name}: {runs:,} inputs (at most {seconds} s)")
        result = run_target(name, runs, seconds)
        log(
            f"    {name}: {result['inputs']:,} inputs, {result['per_s']:,.0f}/s, "
            f"{result.get('failures', '?')} failures"
        )
        return result

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(fuzz, only))
    rows = [
        (r["target"], f"{r['inputs']:,}", f"{r['per_s']:,.0f}", r.get("failures", "?"),
         "yes" if r["hang"] else "no", "yes" if r["crashed"] else "no", f"{r.get('slowest_s', 0) * 1000:.1f}",
         r["coverage"], f"{r['wall_s']:.0f}")
        for r in results
    ]  # fmt: skip
    failing = sum(r.get("failures", 0) for r in results) + sum(r["hang"] or r["crashed"] for r in results)
    md = [
        f"atheris {_atheris_version()} (libFuzzer, coverage-guided, fanzha instrumented), {runs:,} inputs per target "
        f"(capped at {seconds} s), each target in rounds of at most {ROUND_RUNS:,} inputs, each round a process of its "
        "own starting from the corpus the rounds before it grew (the first from a seed corpus of real-looking inputs), "
        f"{jobs} targets at a time. "
        "A failure: an exception other than the documented error with a Chinese message, or a broken property "
        f"(span outside the text, normalised character mapped outside the original); a hang: one input over {HANG_S} s. "
        "Failing and slowest inputs are kept in `benchmarks/out/fuzz/`.",
        "",
        *table(["target", "inputs", "inputs/s", "failures", "hang", "crashed", "slowest input (ms)", "coverage (edges)",
                "wall (s)"], rows),
    ]  # fmt: skip
    summary = [f"{len(results)} targets, {sum(r['inputs'] for r in results):,} inputs, {failing} failing"]
    return Section("fuzz", "Fuzzing (atheris)", md, summary, {"runs": runs, "targets": results})


def _atheris_version() -> str:
    from importlib.metadata import version

    return version("atheris")


if __name__ == "__main__":
    FUZZ_OUT.mkdir(parents=True, exist_ok=True)
    child(sys.argv[1:])
