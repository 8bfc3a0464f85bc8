"""The medical console's front page: upload a claims file (with the office's catalogue and the stock
records, optionally) to be audited and stored as a run, the latest runs, and one run's result."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from fanzha.api.input_guard import MAX_BODY_BYTES
from fanzha.claims.office.institutions import list_institutions
from fanzha.claims.office.model import NotFound, OfficeError
from fanzha.claims.office.runs import get_run, list_runs
from fanzha.claims.office.upload import audit_and_store, make_auditor
from fanzha.web.console.common import local
from fanzha.web.medical.common import MedicalPage, engine_of, name_of, render
from fanzha.web.problems import PageError, RowId

router = APIRouter()


def _home(request: Request, error: str = "", status_code: int = 200) -> HTMLResponse:
    found = list_runs(engine_of(request), limit=20)
    context = {"runs": found, "local": local, "error": error, "max_kb": MAX_BODY_BYTES // 1000}
    return render(request, "home.html", context, status_code=status_code)


async def home_page(request: Request, user: MedicalPage) -> HTMLResponse:
    """`/medical` itself (registered on the console's router: a sub-router cannot have an empty path)."""
    return _home(request)


async def _data(upload: object, what: str) -> tuple[bytes | None, str]:
    if not isinstance(upload, UploadFile) or not upload.filename:
        return None, ""
    data = await upload.read(MAX_BODY_BYTES + 1)
    if len(data) > MAX_BODY_BYTES:
        raise OfficeError(f"{what}超过 {MAX_BODY_BYTES // 1000} KB，请在服务器上用 fanzha claims store 导入")
    return data, upload.filename


@router.post("/runs", response_class=HTMLResponse)
async def upload(request: Request, user: MedicalPage) -> Response:
    form = await request.form()
    engine = engine_of(request)
    try:
        claims, name = await _data(form.get("file"), "结算单文件")
        if not claims or not claims.strip():
            raise OfficeError("请选择结算单文件（JSONL，每行一份结算单）")
        catalogue, catalogue_name = await _data(form.get("catalogue"), "目录文件")
        stock, stock_name = await _data(form.get("stock"), "库存文件")
        auditor = make_auditor(
            catalogue=catalogue, catalogue_name=catalogue_name, stock=stock, stock_name=stock_name
        )
        lines = claims.splitlines()
        run = await run_in_threadpool(
            lambda: audit_and_store(
                engine, lines=lines, uploaded_by=name_of(user), file_name=name, auditor=auditor
            )
        )
    except OfficeError as exc:
        return _home(request, str(exc), 422)
    return RedirectResponse(f"/medical/runs/{run.id}", status_code=303)


@router.get("/runs/{run_id}", response_class=HTMLResponse)
def run_page(request: Request, run_id: RowId, user: MedicalPage) -> HTMLResponse:
    engine = engine_of(request)
    try:
        run = get_run(engine, run_id=run_id)
    except NotFound as exc:
        raise PageError(404, str(exc)) from None
    ids = set(run.institutions)
    found = [i for i in list_institutions(engine) if i.id in ids]
    return render(request, "run.html", {"run": run, "institutions": found, "local": local})
