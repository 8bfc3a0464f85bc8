"""What to say: a 96110-style call script and a 12381-style warning SMS for a task, generated from the
fraud type's entry in the taxonomy (its name, how the scam goes and the advice to give).

96110 is the anti-fraud warning and dissuasion line of the public security organs; 12381 the number from
which the Ministry of Industry and Information Technology's system sends warning SMS to people in contact
with fraud numbers. The texts never show the full flagged identifier to the resident's family; the
resident's own number is masked.
"""

from __future__ import annotations

from fanzha.taxonomy import load_taxonomy
from fanzha.text.masking import mask_account, mask_phone
from fanzha.warn.model import Task

GENERIC_ADVICE = "不听、不信、不转账，不透露银行卡号、密码和验证码；如已转账，请立即拨打110报警。"
KIND_WORDS = {"phone": "号码", "bank_card": "账户", "alipay": "支付宝账户", "wechat": "微信账号",
              "qq": "QQ号", "url": "网址", "domain": "网站"}  # fmt: skip


def _type(code: str | None) -> tuple[str, str, str]:
    """(name, description, advice) of a fraud type, generic words when unknown."""
    if code and code in load_taxonomy().codes:
        fraud_type = load_taxonomy().get(code)
        return fraud_type.name, fraud_type.description, fraud_type.advice
    return "电信网络诈骗", "", GENERIC_ADVICE


def shown_identifier(kind: str, value: str) -> str:
    return (
        mask_phone(value)
        if kind == "phone"
        else mask_account(value)
        if kind in ("bank_card", "alipay")
        else value
    )


def _contact(task: Task) -> str:
    what = KIND_WORDS.get(task.identifier.kind, "标识")
    if task.payments:
        paid = f"，最大一笔{task.largest_payment:g}元" if task.largest_payment else ""
        return f"您近期向一个涉嫌诈骗的{what}付过款{paid}"
    if task.calls:
        return f"您近期和一个涉嫌诈骗的{what}通过电话"
    if task.messages:
        return f"您近期收到过一个涉嫌诈骗的{what}发来的短信"
    return f"您登记的号码或账户与一个涉嫌诈骗的{what}有关联"


def call_script(task: Task, *, station: str = "") -> list[str]:
    """The lines of a 96110-style warning call, in order (the officer reads them)."""
    name, description, advice = _type(task.fraud_type)
    who = f"{station or task.police_station or '公安机关'}反诈民警"
    lines = [
        f"您好，请问是{task.resident_name[:1]}先生/女士吗？我是{who}，这里是96110反诈预警劝阻专线。",
        f"{_contact(task)}（{shown_identifier(task.identifier.kind, task.identifier.value)}），"
        f"该{KIND_WORDS.get(task.identifier.kind, '标识')}涉嫌“{name}”类诈骗。",
    ]
    if description:
        lines.append(f"这类骗局通常是这样的：{description}")
    if task.in_progress:
        lines.append("您有一笔付款正在进行：请立即停止，不要再转账，我们已通知银行核实。")
    lines += [
        f"请您记住：{advice}",
        "请问对方有没有让您转账、下载软件、共享屏幕或者提供验证码？您有没有已经转出的钱？",
        "如已转账，请立即拨打110报警，并联系银行止付；也可下载“国家反诈中心”APP随时核实可疑号码。",
        "谢谢您的配合，如再接到类似电话，请直接挂断并拨打96110咨询。",
    ]
    return lines


def sms_text(task: Task) -> str:
    """A 12381-style warning SMS (about 150 characters, no link: scam texts carry links, warnings do not)."""
    name, _, advice = _type(task.fraud_type)
    first = advice.split("。")[0]
    return (
        f"【反诈预警】{task.resident_name[:1]}先生/女士：{_contact(task)}，该{KIND_WORDS.get(task.identifier.kind, '标识')}"
        f"涉嫌“{name}”诈骗。{first}。如有疑问请拨打96110，如已被骗请立即拨打110。"
    )


def family_text(task: Task, *, relation: str = "") -> str:
    """The notice for a family member with notify on: who was warned and what to watch for."""
    name, _, _ = _type(task.fraud_type)
    whom = f"您的{relation}" if relation else "您的家人"
    return (
        f"【反诈提醒】{whom}{task.resident_name[:1]}某近期接触了涉嫌“{name}”诈骗的{KIND_WORDS.get(task.identifier.kind, '标识')}，"
        "民警已进行提醒。请您多关心家人，劝其不听、不信、不转账，有疑问拨打96110。"
    )
