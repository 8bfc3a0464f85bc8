"""`fanzha cases show`: a case as the desk reads it on a terminal — labelled elements, payments and
identifiers in aligned tables, the narrative, and the history, all in Beijing time."""

from __future__ import annotations

from fanzha.audit.log import AuditEntry
from fanzha.cases.model import CHANNELS, PAYMENT_CHANNELS, STATUS_NAMES, Case, Person
from fanzha.cli.tables import TERMINAL, beijing, card, table, wrap
from fanzha.extract.registry import KIND_NAMES
from fanzha.taxonomy import fraud_type_name

NARRATIVE_WIDTH = 70  # columns
FIT = TERMINAL - 2  # the tables are indented by two columns


def _person(p: Person, *, reporter: bool = False) -> str:
    parts = [p.name or "（未填姓名）"]
    if p.sex:
        parts.append(p.sex)
    if p.age is not None:
        parts.append(f"{p.age}岁")
    if p.phone:
        parts.append(f"电话 {p.phone}")
    if p.district:
        parts.append(p.district)
    if reporter and p.relation:
        parts.append("受害人本人" if p.relation == "本人" else f"受害人的{p.relation}")
    return "，".join(parts)


def _empty(p: Person) -> bool:
    return not (p.name or p.phone or p.age is not None or p.sex or p.district)


def case_card(case: Case, history: list[AuditEntry]) -> str:
    from fanzha.web.console.case_view import ACTION_NAMES, history_line

    title = f"案件 {case.ref}（编号 {case.id}）" + ("　【演示数据】" if case.synthetic else "")
    fields = [
        ("状态", STATUS_NAMES.get(case.status, case.status)),
        ("诈骗类型", fraud_type_name(case.fraud_type)),
        ("受理时间", beijing(case.received_at)),
        ("发案时间", beijing(case.occurred_at)),
        ("接警台", case.desk or "-"),
        ("地区", case.district or "-"),
        ("发案地点", case.place or "-"),
        ("接触方式", CHANNELS.get(case.contact_channel, case.contact_channel) or "-"),
        ("损失", f"{case.total_loss():,.2f} 元" + ("（已成功劝阻）" if case.dissuaded else "")),
        ("串并组", f"组{case.group_id}" if case.group_id is not None else "-"),
        ("经办民警", case.officer or "-"),
        ("受害人", _person(case.victim) if not _empty(case.victim) else "-"),
    ]
    if not _empty(case.reporter):
        fields.append(("报警人", _person(case.reporter, reporter=True)))
    out = [title, "", card(fields)]
    if case.payments:
        out += ["", f"转账（{len(case.payments)}笔）：", *_payments(case)]
    if case.identifiers:
        rows = [
            [
                KIND_NAMES.get(i.kind, "APP" if i.kind == "app" else i.kind),
                i.value,
                i.raw if i.raw and i.raw != i.value else "",
                "已确认" if i.confirmed else "",
                "、".join(i.flags),
            ]
            for i in case.identifiers
        ]
        headers = ["类型", "线索（规范写法）", "原始写法", "确认", "提示"]
        shown = table(headers, rows, max_width=[None, None, 40], fit=FIT, keep=[0], overflow="wrap")
        out += ["", f"涉案线索（{len(rows)}条）：", _indent(shown)]
    if case.narrative:
        lines = [
            line for paragraph in case.narrative.splitlines() for line in wrap(paragraph, NARRATIVE_WIDTH)
        ]
        out += ["", "案情：", *("  " + line for line in lines)]
    if history:
        rows = [
            [beijing(e.at, seconds=True), e.actor, ACTION_NAMES.get(e.action, e.action), history_line(e)]
            for e in history
        ]
        headers = ["时间", "操作人", "操作", "内容"]
        shown = table(headers, rows, max_width=[None, 16], fit=FIT, keep=[0], overflow="wrap")
        out += ["", "变更记录：", _indent(shown)]
    out += ["", "（时间均为北京时间；--json 输出全部字段）"]
    return "\n".join(out)


def _payments(case: Case) -> list[str]:
    """The payments table, fitted to the terminal: the victim's paying account, when every payment left
    from the same one (or none says), is said once above the table rather than in a column."""
    payers = {p.from_account for p in case.payments}
    one_payer = len(payers) == 1
    rows = [
        [
            beijing(p.paid_at),
            f"{p.amount:,.2f}",
            PAYMENT_CHANNELS.get(p.channel, p.channel) or "-",
            *([] if one_payer else [p.from_account or "-"]),
            p.to_account or "-",
            p.to_bank or "-",
        ]
        for p in case.payments
    ]
    headers = ["转账时间", "金额（元）", "方式", *([] if one_payer else ["转出账户"]), "收款账户", "收款银行"]
    to_account = 3 if one_payer else 4
    shown = table(headers, rows, right=[1], fit=FIT, keep=[0, 1, to_account], overflow="wrap")
    payer = next(iter(payers)) if one_payer else ""
    return ([f"  转出账户：{payer}"] if payer else []) + [_indent(shown)]


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.splitlines())
