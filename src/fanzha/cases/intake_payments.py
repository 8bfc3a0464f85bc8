"""The payments a narrative tells, clause by clause: the amount, when (said in the clause, or carried over
from the time said last — "后来又用手机银行转了3万元" keeps the day and hour before it), how (柜台, 手机银行,
网银, ATM, 微信, 支付宝 …), from which bank, to which account and bank.

A clause with an amount is a payment when it says money went (转了, 汇款, 支付, 被转走 …) and its sentence
does not say it did not (未转账, 被劝阻). "共计损失5万元" is the loss said in total; "分三次转给对方共计1.8万元"
is money paid without the single payments, added to the loss. An account said in a clause of its own
("…汇了2万元，账号是6217…"; "加了对方微信 zm_88，用微信转了1200元") belongs to the payment next to it in
the same sentence, when the means agree (a WeChat id is not where an Alipay payment went).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from fanzha.cases.intake_accounts import Account
from fanzha.cases.intake_amounts import Amount
from fanzha.cases.intake_means import Means, banks_between, means_for, means_in
from fanzha.cases.intake_text import BankMention, Clause, Evidence
from fanzha.cases.intake_times import When

_PAYING = re.compile(
    r"转账|转帐|转了|转入|转到|转给|转出|转走|转钱|汇款|汇了|汇入|汇至|汇钱|支付|付了|付款|充值|充了|缴纳|交了|打款|打了|"
    r"扫码|购买|盗刷|被扣|划走|给对方转|骗取|骗走|存了|存入|存到|收了"
)
_SUMMARY = re.compile(r"(共计|总计|合计|累计|一共|总共)?.{0,3}(损失|被骗)|(共计|总计|合计|累计|一共|总共)")
NOT_PAID = re.compile(
    r"(未|没有?|尚未|还没|及时)(转账|汇款|支付|付款|被骗|受骗|造成损失)|(被|将其|成功)劝阻|劝阻成功|无损失|未造成|准备转账时|劝住|没转出去|没有转出|没转(?!账户)|没有被骗|未被骗"
)
# "要求把5万元转到安全账户", "要先交保证金5000元": asked for, not paid ("让其转账1500元" tells a payment)
_REQUEST = re.compile(
    r"(要求|需要?|要|催促?|逼)[^,，。]{0,10}(转账|转帐|转到|转入|转给|汇款|汇到|支付|付款|缴纳|充值|打款|交)"
)
_DONE = re.compile(r"(转|汇|付|交|打|充|存|缴)[给到入出走值纳]?了|已(经)?(转|汇|付|交)")
_AS_ASKED = re.compile(r"按(照)?(对方)?的?(要求|指示|指引)")  # "按对方要求转了…": done as asked
_ITEMISED = re.compile(r"^\s*(分别(为|是)|其中)")
_ALL = re.compile(r"都|均|全部")
_SAME_ACCOUNT = re.compile(r"同一(个)?账[户号]|该账[户号]|这个账[户号]|上述账[户号]|原账[户号]|同一张卡")
_OWN_CLAUSE = re.compile(r"^\s*(对方)?(的)?(收款)?(账号|帐号|账户|帐户|卡号|银行卡号)")
_AGAIN = re.compile(r"又|再次|再|接着|随后|之后|后来")
_FITS = {"alipay": ("alipay", "phone"), "wechat_pay": ("wechat", "phone"), "bank_transfer": ("bank_card",)}


@dataclass(slots=True)
class Told:
    """A payment read from the narrative, with the evidence for each of its fields."""

    amount: float
    paid_at: When | None = None
    method: str = ""
    channel: str = ""
    from_bank: str = ""
    account: Account | None = None
    to_bank: str = ""
    clause: Clause | None = None
    why: dict[str, Evidence] = field(default_factory=dict)


@dataclass(slots=True)
class Money:
    payments: list[Told] = field(default_factory=list)
    summary: float = 0.0  # a loss said in total
    lump: float = 0.0  # money said paid without the single payments
    why: dict[str, Evidence] = field(default_factory=dict)


def find_payments(
    text: str, clauses: list[Clause], amounts: list[Amount], accounts: list[Account],
    whens: list[When], banks: list[BankMention],
) -> Money:  # fmt: skip
    money = Money()
    not_paid = {c.sentence for c in clauses if NOT_PAID.search(c.text(text))}
    state = _Sentence(-1)
    for clause in clauses:
        if clause.sentence != state.index:
            state = _Sentence(clause.sentence, lead=clause.start)
        said = _AS_ASKED.sub(lambda m: " " * len(m.group()), clause.text(text))
        here = [a for a in amounts if clause.start <= a.start < clause.end]
        in_clause = [a for a in accounts if clause.start <= a.start < clause.end]
        if not here:
            if not (in_clause and _trailing_account(text, clause, in_clause, money.payments, banks)):
                state.pending.extend(in_clause)
                # a paying verb without an amount: the amounts of the next clauses ("转了2次钱，一次488元，一次648元")
                state.verb = bool(_PAYING.search(said)) and not _asked(said)
            continue
        if _itemise(said, here, money.payments, clause):
            continue
        summary = next(
            (m for a in here if (m := _SUMMARY.search(text[max(clause.start, a.start - 8) : a.start]))), None
        )
        paying = _PAYING.search(said) or state.verb
        if summary and (summary[2] or not _PAYING.search(said[: here[0].start - clause.start])):
            money.summary = max(money.summary, max(a.yuan for a in here))
            money.why["loss"] = Evidence(clause.start, clause.end, "叙述所说的损失合计")
            continue
        if not paying or clause.sentence in not_paid or _asked(said):
            continue  # an amount said in passing; or "要求把5万元转到安全账户": asked for, not paid
        if summary:  # "分三次转给对方共计1.8万元": paid, without the single payments
            money.lump += max(a.yuan for a in here)
            money.why["loss"] = Evidence(clause.start, clause.end, "叙述所说的多笔转账合计")
            state.lead = clause.end
            continue
        _pay(text, clause, here, in_clause, state, whens, banks, money.payments)
        state.pending, state.lead = [], clause.end
        state.verb = state.verb and not _PAYING.search(said)  # the next item of a list goes on
    return money


@dataclass(slots=True)
class _Sentence:
    """What the clauses of a sentence leave for the next one: accounts said, where the lead-up to the next
    payment starts, whether a paying verb was said without an amount."""

    index: int
    lead: int = 0
    pending: list[Account] = field(default_factory=list)
    verb: bool = False


def _asked(said: str) -> bool:
    return _REQUEST.search(said) is not None and _DONE.search(said) is None


def _itemise(said: str, here: list[Amount], earlier: list[Told], clause: Clause) -> bool:
    """ "…35000元被分两次转走，分别为20000元和15000元": the payment before, told item by item."""
    last = earlier[-1] if earlier else None
    if not (_ITEMISED.match(said) and len(here) > 1 and last is not None and last.clause is not None):
        return False
    if last.clause.sentence != clause.sentence or abs(sum(a.yuan for a in here) - last.amount) > 0.005:
        return False
    earlier.pop()
    for amount in here:
        item = replace(last, amount=amount.yuan, why=dict(last.why))
        item.why["amount"] = Evidence(amount.start, amount.end, "“分别为”所列的一笔")
        earlier.append(item)
    return True


def _pay(
    text: str, clause: Clause, here: list[Amount], in_clause: list[Account], state: _Sentence,
    whens: list[When], banks: list[BankMention], earlier: list[Told],
) -> None:  # fmt: skip
    inside = [w for w in whens if clause.start <= w.start < clause.end]
    clocks = [w for w in inside if w.has_clock]
    # "于19时40分、19时55分分两笔转账9000元、9000元": the times in the order of the amounts
    respective = len(here) > 1 and (len(clocks) == len(here) or len(inside) == len(here))
    inside = clocks if len(clocks) == len(here) else inside
    listed = means_in(text, clause.start, here[0].start)
    listed = (
        listed if len(here) > 1 and len(listed) == len(here) else []
    )  # "用支付宝、微信转了3000元和2000元"
    for n, amount in enumerate(here):
        told = Told(amount.yuan, clause=clause)
        told.why["amount"] = Evidence(amount.start, amount.end, "本句的转账金额")
        _when(told, clause, amount.start, inside[n] if respective else None, whens)
        # next to its amount: before it, or after it for the last ("转了5000元到对方支付宝"), not the next one's
        segment = (here[n - 1].end if n else clause.start, amount.start if n + 1 < len(here) else clause.end)
        _how(text, told, clause, state.lead, segment, amount.start, banks, listed[n] if listed else None)
        last = earlier[-1] if earlier else None
        item = state.verb and not _PAYING.search(clause.text(text))  # "…，一次648元": an item of a list
        if not told.method and item and last and last.clause and last.clause.sentence == clause.sentence:
            told.method, told.channel = last.method, last.channel
            rule = "同一句所列的又一笔，方式同上"
            told.why["method"] = told.why["channel"] = Evidence(clause.start, clause.end, rule)
        account = _account_for(text, told, clause, in_clause, state.pending, earlier)
        if account is not None:
            _attach(told, account[0], account[1])
        last = earlier[-1] if earlier else None
        if not told.channel and last is not None and last.channel and _AGAIN.search(clause.text(text)):
            told.channel = last.channel
            told.why["channel"] = Evidence(clause.start, clause.end, "“又转了”：与上一笔方式相同")
        earlier.append(told)


def _trailing_account(
    text: str, clause: Clause, in_clause: list[Account], earlier: list[Told], banks: list[BankMention]
) -> bool:
    """An account said after the payments of its sentence ("…汇了2万元，账号是6217…", "又转了3万元，转到对方的
    光大银行账户6226…"): it is theirs, when they have none. Whether it was taken."""
    said = clause.text(text)
    if not (_OWN_CLAUSE.match(said) or _PAYING.search(said)):
        return False
    owners = [
        t
        for t in earlier
        if t.clause is not None and t.clause.sentence == clause.sentence and t.account is None
    ]
    account = in_clause[0]
    owners = [t for t in owners if _fits(t, account)]
    if _OWN_CLAUSE.match(said) and not _ALL.search(said):
        owners = owners[-1:]  # "…汇了2万元，账号是6217…" (but "收款卡号都是…": every one)
    receiving = banks_between(text, (clause.start, clause.end), banks)[1]
    for told in owners:
        if receiving is not None and not told.to_bank:
            told.to_bank = receiving.name
            told.why["to_bank"] = Evidence(receiving.start, receiving.end, f"收款方银行“{receiving.said}”")
        _attach(told, account, "紧随其后所说的收款账号")
    return bool(owners)


def _when(told: Told, clause: Clause, pos: int, own: When | None, whens: list[When]) -> None:
    inside = [w for w in whens if clause.start <= w.start < clause.end]
    before = [w for w in whens if w.start < clause.start]
    if own is not None:
        told.paid_at = own
        told.why["paid_at"] = Evidence(own.start, own.end, "本句依次所说的时间")
    elif inside:
        told.paid_at = min(inside, key=lambda w: abs(w.start - pos))
        told.why["paid_at"] = Evidence(
            told.paid_at.start, told.paid_at.end, f"本句所说的时间（{told.paid_at.rule}）"
        )
    elif before:
        told.paid_at = before[-1]
        told.why["paid_at"] = Evidence(
            before[-1].start, before[-1].end, "本句未说时间，承接前文最近所说的时间"
        )


def _how(
    text: str, told: Told, clause: Clause, lead: int, segment: tuple[int, int], pos: int,
    banks: list[BankMention], listed: Means | None,
) -> None:  # fmt: skip
    """The means and the banks: said next to the amount, else earlier in the clause, else in the clauses
    leading up to it in its sentence."""
    for within in (segment, (clause.start, pos), (lead, clause.start)):
        if within[0] >= within[1]:
            continue
        means = listed or means_for(text, within, pos)
        if means is not None and not told.method:
            told.method, told.channel, told.why["method"] = means.method, means.channel, means.evidence
            rule = f"按付款方式“{told.method}”"
            told.why["channel"] = Evidence(means.evidence.start, means.evidence.end, rule)
        paying, receiving = banks_between(text, within, banks)
        if paying is not None and not told.from_bank:
            told.from_bank = paying.name
            told.why["from_bank"] = Evidence(paying.start, paying.end, f"付款所用银行“{paying.said}”")
        if receiving is not None and not told.to_bank and within[0] >= clause.start:
            told.to_bank = receiving.name
            told.why["to_bank"] = Evidence(receiving.start, receiving.end, f"收款方银行“{receiving.said}”")


def _fits(told: Told, account: Account) -> bool:
    return account.kind in _FITS.get(told.channel, ("bank_card", "alipay", "wechat", "phone"))


def _account_for(text: str, told: Told, clause: Clause, in_clause: list[Account], pending: list[Account],
                 earlier: list[Told]) -> tuple[Account, str] | None:  # fmt: skip
    fitting = [a for a in in_clause if _fits(told, a)]
    if fitting:
        pos = told.why["amount"].start
        return min(fitting, key=lambda a: abs(a.start - pos)), "本句所说的收款账号"
    same = _SAME_ACCOUNT.search(clause.text(text))
    if same and earlier and earlier[-1].account is not None:
        return earlier[-1].account, f"“{same.group()}”：上一笔的收款账号"
    fitting = [a for a in pending if _fits(told, a)]
    if fitting:
        return fitting[-1], "同一句前文所说的账号"
    return None


def _attach(told: Told, account: Account, rule: str) -> None:
    told.account = account
    told.why["to_account"] = Evidence(account.start, account.end, rule)
    if not told.channel:
        told.channel = {"bank_card": "bank_transfer", "alipay": "alipay", "wechat": "wechat_pay"}.get(
            account.kind, ""
        )
        if told.channel:
            told.why["channel"] = Evidence(account.start, account.end, "按收款账号的种类")
    if not told.to_bank and account.bank:
        told.to_bank = account.bank
        told.why["to_bank"] = Evidence(account.start, account.end, f"按卡号前缀（发卡行 {account.bank}）")
