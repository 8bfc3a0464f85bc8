"""The classifier's ready arrays, kept in the cache directory and mapped into memory.

The model file is compressed (9.4 MB instead of 22.9 MB in the repository), and inflating it, turning its
int16 weights into float32 and building the bucket table took 0.03–0.17 s of every `fanzha check` start
(2026-12-06, AMD EPYC). The first load of a model file keeps those ready arrays as `.npy` files in a folder
of the cache directory (`fanzha.datafiles.cache_dir`); later loads map them into memory
(`numpy.load(mmap_mode="r")`) in about 4 ms: pages are read when first used, and every process running the
model shares them. `fanzha check --jsonl` on one text, best of eight: 0.225 → 0.187 s, its peak RSS
111 → 57 MB.

A folder belongs to one model file: it is named by the file's name, a digest of its full path and of
CACHE_FORMAT, its size and its modification time, and records the path it was made from. It is written
whole or not at all (into a folder of its own, then renamed in one step), and writing one removes the
folders whose model file is gone or has changed since, so retraining does not pile up 65 MB copies.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from fanzha.datafiles import cache_dir

CACHE_FORMAT = 1  # raise it when what a folder holds changes (which arrays, their dtypes, the bucket table)
STALE_PARTIAL_S = 3600  # a half-written folder this old belongs to a process that died writing it
SOURCE = "source.json"
# Names of what earlier releases left (one uncompressed .npz, then a folder without a source record) and
# of this module's half-written folders: `prune` removes only what has such a name and a model's contents.
_LEGACY = re.compile(r".+-\d+-\d+(?:\.npz)?")
_PARTIAL = re.compile(r".+-[0-9a-f]{12}-\d+-\d+\..+\.tmp")
_MODEL_FILES = ("buckets.npy", "meta.json")


def copy_path(source: Path, stat: os.stat_result) -> Path:
    """The cache folder of the model file `source` as `stat` describes it."""
    digest = hashlib.sha256(f"{CACHE_FORMAT}\0{source.resolve()}".encode()).hexdigest()[:12]
    return cache_dir() / f"{source.stem}-{digest}-{stat.st_size}-{stat.st_mtime_ns}"


def read_copy(copy: Path, names: Sequence[str]) -> tuple[dict[str, Any], dict[str, npt.NDArray[Any]]]:
    """The metadata and the arrays `names` of a cache folder, the arrays mapped read-only. Raises (OSError,
    ValueError, EOFError …) for a folder that is missing, incomplete or damaged."""
    meta = json.loads((copy / "meta.json").read_text(encoding="utf-8"))
    arrays = {name: np.asarray(np.load(copy / f"{name}.npy", mmap_mode="r")) for name in names}
    return meta, arrays


def write_copy(copy: Path, source: Path, meta: dict[str, Any], arrays: dict[str, npt.NDArray[Any]]) -> None:
    """Keep `arrays` and `meta` of the model file `source` in the folder `copy`, whole or not at all; a
    folder there already (one that could not be read) is replaced. A cache that cannot be written is
    simply not used."""
    try:
        copy.parent.mkdir(parents=True, exist_ok=True)
        partial = Path(tempfile.mkdtemp(prefix=f"{copy.name}.", suffix=".tmp", dir=copy.parent))
        partial.chmod(0o755)  # as a folder made by mkdir: another user running the model may read it
    except OSError:
        return
    try:
        for name, array in arrays.items():
            with (partial / f"{name}.npy").open("wb") as fh:
                np.save(fh, array)
                fh.flush()
                os.fsync(fh.fileno())  # on disk before the rename makes the folder visible
        (partial / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        record = {"path": str(source.resolve()), "format": CACHE_FORMAT}
        (partial / SOURCE).write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        shutil.rmtree(copy, ignore_errors=True)
        partial.replace(copy)
        prune(copy.parent, keep=copy)
    except OSError:
        pass
    finally:
        shutil.rmtree(partial, ignore_errors=True)


def prune(cache: Path, *, keep: Path) -> None:
    """Remove from `cache` the model folders whose file is gone or has changed since they were made, those
    of an earlier CACHE_FORMAT, the copies earlier releases left and the half-written folders of processes
    that died writing one (over STALE_PARTIAL_S old). Nothing else: the cache directory may be shared
    (`FANZHA_CACHE_DIR`), so an entry goes only when its name and its contents show it is a model's. A
    process that has a removed folder mapped keeps reading it."""
    now = time.time()
    for entry in cache.iterdir():
        if entry == keep:
            continue
        try:
            if _PARTIAL.fullmatch(entry.name) and entry.is_dir():
                if now - entry.stat().st_mtime > STALE_PARTIAL_S:
                    shutil.rmtree(entry, ignore_errors=True)
            elif entry.is_dir() and (entry / SOURCE).is_file():
                if _ours(entry) and not _live(entry):
                    shutil.rmtree(entry, ignore_errors=True)
            elif _LEGACY.fullmatch(entry.name):
                if entry.is_dir() and _ours(entry):
                    shutil.rmtree(entry, ignore_errors=True)
                elif entry.is_file() and _legacy_copy(entry):
                    entry.unlink(missing_ok=True)
        except Exception:  # an entry that cannot be judged is left alone
            continue


def _ours(folder: Path) -> bool:
    """Whether `folder` holds a model copy's files (a folder of the same name pattern may be anyone's)."""
    return all((folder / name).is_file() for name in _MODEL_FILES)


def _legacy_copy(path: Path) -> bool:
    """An uncompressed model copy of an earlier release: an .npz holding a model's arrays."""
    with zipfile.ZipFile(path) as archive:
        return {"buckets.npy", "meta.npy"} <= set(archive.namelist())


def _live(copy: Path) -> bool:
    """Whether the model file `copy` was made from is still there, unchanged, in this CACHE_FORMAT (a
    record that cannot be read is not: its folder is made again when needed)."""
    try:
        record = json.loads((copy / SOURCE).read_text(encoding="utf-8"))
        if record["format"] != CACHE_FORMAT:
            return False
        stat = Path(record["path"]).stat()
    except (OSError, ValueError, KeyError, TypeError):
        return False
    size, mtime = copy.name.rsplit("-", 2)[1:]
    return size == str(stat.st_size) and mtime == str(stat.st_mtime_ns)
