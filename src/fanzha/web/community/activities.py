"""Prevention activities on the community console: the list, and recording one from a phone with a photo
taken on the spot (`capture`), one column, big fields. A community key records for its own community;
officers choose the community. Bad input re-shows the form with what was typed and the reason."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from fanzha.outreach.activities import edit_activity, get_activity, list_activities, record_activity
from fanzha.outreach.attachments import MAX_BYTES, add_attachment, get_attachment, sniff
from fanzha.outreach.communities import list_communities
from fanzha.outreach.model import ACTIVITY_KINDS, COUNT_FIELDS, NotFound, OutreachError
from fanzha.web.community.common import CommunityPage, community_of, name_of, render
from fanzha.web.console.common import local, services_of
from fanzha.web.problems import PageError, RowId

router = APIRouter()
TEXT_FIELDS = ("kind", "title", "place", "organizer", "unit", "note", "started_at", "community")


def _form_context(
    request: Request,
    user: Any,
    values: dict[str, str],
    error: str = "",
    action: str = "/community/activities",
) -> dict[str, Any]:
    engine = services_of(request).store.engine
    mine = community_of(user)
    names = [mine] if mine else [c.name for c in list_communities(engine)]
    return {"kinds": ACTIVITY_KINDS, "counts": COUNT_FIELDS, "values": values, "error": error, "communities": names,
            "max_mb": MAX_BYTES // 1048576, "action": action}  # fmt: skip


@router.get("/activities", response_class=HTMLResponse)
def activities_page(request: Request, user: CommunityPage) -> HTMLResponse:
    engine = services_of(request).store.engine
    found = list_activities(engine, community=community_of(user), limit=200)
    return render(
        request, "activities.html", {"activities": found, "local": local, "community": community_of(user)}
    )


@router.get("/activities/new", response_class=HTMLResponse)
def new_activity(request: Request, user: CommunityPage) -> HTMLResponse:
    return render(request, "activities_new.html", _form_context(request, user, {"kind": "讲座"}))


def _started(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        raise OutreachError("请填写活动时间，例如 2026-11-20 09:30") from None


@router.post("/activities", response_class=HTMLResponse)
async def create_activity(request: Request, user: CommunityPage) -> Response:
    form = await request.form()
    values = {k: str(form.get(k) or "") for k in (*TEXT_FIELDS, *COUNT_FIELDS)}
    photo = form.get("photo")
    mine = community_of(user)
    engine = services_of(request).store.engine
    try:
        data = await photo.read(MAX_BYTES + 1) if isinstance(photo, UploadFile) and photo.filename else b""
        if data:
            sniff(data)
            if len(data) > MAX_BYTES:
                raise OutreachError(f"照片过大，上限 {MAX_BYTES // 1048576} MB")
        fields: dict[str, Any] = {
            k: values[k] for k in ("kind", "title", "place", "organizer", "unit", "note")
        }
        counts: dict[str, Any] = {k: values[k] or "0" for k in COUNT_FIELDS}
        community = mine or values["community"]
        a = await run_in_threadpool(
            lambda: record_activity(
                engine, community=community, started_at=_started(values["started_at"]), recorded_by=name_of(user),
                **fields, **counts,
            )
        )  # fmt: skip
        if data:
            name = photo.filename if isinstance(photo, UploadFile) and photo.filename else "照片"
            await run_in_threadpool(
                lambda: add_attachment(
                    engine, activity_id=a.id, name=name, data=data, uploaded_by=name_of(user)
                )
            )
    except OutreachError as exc:
        context = _form_context(request, user, values, str(exc))
        return render(request, "activities_new.html", context, status_code=422)
    return RedirectResponse(f"/community/activities/{a.id}", status_code=303)


@router.get("/activities/{activity_id}", response_class=HTMLResponse)
def activity_page(request: Request, activity_id: RowId, user: CommunityPage) -> HTMLResponse:
    engine = services_of(request).store.engine
    try:
        a = get_activity(engine, activity_id=activity_id, community=community_of(user))
    except NotFound as exc:
        raise PageError(404, str(exc)) from None
    return render(request, "activities_view.html", {"a": a, "local": local, "error": ""})


@router.get("/attachments/{attachment_id}")
def attachment(request: Request, attachment_id: RowId, user: CommunityPage) -> Response:
    engine = services_of(request).store.engine
    try:
        a = get_attachment(engine, attachment_id=attachment_id, community=community_of(user))
    except NotFound as exc:
        raise PageError(404, str(exc)) from None
    return Response(a.data, media_type=a.content_type, headers={"Cache-Control": "private, no-store"})


def _activity_or_404(request: Request, user: Any, activity_id: int) -> Any:
    try:
        return get_activity(
            services_of(request).store.engine, activity_id=activity_id, community=community_of(user)
        )
    except NotFound as exc:
        raise PageError(404, str(exc)) from None


@router.get("/activities/{activity_id}/edit", response_class=HTMLResponse)
def edit_page(request: Request, activity_id: RowId, user: CommunityPage) -> HTMLResponse:
    a = _activity_or_404(request, user, activity_id)
    values = {k: str(getattr(a, k)) for k in (*TEXT_FIELDS, *COUNT_FIELDS) if k != "started_at"}
    values["started_at"] = local(a.started_at, "%Y-%m-%dT%H:%M")
    context = _form_context(request, user, values, action=f"/community/activities/{activity_id}/edit")
    return render(request, "activities_new.html", context | {"editing": a})


@router.post("/activities/{activity_id}/edit", response_class=HTMLResponse)
async def save_edit(request: Request, activity_id: RowId, user: CommunityPage) -> Response:
    a = _activity_or_404(request, user, activity_id)
    form = await request.form()
    values = {k: str(form.get(k) or "") for k in (*TEXT_FIELDS, *COUNT_FIELDS)}
    changes: dict[str, Any] = {k: values[k] for k in ("kind", "title", "place", "organizer", "unit", "note")}
    changes |= {k: values[k] or "0" for k in COUNT_FIELDS}
    engine = services_of(request).store.engine
    try:
        changes["started_at"] = _started(values["started_at"])
        await run_in_threadpool(
            lambda: edit_activity(engine, activity_id=a.id, changes=changes, community=community_of(user))
        )
    except OutreachError as exc:
        action = f"/community/activities/{activity_id}/edit"
        context = _form_context(request, user, values, str(exc), action) | {"editing": a}
        return render(request, "activities_new.html", context, status_code=422)
    return RedirectResponse(f"/community/activities/{a.id}", status_code=303)


@router.post("/activities/{activity_id}/photo", response_class=HTMLResponse)
async def add_photo(request: Request, activity_id: RowId, user: CommunityPage) -> Response:
    a = _activity_or_404(request, user, activity_id)
    photo = (await request.form()).get("photo")
    engine = services_of(request).store.engine
    try:
        if not isinstance(photo, UploadFile) or not photo.filename:
            raise OutreachError("请选择要上传的照片或文件")
        data = await photo.read(MAX_BYTES + 1)
        name = photo.filename
        await run_in_threadpool(
            lambda: add_attachment(
                engine,
                activity_id=a.id,
                name=name,
                data=data,
                uploaded_by=name_of(user),
                community=community_of(user),
            )
        )
    except OutreachError as exc:
        context = {"a": a, "local": local, "error": str(exc)}
        return render(request, "activities_view.html", context, status_code=422)
    return RedirectResponse(f"/community/activities/{a.id}", status_code=303)
