"""What the figures were measured on: the machine, the versions, and fingerprints of the fanzha source
and the model file (to notice a change during the run)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import platform
import subprocess
import time
from pathlib import Path
from typing import Any

from suite.common import MODEL_FILE, ROOT


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _cpu_jiffies() -> tuple[int, int]:
    """(busy, total) jiffies of all CPUs since boot, from /proc/stat (iowait counts as idle)."""
    with open("/proc/stat", encoding="ascii") as fh:
        fields = [int(x) for x in fh.readline().split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    return sum(fields) - idle, sum(fields)


def busy_cpus(seconds: float = 1.0) -> float:
    """How many CPUs other processes keep busy: sampled over `seconds` while this process sleeps.

    A CPU-bound job left running beside the benchmark took one of this machine's two CPUs from the
    worker pool of `fanzha check --jsonl` and not from the peer's one-process `predict` (0.72x where the
    idle machine gave 0.99x and 1.01x, 2026-12-05): the throughput section says when it was so."""
    busy0, total0 = _cpu_jiffies()
    time.sleep(seconds)
    busy1, total1 = _cpu_jiffies()
    cpus = os.cpu_count() or 1
    return cpus * (busy1 - busy0) / max(total1 - total0, 1)


def git(*args: str, check: bool = True) -> str:
    """The output of `git -C ROOT args…`; raises OSError or CalledProcessError (with `check`)."""
    return subprocess.run(
        ["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=check
    ).stdout.strip()


def git_head() -> str:
    try:
        return git("rev-parse", "--short", "HEAD")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def model_fingerprint() -> dict[str, Any]:
    if not MODEL_FILE.exists():
        return {"path": str(MODEL_FILE), "missing": True}
    stat = MODEL_FILE.stat()
    return {
        "path": str(MODEL_FILE.relative_to(ROOT)),
        "sha256": sha256(MODEL_FILE)[:16],
        "bytes": stat.st_size,
        "mtime": dt.datetime.fromtimestamp(stat.st_mtime).astimezone().isoformat(timespec="seconds"),
    }


def code_fingerprint() -> dict[str, Any]:
    """The model file and a hash of everything under src/fanzha, to notice a change during the run."""
    digest = hashlib.sha256()
    src = ROOT / "src" / "fanzha"
    for path in sorted(src.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path != MODEL_FILE:
            digest.update(str(path.relative_to(src)).encode() + b"\0" + path.read_bytes() + b"\0")
    return {"model": model_fingerprint(), "src_sha256": digest.hexdigest()[:16], "git_head": git_head()}


def compile_bytecode() -> str:
    """Compile fanzha's bytecode before anything is timed, as installing a wheel does (pip compiles it).

    This machine sets PYTHONDONTWRITEBYTECODE=1, so an editable install never writes `__pycache__`: every
    `fanzha` process would compile its sources again, 0.08–0.1 s of each start-up that no installed copy
    pays. Python still reads bytecode that exists; `compileall` writes it regardless of the variable."""
    import compileall

    ok = compileall.compile_dir(str(ROOT / "src" / "fanzha"), quiet=1)
    setting = os.environ.get("PYTHONDONTWRITEBYTECODE")
    written = (
        "compiled by the benchmark before the run" if ok else "compiling failed: sources compiled per process"
    )
    return f"{written} (PYTHONDONTWRITEBYTECODE={setting or 'unset'})"


def machine_info() -> dict[str, Any]:
    cpu_model, processors = "unknown", 0
    with open("/proc/cpuinfo", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("model name") and cpu_model == "unknown":
                cpu_model = line.split(":", 1)[1].strip()
            if line.startswith("processor"):
                processors += 1
    mem_kb = 0
    with open("/proc/meminfo", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    versions = {}
    for name in ("numpy", "sklearn", "scipy", "phonenumbers", "orjson", "fanzha"):
        try:
            module = __import__(name)
            versions[name] = getattr(module, "__version__", "?")
        except ImportError:
            versions[name] = "not installed"
    commit = git_head()
    if commit != "unknown" and git("status", "--porcelain", "--", "src", check=False):
        commit += " (src/ has uncommitted changes)"
    return {
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "cpu_model": cpu_model,
        "logical_cpus": processors or os.cpu_count(),
        "usable_cpus": len(os.sched_getaffinity(0)),
        "ram_gb": round(mem_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "versions": versions,
        "git_commit": commit,
    }
