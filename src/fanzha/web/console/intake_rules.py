"""What a case needs before the desk may save it (受案登记的必备要素), and the messages the officer reads
beside each field that is missing or wrong.

The elements themselves are the cases library's rule (`fanzha.cases.required`), the one
`POST /v1/cases` applies too; this module reads them from the form as typed.

`problems(form, fraud_types=…)` gives every problem at once (field → message), so the officer corrects
the form in one pass: the missing elements first, then a field typed in a form the case cannot hold
(`IntakeForm.to_case`'s FormError) replaces the message beside that field.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import datetime

from fanzha.cases.model import CaseIn
from fanzha.cases.required import missing_elements
from fanzha.web.console.intake_form import FormError, IntakeForm

GENERAL = ""  # the key of a problem that belongs to no single field (a payment or identifier row)


def missing(form: IntakeForm) -> dict[str, str]:
    """The required elements the form lacks (field → message)."""
    return missing_elements(
        narrative=form.narrative,
        fraud_type=form.fraud_type,
        contact_channel=form.contact_channel,
        occurred_at=form.occurred_at,
        reporter_name=form.reporter_name,
        reporter_phone=form.reporter_phone,
        loss=bool(form.loss.strip()),
        payments=bool(form.payments),
        identifiers=bool(form.identifiers),
        dissuaded=form.dissuaded == "1",
    )


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
