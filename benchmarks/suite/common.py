"""Paths, configuration and the small helpers every benchmark uses: logging, JSONL, timing, statistics,
markdown tables, and retries while a training run rewrites the model file."""

from __future__ import annotations

import json
import math
import os
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

HERE = Path(__file__).resolve().parents[1]  # benchmarks/
ROOT = HERE.parent  # the repository
RUN_SCRIPT = HERE / "run.py"
OUT = HERE / "out"
DATA = HERE / "data"
SHARED = Path(os.environ.get("FANZHA_SHARED_DATA", str(ROOT.parent / "shared" / "data"))) / "texts"
REAL_SMS = SHARED.parent / "real" / "real_sms.jsonl"  # real SMS, next to texts/
TRAIN = SHARED / "train.jsonl"
DEV = SHARED / "dev.jsonl"
OOD_DEV = DATA / "ood_dev.jsonl"
OOD_DEV2 = DATA / "ood_dev2.jsonl"
OOD_TEST = DATA / "ood_test.jsonl"
INDEPENDENT = DATA / "independent"  # scams.jsonl, everyday.jsonl, adverts.jsonl, each row split dev/test
INDEPENDENT2 = DATA / "independent2"  # the second set, same files and fields
INDEPENDENT3 = DATA / "independent3"  # the third, by two more writers (scams and adverts; everyday)
INDEPENDENT4 = DATA / "independent4"  # the fourth, by two more
INDEPENDENT5 = DATA / "independent5"  # the fifth, by three more
INDEPENDENT6 = DATA / "independent6"  # the sixth, by three more
INDEPENDENT7 = DATA / "independent7"  # the seventh, by three more
INDEPENDENT8 = DATA / "independent8"  # the eighth, by three more (scams, two everyday writers)
INDEPENDENT9 = DATA / "independent9"  # the ninth, by two more (scams; everyday)
INDEPENDENT10 = DATA / "independent10"  # the tenth, by two more (scams; everyday)
INDEPENDENT11 = DATA / "independent11"  # the eleventh, by two more (scams; everyday)
INDEPENDENT12 = DATA / "independent12"  # the twelfth: records and accounts (scams; everyday)
INDEPENDENT13 = DATA / "independent13"  # the thirteenth: institutions' records and news (scams; everyday)
INDEPENDENT14 = DATA / "independent14"  # the fourteenth: what citizens paste or ask (scams; everyday)
INDEPENDENT15 = DATA / "independent15"  # the fifteenth: a bank and phone customer's SMS inbox (all three)
INDEPENDENT16 = DATA / "independent16"  # the sixteenth: what reaches older people (all three)
INDEPENDENT17 = DATA / "independent17"  # the seventeenth: small businesses and their staff (all three)
INDEPENDENT18 = DATA / "independent18"  # the eighteenth: job seekers, students and workers (all three)
INDEPENDENT19 = DATA / "independent19"  # the nineteenth: long formal letters and notices (all three)
INDEPENDENT20 = DATA / "independent20"  # the twentieth: buying, selling and playing online (all three)
INDEPENDENT21 = DATA / "independent21"  # the twenty-first: love, friendship and money online (all three)
MODEL_FILE = ROOT / "src" / "fanzha" / "models" / "scam_model.npz"
RESULTS = HERE / "RESULTS.md"
PARTIAL_RESULTS = OUT / "RESULTS.partial.md"

SEED = 20240611
MODEL_RETRIES = 4  # the model file may be rewritten by a training run: wait and retry
MODEL_WAIT_S = 60

T = TypeVar("T")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@dataclass(frozen=True)
class Config:
    quick: bool
    n_check: int = 20_000  # SMS-length corpus texts (the secondary throughput input)
    n_real_check: int = 0  # real SMS for the throughput benchmark; 0: every one (16,677)
    repeats: int = 3
    n_latency: int = 2_000
    n_warmup: int = 200
    n_memory: int = 1_000
    n_extract: int = 5_000
    n_obfuscated: int = 100  # per obfuscation form
    n_bootstrap: int = 1_000

    @classmethod
    def make(cls, quick: bool) -> Config:
        if not quick:
            return cls(quick=False)
        return cls(
            quick=True,
            n_check=4_000,
            n_real_check=4_000,
            repeats=2,
            n_latency=500,
            n_warmup=50,
            n_extract=1_000,
            n_obfuscated=30,
            n_bootstrap=300,
        )


@dataclass
class Section:
    """One benchmark's result: a markdown body, a line or two for stdout, and raw figures."""

    name: str
    title: str
    markdown: list[str]
    summary: list[str]
    figures: dict[str, Any]
    seconds: float = 0.0
    skipped: bool = False  # a tool it needs is missing: nothing was measured


class ChildFailed(RuntimeError):
    """A child process (`fanzha check`, the memory child) exited with an error."""


def with_model_retries(
    what: str,
    attempt: Callable[[], T],
    *,
    retry_on: tuple[type[Exception], ...] = (Exception,),
    before_retry: Callable[[], None] | None = None,
) -> T:
    """`attempt()`, tried again up to MODEL_RETRIES times, MODEL_WAIT_S apart, when it raises one of
    `retry_on`: the engine cannot start while a training run is writing the model file."""
    for _ in range(MODEL_RETRIES):
        try:
            return attempt()
        except retry_on as exc:
            log(f"  {what} failed ({str(exc).strip()[-300:]})")
            log(f"  waiting {MODEL_WAIT_S} s (the model file may be being rewritten) and retrying")
            if before_retry is not None:
                before_retry()
            time.sleep(MODEL_WAIT_S)
    return attempt()


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def proc_status() -> dict[str, int]:
    """VmRSS / VmHWM of this process, in kB."""
    out = {}
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                out[key] = int(value.split()[0])
    return out


def best_of(repeats: int, fn: Callable[[], T]) -> tuple[float, list[float], T]:
    """(best time, all times, the last result) of `repeats` calls of `fn`."""
    if repeats < 1:
        raise ValueError("repeats must be at least 1")
    times: list[float] = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), times, result


def wilson(successes: int, n: int, z: float = 1.96) -> tuple[float, float]:
    if n == 0:
        return (0.0, 0.0)
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


def mb(kb: float) -> str:
    return f"{kb / 1024:.0f} MB"


def seconds_list(times: Iterable[float]) -> str:
    return ", ".join(f"{t:.2f}" for t in times)


def table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return lines
