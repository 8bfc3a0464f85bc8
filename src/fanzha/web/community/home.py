"""The community console's front page and menu: what the worker can do here, one tap each.

Each area of the console adds its entry to `MENU` (path, title, a short note for the front page).
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from fanzha.web.community.common import CommunityPage, community_of, render
from fanzha.web.console.common import templates

router = APIRouter()

MENU: list[tuple[str, str, str]] = [
    # (path, title, note)
    ("/community/warnings", "预警劝阻", "本社区居民接触涉诈号码、账户后的预警任务：话术、短信和处置登记"),
    ("/community/residents", "金钟罩登记", "为居民及其家属登记预警保护，记录同意"),
    ("/community/activities", "宣传活动", "登记讲座、摆摊、入户等活动，可现场拍照上传"),
    ("/community/targets", "目标与考评", "注册覆盖、活动完成、预警处置和发案情况"),
    ("/community/quiz", "知识竞答", "为学校、银行网点、社区组织反诈知识竞答并计分"),
    ("/community/returnees", "回流人员", "双岗分包的涉诈回流人员：每周会面登记，逾期提醒"),
    ("/community/outbound", "外出务工", "广西、云南、缅甸等地务工人员的每日报告和劝返"),
    ("/community/survey", "入户走访", "村不漏组、组不漏户、户不漏人：逐户登记外出人员，查看覆盖"),
]

templates.env.globals.update(community_menu=MENU)


async def home_page(request: Request, user: CommunityPage) -> HTMLResponse:
    """`/community` itself (registered on the console's router: a sub-router cannot have an empty path)."""
    return render(request, "home.html", {"community": community_of(user)})
