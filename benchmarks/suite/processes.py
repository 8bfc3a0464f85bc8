"""Child processes: run `fanzha check` with its wall-clock time, CPU time and peak RSS, and sample the
memory of its whole process tree (the command and its forked workers)."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from suite.common import ChildFailed, with_model_retries

TIME_BIN = "/usr/bin/time"  # GNU time, to read the command's own peak RSS (see run_child)


def fanzha_command() -> list[str]:
    script = Path(sys.executable).parent / "fanzha"
    found = str(script) if script.exists() else shutil.which("fanzha")
    if found is None:
        raise SystemExit("the `fanzha` command is not installed (pip install -e . in /work/main)")
    return [found]


def _parents() -> dict[int, int]:
    """pid → parent pid for every process (this kernel has no /proc/<pid>/task/<tid>/children)."""
    out = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat", encoding="ascii", errors="replace") as fh:
                    out[int(name)] = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                pass
    return out


def tree_memory(root: int, *, include_root: bool = True) -> tuple[int, int, int]:
    """(sum of RSS, sum of PSS, number of processes) in kB over `root` and its descendants.

    PSS splits pages shared between processes (the engine loaded before forking the workers) among
    them, so the PSS sum is the memory the whole command really occupies."""
    parents = _parents()
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        children = [c for c, p in parents.items() if p == pid and c not in tree]
        tree.update(children)
        frontier.extend(children)
    if not include_root:
        tree.discard(root)
    rss = pss = 0
    for pid in tree:
        try:
            with open(f"/proc/{pid}/smaps_rollup", encoding="ascii", errors="replace") as fh:
                for line in fh:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1])
        except OSError:
            pass
    return rss, pss, len(tree)


@dataclass
class ChildRun:
    wall: float
    returncode: int
    maxrss_kb: int  # the largest single process among the command and the workers it reaped; 0 if unknown
    cpu: float  # user + system seconds of the child and the workers it reaped
    stderr: str
    tree_rss_kb: int = 0  # peaks of the sampled process-tree sums (only with sample_memory)
    tree_pss_kb: int = 0
    processes: int = 0


def run_child(
    cmd: list[str], stdin_path: Path, stdout_path: Path, *, sample_memory: bool = False
) -> ChildRun:
    """Run `cmd < stdin_path > stdout_path`: wall-clock time, peak RSS and CPU time of the command.

    The peak RSS comes from GNU time (`%M`: the ru_maxrss that `wait4` reports for the command and the
    workers it reaped). It cannot come from our own `os.wait4`: Python starts the child with vfork, and
    Linux carries the high-water mark of the address space the child leaves at exec — this big
    benchmark process — into the child's ru_maxrss. Without GNU time that figure is left out.
    With `sample_memory`, a thread sums RSS and PSS over the command's process tree every 20 ms
    (that costs some CPU, so timed runs do not sample)."""
    wrapped = Path(TIME_BIN).exists()
    peaks = [0, 0, 0]
    with (
        stdin_path.open("rb") as fin,
        stdout_path.open("wb") as fout,
        tempfile.TemporaryFile() as ferr,
        tempfile.NamedTemporaryFile("r", suffix=".time") as ftime,
    ):
        full = [TIME_BIN, "-f", "%M %U %S", "-o", ftime.name, *cmd] if wrapped else cmd
        start = time.perf_counter()
        proc = subprocess.Popen(full, stdin=fin, stdout=fout, stderr=ferr)
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.02):
                rss, pss, count = tree_memory(proc.pid, include_root=not wrapped)
                peaks[:] = [max(peaks[0], rss), max(peaks[1], pss), max(peaks[2], count)]

        sampler = threading.Thread(target=sample, daemon=True) if sample_memory else None
        if sampler:
            sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        done.set()
        if sampler:
            sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        ferr.seek(0)
        err = ferr.read().decode("utf-8", "replace")
        maxrss, cpu = 0, usage.ru_utime + usage.ru_stime
        if wrapped:
            fields = (ftime.read().strip().splitlines() or ["0 0 0"])[-1].split()
            with contextlib.suppress(IndexError, ValueError):
                maxrss, cpu = int(fields[0]), float(fields[1]) + float(fields[2])
    return ChildRun(wall, proc.returncode, maxrss, cpu, err, *peaks)


def run_check(
    cmd: list[str], stdin_path: Path, stdout_path: Path, *, sample_memory: bool = False
) -> ChildRun:
    """`fanzha check --jsonl`, retried if the engine cannot start because the model is being written."""

    def attempt() -> ChildRun:
        result = run_child(cmd, stdin_path, stdout_path, sample_memory=sample_memory)
        if result.returncode != 0:
            raise ChildFailed(f"fanzha check exited {result.returncode}: {result.stderr.strip()[-1000:]}")
        return result

    return with_model_retries("fanzha check", attempt, retry_on=(ChildFailed,))
