"""The medical-insurance console (`/medical`): server-rendered pages for a medical-insurance office (医保
局) — upload a claims file to audit and read the run, the institutions with their audit findings and the
citizens' 骗保 reports side by side, an institution's 自查自纠报告 with downloads, and the reports queue
with its status and reply forms. `medical` and `admin` keys. Every page but the login goes through the
gate (`common.MedicalPage`), every post carries the session's form token and only text a store can hold
(`fanzha.web.guards`), and what cannot be served is answered with a page in Chinese (`PageRoute`)."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.responses import HTMLResponse

from fanzha.claims.office.model import yuan
from fanzha.web.console.common import templates as console_templates
from fanzha.web.guards import require_storable_text, require_token
from fanzha.web.medical import institutions, login, runs, tips
from fanzha.web.problems import PageRoute, templates

MENU = [
    ("/medical", "审核上传", "上传结算单文件，按规则审核并保存"),
    ("/medical/institutions", "机构与举报", "各医疗机构的审核疑点与市民举报并列，自查自纠报告"),
    ("/medical/reports", "举报受理", "市民举报欺诈骗保线索：核查、办结与答复"),
]
for _templates in (templates, console_templates):  # the console's pages and the problem pages
    _templates.env.globals.update(medical_menu=MENU)
    _templates.env.filters.update(fen=yuan)

router = APIRouter(
    prefix="/medical",
    include_in_schema=False,
    route_class=PageRoute,
    dependencies=[Depends(require_token), Depends(require_storable_text)],
)
router.add_api_route("", runs.home_page, methods=["GET"], response_class=HTMLResponse)
for _area in (login, runs, institutions, tips):
    router.include_router(_area.router)

__all__ = ["router"]
