from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine

from fanzha.outreach.activities import get_activity, record_activity
from fanzha.outreach.attachments import MAX_BYTES, add_attachment, get_attachment, sniff
from fanzha.outreach.model import NotFound, OutreachError

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
PDF = b"%PDF-1.7\n" + b"\x00" * 64


@pytest.mark.parametrize(
    ("data", "kind"), [(PNG, "image/png"), (JPEG, "image/jpeg"), (PDF, "application/pdf")]
)
def test_types_are_recognised_by_their_magic_bytes(data: bytes, kind: str) -> None:
    assert sniff(data) == kind


@pytest.mark.parametrize("data", [b"GIF89a....", b"<html>", b"MZ\x90\x00"])
def test_other_files_are_refused_whatever_their_name(data: bytes) -> None:
    with pytest.raises(OutreachError, match="只接受 JPEG、PNG 照片或 PDF"):
        sniff(data)


def _activity(engine: Engine) -> int:
    return record_activity(
        engine, kind="摆摊宣传", title="集市摆摊", community="幸福里社区", started_at=datetime(2026, 11, 20, 9),
        recorded_by="网格员", now=datetime(2026, 11, 30, tzinfo=UTC),
    ).id  # fmt: skip


def test_a_photo_is_stored_with_its_hash_and_listed_on_the_activity(registered: Engine) -> None:
    activity_id = _activity(registered)
    a = add_attachment(
        registered, activity_id=activity_id, name="../现场.png", data=PNG, uploaded_by="网格员"
    )
    got = get_attachment(registered, attachment_id=a.id)
    assert (got.content_type, got.size, got.data, got.name) == ("image/png", len(PNG), PNG, ".._现场.png")
    assert len(got.sha256) == 64
    assert get_activity(registered, activity_id=activity_id).attachments[0]["name"] == ".._现场.png"


def test_too_large_and_other_communities_are_refused(registered: Engine) -> None:
    activity_id = _activity(registered)
    with pytest.raises(OutreachError, match="附件过大"):
        add_attachment(
            registered, activity_id=activity_id, name="x.jpg", data=JPEG + b"0" * MAX_BYTES, uploaded_by="x"
        )
    with pytest.raises(NotFound):
        add_attachment(
            registered, activity_id=activity_id, name="x.pdf", data=PDF, uploaded_by="x", community="东风社区"
        )
    a = add_attachment(registered, activity_id=activity_id, name="x.pdf", data=PDF, uploaded_by="x")
    with pytest.raises(NotFound):
        get_attachment(registered, attachment_id=a.id, community="东风社区")
