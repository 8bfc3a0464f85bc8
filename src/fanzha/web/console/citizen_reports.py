"""群众举报与申诉 on the console: the reports made on the public page (and those the police and banks
filed), the appeals against a flag (反电信网络诈骗法第三十二条) with the decision — 申诉成立 clears the
identifier, 驳回 keeps it — and its reason.

Lists have filters and paging and show free text with personal data masked (`fanzha.reports.redact`)
and contacts masked; opening one report or appeal shows it whole and leaves a `report.view` /
`appeal.view` entry in the audit log. The decision is `IntelStore.review_appeal` (audited there).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Literal, TypeVar
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool

from fanzha.api.auth import Caller
from fanzha.intel import public_reports as data
from fanzha.intel.repository import KINDS, IntelError
from fanzha.reports.redact import redact
from fanzha.text.masking import mask_phone
from fanzha.web.console.common import OfficerPage, actor_of, render, services_of
from fanzha.web.problems import PageError, PageRoute, RowId

router = APIRouter(route_class=PageRoute)
PAGE_SIZE = 30
Short = Annotated[str, Query(max_length=32)]
Page = Annotated[int, Query(ge=1, le=100_000)]
Item = TypeVar("Item", data.ReportItem, data.AppealItem)


def masked_text(text: str, limit: int = 80) -> str:
    """Free text for a list: personal data masked, cut to `limit` characters."""
    shown = redact(text[:2000])
    return shown if len(shown) <= limit else shown[:limit] + "……"


def masked_contact(contact: str) -> str:
    return mask_phone(contact) if contact else ""


def _pager(path: str, filters: dict[str, str], page: int, total: int) -> dict[str, object]:
    query = urlencode({k: v for k, v in filters.items() if v})
    return {
        "page": page,
        "pages": max(1, -(-total // PAGE_SIZE)),
        "page_link": lambda n: f"{path}?{query}&page={n}" if query else f"{path}?page={n}",
    }


def _engine(request: Request) -> Engine:
    return services_of(request).store.engine


async def _opened(
    request: Request, officer: Caller, fetch: Callable[[Engine, int], Item | None], item_id: int, *,
    subject: Literal["report", "appeal"], what: str,
) -> Item:  # fmt: skip
    """One report or appeal, whole (a 404 page if there is none): its viewing is audited."""
    engine = _engine(request)
    item = await run_in_threadpool(fetch, engine, item_id)
    if item is None:
        raise PageError(404, f"没有编号为 {item_id} 的{what}")
    await run_in_threadpool(
        lambda: data.record_view(engine, actor=actor_of(officer), subject=f"{subject}:{item_id}")
    )
    return item


@router.get("/reports", response_class=HTMLResponse)
async def report_list(
    request: Request, officer: OfficerPage, source: Literal["citizen", "police", "bank", "all"] = "citizen",
    kind: Short = "", fraud_type: Short = "", q: Annotated[str, Query(max_length=100)] = "", page: Page = 1,
) -> HTMLResponse:  # fmt: skip
    total, items = await run_in_threadpool(
        lambda: data.list_reports(
            _engine(request), source=None if source == "all" else source, kind=kind or None,
            fraud_type=fraud_type or None, text=q or None, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE,
        )
    )  # fmt: skip
    filters = {"source": source, "kind": kind, "fraud_type": fraud_type, "q": q}
    context = {"tab": "reports", "items": items, "total": total, "filters": filters, "kinds": KINDS,
               "source_names": data.SOURCE_NAMES, "masked_text": masked_text,
               **_pager("/console/reports", filters, page, total)}  # fmt: skip
    return render(request, "citizen_reports.html", context)


@router.get("/reports/{report_id}", response_class=HTMLResponse)
async def report_page(request: Request, report_id: RowId, officer: OfficerPage) -> HTMLResponse:
    item = await _opened(request, officer, data.get_report, report_id, subject="report", what="举报")
    risk = services_of(request).store.risk_of(item.kind, item.value)
    return render(request, "report_view.html",
                  {"r": item, "source_names": data.SOURCE_NAMES, "risk": risk})  # fmt: skip


@router.get("/appeals", response_class=HTMLResponse)
async def appeal_list(
    request: Request, officer: OfficerPage, status: Literal["open", "upheld", "rejected", "all"] = "open",
    kind: Short = "", q: Annotated[str, Query(max_length=100)] = "", page: Page = 1,
    done: Short = "",
) -> HTMLResponse:  # fmt: skip
    total, items = await run_in_threadpool(
        lambda: data.list_appeals(
            _engine(request), status=None if status == "all" else status, kind=kind or None, text=q or None,
            limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE,
        )
    )  # fmt: skip
    filters = {"status": status, "kind": kind, "q": q}
    context = {"tab": "appeals", "items": items, "total": total, "filters": filters, "kinds": KINDS,
               "status_names": data.APPEAL_STATUS_NAMES, "masked_text": masked_text,
               "masked_contact": masked_contact, "done": done in data.APPEAL_STATUS_NAMES,
               **_pager("/console/appeals", filters, page, total)}  # fmt: skip
    return render(request, "citizen_reports.html", context)


async def _appeal_page(
    request: Request, officer: OfficerPage, appeal_id: int, *, error: str = "", note: str = ""
) -> HTMLResponse:
    item = await _opened(request, officer, data.get_appeal, appeal_id, subject="appeal", what="申诉")
    evidence = await run_in_threadpool(lambda: data.reports_on(_engine(request), item.kind, item.value))
    context = {"a": item, "evidence": evidence, "error": error, "note": note,
               "status_names": data.APPEAL_STATUS_NAMES, "source_names": data.SOURCE_NAMES,
               "risk": services_of(request).store.risk_of(item.kind, item.value)}  # fmt: skip
    return render(request, "appeal_view.html", context, status_code=422 if error else 200)


@router.get("/appeals/{appeal_id}", response_class=HTMLResponse)
async def appeal_page(request: Request, appeal_id: RowId, officer: OfficerPage) -> HTMLResponse:
    return await _appeal_page(request, officer, appeal_id)


@router.post("/appeals/{appeal_id}/review", response_model=None)
async def appeal_review(
    request: Request,
    appeal_id: RowId,
    officer: OfficerPage,
    decision: Annotated[str, Form(max_length=64)] = "",
    note: Annotated[str, Form(max_length=2000)] = "",
) -> HTMLResponse | RedirectResponse:
    if decision not in ("upheld", "rejected"):
        return await _appeal_page(
            request, officer, appeal_id, error="请选择“申诉成立”或“驳回申诉”", note=note
        )
    store = services_of(request).store
    try:
        await run_in_threadpool(
            lambda: store.review_appeal(
                appeal_id, upheld=decision == "upheld", officer=actor_of(officer), note=note
            )
        )
    except IntelError as exc:
        return await _appeal_page(request, officer, appeal_id, error=str(exc), note=note)
    return RedirectResponse(f"/console/appeals?status={decision}&done={decision}", status_code=303)
