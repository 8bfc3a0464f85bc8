"""How `fanzha train` learns from the blind-written development sets without letting calibration see a
model that learned the row it scores."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from fanzha.cli.commands import DEFAULT_WRITTEN_SETS
from fanzha.learn.build import (
    WRITTEN_REPEAT,
    read_calibration_sets,
    read_written,
    written_fold,
    written_training,
)
from fanzha.learn.dataset import DatasetError, Example
from fanzha.learn.real import DEVELOPMENT_FOLDS, HELD_OUT_FOLD

ROOT = Path(__file__).resolve().parents[2]


def test_a_written_row_keeps_its_development_fold_and_never_the_held_out_one() -> None:
    ids = [f"ind3-s-{i:04d}" for i in range(1, 401)]
    folds = Counter(written_fold(i) for i in ids)
    assert set(folds) == set(DEVELOPMENT_FOLDS) and HELD_OUT_FOLD not in folds
    assert min(folds.values()) > 60  # spread over the folds, not piled into one
    assert [written_fold(i) for i in ids] == [written_fold(i) for i in ids]  # fixed by the id alone


def test_a_fold_model_learns_only_the_written_rows_of_the_other_folds() -> None:
    rows = [Example(f"w-{i}", f"text {i}", "normal") for i in range(200)]
    written = {"independent/everyday": rows}
    for fold in DEVELOPMENT_FOLDS:
        others = [f for f in DEVELOPMENT_FOLDS if f != fold]
        learned = written_training(written, others)
        assert all(written_fold(e.id) != fold for e in learned)
        assert len(learned) == WRITTEN_REPEAT * sum(written_fold(e.id) != fold for e in rows)
    assert len(written_training(written, DEVELOPMENT_FOLDS)) == WRITTEN_REPEAT * len(rows)


def test_only_the_dev_rows_of_the_default_written_sets_are_read() -> None:
    paths = [ROOT / p for p in DEFAULT_WRITTEN_SETS]
    written = read_written(paths)
    assert set(written) == {f"{p.parent.name}/{p.stem}" for p in paths}  # no two sets share a source name
    for path in paths:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        dev_ids = {r["id"] for r in rows if r["split"] == "dev"}
        assert {e.id for e in written[f"{path.parent.name}/{path.stem}"]} == dev_ids
        if rows:  # (a set without adverts has an empty adverts file)
            assert dev_ids and len(dev_ids) < len(rows)  # the test rows stay out


def test_a_missing_written_set_is_named_in_chinese(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="找不到带标签的开发集文件") as raised:
        read_written([tmp_path / "independent9" / "scams.jsonl"])
    assert "independent9" in str(raised.value) and "项目根目录" in str(raised.value)


def test_two_calibration_sets_of_one_name_both_count(tmp_path: Path) -> None:
    """`--calibrate-with a/scams.jsonl --calibrate-with b/scams.jsonl`: neither replaces the other."""
    paths = []
    for directory, n in (("setA", 2), ("setB", 3), ("other", 1)):
        path = tmp_path / directory / ("scams.jsonl" if directory != "other" else "ood_dev.jsonl")
        path.parent.mkdir()
        rows = [
            {"id": f"{directory}-{i}", "text": f"text {i}", "label": "phishing", "split": "dev"}
            for i in range(n)
        ]
        rows.append({"id": f"{directory}-t", "text": "held back", "label": "phishing", "split": "test"})
        path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
        paths.append(path)
    sets = read_calibration_sets(paths)
    assert {name: len(rows) for name, rows in sets.items()} == {
        "setA/scams": 2,
        "setB/scams": 3,
        "ood_dev": 1,
    }


@pytest.mark.parametrize(
    "paths",
    [
        ["x/a/scams.jsonl", "y/a/scams.jsonl"],  # the same directory and file name twice
        ["sets/corpus.jsonl"],  # the corpus dev split's own name
    ],
)
def test_a_calibration_set_name_that_would_replace_another_is_refused(
    tmp_path: Path, paths: list[str]
) -> None:
    with pytest.raises(DatasetError, match="校准集的名字重复"):
        read_calibration_sets([tmp_path / p for p in paths])
