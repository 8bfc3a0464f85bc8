"""The audit log's anchor: its head (sequence number and hash) kept outside the database.

A chain kept in one table cannot show that its newest entries were deleted, nor that it was rewritten
from some entry on: what remains is a consistent chain. So every committed append also records the new
head elsewhere, and `fanzha.audit.log.verify(engine, anchor=head)` checks the table against it.

Where the head is kept (`anchor_for`):
- `FANZHA_AUDIT_ANCHOR`: a file path, a `redis://` URL (the key `fanzha:audit:head:<database>`), or
  `off`;
- otherwise, for SQLite, a file beside the database (`fanzha.sqlite3.audit-head`);
- otherwise (PostgreSQL), `audit-head-<database>.json` in the data directory (`FANZHA_DATA_DIR`, default
  ~/.local/share/fanzha).
The anchor only moves forward: after entries are deleted, new appends reuse their numbers, and the
anchor keeps the higher head so that the deletion stays visible. After a deliberate restore from a
backup an administrator resets it (`fanzha audit anchor --reset`).

Officers keep copies of the head too (`fanzha audit anchor` prints it, issued bulletins print it): a
copy kept by someone else survives whoever can write to this machine.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Engine, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from fanzha.store.case_tables import AuditRow
from fanzha.timezones import BEIJING

ANCHOR_ENV = "FANZHA_AUDIT_ANCHOR"
_HASH = re.compile(r"[0-9a-f]{64}")


class AnchorError(ValueError):
    """An anchor that cannot be read or understood; the message is for the officer (Chinese)."""


@dataclass(frozen=True, slots=True)
class Head:
    """The newest entry of the log: its number (0 when only the hash is known) and its hash."""

    seq: int
    hash: str

    def __str__(self) -> str:
        return f"{self.seq}:{self.hash}"

    def to_json(self) -> str:
        at = datetime.now(BEIJING).isoformat(timespec="seconds")
        return json.dumps({"seq": self.seq, "hash": self.hash, "recorded_at": at}, ensure_ascii=False)


def parse_head(text: str) -> Head:
    """`12:<hash>`, a bare hash, or the JSON `Head.to_json` writes; AnchorError otherwise."""
    raw = text.strip()
    if raw.startswith("{"):
        try:
            data = json.loads(raw)
            return _checked(int(data["seq"]), str(data["hash"]))
        except (ValueError, KeyError, TypeError) as exc:
            raise AnchorError(f"锚点内容无法识别：{raw[:80]}") from exc
    seq_text, sep, digest = raw.partition(":")
    if not sep:
        seq_text, digest = "0", raw
    try:
        seq = int(seq_text.strip())
    except ValueError:
        raise AnchorError(f"锚点应为“序号:哈希”或64位哈希：{raw[:80]}") from None
    return _checked(seq, digest.strip())


def _checked(seq: int, digest: str) -> Head:
    digest = digest.lower()
    if seq < 0 or not _HASH.fullmatch(digest):
        raise AnchorError(f"锚点应为“序号:哈希”或64位哈希：{seq}:{digest[:70]}")
    return Head(seq, digest)


def read_anchor(spec: str) -> Head:
    """A head given on the command line: a file an officer kept, or the head itself."""
    spec = spec.strip()
    if not spec:
        raise AnchorError("锚点为空")
    looks_like_head = bool(re.fullmatch(r"(?:\d+\s*:\s*)?[0-9A-Fa-f]{64}", spec))
    if not looks_like_head and (
        "/" in spec or os.sep in spec or spec.endswith(".json") or Path(spec).exists()
    ):
        try:
            return parse_head(Path(spec).read_text(encoding="utf-8"))
        except OSError as exc:
            raise AnchorError(f"无法读取锚点文件 {spec}：{exc.strerror or exc}") from None
    return parse_head(spec)


class Anchor(Protocol):
    def read(self) -> Head | None: ...

    def advance(self, head: Head) -> bool: ...

    def reset(self, head: Head) -> None: ...

    def describe(self) -> str: ...


@dataclass(frozen=True, slots=True)
class FileAnchor:
    """The head in a small JSON file, replaced atomically; writers take turns through a lock file."""

    path: Path

    def describe(self) -> str:
        return f"文件 {self.path}"

    def read(self) -> Head | None:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise AnchorError(f"无法读取锚点文件 {self.path}：{exc.strerror or exc}") from None
        return parse_head(text)

    def advance(self, head: Head) -> bool:
        with self._locked():
            try:
                current = self.read()
            except AnchorError:
                current = None  # a torn or garbled file: the new head replaces it
            if current is not None and current.seq >= head.seq:
                return False
            self._write(head)
            return True

    def reset(self, head: Head) -> None:
        with self._locked():
            self._write(head)

    def _write(self, head: Head) -> None:
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=self.path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(head.to_json() + "\n")
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path.with_name(self.path.name + ".lock"), "a") as lock:
            try:
                import fcntl
            except ImportError:  # not on POSIX: writes are still atomic, only not serialised
                yield
                return
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)


# Move the head forward only, atomically: KEYS[1] holds "seq:hash".
_ADVANCE_LUA = """
local current = redis.call('GET', KEYS[1])
if current then
  local seq = tonumber(string.match(current, '^(%d+):'))
  if seq and seq >= tonumber(ARGV[1]) then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1] .. ':' .. ARGV[2])
return 1
"""
_REDIS_CLIENTS: dict[str, Any] = {}


@dataclass(frozen=True, slots=True)
class RedisAnchor:
    url: str
    key: str = "fanzha:audit:head"

    def describe(self) -> str:
        return f"Redis {make_url(self.url).render_as_string(hide_password=True)} 键 {self.key}"

    def _client(self) -> Any:
        client = _REDIS_CLIENTS.get(self.url)
        if client is None:
            import redis

            client = redis.Redis.from_url(self.url, socket_timeout=2.0)
            _REDIS_CLIENTS[self.url] = client
        return client

    def read(self) -> Head | None:
        try:
            value = self._client().get(self.key)
        except Exception as exc:  # redis.RedisError and connection failures
            raise AnchorError(f"无法读取锚点（{self.describe()}）：{exc}") from None
        return None if value is None else parse_head(value.decode())

    def advance(self, head: Head) -> bool:
        return bool(self._client().eval(_ADVANCE_LUA, 1, self.key, head.seq, head.hash))

    def reset(self, head: Head) -> None:
        self._client().set(self.key, str(head))

    def clear(self) -> None:
        self._client().delete(self.key)


def database_label(engine: Engine) -> str:
    """A short name for the database that does not reveal its password."""
    url = engine.url
    shown = url.set(password=None).render_as_string(hide_password=True)
    return f"{url.database or 'db'}-{hashlib.sha256(shown.encode()).hexdigest()[:10]}"


def anchor_for(engine: Engine) -> FileAnchor | RedisAnchor | None:
    """Where `engine`'s audit head is kept (see the module), or None (disabled, or an in-memory database)."""
    configured = os.environ.get(ANCHOR_ENV, "").strip()
    if configured.lower() in ("off", "none", "0", "false"):
        return None
    if configured.startswith(("redis://", "rediss://", "unix://")):
        return RedisAnchor(configured, key=f"fanzha:audit:head:{database_label(engine)}")
    if configured:
        return FileAnchor(Path(configured).expanduser())
    if engine.dialect.name == "sqlite":
        database = engine.url.database
        if not database or database == ":memory:" or database.startswith("file::memory:"):
            return None
        path = Path(database)
        return FileAnchor(path.with_name(path.name + ".audit-head"))
    data_dir = Path(os.environ.get("FANZHA_DATA_DIR") or Path.home() / ".local" / "share" / "fanzha")
    return FileAnchor(data_dir / f"audit-head-{database_label(engine)}.json")


def current_head(engine: Engine) -> Head:
    """The newest entry in the table (0 and the genesis hash for an empty log), unchecked."""
    from fanzha.audit.log import GENESIS

    with Session(engine) as session:
        row = session.execute(
            select(AuditRow.seq, AuditRow.hash).order_by(AuditRow.seq.desc()).limit(1)
        ).first()
    return Head(int(row[0]), str(row[1])) if row is not None else Head(0, GENESIS)
