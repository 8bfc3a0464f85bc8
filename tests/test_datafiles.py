"""Package YAML is parsed once and read back from a JSON cache; a cache that fails is not used."""

from __future__ import annotations

from pathlib import Path

import pytest

from fanzha.datafiles import CACHE_ENV, load_derived, load_yaml


def test_the_second_read_comes_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    text = "a: [1, 2]\nb: 甲\n"
    assert load_yaml(text, name="t") == {"a": [1, 2], "b": "甲"}
    (cached,) = tmp_path.glob("t-*.json")
    cached.write_text('{"a": "from the cache"}', encoding="utf-8")
    assert load_yaml(text, name="t") == {"a": "from the cache"}


def test_a_changed_file_is_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    assert load_yaml("x: 1\n", name="t") == {"x": 1}
    assert load_yaml("x: 2\n", name="t") == {"x": 2}
    assert len(list(tmp_path.glob("t-*.json"))) == 2


def test_an_unusable_cache_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "cache"))  # cannot be created
    assert load_yaml("x: 1\n", name="t") == {"x": 1}


def test_a_corrupt_cache_file_is_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    load_yaml("x: 1\n", name="t")
    (cached,) = tmp_path.glob("t-*.json")
    cached.write_bytes(b"{half")
    assert load_yaml("x: 1\n", name="t") == {"x": 1}


def test_an_accelerator_is_computed_only_when_it_can_be_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[int] = []

    def compute() -> list[int]:
        made.append(1)
        return [1, 2]

    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "cache"))
    assert load_derived("d", source="s", compute=compute, only_to_keep=True) is None and not made
    assert load_derived("d", source="s", compute=compute) == [1, 2] and made == [1]  # a value needed anyway
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    assert load_derived("d", source="s", compute=compute, only_to_keep=True) == [1, 2] and made == [1, 1]
    assert load_derived("d", source="s", compute=compute, only_to_keep=True) == [1, 2] and made == [1, 1]
