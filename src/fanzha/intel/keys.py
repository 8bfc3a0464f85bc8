"""API keys: created once (the plain key is shown only then), stored as a hash, resolved to a role,
listed (never the secret) and revoked. A new key is in the audit log (`key.create`, subject `key:<id>`,
its role and label, never the key), and so is a revocation (`key.revoke`).

A revoked key resolves to nothing at once; the API remembers keys that resolved for
`fanzha.api.auth.KNOWN_KEY_TTL` seconds (60), so a running server refuses it within a minute."""

from __future__ import annotations

import hashlib
import secrets
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from fanzha.audit.log import append, append_retrying
from fanzha.store.tables import ApiKeyRow

ROLES = ("public", "officer", "bank", "community", "admin", "medical")
ROLE_NAMES = {
    "public": "公众应用",
    "officer": "民警",
    "bank": "银行/支付机构",
    "community": "社区",
    "admin": "管理员",
    "medical": "医保部门",
}
# What a key's label means, by role: for bank, community and medical keys it is who they act for (the
# bank's held transfers, the community's residents, the office's claims are those of that name).
LABEL_MEANING = {
    "public": "应用名称",
    "officer": "民警姓名或警号",
    "bank": "银行或支付机构名称，须与止付冻结指令上的银行名称一致（如 城关农商银行）",
    "community": "社区或村名称，须与居民登记的社区名称一致（只能看到该社区的数据）",
    "admin": "管理员姓名",
    "medical": "医保部门名称，如 城关区医保局",
}
LAST_USED_GRAIN = timedelta(minutes=10)  # last_used_at is written at most this often per key


class KeyNotFound(ValueError):
    """No key has that id; the message is for the user, in Chinese."""


@dataclass(frozen=True, slots=True)
class KeyInfo:
    """A key as `fanzha keys list` shows it: never the key itself, nor its hash."""

    id: int
    role: str
    label: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_key(engine: Engine, *, role: str, label: str, actor: str = "system") -> str:
    """A new key for `role`; `actor`: who created it (the audit log names them)."""
    return create_key_with_id(engine, role=role, label=label, actor=actor)[1]


def create_key_with_id(engine: Engine, *, role: str, label: str, actor: str = "system") -> tuple[int, str]:
    """(id, key) of a new key for `role`."""
    if role not in ROLES:
        raise ValueError(f"不支持的角色：{role}（可选：{', '.join(ROLES)}）")
    key = f"fz_{role}_{secrets.token_urlsafe(24)}"

    def work(session: Session) -> int:
        row = ApiKeyRow(key_hash=_hash(key), role=role, label=label[:100], created_at=datetime.now(UTC))
        session.add(row)
        session.flush()
        append(session, actor=actor, action="key.create", subject=f"key:{row.id}",
               detail={"role": role, "label": label[:100]})  # fmt: skip
        return row.id

    return append_retrying(engine, work), key


def role_of(engine: Engine, key: str | None) -> tuple[str, str] | None:
    """(role, label) of a key, or None for an unknown or revoked key. Notes when it was used, at most
    once per `LAST_USED_GRAIN`, in a thread of its own: a caller never waits for that write."""
    if not key:
        return None
    with Session(engine) as session:
        row = session.scalar(select(ApiKeyRow).where(ApiKeyRow.key_hash == _hash(key)))
        if row is None or row.revoked_at is not None:
            return None
        now = datetime.now(UTC)
        if row.last_used_at is None or _utc(row.last_used_at) < now - LAST_USED_GRAIN:
            threading.Thread(target=note_use, args=(engine, row.id, now), daemon=True).start()
        return row.role, row.label


def note_use(engine: Engine, key_id: int, at: datetime) -> None:
    """Record that key `key_id` was used at `at`; a busy database skips the note."""
    try:
        with Session(engine) as session:
            session.execute(update(ApiKeyRow).where(ApiKeyRow.id == key_id).values(last_used_at=at))
            session.commit()
    except SQLAlchemyError:
        pass


def _utc(at: datetime) -> datetime:
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)  # SQLite returns naive UTC


def _info(row: ApiKeyRow) -> KeyInfo:
    def opt(at: datetime | None) -> datetime | None:
        return None if at is None else _utc(at)

    return KeyInfo(row.id, row.role, row.label, _utc(row.created_at), opt(row.last_used_at),
                   opt(row.revoked_at))  # fmt: skip


def list_keys(engine: Engine, *, include_revoked: bool = True) -> list[KeyInfo]:
    """Every key, oldest first."""
    query = select(ApiKeyRow).order_by(ApiKeyRow.id)
    if not include_revoked:
        query = query.where(ApiKeyRow.revoked_at.is_(None))
    with Session(engine) as session:
        return [_info(row) for row in session.scalars(query)]


def get_key(engine: Engine, key_id: int) -> KeyInfo | None:
    with Session(engine) as session:
        row = session.get(ApiKeyRow, key_id)
        return None if row is None else _info(row)


def revoke_key(engine: Engine, key_id: int, *, actor: str = "system") -> KeyInfo:
    """Revoke key `key_id` (audit `key.revoke`); a key already revoked is returned as it is."""

    def work(session: Session) -> KeyInfo:
        row = session.get(ApiKeyRow, key_id)
        if row is None:
            raise KeyNotFound(f"没有编号为 {key_id} 的密钥（fanzha keys list 列出全部密钥）")
        if row.revoked_at is None:
            row.revoked_at = datetime.now(UTC)
            session.flush()
            append(session, actor=actor, action="key.revoke", subject=f"key:{row.id}",
                   detail={"role": row.role, "label": row.label})  # fmt: skip
        return _info(row)

    return append_retrying(engine, work)
