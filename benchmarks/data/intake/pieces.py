"""The hand-written pieces the generated narratives are made of (build_narratives.py), each list split into a
`test` half and a `dev` half. Dates are relative to 2026-12-03 (a Thursday), 16:00 Beijing time."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

D = date


def luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return str((10 - total % 10) % 10)


DAYS = {
    "test": [("昨天", D(2026, 12, 2)), ("前天", D(2026, 12, 1)), ("11月28日", D(2026, 11, 28)),
             ("上周三", D(2026, 11, 25)), ("12月1日", D(2026, 12, 1)), ("今天", D(2026, 12, 3)),
             ("１１月２７日", D(2026, 11, 27))],
    "dev": [("昨天", D(2026, 12, 2)), ("今天", D(2026, 12, 3)), ("11月30日", D(2026, 11, 30)),
            ("上周五", D(2026, 11, 27)), ("11月29日", D(2026, 11, 29)), ("前天", D(2026, 12, 1)),
            ("本月1日", D(2026, 12, 1)), ("１２月２日", D(2026, 12, 2))],
}  # fmt: skip
CLOCKS = {
    "test": [("上午9点", (9, 0)), ("下午2点", (14, 0)), ("晚上8点半", (20, 30)), ("下午3时20分", (15, 20)),
             ("中午12点", (12, 0)), ("晚上七点", (19, 0)), ("14:30", (14, 30)), ("凌晨1点", (1, 0))],
    "dev": [("上午10点", (10, 0)), ("下午4点", (16, 0)), ("晚上9点半", (21, 30)), ("下午两点", (14, 0)),
            ("10时15分", (10, 15)), ("晚上8时", (20, 0)), ("16:45", (16, 45)), ("早上7点", (7, 0)),
            ("中午12点半", (12, 30))],
}  # fmt: skip
AMOUNTS = {
    "test": [("5万元", 50000), ("３万元", 30000), ("8000元", 8000), ("两万元", 20000), ("1.5万元", 15000),
             ("2万5千元", 25000), ("12000元", 12000), ("人民币6万元", 60000), ("4,800元", 4800)],
    "dev": [("3万元", 30000), ("５０００元", 5000), ("三万元", 30000), ("2.6万元", 26000), ("1万2千元", 12000),
            ("9800元", 9800), ("10万元", 100000), ("3千元", 3000), ("人民币5000元", 5000)],
}  # fmt: skip
BANKS = {
    "test": [("农业银行", "中国农业银行"), ("工行", "中国工商银行"), ("建设银行", "中国建设银行"),
             ("招商银行", "招商银行"), ("邮储银行", "中国邮政储蓄银行"), ("交通银行", "交通银行")],
    "dev": [("农行", "中国农业银行"), ("工商银行", "中国工商银行"), ("建行", "中国建设银行"), ("中国银行", "中国银行"),
            ("招行", "招商银行"), ("邮政储蓄银行", "中国邮政储蓄银行"), ("浦发银行", "上海浦东发展银行")],
}  # fmt: skip
CARD_BINS = [("622848", "中国农业银行"), ("621700", "中国建设银行"), ("622202", "中国工商银行"),
             ("621483", "招商银行"), ("621799", "中国邮政储蓄银行"), ("622262", "交通银行"), ("621661", "中国银行")]  # fmt: skip
VICTIMS = [("王秀英", "女"), ("李建国", "男"), ("张桂兰", "女"), ("刘伟", "男"), ("陈静", "女"), ("杨帆", "男"),
           ("赵丽", "女"), ("黄志强", "男"), ("周敏", "女"), ("吴海燕", "女"), ("徐明", "男"), ("孙淑珍", "女"),
           ("马俊", "男"), ("朱红梅", "女"), ("胡斌", "男"), ("郭芳", "女"), ("欧阳娜", "女"), ("司马俊杰", "男")]  # fmt: skip
AGES = [19, 23, 35, 42, 58, 63, 67, 72, 81]
# (the word for the victim, the reporter's relation to the victim, the victim's sex, a likely age range)
REPORTERS = [("母亲", "子女", "女", (58, 90)), ("父亲", "子女", "男", (58, 90)), ("丈夫", "配偶", "男", (23, 90)),
             ("妻子", "配偶", "女", (23, 90)), ("儿子", "父母", "男", (15, 42)), ("女儿", "父母", "女", (15, 42)),
             ("奶奶", "孙子女", "女", (63, 95)), ("爷爷", "孙子女", "男", (63, 95)), ("姐姐", "兄弟姐妹", "女", (19, 90)),
             ("弟弟", "兄弟姐妹", "男", (15, 90))]  # fmt: skip


def _intro(text: str, *, relative: bool = False, victim: bool = True, reporter: bool = True, sex: bool = True,
           age: bool = True, first: bool = False) -> dict[str, Any]:  # fmt: skip
    return {"text": text, "relative": relative, "victim_named": victim, "reporter_named": reporter,
            "sex_said": sex, "age_said": age, "first_person": first}  # fmt: skip


INTROS = {
    "test": [
        _intro("报警人{name}，{sex}，{age}岁，称其"),
        _intro("我叫{name}，今年{age}岁，我", sex=False, first=True),
        _intro("{surname}{title}（{age}岁）报称：", victim=False, reporter=False),
        _intro("报警人{rname}称，其{rel}{name}（{age}岁）", relative=True),
        _intro("我是{rname}，替我{rel}报警。我{rel}今年{age}岁，", relative=True, victim=False),
    ],
    "dev": [
        _intro("报警人：{name}，性别{sex}，年龄{age}岁。报警称"),
        _intro("事主{name}（{sex}，{age}岁）来所报称：{pron}"),
        _intro("{rname}来电替{rel}{name}报警，称{rel}今年{age}岁，", relative=True),
        _intro("我{rel}今年{age}岁，", relative=True, victim=False, reporter=False),
        _intro("本人{name}，{age}岁，", sex=False, first=True),
    ],
}
STORIES = {
    "test": [
        {"type": "impersonate_authority", "channel": "phone_call",
         "text": "{when}接到一个自称市公安局民警的电话，对方称{pron}名下银行卡涉嫌洗钱，要求把钱转到“安全账户”配合调查。"},
        {"type": "impersonate_service", "channel": "phone_call",
         "text": "{when}接到自称快递公司客服的电话，说快递丢失要理赔，让{pron}按提示操作。"},
        {"type": "loan", "channel": "app",
         "text": "{when}在网上搜贷款，下载了一个叫“融易借”的APP申请贷款，对方以账户冻结需交解冻金为由让{pron}转账。"},
        {"type": "rebate_task", "channel": "qq",
         "text": "{when}在QQ上被人拉去做刷单任务，前几单返了佣金，后面说要连做三单才能提现。"},
        {"type": "investment", "channel": "wechat",
         "text": "{when}被拉进一个微信炒股群，所谓老师推荐在一个投资平台买股票。"},
        {"type": "impersonate_acquaintance", "channel": "qq",
         "text": "{when}QQ上有人冒充{pron}的公司领导，说急需给客户付款。"},
        {"type": "prize", "channel": "sms", "text": "{when}收到短信说{pron}中奖了，要先交个人所得税才能领奖。"},
        {"type": "credit_record", "channel": "phone_call",
         "text": "{when}接到电话称{pron}大学时开通的校园贷没有注销，会影响征信。"},
    ],
    "dev": [
        {"type": "impersonate_authority", "channel": "phone_call",
         "text": "{when}接到自称检察院的电话，说{pron}涉嫌一起洗钱案，已被通缉，要把资金转到安全账户核查。"},
        {"type": "impersonate_service", "channel": "phone_call",
         "text": "{when}有人打来电话，自称淘宝客服，说{pron}买的衣服有质量问题可以退款。"},
        {"type": "loan", "channel": "wechat",
         "text": "{when}在微信上加了一个放贷的，对方说{pron}的贷款额度已批，但要先交保证金才能放款。"},
        {"type": "rebate_task", "channel": "app", "text": "{when}下载了一个点赞做任务的软件，做任务需要先垫付。"},
        {"type": "romance", "channel": "dating",
         "text": "{when}在婚恋网站认识了一个网友，网恋一个月后对方诱导{pron}在一个平台投资。"},
        {"type": "shopping", "channel": "social_media", "text": "{when}在抖音上看到低价出售手机的广告，加了卖家。"},
        {"type": "game_trade", "channel": "game", "text": "{when}在游戏里看到有人低价出售游戏账号装备，私下交易。"},
        {"type": "investment", "channel": "phone_call", "text": "{when}接到电话推荐一个理财平台，说稳赚不赔。"},
    ],
}  # fmt: skip
FIRST_PAYMENTS = {
    "test": [
        {"text": "{when}在{bank}柜台向{acct}转账{amount}", "method": "柜台", "channel": "bank_transfer"},
        {"text": "{when}用{bank}手机银行转了{amount}到{acct}", "method": "手机银行", "channel": "bank_transfer"},
        {"text": "{when}通过支付宝向{acct}转账{amount}", "method": "支付宝", "channel": "alipay"},
        {"text": "{when}在{bank}的ATM机上给{acct}转了{amount}", "method": "ATM", "channel": "bank_transfer"},
        {"text": "{when}用微信给对方转账{amount}", "method": "微信", "channel": "wechat_pay", "account": False},
    ],
    "dev": [
        {"text": "{when}到{bank}网点柜台汇款{amount}至{acct}", "method": "柜台", "channel": "bank_transfer"},
        {"text": "{when}通过{bank}网银向{acct}汇款{amount}", "method": "网银", "channel": "bank_transfer"},
        {"text": "{when}用支付宝转了{amount}给{acct}", "method": "支付宝", "channel": "alipay"},
        {"text": "{when}用{bank}手机银行向{acct}转账{amount}", "method": "手机银行", "channel": "bank_transfer"},
        {"text": "{when}通过微信扫码支付了{amount}", "method": "微信", "channel": "wechat_pay", "account": False},
        {"text": "{when}在{bank}ATM上转账{amount}到{acct}", "method": "ATM", "channel": "bank_transfer"},
    ],
}  # fmt: skip
LATER_PAYMENTS = {
    "test": [
        {"text": "后来{when}又用手机银行转了{amount}到{acct}", "method": "手机银行", "channel": "bank_transfer"},
        {"text": "{when}又通过支付宝向{acct}转了{amount}", "method": "支付宝", "channel": "alipay"},
        {"text": "随后{when}又在{bank}柜台汇了{amount}到{acct}", "method": "柜台", "channel": "bank_transfer",
         "next_day": True},
        {"text": "接着{when}又转了{amount}到{acct}", "method": "", "channel": "bank_transfer"},
    ],
    "dev": [
        {"text": "之后{when}又用手机银行向{acct}转账{amount}", "method": "手机银行", "channel": "bank_transfer"},
        {"text": "{when}又通过微信转了{amount}给{acct}", "method": "微信", "channel": "wechat_pay"},
        {"text": "紧接着{when}又汇款{amount}至{acct}", "method": "", "channel": "bank_transfer"},
        {"text": "{when}再次在{bank}柜台转账{amount}到{acct}", "method": "柜台", "channel": "bank_transfer",
         "next_day": True},
    ],
}  # fmt: skip


def _digits(r: random.Random, n: int, first: str = "3456789") -> str:
    return r.choice(first) + "".join(r.choice("0123456789") for _ in range(n - 1))


def _mobile(r: random.Random) -> str:
    return r.choice(("139", "138", "186", "150", "177", "199")) + _digits(r, 8, "0123456789")


_SAME = str
_BANKISH = ("柜台", "手机银行", "ATM", "网银", "")
ACCOUNTS: dict[str, dict[str, dict[str, Any]]] = {
    "test": {
        "card": {"methods": _BANKISH, "say": "账户"},
        "badcard": {"methods": _BANKISH, "say": "账号"},
        "corporate": {"methods": _BANKISH, "say": "对公账户", "make": lambda r: _digits(r, 20), "canon": _SAME},
        "alipay_phone": {"methods": ("支付宝",), "say": "支付宝账号", "make": _mobile, "canon": _SAME},
        "alipay_mail": {"methods": ("支付宝",), "say": "对方支付宝",
                        "make": lambda r: f"wang{_digits(r, 4)}@163.com", "canon": _SAME},
    },
    "dev": {
        "card": {"methods": _BANKISH, "say": "卡号"},
        "badcard": {"methods": _BANKISH, "say": "银行卡"},
        "corporate": {"methods": _BANKISH, "say": "公司账户", "make": lambda r: _digits(r, 13), "canon": _SAME},
        "alipay_phone": {"methods": ("支付宝",), "say": "对方支付宝", "make": _mobile, "canon": _SAME},
        "wechat": {"methods": ("微信",), "say": "微信号", "make": lambda r: f"wxid_{_digits(r, 6)}k", "canon": _SAME},
    },
}  # fmt: skip
ENDINGS = {
    "test": [
        {"text": "发现被骗后报警。", "paid": True},
        {"text": "共计损失{total}元。", "paid": True},
        {"text": "对方随后失联。", "paid": True},
        {"text": "对方要求转账时，银行工作人员发现异常及时劝阻，未转账。", "paid": False, "dissuaded": True},
        {"text": "其察觉是诈骗，未转账，没有造成损失。", "paid": False, "dissuaded": True},
    ],
    "dev": [
        {"text": "后发现被骗，遂报警。", "paid": True},
        {"text": "合计被骗{total}元。", "paid": True},
        {"text": "之后对方将其拉黑。", "paid": True},
        {"text": "民警接到预警后上门劝阻成功，未造成损失。", "paid": False, "dissuaded": True},
        {"text": "家人发现后及时劝阻，未被骗。", "paid": False, "dissuaded": True},
    ],
}
