"""A case's corrections in words for the history on the case page: each changed element with its old and
new value (诈骗类型：其他诈骗 → 冒充公检法及政府机关；损失：5万 → 8万), from the `case.update` audit entry
(`fanzha.cases.corrections`, or the API's `PATCH /v1/cases/{id}`, whose entries hold raw column values)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from fanzha.cases.model import CHANNELS
from fanzha.web.console.common import fraud_type_names, local, yuan

NAMES = {
    "fraud_type": "诈骗类型",
    "contact_channel": "联系方式",
    "occurred_at": "发案时间",
    "desk": "接警台",
    "district": "辖区",
    "place": "发案地点",
    "loss": "损失",
    "dissuaded": "劝阻",
    "reporter": "报警人",
    "victim": "受害人",
    "payments": "转账记录",
    "narrative": "报警人所述",
}
PERSON_FIELDS = {
    "name": "姓名",
    "phone": "电话",
    "relation": "关系",
    "age": "年龄",
    "sex": "性别",
    "district": "辖区",
}
LONG = 40  # longer text is cut in the history line (the audit entry keeps it whole)


def _time(value: Any) -> str:
    if not value:
        return "（空）"
    try:
        return local(datetime.fromisoformat(str(value)))
    except ValueError:
        return str(value)[:LONG]


def _short(text: Any) -> str:
    text = str(text or "")
    return "（空）" if not text else text if len(text) <= LONG else text[:LONG] + "……"


def _person(before: Mapping[str, Any], after: Mapping[str, Any]) -> str:
    parts = []
    for key, name in PERSON_FIELDS.items():
        old, new = before.get(key), after.get(key)
        if (old or None) != (new or None):
            parts.append(f"{name} {_short(old)} → {_short(new)}")
    return "，".join(parts)


def _payments(before: list[Mapping[str, Any]], after: list[Mapping[str, Any]]) -> str:
    line = f"{len(before)} 笔 → {len(after)} 笔"
    old_accounts = {str(p.get("to_account") or "") for p in before}
    added = [
        str(p.get("to_account"))
        for p in after
        if p.get("to_account") and p.get("to_account") not in old_accounts
    ]
    if added:
        line += "，新增收款账户 " + "、".join(dict.fromkeys(added))
    old_total = sum(float(p.get("amount") or 0) for p in before)
    new_total = sum(float(p.get("amount") or 0) for p in after)
    if round(old_total, 2) != round(new_total, 2):
        line += f"，金额合计 {yuan(old_total)} → {yuan(new_total)} 元"
    return line


def _value(name: str, value: Any) -> str:
    if name == "fraud_type":
        return fraud_type_names().get(str(value), _short(value))
    if name == "contact_channel":
        return CHANNELS.get(str(value), _short(value))
    if name == "occurred_at":
        return _time(value)
    if name == "loss":
        return f"{yuan(float(value))} 元" if isinstance(value, int | float) else _short(value)
    if name == "dissuaded":
        return "已劝阻" if value else "未劝阻"
    return _short(value)


def describe_update(detail: Mapping[str, Any]) -> str:
    """The `case.update` entry's changes, one clause per element."""
    before, after = detail.get("before") or {}, detail.get("after") or {}
    clauses = []
    for name, new in after.items():
        old = before.get(name)
        what = NAMES.get(name, name)
        if name in ("reporter", "victim") and isinstance(new, Mapping):
            clauses.append(f"{what}：{_person(old if isinstance(old, Mapping) else {}, new)}")
        elif name == "payments" and isinstance(new, list):
            clauses.append(f"{what}：{_payments(old if isinstance(old, list) else [], new)}")
        elif name == "loss" and "elements" not in detail and isinstance(old, int | float):
            clauses.append(
                f"{what}：{yuan(old / 100)} 元 → {_value(name, new)}"
            )  # the API's entry: fen before
        else:
            clauses.append(f"{what}：{_value(name, old)} → {_value(name, new)}")
    return "；".join(clauses)
