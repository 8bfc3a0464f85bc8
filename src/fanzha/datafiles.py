"""Reading the YAML data files shipped in the package, fast.

Parsing YAML builds every mapping and list in Python and costs about a tenth of a second for the
taxonomy: a tenth of a second at every start of `fanzha check`. `load_yaml` keeps what it parsed as
JSON in a cache directory (`FANZHA_CACHE_DIR`, else `$XDG_CACHE_HOME/fanzha`, else `~/.cache/fanzha`),
named by a hash of the text, so a changed file is parsed again and an unchanged one is read in a
millisecond. A cache that cannot be read or written is simply not used.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

CACHE_ENV = "FANZHA_CACHE_DIR"


def cache_dir() -> Path:
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "fanzha"


def load_yaml(text: str, *, name: str) -> Any:
    """The data of the YAML `text` (`name` names the cache file), from the cache when it is there."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]
    cached = cache_dir() / f"{name}-{digest}.json"
    try:
        return orjson.loads(cached.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        pass
    import yaml  # only when the cache misses: importing it is a part of the start-up worth saving

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(text, Loader=loader)
    _write(cached, data)
    return data


def load_derived(name: str, *, source: str, compute: Callable[[], Any], only_to_keep: bool = False) -> Any:
    """A JSON value computed from `source` (a data file's text together with the code that reads it),
    from the cache when `source` is unchanged; `compute` makes it otherwise. `only_to_keep`: a value
    worth computing only when it can be kept for the next run (an accelerator): None, uncomputed, when
    the cache directory cannot be written."""
    cached = _derived_path(name, source)
    try:
        return orjson.loads(cached.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        pass
    if only_to_keep and not _writable(cached.parent):
        return None
    value = compute()
    _write(cached, value)
    return value


def read_derived(name: str, *, source: str) -> Any:
    """The value `keep_derived` kept for `name` and `source`, or None when there is none (or it is unreadable)."""
    try:
        return orjson.loads(_derived_path(name, source).read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None


def keep_derived(name: str, *, source: str, value: Any) -> None:
    """Keep a JSON value for `read_derived` (whole or not at all; nothing when the cache cannot be written)."""
    _write(_derived_path(name, source), value)


def _derived_path(name: str, source: str) -> Path:
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()[:20]
    return cache_dir() / f"{name}-{digest}.json"


def _writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK)


def _write(path: Path, value: Any) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(orjson.dumps(value))
        partial.replace(path)  # atomic: a reader never sees half a file
    except (OSError, TypeError):
        pass  # no cache: the next start computes again
