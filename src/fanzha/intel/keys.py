"""API keys: created once (the plain key is shown only then), stored as a hash, resolved to a role.
A new key is in the audit log (`key.create`, subject `key:<id>`, its role and label, never the key)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from fanzha.audit.log import append, append_retrying
from fanzha.store.tables import ApiKeyRow

# a community key's label names its community; a medical key's, its medical-insurance office (城关区医保局)
ROLES = ("public", "officer", "bank", "community", "admin", "medical")


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_key(engine: Engine, *, role: str, label: str, actor: str = "system") -> str:
    """A new key for `role`; `actor`: who created it (the audit log names them)."""
    if role not in ROLES:
        raise ValueError(f"不支持的角色：{role}（可选：{', '.join(ROLES)}）")
    key = f"fz_{role}_{secrets.token_urlsafe(24)}"

    def work(session: Session) -> None:
        row = ApiKeyRow(key_hash=_hash(key), role=role, label=label[:100], created_at=datetime.now(UTC))
        session.add(row)
        session.flush()
        append(session, actor=actor, action="key.create", subject=f"key:{row.id}",
               detail={"role": role, "label": label[:100]})  # fmt: skip

    append_retrying(engine, work)
    return key


def role_of(engine: Engine, key: str | None) -> tuple[str, str] | None:
    """(role, label) of a key, or None for an unknown key."""
    if not key:
        return None
    with Session(engine) as session:
        row = session.scalar(select(ApiKeyRow).where(ApiKeyRow.key_hash == _hash(key)))
        return None if row is None else (row.role, row.label)
