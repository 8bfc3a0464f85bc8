"""The keys `fanzha serve --demo` prints to log in with: minted once, then reused on every start.

They are kept in `demo-keys.json` in the data directory (readable by its owner only, like the SQLite
database beside it). A kept key is reused while the database still knows it, unrevoked, with the same
role and label; otherwise (a new database, `fanzha keys revoke`, a deleted file) a new one is minted and
the file rewritten. So restarting the demo never piles up permanent keys."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

import orjson
from sqlalchemy import Engine

from fanzha.intel.keys import create_key, role_of

FILE_NAME = "demo-keys.json"


@dataclass(frozen=True, slots=True)
class DemoKey:
    role: str
    label: str
    key: str
    reused: bool


def _read(path: Path) -> dict[str, str]:
    try:
        data = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}


def _write(path: Path, keys: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(orjson.dumps(keys, option=orjson.OPT_INDENT_2))
    os.replace(tmp, path)


def demo_keys(engine: Engine, data_dir: Path, wanted: list[tuple[str, str]]) -> list[DemoKey]:
    """A key for each (role, label) in `wanted`: the one kept in `data_dir` if it still works, else new."""
    path = data_dir / FILE_NAME
    kept = _read(path)
    out: list[DemoKey] = []
    for role, label in wanted:
        name = f"{role}:{label}"
        key = kept.get(name)
        if key is not None and role_of(engine, key) == (role, label):
            out.append(DemoKey(role, label, key, reused=True))
        else:
            out.append(DemoKey(role, label, create_key(engine, role=role, label=label, actor="demo"), False))
    fresh = {f"{k.role}:{k.label}": k.key for k in out}
    if fresh != kept:
        with contextlib.suppress(OSError):  # a read-only data directory: the keys still work this time
            _write(path, fresh)
    return out
