"""What a case needs before the desk may save it (受案登记的必备要素), and the messages the officer reads
beside each field that is missing or wrong.

A 受案 record must say what happened (the caller's account, 简要案情), what kind of fraud it was, how the
scammer made contact, when it happened, who reported it (a name or a phone number to call back), and
what was lost or learned: a loss, a payment, an identifier of the scammer, or that the victim was
dissuaded before paying. "Not yet known" has a choice of its own in each list (其他诈骗, 其他), so a
required choice never forces a guess.

`problems(form, fraud_types=…)` gives every problem at once (field → message), so the officer corrects
the form in one pass: the missing elements first, then a field typed in a form the case cannot hold
(`IntakeForm.to_case`'s FormError) replaces the message beside that field.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import datetime

from fanzha.cases.model import CaseIn
from fanzha.web.console.intake_form import FormError, IntakeForm

# The elements a case needs: the field the message stands beside, and the message.
REQUIRED = {
    "narrative": "请填写报警人所述（简要案情）",
    "fraud_type": "请选择诈骗类型（尚不能确定时选“其他诈骗”）",
    "contact_channel": "请选择诈骗分子的联系方式（不清楚时选“其他”）",
    "occurred_at": "请填写发案时间（大致时间即可）",
    "reporter_name": "请填写报警人姓名或电话，以便回访",
    "loss": "请至少填写损失金额、一笔转账或一条涉案线索；未造成损失的请勾选“已劝阻”",
}
GENERAL = ""  # the key of a problem that belongs to no single field (a payment or identifier row)


def missing(form: IntakeForm) -> dict[str, str]:
    """The required elements the form lacks (field → message)."""
    empty = {
        "narrative": not form.narrative.strip(),
        "fraud_type": not form.fraud_type,
        "contact_channel": not form.contact_channel,
        "occurred_at": not form.occurred_at,
        "reporter_name": not (form.reporter_name or form.reporter_phone),
        "loss": not (form.loss or form.payments or form.identifiers or form.dissuaded == "1"),
    }
    return {name: REQUIRED[name] for name, blank in empty.items() if blank}


def checked_case(
    form: IntakeForm,
    *,
    officer: str,
    now: datetime,
    fraud_types: Collection[str],
    required: Mapping[str, str] | None = None,
) -> tuple[CaseIn | None, dict[str, str]]:
    """(the case, {}) when the form is complete and valid, else (None, every problem: field → message;
    GENERAL for one that belongs to no field). `required`: the missing elements to count (default:
    all of `missing(form)`)."""
    problems = dict(missing(form) if required is None else required)
    try:
        case = form.to_case(officer=officer, now=now, fraud_types=fraud_types)
    except FormError as exc:
        problems[exc.field or GENERAL] = str(exc)
        return None, problems
    return (None, problems) if problems else (case, {})


def page_context(problems: Mapping[str, str]) -> dict[str, object]:
    """The template's error variables: `errors` by field, and the message above the form."""
    if not problems:
        return {"error": "", "error_field": "", "errors": {}}
    general = problems.get(GENERAL, "")
    fields = {k: v for k, v in problems.items() if k != GENERAL}
    first_field = next(iter(fields), "")
    if general:
        top = general if not fields else f"{general}；另有 {len(fields)} 处标出的内容需要更正"
    elif len(fields) == 1:
        top = fields[first_field]
    else:
        top = f"共 {len(fields)} 处需要补充或更正，见标出的内容"
    return {"error": top, "error_field": first_field if not general else "", "errors": fields}
