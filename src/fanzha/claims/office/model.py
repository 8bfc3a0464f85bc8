"""What the office's library gives: a stored audit run (`Run`), an institution with its findings and
citizens' reports (`InstitutionSummary`), a citizen's 骗保 report (`Tip`), and its errors."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from fanzha.claims.rules import RULE_NAMES
from fanzha.text.masking import mask_phone

STATUSES = {"pending": "待处理", "checking": "核查中", "closed": "已办结"}


class OfficeError(ValueError):
    """Bad input to the office's library; the message is for the user (Chinese)."""


class NotFound(OfficeError):
    """A run, institution or report that does not exist."""


def rule_names() -> dict[str, str]:
    """Rule id → Chinese name, from the audit engine's table of rules."""
    return RULE_NAMES


def rule_name(rule: str) -> str:
    return rule_names().get(rule, rule)


def yuan(fen: int) -> str:
    """An amount in fen as the office writes it: 1,234.50元."""
    return f"{fen / 100:,.2f}元"


@dataclass(frozen=True, slots=True)
class Run:
    id: int
    uploaded_by: str
    uploaded_at: datetime
    file_name: str
    claims: int
    bad_lines: int
    findings: int
    flagged_claims: int
    total_fen: int
    at_stake_fen: int
    institutions: tuple[str, ...]
    demo: bool = False

    @property
    def summary(self) -> str:
        """The run in one Chinese sentence."""
        bad = f"，其中 {self.bad_lines} 行无法读取" if self.bad_lines else ""
        return (
            f"共审核 {self.claims} 份结算单{bad}；{self.flagged_claims} 份有问题，发现 {self.findings} 处疑点，"
            f"涉及金额 {yuan(self.at_stake_fen)}（结算总额 {yuan(self.total_fen)}）；"
            f"涉及机构 {len(self.institutions)} 家。"
        )


@dataclass(frozen=True, slots=True)
class RuleCount:
    rule: str
    name: str
    findings: int
    amount_fen: int


@dataclass(frozen=True, slots=True)
class InstitutionSummary:
    id: str
    name: str
    claims: int
    flagged_claims: int
    findings: int
    at_stake_fen: int
    by_rule: tuple[RuleCount, ...]
    open_tips: int
    tips: int
    demo: bool = False

    @property
    def shown_name(self) -> str:
        name = self.name or self.id
        return name if not self.demo or "【演示数据】" in name else "【演示数据】" + name


@dataclass(frozen=True, slots=True)
class Tip:
    """A citizen's 骗保 report and the office's handling."""

    id: int
    reference: str
    what: str
    place: str
    institution_id: str | None
    happened_on: date | None
    contact_raw: str
    contact: str
    contact_flags: tuple[str, ...]
    status: str
    reply: str
    handled_by: str
    created_at: datetime
    updated_at: datetime
    demo: bool = False

    @property
    def status_name(self) -> str:
        return STATUSES.get(self.status, self.status)

    @property
    def masked_what(self) -> str:
        """What happened, as shown to the public: phone numbers, accounts, ID numbers and names masked."""
        from fanzha.reports.redact import redact  # the extractors load on first use

        return redact(self.what)

    @property
    def masked_contact(self) -> str:
        """The contact as shown outside the office: a phone masked, anything else shortened to its ends."""
        if not self.contact_raw:
            return ""
        return mask_phone(self.contact or self.contact_raw)
