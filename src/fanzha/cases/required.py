"""What a case needs before the desk may save it (受案登记的必备要素): one rule for every way an officer
records a case, the console's intake form and `POST /v1/cases` alike.

A 受案 record must say what happened (the caller's account, 简要案情), what kind of fraud it was, how the
scammer made contact, when it happened, who reported it (a name or a phone number to call back), and
what was lost or learned: a loss, a payment, an identifier of the scammer, or that the victim was
dissuaded before paying. "Not yet known" has a choice of its own in each list (其他诈骗, 其他), so a
required choice never forces a guess.

Cases the system opens by itself (a bank's alarm, a warning task) are not desk intake and are not held
to this rule.
"""

from __future__ import annotations

from collections.abc import Mapping

from fanzha.cases.model import CaseIn

# The elements a case needs: the field the message stands beside (the form's name), and the message.
REQUIRED = {
    "narrative": "请填写报警人所述（简要案情）",
    "fraud_type": "请选择诈骗类型（尚不能确定时选“其他诈骗”）",
    "contact_channel": "请选择诈骗分子的联系方式（不清楚时选“其他”）",
    "occurred_at": "请填写发案时间（大致时间即可）",
    "reporter_name": "请填写报警人姓名或电话，以便回访",
    "loss": "请至少填写损失金额、一笔转账或一条涉案线索；未造成损失的请勾选“已劝阻”",
}
# The same elements as an API client names them (the fields of `POST /v1/cases`).
API_FIELDS = {
    "narrative": "narrative（简要案情）",
    "fraud_type": "fraud_type（诈骗类型）",
    "contact_channel": "contact_channel（联系方式）",
    "occurred_at": "occurred_at（发案时间）",
    "reporter_name": "reporter.name 或 reporter.phone（报警人姓名或电话）",
    "loss": "loss、payments、identifiers 或 dissuaded（损失、转账、涉案线索或已劝阻）",
}


def missing_elements(
    *,
    narrative: str,
    fraud_type: str,
    contact_channel: str,
    occurred_at: object,
    reporter_name: str,
    reporter_phone: str,
    loss: bool,
    payments: bool,
    identifiers: bool,
    dissuaded: bool,
) -> dict[str, str]:
    """The required elements that are missing (field → message), in the order of `REQUIRED`. The last
    four say whether the record has a loss, a payment, an identifier, whether the victim was dissuaded."""
    empty = {
        "narrative": not narrative.strip(),
        "fraud_type": not fraud_type.strip(),
        "contact_channel": not contact_channel.strip(),
        "occurred_at": not occurred_at,
        "reporter_name": not (reporter_name.strip() or reporter_phone.strip()),
        "loss": not (loss or payments or identifiers or dissuaded),
    }
    return {name: REQUIRED[name] for name, blank in empty.items() if blank}


def missing_in_case(case: CaseIn) -> dict[str, str]:
    """The required elements a case record lacks (field → message)."""
    return missing_elements(
        narrative=case.narrative,
        fraud_type=case.fraud_type,
        contact_channel=case.contact_channel,
        occurred_at=case.occurred_at,
        reporter_name=case.reporter.name,
        reporter_phone=case.reporter.phone,
        loss=case.loss is not None,
        payments=bool(case.payments),
        identifiers=bool(case.identifiers),
        dissuaded=case.dissuaded,
    )


def refusal(missing: Mapping[str, str]) -> str:
    """The message refusing an API record that lacks elements, naming each missing field."""
    named = "；".join(f"{API_FIELDS[name]}：{message}" for name, message in missing.items())
    return f"案件缺少 {len(missing)} 项必备要素，未保存。{named}"
