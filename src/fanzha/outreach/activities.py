"""Prevention activities: record, edit and list them, each with its reach (posters, leaflets, people…)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, insert, select, update

from fanzha.outreach.model import (
    ACTIVITY_KINDS,
    COUNT_FIELDS,
    NAME_MAX,
    NOTE_MAX,
    TITLE_MAX,
    Activity,
    NotFound,
    OutreachError,
    check_count,
    check_text,
)
from fanzha.store.outreach_tables import CommunityRow, OutreachActivityRow, OutreachAttachmentRow
from fanzha.timezones import DateOutOfRange, check_date, from_db, to_utc


def _activity(row: Any, attachments: list[dict[str, object]]) -> Activity:
    return Activity(
        id=row.id, kind=row.kind, title=row.title, place=row.place, community=row.community,
        started_at=from_db(row.started_at), organizer=row.organizer, unit=row.unit, posters=row.posters,
        leaflets=row.leaflets, banners=row.banners, screens=row.screens, reached=row.reached, note=row.note,
        recorded_by=row.recorded_by, synthetic=row.synthetic, attachments=attachments,
    )  # fmt: skip


def check_fields(fields: Mapping[str, Any], *, now: datetime | None = None) -> dict[str, Any]:
    """The activity fields of `fields` checked and normalised (only those present), else OutreachError."""
    out: dict[str, Any] = {}
    if "kind" in fields:
        if fields["kind"] not in ACTIVITY_KINDS:
            raise OutreachError(
                f"活动类型须为：{'、'.join(ACTIVITY_KINDS)}（收到“{str(fields['kind'])[:20]}”）"
            )
        out["kind"] = fields["kind"]
    if "title" in fields:
        out["title"] = check_text(fields["title"], "活动名称", TITLE_MAX, required=True)
    for field, what, limit in (
        ("place", "地点", TITLE_MAX), ("community", "社区", NAME_MAX), ("organizer", "负责人", NAME_MAX),
        ("unit", "单位", 100), ("note", "备注", NOTE_MAX),
    ):  # fmt: skip
        if field in fields:
            out[field] = check_text(fields[field] or "", what, limit, required=field == "community")
    if "started_at" in fields:
        at = fields["started_at"]
        if not isinstance(at, datetime):
            raise OutreachError("活动时间必须是日期时间，例如 2026-11-20 09:30")
        try:
            out["started_at"] = to_utc(check_date(at, "活动时间", now=now))
        except DateOutOfRange as exc:
            raise OutreachError(str(exc)) from None
        if out["started_at"] > (now or datetime.now(UTC)):
            raise OutreachError("活动时间在将来：只记录已经开展的活动")
    for field, (what, limit) in COUNT_FIELDS.items():
        if field in fields:
            out[field] = check_count(fields[field], what, limit)
    return out


def _check_community(conn: Any, name: str) -> None:
    if conn.execute(select(CommunityRow.id).where(CommunityRow.name == name)).first() is None:
        raise NotFound(f"没有名为“{name}”的社区：请先在社区名册中登记")


def record_activity(
    engine: Engine,
    *,
    kind: str,
    title: str,
    community: str,
    started_at: datetime,
    recorded_by: str,
    place: str = "",
    organizer: str = "",
    unit: str = "",
    posters: int = 0,
    leaflets: int = 0,
    banners: int = 0,
    screens: int = 0,
    reached: int = 0,
    note: str = "",
    synthetic: bool = False,
    now: datetime | None = None,
) -> Activity:
    """Store one activity of a registered community; OutreachError (Chinese) for bad input."""
    fields = check_fields(
        dict(kind=kind, title=title, community=community, started_at=started_at, place=place,
             organizer=organizer, unit=unit, posters=posters, leaflets=leaflets, banners=banners,
             screens=screens, reached=reached, note=note),
        now=now,
    )  # fmt: skip
    stamp = datetime.now(UTC)
    with engine.begin() as conn:
        _check_community(conn, fields["community"])
        new_id = conn.execute(
            insert(OutreachActivityRow).values(
                **fields, recorded_by=recorded_by[:NAME_MAX], synthetic=synthetic,
                created_at=stamp, updated_at=stamp,
            )
        ).inserted_primary_key[0]  # type: ignore[index]  # fmt: skip
    return get_activity(engine, activity_id=int(new_id))


def edit_activity(
    engine: Engine, *, activity_id: int, changes: Mapping[str, Any], community: str | None = None
) -> Activity:
    """Change the given fields of an activity (of `community` only, when given)."""
    fields = check_fields(changes)
    get_activity(engine, activity_id=activity_id, community=community)
    with engine.begin() as conn:
        if "community" in fields:
            if community is not None and fields["community"] != community:
                raise OutreachError("不能把活动改到其他社区")
            _check_community(conn, fields["community"])
        conn.execute(
            update(OutreachActivityRow)
            .where(OutreachActivityRow.id == activity_id)
            .values(**fields, updated_at=datetime.now(UTC))
        )
    return get_activity(engine, activity_id=activity_id)


def _attachments(conn: Any, ids: list[int]) -> dict[int, list[dict[str, object]]]:
    out: dict[int, list[dict[str, object]]] = {i: [] for i in ids}
    if not ids:
        return out
    cols = (OutreachAttachmentRow.id, OutreachAttachmentRow.activity_id, OutreachAttachmentRow.name,
            OutreachAttachmentRow.content_type, OutreachAttachmentRow.size)  # fmt: skip
    for a in conn.execute(select(*cols).where(OutreachAttachmentRow.activity_id.in_(ids))):
        out[a.activity_id].append(
            {"id": a.id, "name": a.name, "content_type": a.content_type, "size": a.size}
        )
    return out


def get_activity(engine: Engine, *, activity_id: int, community: str | None = None) -> Activity:
    """One activity; NotFound when it does not exist or belongs to another community than `community`."""
    with engine.connect() as conn:
        row = conn.execute(select(OutreachActivityRow).where(OutreachActivityRow.id == activity_id)).first()
        if row is None or (community is not None and row.community != community):
            raise NotFound(f"没有编号为 {activity_id} 的活动")
        return _activity(row, _attachments(conn, [activity_id])[activity_id])


def list_activities(
    engine: Engine,
    *,
    community: str | None = None,
    communities: list[str] | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    limit: int = 500,
) -> list[Activity]:
    """Activities, latest first, of one community or several, started in [start, end)."""
    stmt = select(OutreachActivityRow).order_by(OutreachActivityRow.started_at.desc(), OutreachActivityRow.id)
    if community is not None:
        stmt = stmt.where(OutreachActivityRow.community == community)
    if communities is not None:
        stmt = stmt.where(OutreachActivityRow.community.in_(communities))
    if start is not None:
        stmt = stmt.where(OutreachActivityRow.started_at >= start)
    if end is not None:
        stmt = stmt.where(OutreachActivityRow.started_at < end)
    with engine.connect() as conn:
        rows = list(conn.execute(stmt.limit(limit)))
        files = _attachments(conn, [r.id for r in rows])
    return [_activity(r, files[r.id]) for r in rows]
