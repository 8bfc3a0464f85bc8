"""The scam story of a narrative: its fraud type and how the scammer first made contact.

A victim's narrative is a retelling, not the scammer's message, so the type is read first from how victims
and officers tell each scheme (自称民警…安全账户, 刷单返利, 网恋…投资, 冒充领导 …), with the words that show it;
the scam check engine is asked only when no scheme is told, and its "正常信息" is never written into a case:
the type is then left empty, with the reason, for the officer to choose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fanzha.cases.intake_text import Clause, Evidence
from fanzha.detect.engine import Detector
from fanzha.taxonomy import ADVERT_KINDS, NORMAL

# In order of precedence when two schemes are told equally often (the more specific first).
TOLD_TYPES: dict[str, re.Pattern[str]] = {
    "impersonate_authority": re.compile(
        r"自称.{0,8}(警察|民警|警官|公安|检察|法院|法官|电话局|医保局|社保局|税务局)|涉嫌.{0,6}(洗钱|犯罪|案)|安全账户|"
        r"通缉|逮捕|冻结.{0,4}(资产|存款)|医保卡.{0,4}(违规|冒用|冻结)"
    ),
    "impersonate_acquaintance": re.compile(
        r"(冒充|假扮|假冒|自称|说是).{0,6}(领导|老板|熟人|同学|朋友|亲戚|儿子|女儿|孙子|孙女|外孙|表弟|表哥|外甥|侄子|老师)|"
        r"保释金|打架被抓"
    ),
    "romance": re.compile(
        r"网恋|婚恋|交友|男朋友|女朋友|相亲|恋爱|交往|[男女]网友|结识.{0,4}网友|陌陌|探探|世纪佳缘|珍爱网"
    ),
    "rebate_task": re.compile(r"刷单|返利|返佣|做任务|点赞|垫付|佣金"),
    "loan": re.compile(r"贷款|放款|网贷|借款(平台|APP|软件)|贷款?额度|解冻金|保证金.{0,4}放款"),
    "credit_record": re.compile(r"征信|校园贷|信用记录|花呗.{0,4}(关闭|注销)"),
    "phishing": re.compile(r"积分.{0,6}(清零|兑换)|ETC|etc|账户异常|点[开了击].{0,8}链接|钓鱼|升级"),
    "impersonate_service": re.compile(
        r"(自称|冒充).{0,10}(客服|快递|电商|京东|淘宝|金融)|退款|理赔|百万保障|注销.{0,4}(账户|会员)|质量问题|逾期|银行客服"
    ),
    "game_trade": re.compile(
        r"游戏.{0,8}(账号|装备|皮肤|交易|充值|币|工作室)|[卖送]皮肤|买卖.{0,4}(账号|装备)|代练"
    ),
    "prize": re.compile(r"中奖|退税|补贴|领奖|抽奖"),
    "shopping": re.compile(r"网购|购物|代购|低价.{0,6}(出售|卖|商品)|不发货|二手|卖家|门票"),
    "investment": re.compile(
        r"投资|理财|炒股|股票|虚拟币|数字货币|博彩|荐股|外汇|黄金|贵金属|稳赚|赌球|赌博"
    ),
}
# A scheme told inside another: a romance that leads to "investing" is the romance (杀猪盘).
_INSIDE = {"romance": ("investment", "rebate_task")}
_CHANNELS: list[tuple[str, re.Pattern[str]]] = [
    ("dating", re.compile(r"婚恋|交友|相亲|网恋|陌陌|探探|世纪佳缘|珍爱网")),
    ("in_person", re.compile(r"当面|街头|在公园|面对面|上门(?!劝阻)|到其家中|到家里|来家里|登门")),
    ("game", re.compile(r"游戏")),
    ("social_media", re.compile(r"抖音|快手|微博|小红书|直播|B站|知乎")),
    ("qq", re.compile(r"QQ|qq|扣扣")),
    ("wechat", re.compile(r"微信|加微|vx|VX")),
    ("sms", re.compile(r"短信")),
    ("app", re.compile(r"APP|App|app|下载|软件|闲鱼|转转|拼多多")),
    ("website", re.compile(r"网站|网址|链接|网页")),
    (
        "phone_call",
        re.compile(r"接到.{0,16}电话|(?<!报警人)来电(?!替|报警|报案)|打来.{0,3}电话|打电话|电话(称|说)|致电"),
    ),
]


@dataclass(frozen=True, slots=True)
class Story:
    fraud_type: str
    fraud_type_name: str
    confidence: float
    why: Evidence | None
    contact_channel: str
    contact_why: Evidence | None


def read_story(text: str, *, detector: Detector, paid: list[Clause]) -> Story:
    """The scheme and first contact told in `text` (folded); `paid` are the clauses that tell payments
    (the means of paying, "用微信转了", is not how the scammer made contact)."""
    fraud_type, name, confidence, why = _fraud_type(text, detector)
    channel, contact_why = "", None
    best = len(text) + 1
    for code, pattern in _CHANNELS:
        for m in pattern.finditer(text):
            if any(c.start <= m.start() < c.end for c in paid):
                continue
            if m.start() < best:
                best, channel = m.start(), code
                contact_why = Evidence(m.start(), m.end(), f"叙述中最先提到的联系方式“{m.group()}”")
            break
    return Story(fraud_type, name, confidence, why, channel, contact_why)


def _fraud_type(text: str, detector: Detector) -> tuple[str, str, float, Evidence | None]:
    told = {code: list(p.finditer(text)) for code, p in TOLD_TYPES.items()}
    order = list(TOLD_TYPES)
    for outer, inner in _INSIDE.items():
        if told[outer]:
            for code in inner:
                told[code] = []
    code = max(order, key=lambda c: (len({m.group() for m in told[c]}), -order.index(c)))
    verdict = detector.assess(text)
    if told[code]:
        first = told[code][0]
        words = "、".join(dict.fromkeys(m.group() for m in told[code]))[:40]
        rule = f"叙述中提到“{words}”"
        confidence = round(verdict.probabilities.get(code, 0.0), 3)  # the engine's view of the same type
        return code, detector.type_name(code), confidence, Evidence(first.start(), first.end(), rule)
    if verdict.fraud_type == NORMAL or verdict.fraud_type in ADVERT_KINDS:
        rule = "叙述中未见可判断诈骗类型的情节（识别引擎判为非诈骗），请民警选择"
        return "", "", 0.0, Evidence(0, 0, rule)
    rule = f"识别引擎判断，置信度 {verdict.confidence:.0%}"
    return (
        verdict.fraud_type,
        verdict.fraud_type_name,
        round(verdict.confidence, 3),
        Evidence(0, len(text), rule),
    )
