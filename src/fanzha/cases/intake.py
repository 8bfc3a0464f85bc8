"""Intake from the narrative: the officer types what the caller says, and fanzha pre-fills the case.

From the free text it finds the scammer's identifiers (the extractor's phones, cards, links, QQ,
WeChat, Alipay, IPs, plus apps named in quotes), the caller's own number (next to 报警人/本人/我的),
payments (an amount in a sentence about paying, with the time and the receiving account said nearest
to it), the total loss, when it happened, how the scammer made contact, the victim's age and sex,
whether the victim was stopped in time (劝阻), and the fraud type from the scam check engine. Every
field says where it came from, so the officer can confirm or correct it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from fanzha.cases.identity import canonical
from fanzha.cases.model import CHANNELS, CaseIdentifier, Payment
from fanzha.detect.engine import Detector
from fanzha.extract import extract
from fanzha.extract.base import Identifier
from fanzha.text.dates import TimeMention, find_times

SCAMMER_KINDS = ("phone", "bank_card", "url", "domain", "ip", "qq", "wechat", "alipay")
_OWN = re.compile(r"(报警人|本人|我的|事主|受害人|联系电话|回访电话|家属)[^，。；,;]{0,8}$")
_SENTENCE = re.compile(r"[^。！？!?\n；;]+[。！？!?\n；;]?")
_PAYING = re.compile(r"转账|转了|转入|转到|汇款|汇了|汇入|支付|付了|付款|充值|缴纳|交了|打款|打了|扫码|购买")
_TOTAL = re.compile(r"共计|总计|合计|累计|一共|共被骗|损失")
_NOT_PAID = re.compile(
    r"(未|没有?|尚未|还没|及时)(转账|汇款|支付|付款|被骗|受骗|造成损失)|被(成功)?劝阻|劝阻成功|无损失|未造成"
)
_APP = re.compile(
    r"(?:叫|名为|名叫|下载(?:了)?(?:一个)?)\s*[“\"「『]([^”\"」』]{1,20})[”\"」』]\s*(?:的)?\s*(?:APP|App|app|软件|平台|应用)?"
)
_AGE = re.compile(r"(?<!\d)(\d{1,3})\s*岁")
_FEMALE = re.compile(r"女士|女子|阿姨|奶奶|大妈|老太|女儿|她")
_MALE = re.compile(r"先生|男子|大爷|爷爷|大叔|老汉|他")
# How officers and callers name the scheme when they retell it. The scam check engine is built for the
# scammer's own words; a retold story ("对方自称警察，说她涉嫌洗钱") carries the scheme in these phrases.
_TOLD_TYPES: dict[str, re.Pattern[str]] = {
    "impersonate_authority": re.compile(
        r"自称.{0,8}(警察|民警|警官|公安|检察|法院|法官|电话局|医保局|社保局)|涉嫌洗钱|安全账户|通缉|逮捕"
    ),
    "loan": re.compile(r"贷款|放款|借款|额度|网贷"),
    "impersonate_service": re.compile(r"自称.{0,8}(客服|快递|电商)|退款|理赔|注销.{0,4}(账户|会员|百万保障)"),
    "impersonate_acquaintance": re.compile(
        r"(冒充|假扮|自称).{0,6}(领导|老板|熟人|同学|朋友|亲戚|儿子|女儿|孙子)"
    ),
    "rebate_task": re.compile(r"刷单|返利|做任务|点赞|垫付"),
    "romance": re.compile(r"网恋|婚恋|交友|男朋友|女朋友|网友.{0,6}(投资|博彩)"),
    "game_trade": re.compile(r"游戏.{0,8}(账号|装备|皮肤|交易|充值)|买卖.{0,4}(账号|装备)"),
    "investment": re.compile(r"投资|理财|炒股|股票|虚拟币|数字货币|博彩|荐股"),
    "prize": re.compile(r"中奖|退税|补贴|领奖"),
    "credit_record": re.compile(r"征信|校园贷|信用记录|花呗.{0,4}(关闭|注销)"),
    "shopping": re.compile(r"网购|购物|代购|低价.{0,4}(商品|出售)"),
}
_CHANNEL_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("dating", re.compile(r"婚恋|交友|相亲|网恋")),
    ("game", re.compile(r"游戏")),
    ("social_media", re.compile(r"抖音|快手|微博|小红书|直播")),
    ("qq", re.compile(r"QQ|qq|扣扣")),
    ("wechat", re.compile(r"微信|加微|vx|VX")),
    ("sms", re.compile(r"短信")),
    ("app", re.compile(r"APP|App|app|下载|软件")),
    ("website", re.compile(r"网站|网址|链接|网页")),
    ("phone_call", re.compile(r"接到.{0,6}电话|来电|打来|电话称|致电")),
]


@dataclass(slots=True)
class Prefill:
    fraud_type: str
    fraud_type_name: str
    confidence: float
    contact_channel: str = ""
    occurred_at: datetime | None = None
    identifiers: list[CaseIdentifier] = field(default_factory=list)
    reporter_phone: str = ""
    payments: list[Payment] = field(default_factory=list)
    loss: float = 0.0
    dissuaded: bool = False
    victim_age: int | None = None
    victim_sex: str = ""
    notes: list[str] = field(default_factory=list)  # where each field came from, in Chinese


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text)]


def _nearest_before(items: list[TimeMention], pos: int) -> TimeMention | None:
    before = [t for t in items if t.start <= pos]
    return before[-1] if before else None


def _own_number(text: str, ident: Identifier) -> bool:
    return _OWN.search(text[max(0, ident.start - 16) : ident.start]) is not None


def _channel(text: str) -> tuple[str, str]:
    """The channel named earliest in the story, and the words that named it."""
    best: tuple[int, str, str] | None = None
    for code, pattern in _CHANNEL_CUES:
        m = pattern.search(text)
        if m is not None and (best is None or m.start() < best[0]):
            best = (m.start(), code, m.group())
    if best is None:
        return "", ""
    return best[1], best[2]


def prefill(narrative: str, *, detector: Detector, now: datetime) -> Prefill:
    """Pre-fill the case form from the narrative (raises InputError on empty or oversized text)."""
    verdict = detector.assess(narrative)
    told = {code: [m.group() for m in p.finditer(narrative)] for code, p in _TOLD_TYPES.items()}
    code = max(told, key=lambda c: (len(told[c]), verdict.probabilities.get(c, 0.0)))
    if told[code]:
        name = detector.type_name(code)
        words = "、".join(dict.fromkeys(told[code]))
        result = Prefill(code, name, round(verdict.probabilities.get(code, 0.0), 3))
        result.notes.append(f"诈骗类型：{name}（叙述中提到“{words[:40]}”）")
    else:
        result = Prefill(verdict.fraud_type, verdict.fraud_type_name, round(verdict.confidence, 3))
        result.notes.append(
            f"诈骗类型：{verdict.fraud_type_name}（识别引擎，置信度 {verdict.confidence:.0%}）"
        )
    found = extract(narrative)
    times = find_times(narrative, now=now)
    sentences = _sentences(narrative)

    seen: set[tuple[str, str]] = set()
    for ident in found:
        if ident.kind not in SCAMMER_KINDS:
            continue
        if ident.kind == "phone" and _own_number(narrative, ident):
            result.reporter_phone = result.reporter_phone or ident.value
            result.notes.append(
                f"报警人电话：{ident.value}（“{narrative[max(0, ident.start - 6) : ident.start]}”之后）"
            )
            continue
        value = canonical(ident.kind, ident.value) or ident.value
        if (ident.kind, value) not in seen:
            seen.add((ident.kind, value))
            result.identifiers.append(CaseIdentifier(ident.kind, value, narrative[ident.start : ident.end]))
    for m in _APP.finditer(narrative):
        app = canonical("app", m.group(1))
        if app and ("app", app) not in seen:
            seen.add(("app", app))
            result.identifiers.append(CaseIdentifier("app", app, m.group(1)))

    total = 0.0
    for start, end in sentences:
        sentence = narrative[start:end]
        amounts = [i for i in found if i.kind == "amount" and start <= i.start < end]
        if not amounts:
            continue
        if _TOTAL.search(sentence) and not _PAYING.search(sentence[: amounts[0].start - start]):
            total = max(total, max(float(a.details.get("yuan", 0)) for a in amounts))
            continue
        if _NOT_PAID.search(sentence):
            continue
        accounts = [
            i for i in found if i.kind in ("bank_card", "alipay", "wechat") and start <= i.start < end
        ]
        for amount in amounts:
            before = narrative[max(start, amount.start - 14) : amount.start]
            after = narrative[amount.end : amount.end + 4]
            if not (_PAYING.search(before) or _PAYING.match(after.lstrip("，, "))):
                continue  # an amount said in passing ("欠费3600元"), not a payment
            when = _nearest_before(times, amount.start)
            target = min(accounts, key=lambda a: abs(a.start - amount.start)) if accounts else None
            near = before + narrative[amount.end : amount.end + 12]
            channel = "alipay" if "支付宝" in near else "wechat_pay" if "微信" in near else (
                "bank_transfer" if target is not None and target.kind == "bank_card" else "")  # fmt: skip
            result.payments.append(
                Payment(
                    amount=float(amount.details.get("yuan", 0)),
                    paid_at=when.at if when else None,
                    channel=channel,
                    to_account=target.value if target else "",
                    to_bank=str(target.details.get("bank", "")) if target else "",
                )
            )
    paid = round(sum(p.amount for p in result.payments), 2)
    result.loss = max(paid, total)
    if result.payments:
        result.notes.append(f"转账 {len(result.payments)} 笔，共 {paid:g} 元")
    if total:
        result.notes.append(f"报称损失合计 {total:g} 元")
    result.dissuaded = result.loss == 0 and _NOT_PAID.search(narrative) is not None
    if result.dissuaded:
        result.notes.append("叙述中提到未转账或已被劝阻")

    if times:
        result.occurred_at = times[0].at
        result.notes.append(f"发案时间：{narrative[times[0].start : times[0].end]}")
    result.contact_channel, cue = _channel(narrative)
    if cue:
        result.notes.append(f"联系方式：{CHANNELS[result.contact_channel]}（“{cue}”）")
    age = _AGE.search(narrative)
    if age and 3 <= int(age.group(1)) <= 110:
        result.victim_age = int(age.group(1))
    female, male = _FEMALE.search(narrative), _MALE.search(narrative)
    if female and (not male or female.start() < male.start()):
        result.victim_sex = "女"
    elif male:
        result.victim_sex = "男"
    return result
