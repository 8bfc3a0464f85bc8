"""Photos and files of an activity: JPEG, PNG or PDF (recognised by their magic bytes, not their name),
at most `MAX_BYTES` each, stored in the database with their SHA-256."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine, func, insert, select

from fanzha.outreach.activities import get_activity
from fanzha.outreach.model import NotFound, OutreachError
from fanzha.store.outreach_tables import OutreachAttachmentRow

MAX_BYTES = 5 * 1024 * 1024
MAX_PER_ACTIVITY = 12
_MAGIC = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"%PDF-", "application/pdf"),
)


@dataclass(slots=True)
class Attachment:
    id: int
    activity_id: int
    name: str
    content_type: str
    size: int
    sha256: str
    data: bytes


def sniff(data: bytes) -> str:
    """The content type of `data` by its magic bytes; OutreachError for anything but JPEG, PNG or PDF."""
    for magic, content_type in _MAGIC:
        if data.startswith(magic):
            return content_type
    raise OutreachError("附件只接受 JPEG、PNG 照片或 PDF 文件（按文件内容识别，不看扩展名）")


def add_attachment(
    engine: Engine,
    *,
    activity_id: int,
    name: str,
    data: bytes,
    uploaded_by: str,
    community: str | None = None,
) -> Attachment:
    """Attach a photo or PDF to an activity (of `community` only, when given)."""
    get_activity(engine, activity_id=activity_id, community=community)
    if not data:
        raise OutreachError("附件为空")
    if len(data) > MAX_BYTES:
        raise OutreachError(f"附件过大：{len(data) / 1048576:.1f} MB，上限 {MAX_BYTES // 1048576} MB")
    content_type = sniff(data)
    name = (name or "附件").replace("/", "_").replace("\\", "_").strip()[:200] or "附件"
    digest = hashlib.sha256(data).hexdigest()
    with engine.begin() as conn:
        count = conn.execute(
            select(func.count()).where(OutreachAttachmentRow.activity_id == activity_id)
        ).scalar_one()
        if count >= MAX_PER_ACTIVITY:
            raise OutreachError(f"每个活动最多 {MAX_PER_ACTIVITY} 个附件")
        new_id = conn.execute(
            insert(OutreachAttachmentRow).values(
                activity_id=activity_id, name=name, content_type=content_type, size=len(data),
                sha256=digest, data=data, uploaded_by=uploaded_by[:64], created_at=datetime.now(UTC),
            )
        ).inserted_primary_key[0]  # type: ignore[index]  # fmt: skip
    return Attachment(int(new_id), activity_id, name, content_type, len(data), digest, data)


def get_attachment(engine: Engine, *, attachment_id: int, community: str | None = None) -> Attachment:
    """An attachment with its bytes; NotFound when missing or of another community's activity."""
    with engine.connect() as conn:
        row = conn.execute(
            select(OutreachAttachmentRow).where(OutreachAttachmentRow.id == attachment_id)
        ).first()
    if row is None:
        raise NotFound(f"没有编号为 {attachment_id} 的附件")
    a = row
    get_activity(engine, activity_id=a.activity_id, community=community)
    return Attachment(a.id, a.activity_id, a.name, a.content_type, a.size, a.sha256, bytes(a.data))
