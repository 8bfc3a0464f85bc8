"""Schemas of `/v1/claims…` and the public 骗保 report (`/v1/public/claims-reports`): what comes in
(checked, bounded) and what goes out — the office sees a report's contact; the public never does
beyond its masked form."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, Field

from fanzha.claims.office.institutions import FlaggedClaim
from fanzha.claims.office.model import InstitutionSummary, Run, Tip
from fanzha.timezones import BEIJING


class TipIn(BaseModel):
    what: str = Field(min_length=1, max_length=2_000, description="发生了什么：如“住院3天收了4天床位费”")
    place: str = Field(min_length=1, max_length=200, description="发生地点：医院、诊所或药店名称")
    happened_on: date | None = Field(default=None, description="发生日期（北京时间），如 2026-05-01")
    contact: str = Field(default="", max_length=100, description="联系方式（可不填），如手机号")


class TipHandleIn(BaseModel):
    status: Literal["pending", "checking", "closed"] = Field(
        description="pending 待处理 | checking 核查中 | closed 已办结"
    )
    reply: str = Field(default="", max_length=2_000, description="答复（办结时必填），举报人凭受理编号可见")
    institution_id: str | None = Field(default=None, max_length=64, description="核实后所涉医疗机构编号")


def _bj(at: Any) -> str:
    return str(at.astimezone(BEIJING).isoformat(timespec="seconds"))


def run_out(run: Run) -> dict[str, Any]:
    return {
        "id": run.id, "uploaded_by": run.uploaded_by, "uploaded_at": _bj(run.uploaded_at), "file_name": run.file_name,
        "claims": run.claims, "bad_lines": run.bad_lines, "findings": run.findings,
        "flagged_claims": run.flagged_claims, "total": run.total_fen / 100, "at_stake": run.at_stake_fen / 100,
        "institutions": list(run.institutions), "demo": run.demo, "summary": run.summary,
    }  # fmt: skip


def institution_out(i: InstitutionSummary) -> dict[str, Any]:
    return {
        "id": i.id, "name": i.shown_name, "claims": i.claims, "flagged_claims": i.flagged_claims,
        "findings": i.findings, "at_stake": i.at_stake_fen / 100, "tips": i.tips, "open_tips": i.open_tips,
        "by_rule": [{"rule": r.rule, "name": r.name, "findings": r.findings, "amount": r.amount_fen / 100}
                    for r in i.by_rule],
        "demo": i.demo,
    }  # fmt: skip


def claim_out(c: FlaggedClaim) -> dict[str, Any]:
    return {
        "run_id": c.run_id, "claim_id": c.claim_id, "patient_id": c.patient_id,
        "admitted": c.admitted.isoformat() if c.admitted else None,
        "discharged": c.discharged.isoformat() if c.discharged else None,
        "total": c.total_fen / 100, "at_stake": c.at_stake_fen / 100,
        "findings": [{"rule": f.rule, "name": f.rule_name, "item_refs": list(f.item_refs), "amount": f.amount_fen / 100,
                      "explanation": f.explanation} for f in c.findings],
    }  # fmt: skip


def tip_out(t: Tip, *, office: bool) -> dict[str, Any]:
    """A report as the office sees it (`office`: the contact as given), or as its reporter does."""
    out: dict[str, Any] = {
        "reference": t.reference, "what": t.what if office else t.masked_what, "place": t.place,
        "happened_on": t.happened_on.isoformat() if t.happened_on else None,
        "contact": t.masked_contact, "status": t.status, "status_name": t.status_name, "reply": t.reply,
        "submitted_at": _bj(t.created_at), "updated_at": _bj(t.updated_at),
    }  # fmt: skip
    if office:
        out |= {"id": t.id, "institution_id": t.institution_id, "handled_by": t.handled_by, "demo": t.demo}
    return out
