"""Intake from the narrative: the officer types what the caller says, and fanzha pre-fills the case.

From the free text it reads who is involved (the victim, the reporter and their relation, the victim's sex
and age: `intake_people`), the times said in words resolved against the moment of the call in Beijing time
(`intake_times`), each payment with its amount, time, means, paying bank, receiving account and bank, clause
by clause with what was said before carried over (`intake_payments`, `intake_accounts`), the total loss,
whether the victim was stopped in time (劝阻), the scammer's identifiers (the extractor's phones, cards,
links, QQ, WeChat, Alipay, IPs, plus apps named in quotes), the caller's own number, and the scheme and
first contact of the story (`intake_story`).

Every field says where it came from: `Prefill.sources` maps each field ("victim_sex", "payments[1].paid_at",
…) to the words it was read from and the rule that read them, and `notes` says the same in sentences, so the
officer can confirm or correct it. An account that fails the card check is kept, flagged, never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from fanzha.cases.identity import canonical
from fanzha.cases.intake_accounts import Account, find_accounts
from fanzha.cases.intake_amounts import find_amounts
from fanzha.cases.intake_payments import NOT_PAID, Money, Told, find_payments
from fanzha.cases.intake_people import find_people
from fanzha.cases.intake_story import read_story
from fanzha.cases.intake_text import Evidence, clauses, find_banks, fold
from fanzha.cases.intake_times import find_whens
from fanzha.cases.model import CHANNELS, PAYMENT_CHANNELS, CaseIdentifier, Payment
from fanzha.detect.engine import Detector
from fanzha.extract import extract
from fanzha.extract.base import Identifier
from fanzha.text.limits import check_text
from fanzha.timezones import BEIJING

SCAMMER_KINDS = ("phone", "bank_card", "url", "domain", "ip", "qq", "wechat", "alipay")
_OWN = re.compile(r"(报警人|本人|我的|事主|受害人|联系电话|回访电话|家属|手机|手机号|电话)[^，。；,;]{0,8}$")
_REPORTING = re.compile(r"\s*(来|到|至)?(我所|本所|派出所|我队|所里|队里)?(报警|报案|来电报警)")
_APP = re.compile(
    r"(?:叫|名为|名叫|下载(?:了)?(?:一个)?)\s*[“\"「『]([^”\"」』]{1,20})[”\"」』]\s*(?:的)?\s*(?:APP|App|app|软件|平台|应用)?"
)
FIELD_NAMES = {
    "fraud_type": "诈骗类型", "contact_channel": "联系方式", "occurred_at": "发案时间", "victim_name": "受害人",
    "reporter_name": "报警人", "reporter_relation": "报警人与受害人关系", "victim_sex": "受害人性别",
    "victim_age": "受害人年龄", "reporter_phone": "报警人电话", "loss": "损失", "dissuaded": "劝阻",
    "amount": "金额", "paid_at": "时间", "method": "方式", "channel": "渠道", "from_bank": "付款银行",
    "to_account": "收款账号", "to_bank": "收款银行",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Source:
    """Where a pre-filled field came from: the words (`said`, at `start`:`end` of the narrative) and the rule."""

    said: str
    start: int
    end: int
    rule: str


@dataclass(slots=True)
class PrefillPayment(Payment):
    """A payment as pre-filled: a `Payment`, with how it was paid as said (柜台, 手机银行 …), the paying bank
    and notes on its receiving account (未通过卡号校验，已保留)."""

    method: str = ""
    from_bank: str = ""
    flags: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Prefill:
    fraud_type: str  # "" when the story tells no scheme (never 正常信息)
    fraud_type_name: str
    confidence: float
    contact_channel: str = ""
    occurred_at: datetime | None = None
    identifiers: list[CaseIdentifier] = field(default_factory=list)
    reporter_phone: str = ""
    payments: list[PrefillPayment] = field(default_factory=list)
    loss: float = 0.0
    dissuaded: bool = False
    victim_age: int | None = None
    victim_sex: str = ""
    notes: list[str] = field(default_factory=list)  # where each field came from, in Chinese
    victim_name: str = ""
    reporter_name: str = ""
    reporter_relation: str = ""  # the reporter's relation to the victim: 本人, 子女, 配偶, 父母 …
    sources: dict[str, Source] = field(default_factory=dict)  # field → the words and the rule
    warnings: list[str] = field(default_factory=list)  # what the officer should check (未通过卡号校验 …)


def _source(narrative: str, evidence: Evidence) -> Source:
    said = narrative[evidence.start : evidence.end]
    return Source(said if len(said) <= 80 else said[:79] + "…", evidence.start, evidence.end, evidence.rule)


def _own_number(text: str, ident: Identifier) -> bool:
    return _OWN.search(text[max(0, ident.start - 16) : ident.start]) is not None


def prefill(narrative: str, *, detector: Detector, now: datetime) -> Prefill:
    """Pre-fill the case form from the narrative (raises InputError on empty or oversized text). Times are
    read in Beijing time whatever the zone of `now`."""
    check_text(narrative)
    if not narrative.strip():
        check_text("")
    now = now.astimezone(BEIJING) if now.tzinfo is not None else now.replace(tzinfo=BEIJING)
    text = fold(narrative)
    parts = clauses(text)
    found = extract(text)
    whens = find_whens(text, now=now)
    accounts = find_accounts(text, found)
    money = find_payments(text, parts, find_amounts(text), accounts, whens, find_banks(text))
    story = read_story(text, detector=detector, paid=[p.clause for p in money.payments if p.clause])
    result = Prefill(story.fraud_type, story.fraud_type_name, story.confidence)
    why: dict[str, Evidence] = {}
    if story.why is not None:
        why["fraud_type"] = story.why
    result.contact_channel = story.contact_channel
    if story.contact_why is not None:
        why["contact_channel"] = story.contact_why
    _identifiers(narrative, text, found, accounts, result, why)
    _money(narrative, money, result, why)
    events = [w for w in whens if not _REPORTING.match(text, w.end)]  # not "于今日14时来我所报警"
    if events:
        result.occurred_at = events[0].at
        why["occurred_at"] = Evidence(
            events[0].start, events[0].end, f"叙述中最先说的时间（{events[0].rule}）"
        )
    people = find_people(text)
    result.victim_name, result.reporter_name = people.victim_name, people.reporter_name
    result.reporter_relation, result.victim_sex, result.victim_age = people.relation, people.sex, people.age
    for key, evidence in people.why.items():
        why["reporter_relation" if key == "relation" else key] = evidence
    result.sources = {key: _source(narrative, e) for key, e in why.items()}
    result.notes = _notes(result)
    return result


def _identifiers(narrative: str, text: str, found: list[Identifier], accounts: list[Account], result: Prefill,
                 why: dict[str, Evidence]) -> None:  # fmt: skip
    seen: set[tuple[str, str]] = set()

    def add(kind: str, value: str, raw: str) -> None:
        if (kind, value) not in seen:
            seen.add((kind, value))
            result.identifiers.append(CaseIdentifier(kind, value, raw))

    for ident in found:
        if ident.kind not in SCAMMER_KINDS:
            continue
        if ident.kind == "phone" and _own_number(text, ident):
            if not result.reporter_phone:
                result.reporter_phone = ident.value
                why["reporter_phone"] = Evidence(max(0, ident.start - 6), ident.end, "报警人自己的号码")
            continue
        add(ident.kind, canonical(ident.kind, ident.value) or ident.value, narrative[ident.start : ident.end])
    for account in accounts:
        if account.kind == "bank_card":
            add("bank_card", account.value, narrative[account.start : account.end])
        for flag in account.flags:
            result.warnings.append(f"账号 {account.value}：{flag}，请核对")
    for m in _APP.finditer(text):
        app = canonical("app", m.group(1))
        if app:
            add("app", app, narrative[m.start(1) : m.end(1)])


def _money(narrative: str, money: Money, result: Prefill, why: dict[str, Evidence]) -> None:
    for n, told in enumerate(money.payments):
        result.payments.append(_payment(told))
        for key, evidence in told.why.items():
            why[f"payments[{n}].{key}"] = evidence
    paid = round(sum(p.amount for p in result.payments) + money.lump, 2)
    result.loss = max(paid, money.summary)
    if "loss" in money.why:
        why["loss"] = money.why["loss"]
    elif result.payments:
        why["loss"] = Evidence(0, 0, f"{len(result.payments)} 笔转账之和")
    not_paid = NOT_PAID.search(fold(narrative))
    result.dissuaded = result.loss == 0 and not_paid is not None
    if result.dissuaded and not_paid is not None:
        why["dissuaded"] = Evidence(not_paid.start(), not_paid.end(), "叙述中提到未转账或已被劝阻")


def _payment(told: Told) -> PrefillPayment:
    account = told.account
    return PrefillPayment(
        amount=told.amount,
        paid_at=told.paid_at.at if told.paid_at else None,
        channel=told.channel,
        to_account=account.value if account else "",
        to_bank=told.to_bank,
        method=told.method,
        from_bank=told.from_bank,
        flags=list(account.flags) if account else [],
    )


def _label_value(result: Prefill, key: str) -> tuple[str, object]:
    head, _, leaf = key.partition(".")
    if leaf:
        n = int(head[len("payments[") : -1])
        value = getattr(result.payments[n], leaf)
        value = PAYMENT_CHANNELS.get(value, value) if leaf == "channel" else value
        return f"第{n + 1}笔转账{FIELD_NAMES.get(leaf, leaf)}", value
    value = getattr(result, key)
    if key == "fraud_type":
        value = result.fraud_type_name
    elif key == "contact_channel":
        value = CHANNELS.get(value, value)
    return FIELD_NAMES.get(key, key), value


def _value(value: object) -> str:
    if isinstance(value, datetime):
        return value.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return f"{value:g} 元"
    return str(value) if value not in ("", None) else "（空）"


def _notes(result: Prefill) -> list[str]:
    """One sentence per field: "受害人性别：女（“女”，叙述写明性别“女”）"; a time leads with the words said,
    "发案时间：11月6日10时许（即 2026-11-06 10:00，…）"."""
    notes = []
    for key, source in result.sources.items():
        label, value = _label_value(result, key)
        if isinstance(value, datetime) and source.said:
            notes.append(f"{label}：{source.said}（即 {_value(value)}，{source.rule}）")
        else:
            where = f"“{source.said}”，" if source.said else ""
            notes.append(f"{label}：{_value(value)}（{where}{source.rule}）")
    return notes + result.warnings
