"""The Chinese titles of the API's operations and tags, as /docs, /redoc and /openapi.json show them.

FastAPI titles an operation after its function ("List Cases"); bank and payment-firm integrators and police
IT staff read these pages in Chinese. `SUMMARIES` maps each route's endpoint name (`APIRoute.name`) to its
title; a name two routes share is keyed by (method, path) instead. `apply_summaries` sets them on an app's
routes, with the tags' Chinese names and descriptions, before the schema is built; a route's description
(its docstring) is left as it is. `tests/api/test_api_summaries.py` fails on a route without a title here
and on an entry for a route that is gone.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from fastapi import FastAPI
from fastapi.routing import APIRoute
from starlette.routing import BaseRoute

SUMMARIES: dict[str | tuple[str, str], str] = {
    "healthz": "健康检查",
    # check
    "assess": "研判一段文字是否涉诈",
    # intel
    "lookup": "查询号码、网址或账户的风险",
    ("POST", "/v1/reports"): "举报号码、网址或账户",
    "feedback": "反馈“不是诈骗”",
    "appeal": "对被标记的号码、网址或账户提出申诉",
    # officer
    "decide": "认定涉诈或排除标记",
    "appeals": "申诉列表",
    "review": "复核申诉",
    # cases
    "case_prefill": "按报警人陈述预填案件",
    "create_case": "登记案件",
    "list_cases": "案件列表",
    "get_case": "案件详情（含操作记录和重点人员）",
    "update_case": "修改案件",
    "set_status": "变更案件状态",
    "add_identifiers": "添加涉案线索",
    ("POST", "/v1/cases/{case_id}/confirm"): "确认涉案线索（作为警方情报入库）",
    "add_person": "登记重点人员",
    "list_persons": "重点人员列表",
    "get_person": "重点人员详情",
    # orders: the desk's
    "request_stop_payment": "申请紧急止付",
    "list_orders": "止付、冻结指令列表",
    ("GET", "/v1/orders/{order_id}"): "指令详情",
    "order_history": "指令操作记录",
    "other_victims": "同时间段其他受害者资金",
    "renew": "止付或冻结续期",
    "freeze": "紧急止付转为冻结",
    "release": "解除止付或冻结",
    "record_return": "登记返还受害人资金",
    # orders: the bank's
    "bank_orders": "发往本行的指令",
    "bank_order": "本行指令详情",
    "execute": "执行指令",
    "refuse": "拒绝执行指令",
    "report_inflows": "报送账户入账流水",
    # reports
    "groups": "串并组列表",
    "group": "串并组详情",
    "trend_table": "发案走势",
    "desk": "接警台统计",
    "bulletin": "警情通报",
    "bulletin_review": "警情通报发布前审核",
    "bulletin_issue": "发布警情通报",
    # exports
    "export_cases": "导出案件",
    "export_groups": "导出串并组",
    "export_orders": "导出止付、冻结指令",
    # guard
    "add_merchant": "登记商户",
    "get_merchant": "商户详情",
    "create_order": "生成支付订单",
    "check_step": "核验订单的一步",
    ("GET", "/v1/guard/orders/{order_id}"): "支付订单及每一步核验结果",
    # screen
    "screen": "筛查转账",
    "pending": "待核实的延迟结算与拦截交易",
    "get_decision": "交易筛查记录",
    ("POST", "/v1/screen/{transfer_id}/confirm"): "确认交易涉诈",
    "clear": "核实为误报并解除",
    # counter-alerts
    "raise_alert": "柜员报警",
    "list_alerts": "柜面报警列表",
    ("GET", "/v1/counter-alerts/report"): "柜面报警统计",
    "get_alert": "柜面报警详情",
    "alert_history": "柜面报警操作记录",
    "acknowledge": "接警",
    "attach": "报警并入已有案件",
    "open_case": "据报警立案",
    "close": "登记报警处置结果",
    # cardban
    "add_entry": "登记惩戒名单",
    "list_entries": "惩戒名单",
    "listed_groups": "经过惩戒名单账户、号码的串并组",
    "all_checks": "各银行开户核查记录",
    "get_entry": "惩戒名单记录详情",
    "entry_history": "惩戒名单记录的操作记录",
    ("POST", "/v1/cardban/{entry_id}/lift"): "提前解除惩戒",
    "bank_add_entry": "银行登记惩戒名单",
    "bank_entries": "本行登记的惩戒名单",
    "opening_check": "开户核查",
    "bank_checks": "本行开户核查记录",
    # warn
    "register_resident": "登记居民（金钟罩）",
    "list_residents": "登记居民列表",
    "get_resident": "居民登记详情",
    "update_resident": "修改居民登记信息",
    "withdraw_resident": "居民退出预警",
    "register_self": "居民自行登记（待社区确认）",
    "confirm_resident": "社区确认居民的自行登记",
    "post_event": "报送一条联系记录",
    "post_events": "批量报送联系记录",
    "task_queue": "预警任务队列",
    "task_detail": "预警任务详情",
    "record_outcome": "登记预警结果",
    "counts": "预警任务统计",
    # returnees
    "add_returnee": "登记涉诈回流人员",
    "list_returnees": "回流人员列表",
    "overdue_returnees": "会面逾期的回流人员",
    "get_returnee": "回流人员档案",
    "assign": "双岗分包",
    "add_meeting": "记录会面",
    ("POST", "/v1/returnees/{returnee_id}/lift"): "解除管控",
    "returnee_access": "回流人员档案查看记录",
    # outbound (tag returnees)
    "add_worker": "登记外出务工人员",
    "list_workers": "外出务工人员列表",
    "missing": "应报未报日报的外出务工人员",
    "get_worker": "外出务工人员档案",
    "add_report": "报送每日报告",
    "add_persuasion": "记录劝返",
    "came_back": "返乡人员转为回流人员",
    "add_households": "登记住户或入户走访",
    "households": "走访住户列表",
    "coverage": "走访覆盖情况",
    # outreach
    "list_communities": "社区列表",
    "put_community": "登记或修改社区",
    "import_communities": "批量导入社区",
    "record_activity": "记录宣传活动",
    "list_activities": "宣传活动列表",
    "get_activity": "宣传活动详情",
    "edit_activity": "修改宣传活动",
    "add_attachment": "上传活动附件",
    "get_attachment": "下载活动附件",
    "scorecards": "社区考评",
    ("GET", "/v1/outreach/report"): "督导考评报告",
    "create_quiz": "创建知识竞答",
    "list_quizzes": "知识竞答列表",
    "get_quiz": "知识竞答详情及成绩",
    "submit_quiz": "提交竞答答卷",
    "public_quiz": "本期公开知识竞答",
    "public_attempt": "提交公开竞答答卷",
    "public_cases": "典型案例库",
    # claims
    "upload_run": "上传结算单并审核",
    "list_runs": "审核批次列表",
    "get_run": "审核批次详情",
    "rules": "审核规则",
    "list_institutions": "医疗机构列表（疑点与举报）",
    "get_institution": "医疗机构详情",
    ("GET", "/v1/claims/institutions/{institution_id}/report"): "机构自查自纠报告",
    "queue": "骗保举报受理队列",
    "get_report": "骗保举报详情",
    "handle_report": "办理骗保举报",
    "submit_report": "市民举报骗保线索",
    "report_status": "查询骗保举报办理情况",
}

# Each router tag: its Chinese name (ReDoc shows `x-displayName`; Swagger UI the description) and what it holds.
TAGS: dict[str, tuple[str, str]] = {
    "check": ("诈骗识别", "研判短信、聊天记录等文字是否涉诈，并给出其中号码、网址、账户的情报"),
    "intel": ("风险情报", "查询和举报号码、网址、账户，反馈误报，提出申诉"),
    "officer": ("民警认定", "认定涉诈或排除标记，复核申诉（民警密钥）"),
    "cases": ("案件", "接警登记、案件查询和修改、确认涉案线索、重点人员"),
    "orders": ("止付冻结", "民警申请紧急止付和冻结，银行执行、拒绝并报送入账流水"),
    "reports": ("串并与统计", "串并组、发案走势、接警台统计和警情通报"),
    "exports": ("导出", "案件、串并组、止付冻结指令导出为 CSV 或 Excel"),
    "guard": ("支付订单防护", "支付机构登记商户、生成订单，并核验订单的每一步"),
    "screen": ("转账筛查", "银行筛查转账：放行、提醒、延迟结算核实或拦截，并登记核实结果"),
    "counter-alerts": ("柜面报警", "银行柜员无声报警，反诈中心接警、立案并登记处置结果"),
    "cardban": ("断卡", "出售、出租、出借账户和电话卡的惩戒名单，银行开户核查"),
    "warn": ("预警劝阻", "金钟罩居民登记、联系记录比对、预警任务和处置结果"),
    "returnees": ("重点人员管控", "涉诈回流人员、外出务工人员和入户走访"),
    "outreach": ("宣传防范", "社区、宣传活动、考评报告、知识竞答和公开的典型案例"),
    "claims": ("医保反欺诈", "医保结算单审核、医疗机构疑点和市民骗保举报"),
}


def documented_routes(app: FastAPI) -> Iterator[tuple[APIRoute, str]]:
    """Each route of the app's OpenAPI document with its full path."""
    return _walk(app.routes, "")


def _walk(routes: Iterable[BaseRoute], prefix: str) -> Iterator[tuple[APIRoute, str]]:
    for route in routes:
        included = getattr(route, "original_router", None)  # FastAPI ≥ 0.137 keeps an included router whole
        if included is not None:
            context = getattr(route, "include_context", None)
            if getattr(context, "include_in_schema", True):
                yield from _walk(included.routes, prefix + getattr(context, "prefix", ""))
        elif isinstance(route, APIRoute) and route.include_in_schema:
            yield route, prefix + route.path


def summary_of(route: APIRoute, path: str) -> str | None:
    """The route's Chinese title: by (method, path) where so keyed, else by endpoint name."""
    for method in sorted(route.methods or ()):
        if (method, path) in SUMMARIES:
            return SUMMARIES[method, path]
    return SUMMARIES.get(route.name)


def apply_summaries(app: FastAPI) -> None:
    """Give the app's operations their Chinese titles (and their 2xx answers a Chinese description in place of
    FastAPI's "Successful Response"), its tags their Chinese names and descriptions."""
    for route, path in documented_routes(app):
        route.summary = summary_of(route, path) or route.summary
        if route.response_description == "Successful Response":  # FastAPI's default for the 2xx answer
            route.response_description = "成功"
    app.openapi_tags = [
        {"name": tag, "x-displayName": name, "description": f"{name}：{about}"}
        for tag, (name, about) in TAGS.items()
    ]
