"""The medical-insurance office (`/v1/claims…`) and the public 骗保 report (`/v1/public/claims-reports`).

Who: `medical` keys (whose label names the office) and `admin` keys upload claims files to audit, read
the runs, the institutions with their findings and citizens' reports side by side, the institution report
(自查自纠报告, HTML/PDF/Excel) and work the reports queue. Anyone may file a report (no key; the anonymous
rate limit applies) and read its status and reply with the reference it got.

Uploads: multipart `file` (claims JSONL), optional `catalogue` (YAML or CSV) and `stock` (JSONL or CSV),
within the service's request limit (1 MB); larger files go through `fanzha claims store` on the server.
Errors: bad input 422, unknown records 404; every message in Chinese.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal, TypeVar

from fastapi import APIRouter, File, HTTPException, Path, Query, UploadFile
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from fanzha.api.auth import CallerDep, MedicalDep
from fanzha.api.claims_schemas import TipHandleIn, TipIn, claim_out, institution_out, run_out, tip_out
from fanzha.api.deps import ServicesDep
from fanzha.api.input_guard import MAX_BODY_BYTES
from fanzha.api.schemas import MAX_ID
from fanzha.claims.office import institutions, runs, tips
from fanzha.claims.office.model import NotFound, OfficeError
from fanzha.claims.office.upload import audit_and_store, make_auditor
from fanzha.claims.rules import describe_rules

router = APIRouter(tags=["claims"])
T = TypeVar("T")
Id = Annotated[int, Path(ge=1, le=MAX_ID)]
InstitutionId = Annotated[str, Path(min_length=1, max_length=64, description="医疗机构编号，如 h-1")]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def run(fn: Callable[[], T]) -> T:
    """Library errors as HTTP answers: NotFound 404, other bad input 422."""
    try:
        return fn()
    except NotFound as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from None
    except OfficeError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None


async def _read(upload: UploadFile | None, what: str) -> bytes | None:
    if upload is None or not upload.filename:
        return None
    data = await upload.read(MAX_BODY_BYTES + 1)
    if len(data) > MAX_BODY_BYTES:
        raise HTTPException(
            status_code=413, detail=f"{what}超过 {MAX_BODY_BYTES} 字节，请用 fanzha claims store 导入"
        )
    return data


@router.post("/v1/claims/runs", status_code=201)
async def upload_run(
    services: ServicesDep,
    caller: MedicalDep,
    file: Annotated[UploadFile, File(description="结算单 JSONL，每行一份")],
    catalogue: Annotated[UploadFile | None, File(description="收费目录 YAML/CSV（可选）")] = None,
    stock: Annotated[UploadFile | None, File(description="药品进销存 JSONL/CSV（可选）")] = None,
) -> dict[str, Any]:
    """审核上传的结算单文件并保存为一个审核批次。"""
    data = await _read(file, "结算单文件")
    if not data or not data.strip():
        raise HTTPException(status_code=422, detail="结算单文件为空：请上传每行一份结算单的 JSONL 文件")
    cat = await _read(catalogue, "目录文件")
    stk = await _read(stock, "库存文件")
    engine = services.store.engine

    def work() -> dict[str, Any]:
        auditor = run(lambda: make_auditor(catalogue=cat, catalogue_name=catalogue.filename or "" if catalogue else "",
                                           stock=stk, stock_name=stock.filename or "" if stock else ""))  # fmt: skip
        stored = audit_and_store(
            engine, lines=data.splitlines(), uploaded_by=caller.label or caller.role, file_name=file.filename or "",
            auditor=auditor,
        )  # fmt: skip
        return run_out(stored)

    return await run_in_threadpool(work)


@router.get("/v1/claims/runs")
def list_runs(
    services: ServicesDep,
    caller: MedicalDep,
    institution: Annotated[str | None, Query(max_length=64, description="只看含该机构结算单的批次")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> list[dict[str, Any]]:
    return [
        run_out(r) for r in runs.list_runs(services.store.engine, institution_id=institution, limit=limit)
    ]


@router.get("/v1/claims/runs/{run_id}")
def get_run(run_id: Id, services: ServicesDep, caller: MedicalDep) -> dict[str, Any]:
    return run_out(run(lambda: runs.get_run(services.store.engine, run_id=run_id)))


@router.get("/v1/claims/rules")
def rules(caller: MedicalDep) -> list[dict[str, str]]:
    """审核规则：编号、名称和说明。"""
    return describe_rules()


@router.get("/v1/claims/institutions")
def list_institutions(services: ServicesDep, caller: MedicalDep) -> list[dict[str, Any]]:
    """各医疗机构的审核疑点和市民举报（并列）。"""
    return [institution_out(i) for i in institutions.list_institutions(services.store.engine)]


@router.get("/v1/claims/institutions/{institution_id}")
def get_institution(
    institution_id: InstitutionId,
    services: ServicesDep,
    caller: MedicalDep,
    limit: Annotated[int, Query(ge=1, le=1000, description="列出的问题结算单数")] = 100,
) -> dict[str, Any]:
    engine = services.store.engine
    summary = run(lambda: institutions.get_institution(engine, institution_id=institution_id))
    claims, total = institutions.flagged_claims(engine, institution_id=institution_id, limit=limit)
    institutions.log_view(engine, institution_id=institution_id, viewer=caller.label or caller.role)
    found, _ = tips.list_tips(engine, institution_id=institution_id, limit=100)
    return institution_out(summary) | {
        "trend": [{"month": m, "findings": n, "amount": a / 100} for m, n, a in
                  institutions.monthly_trend(engine, institution_id=institution_id)],
        "flagged_claims_total": total, "claims_to_correct": [claim_out(c) for c in claims],
        "reports": [tip_out(t, office=True) for t in found],
        "runs": [run_out(r) for r in runs.list_runs(engine, institution_id=institution_id, limit=20)],
    }  # fmt: skip


@router.get(
    "/v1/claims/institutions/{institution_id}/report",
    response_class=Response,
    responses={
        200: {"content": {"text/html": {}, XLSX: {}, "application/pdf": {}}, "description": "自查自纠报告"}
    },
)
def report(
    institution_id: InstitutionId,
    services: ServicesDep,
    caller: MedicalDep,
    format: Literal["html", "xlsx", "pdf"] = "html",
    run_id: Annotated[int | None, Query(ge=1, le=MAX_ID, description="只含该审核批次")] = None,
) -> Response:
    """机构的自查自纠报告：问题分类、金额、趋势和整改清单。"""
    from fanzha.claims.office.report import build_report, render_html
    from fanzha.claims.office.report_excel import render_xlsx
    from fanzha.claims.office.report_pdf import render_pdf

    built = run(lambda: build_report(services.store.engine, institution_id=institution_id, run_id=run_id))
    name = f"zicha-{''.join(c for c in institution_id if c.isascii() and (c.isalnum() or c in '-_')) or 'report'}"
    if format == "html":
        return HTMLResponse(render_html(built))
    if format == "xlsx":
        return Response(render_xlsx(built), media_type=XLSX, headers=_download(f"{name}.xlsx"))
    return Response(render_pdf(built), media_type="application/pdf", headers=_download(f"{name}.pdf"))


def _download(name: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}"'}


# --- the citizens' reports ---------------------------------------------------------------------------
@router.get("/v1/claims/reports")
def queue(
    services: ServicesDep,
    caller: MedicalDep,
    status: Literal["pending", "checking", "closed"] | None = None,
    institution: Annotated[str | None, Query(max_length=64)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> dict[str, Any]:
    """举报受理队列（联系方式遮挡；查看单件可见完整联系方式并记入审计日志）。"""
    found, total = run(
        lambda: tips.list_tips(services.store.engine, status=status, institution_id=institution, limit=limit,
                               offset=offset)
    )  # fmt: skip
    return {"total": total, "reports": [tip_out(t, office=True) for t in found]}


@router.get("/v1/claims/reports/{report_id}")
def get_report(report_id: Id, services: ServicesDep, caller: MedicalDep) -> dict[str, Any]:
    t = run(lambda: tips.get_tip(services.store.engine, tip_id=report_id, viewer=caller.label or caller.role))
    return tip_out(t, office=True) | {"contact": t.contact_raw, "contact_flags": list(t.contact_flags)}


@router.patch("/v1/claims/reports/{report_id}")
def handle_report(
    report_id: Id, body: TipHandleIn, services: ServicesDep, caller: MedicalDep
) -> dict[str, Any]:
    """更新举报的办理状态和答复。"""
    t = run(
        lambda: tips.handle_tip(services.store.engine, tip_id=report_id, status=body.status, reply=body.reply,
                                actor=caller.label or caller.role, institution_id=body.institution_id)
    )  # fmt: skip
    return tip_out(t, office=True)


@router.post("/v1/public/claims-reports", status_code=201)
def submit_report(body: TipIn, services: ServicesDep, caller: CallerDep) -> dict[str, Any]:
    """市民举报欺诈骗保线索（无需密钥）；返回受理编号，凭编号可查询办理情况。"""
    t = run(lambda: tips.submit_tip(services.store.engine, **body.model_dump()))
    return tip_out(t, office=False)


@router.get("/v1/public/claims-reports/{reference}")
def report_status(
    reference: Annotated[str, Path(min_length=1, max_length=24)], services: ServicesDep, caller: CallerDep
) -> dict[str, Any]:
    """凭受理编号查询举报的办理状态和答复。"""
    return tip_out(
        run(lambda: tips.tip_by_reference(services.store.engine, reference=reference)), office=False
    )
