"""The model's ready arrays kept in the cache directory (`fanzha.detect.model_cache`)."""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from fanzha.detect.model import READY, LinearTextModel

TEXTS = ["您涉嫌洗钱请转入安全账户", "晚上一起吃饭"]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FANZHA_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def small_model(path: Path, seed: int = 0) -> Path:
    """A small model file (a few hundred features) at `path`."""
    rng = np.random.default_rng(seed)
    buckets = np.unique(rng.integers(1, 1 << 22, 400))
    LinearTextModel(
        classes=("normal", "scam"),
        buckets=buckets.astype(np.int64),
        idf=rng.random(len(buckets)).astype(np.float32) + 1,
        coef=rng.standard_normal((len(buckets), 2)).astype(np.float32),
        intercept=np.zeros(2, np.float32),
    ).save(path)
    return path


def folders(cache: Path) -> list[Path]:
    return sorted(p for p in cache.iterdir() if p.is_dir())


def test_a_model_is_read_from_its_ready_copy_once_made(cache: Path, tmp_path: Path) -> None:
    path = small_model(tmp_path / "m.npz")
    first = LinearTextModel.load(path)
    (copy,) = folders(cache)
    assert copy.name.startswith("m-")
    assert sorted(p.name for p in copy.iterdir()) == sorted(
        [*(f"{n}.npy" for n in READY), "meta.json", "source.json"]
    )
    again = LinearTextModel.load(path)
    assert not again.coef.flags.writeable  # mapped from the copy, not read into memory
    assert (again.decision_function(TEXTS) == first.decision_function(TEXTS)).all()
    assert again.predict(TEXTS) == first.predict(TEXTS)


@pytest.mark.parametrize(
    "damage",
    [
        lambda copy: (copy / "coef.npy").write_bytes(b"half a file"),
        lambda copy: (copy / "intercept.npy").write_bytes(b""),  # numpy: EOFError
        lambda copy: np.save(copy / "idf.npy", np.zeros(3, np.float32)),  # does not fit the model
        lambda copy: np.save(copy / "coef.npy", np.load(copy / "coef.npy").astype(np.float64)),
        lambda copy: (copy / "meta.json").unlink(),
    ],
)
def test_a_damaged_copy_is_not_used_and_is_made_again(
    cache: Path, tmp_path: Path, damage: Callable[[Path], object]
) -> None:
    path = small_model(tmp_path / "m.npz")
    first = LinearTextModel.load(path).decision_function(TEXTS)
    (copy,) = folders(cache)
    damage(copy)
    assert (LinearTextModel.load(path).decision_function(TEXTS) == first).all()
    assert [p.name for p in cache.iterdir()] == [copy.name]  # made again in place, nothing half-written
    again = LinearTextModel.load(path)
    assert not again.coef.flags.writeable  # and read from again,
    assert again.coef.dtype == np.float32 and len(again.idf) == len(again.buckets)  # as it should be
    (copy / "meta.json").write_text("[]")  # parseable, but no model's metadata
    assert (LinearTextModel.load(path).decision_function(TEXTS) == first).all()


def test_two_model_files_of_one_name_keep_a_copy_each(cache: Path, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a = small_model(tmp_path / "a" / "scam-model-2.npz")
    b = tmp_path / "b" / "scam-model-2.npz"
    b.write_bytes(a.read_bytes())  # the same bytes and the same time: only the path tells them apart
    stat = a.stat()
    os.utime(b, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    scores = LinearTextModel.load(a).decision_function(TEXTS)
    LinearTextModel.load(b)
    assert len(folders(cache)) == 2
    for path in (a, b, a, b):
        again = LinearTextModel.load(path)
        assert not again.coef.flags.writeable  # read from its copy, not made again
        assert (again.decision_function(TEXTS) == scores).all()


def test_copies_of_changed_or_removed_files_and_leftovers_are_removed(cache: Path, tmp_path: Path) -> None:
    kept = small_model(tmp_path / "kept.npz", seed=1)
    changed = small_model(tmp_path / "changed.npz", seed=2)
    removed = small_model(tmp_path / "removed.npz", seed=3)
    for path in (kept, changed, removed):
        LinearTextModel.load(path)
    before = {p.name.split("-")[0]: p for p in folders(cache)}
    legacy = cache / "scam_model-11976138-1796573664161084223.npz"  # an earlier release's copy
    np.savez(legacy, buckets=np.zeros(1), meta=np.zeros(1))
    interim = cache / "scam_model-11976138-1796573664161084224"  # a folder without a source record
    interim.mkdir()
    for name in ("buckets.npy", "meta.json"):
        (interim / name).write_bytes(b"x")
    old_format = cache / before["kept"].name.replace("kept-", "kept-0")  # a live file, another format
    shutil.copytree(before["kept"], old_format)
    (old_format / "source.json").write_text(json.dumps({"path": str(kept), "format": 0}))
    stale = cache / "x-0123456789ab-1-2.abc.tmp"  # a process died writing this an hour ago
    stale.mkdir()
    os.utime(stale, (time.time() - 7200, time.time() - 7200))
    fresh = cache / "y-0123456789ab-1-2.abd.tmp"  # … and this one may still be writing
    fresh.mkdir()
    foreign = [
        cache / "photos-2024-06",
        cache / "report-2025-12",
        cache / "ckpt-3-500.npz",
        cache / "build.tmp",
    ]
    foreign[0].mkdir()
    (foreign[0] / "img.txt").write_text("x")
    foreign[1].write_text("x")
    np.savez(foreign[2], weights=np.zeros(2))
    foreign[3].mkdir()
    os.utime(foreign[3], (time.time() - 7200, time.time() - 7200))
    os.utime(changed, ns=(time.time_ns(), time.time_ns() + 10**9))
    removed.unlink()
    LinearTextModel.load(changed)  # writes a new copy, which tidies up
    names = {p.name for p in cache.iterdir()}
    assert before["kept"].name in names
    assert before["changed"].name not in names and before["removed"].name not in names
    assert sum(name.startswith("changed-") for name in names) == 1
    assert legacy.name not in names and interim.name not in names and old_format.name not in names
    assert stale.name not in names and fresh.name in names
    assert all(entry.name in names for entry in foreign)  # a shared cache folder keeps what is not ours


def test_a_cache_that_cannot_be_written_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the folder would be")
    monkeypatch.setenv("FANZHA_CACHE_DIR", str(blocked))
    path = small_model(tmp_path / "m.npz")
    model = LinearTextModel.load(path)
    assert model.coef.flags.writeable  # read from the file itself
    assert len(model.predict(TEXTS)) == 2
