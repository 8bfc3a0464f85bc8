"""Fraud-type codes where they enter the system: checked against the taxonomy, and named for people.

Every store that takes a fraud type (intelligence reports, cases, bank counter checks) calls
`check_fraud_type` with its own error type, so a router turns a bad code into its usual 422 with a
Chinese message that lists the valid codes. Readers of stored data (the bulletin, trends) call
`fraud_type_name`, which never prints a code the taxonomy does not know.
"""

from __future__ import annotations

from fanzha.taxonomy.loader import load_taxonomy

UNFILLED = "未填写"
UNCLASSIFIED = "未归类"  # a stored code the taxonomy does not know (entered before codes were checked)


class UnknownFraudType(ValueError):
    """A fraud-type code that is not in the taxonomy; the message lists the valid ones."""


def is_fraud_type(code: str | None) -> bool:
    return bool(code) and code in load_taxonomy().codes


def fraud_type_choices() -> str:
    """impersonate_authority（冒充公检法及政府机关）；loan（…）… for messages."""
    return "；".join(f"{t.code}（{t.name}）" for t in load_taxonomy().types)


def check_fraud_type(code: str | None, *, error: type[ValueError] = UnknownFraudType) -> str | None:
    """`code` when it is a fraud type of the taxonomy, or empty/None (not given), as it came;
    otherwise `error` with a message naming the code and the valid ones."""
    if code is None or code == "":
        return code
    if not isinstance(code, str) or code not in load_taxonomy().codes:
        shown = str(code)[:40]
        raise error(f"不支持的诈骗类型：{shown}（可选：{fraud_type_choices()}）")
    return code


def fraud_type_name(code: str | None) -> str:
    """The Chinese name of a stored code: 刷单返利、做任务 for rebate_task, 未填写 for an empty one and
    未归类 for a code the taxonomy does not know (never the raw code)."""
    if not code:
        return UNFILLED
    if code in load_taxonomy().codes:
        return load_taxonomy().get(code).name
    return UNCLASSIFIED
