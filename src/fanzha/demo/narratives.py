"""Case narratives (简要案情) in the desk's style, written from templates per fraud type.

Modelled on the seeds' case examples ("20xx年11月6日10时许，一事主在家中接到电话，该人自称是电话局工作人员
…当日11时许，事主到工商银行马连道支行柜台将存款5万元汇到该账号"; "事主欲向对方汇款时，被…驻点民警及时发现并
制止"). Every identifier, amount and time of the case is written into the text, as a caller would give
them, so that intake pre-fill (`fanzha.extract`, `fanzha.text.dates`) can find them again.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime

from fanzha.demo.profiles import CITY

LABEL = "【演示数据】"

_SETUPS: dict[str, tuple[str, ...]] = {
    "impersonate_authority": (
        "{when}，{victim}{where}{contact}，对方自称“"
        + CITY
        + "公安局刑侦支队民警”，称其身份证被冒用办理银行卡，"
        "涉嫌一起洗钱案件，要求其配合“资金核查”，不得告诉家人。{platform_sentence}",
        "{when}，{victim}{where}{contact}，对方自称是电信局工作人员，称其名下一部固定电话欠费3600元，"
        "随后将电话转接给一名自称姓陈的“民警”，称事主涉嫌扰乱金融秩序，家中存款将被冻结，需将存款转到“安全账户”。{platform_sentence}",
    ),
    "loan": (
        "{when}，{victim}因资金周转需要，{contact}，对方称可办理无抵押低息贷款，引导其{platform}申请贷款5万元。"
        "随后对方以“银行卡号填写错误导致资金冻结”“需验证还款能力”为由要求其缴纳费用。{id_sentence}",
    ),
    "impersonate_service": (
        "{when}，{victim}{where}{contact}，对方自称某电商平台客服，称其“双十一”购买的商品存在质量问题，"
        "可办理理赔退款，随后诱导其下载会议软件并开启屏幕共享，以“理赔需要验证流水”为由让其操作转账。",
        "{when}，{victim}{where}{contact}，对方自称快递公司客服，称其包裹在运输中丢失，可三倍理赔，"
        "以“理赔账户资金不足需先验证”为由诱导其转账。",
        "{when}，{victim}{where}{contact}，对方自称某支付平台客服，称其开通了“百万保障”业务，"
        "不取消将每月自动扣费，随后以“取消业务需清空账户余额”为由诱导其转账。",
    ),
    "shopping": (
        "{when}，{victim}{where}浏览社交平台时看到有人低价出售演唱会门票，{contact}，双方脱离平台私下交易。",
        "{when}，{victim}{where}看到有人低价转让九成新手机，{contact}，对方要求私下付款后发货。",
    ),
    "investment": (
        "{when}，{victim}{contact}，被拉入一个“股票交流群”，群内“导师”每日荐股，称有内部渠道，"
        "诱导其{platform}开户投资。事主先小额投入获利并成功提现，随后加大投入。",
        "{when}，{victim}{contact}，对方自称数字货币分析师，诱导其{platform}进行“稳赚不赔”的合约交易。",
    ),
    "impersonate_acquaintance": (
        "{when}，{victim}{where}{contact}，对方头像、昵称与其单位领导一致，称正在开会不便接听电话，"
        "让其先向一名“合作方”账户转账。",
    ),
    "rebate_task": (
        "{when}，{victim}{where}{contact}，对方称招募兼职刷单，做任务可赚取佣金，并引导其{platform}做任务。"
        "前几单均获得小额返利，之后对方以“连单任务未完成”“操作失误账户被冻结”为由要求其继续垫付。",
        "{when}，{victim}{where}{contact}，对方以“点赞关注领佣金”为由将其拉入任务群，随后引导其{platform}"
        "参加“充值返利”任务。",
    ),
    "romance": (
        "{when}，{victim}{contact}，对方自称在外企工作，两人以恋人相处。对方称发现某投资平台有漏洞，"
        "诱导其{platform}充值投注。",
    ),
    "game_trade": (
        "{when}，{victim}{where}{contact}，对方称可低价出售游戏账号，引导其{platform}交易，"
        "付款后平台称其账户被冻结，需缴纳“解冻费”“认证费”才能提现。",
        "{when}，{victim}{where}{contact}，对方称可免费领取游戏皮肤，让其{platform}登记，"
        "随后以“未成年人操作违规需缴纳保证金”为由要求付款。",
    ),
    "credit_record": (
        "{when}，{victim}{where}{contact}，对方自称某金融平台客服，称其大学期间开通的“校园贷”账户未注销，"
        "会影响个人征信，要求其将各网贷平台的额度贷出后转入指定账户“清空额度”。{id_sentence}",
    ),
    "phishing": (
        "{when}，{victim}{where}{contact}，称其ETC认证失效，需点击链接{url}重新认证。事主点击链接后"
        "输入了银行卡号、密码和短信验证码，随后卡内资金被转走。{id_sentence}",
        "{when}，{victim}{where}{contact}，称其话费积分即将清零，可点击链接{url}兑换现金礼包。"
        "事主在页面上填写了银行卡信息和验证码，随后卡内资金被转走。{id_sentence}",
    ),
    "prize": (
        "{when}，{victim}{where}{contact}，称其被抽中为“幸运用户”，获得奖金16.8万元，"
        "领奖前需先缴纳个人所得税和公证费。",
        "{when}，{victim}{where}{contact}，对方自称税务局工作人员，称可办理个税退税，需先缴纳手续费。",
    ),
    "other_fraud": (
        "{when}起，{victim}{contact}，对方自称“健康专家”，称其推销的保健品能治疗高血压、糖尿病，"
        "并承诺购买后可参加“养老项目”分红。",
    ),
}
_GRANDCHILD = (
    "{when}，{victim}{where}{contact}，对方自称是其孙子，称在外地与人发生冲突需要赔偿，并叮嘱不要告诉父母。"
)
_REASONS: dict[str, tuple[str, ...]] = {
    "impersonate_authority": ("转入所谓“安全账户”",),
    "loan": ("缴纳“解冻费”", "缴纳“保证金”", "缴纳“验资流水”", "缴纳“会员费”"),
    "impersonate_service": ("按对方指示“验证流水”",),
    "shopping": ("支付“货款”", "支付“保证金”", "支付“运费险”"),
    "investment": ("充值入金",),
    "impersonate_acquaintance": ("转给所谓“合作方”", "支付所谓“赔偿款”"),
    "rebate_task": ("垫付任务款",),
    "romance": ("充值投注",),
    "game_trade": ("支付“解冻费”", "支付“认证费”", "支付“保证金”"),
    "credit_record": ("“清空额度”",),
    "phishing": ("被转出",),
    "prize": ("缴纳“个人所得税”", "缴纳“公证费”", "缴纳“手续费”"),
    "other_fraud": ("购买保健品",),
}
_AFTERMATH: dict[str, str] = {
    "loan": "贷款始终未到账，对方失联。",
    "investment": "事主要求提现时，平台以“账户异常需缴纳保证金”为由拒绝，事主意识到被骗。",
    "rebate_task": "事主始终无法提现，意识到被骗。",
    "romance": "后平台无法提现，对方失联。",
    "prize": "奖金始终未发放，对方失联。",
    "other_fraud": "后经家人发现，所购保健品为普通食品，“专家”失联。",
}


@dataclass(slots=True)
class PaymentText:
    at: datetime  # local time
    channel: str
    to_account: str  # as written
    to_bank: str
    amount: float


@dataclass(slots=True)
class Story:
    """What one narrative says. Times are local (Beijing) times; values as they are written."""

    fraud_type: str
    when: datetime
    victim: str  # "事主王秀英（女，67岁）"
    place: str
    contact: str  # "接到号码为170 1234 5678的陌生来电"
    platform: str = ""  # "在“鑫盛国际”APP（下载地址www.x.top）上"
    url: str = ""
    id_number: str = ""
    payments: list[PaymentText] = field(default_factory=list)
    intended: PaymentText | None = None  # for a dissuaded case: the transfer that was stopped
    total: float = 0.0
    received: datetime | None = None
    elderly: bool = False


def yuan_text(amount: float) -> str:
    """5万元, 2.35万元, 12800元 — as the desk writes amounts."""
    if amount >= 10_000 and round(amount) % 100 == 0:
        return f"{amount / 10_000:.2f}".rstrip("0").rstrip(".") + "万元"
    return f"{amount:.2f}".rstrip("0").rstrip(".") + "元"


def clock(at: datetime) -> str:
    return f"{at.month}月{at.day}日{at.hour}时{at.minute:02d}分"


def _how(pay: PaymentText, *, elderly: bool, rng: random.Random) -> str:
    if pay.channel == "alipay":
        return f"通过支付宝向对方支付宝账户{pay.to_account}转账"
    if pay.channel == "wechat_pay":
        return f"通过微信向对方（微信号{pay.to_account}）转账"
    if pay.channel == "cash":
        return "当面交给对方现金"
    if elderly and rng.random() < 0.6:
        return f"到{pay.to_bank}营业网点柜台向账户{pay.to_account}（{pay.to_bank}）汇款"
    return f"通过手机银行向对方提供的账户{pay.to_account}（{pay.to_bank}）转账"


def _payments(story: Story, rng: random.Random) -> str:
    reasons = _REASONS[story.fraud_type]
    if story.fraud_type == "phishing":
        parts = [
            f"{clock(p.at)}卡内{yuan_text(p.amount)}被转入账户{p.to_account}（{p.to_bank}）"
            for p in story.payments
        ]
    else:
        parts = [
            f"{clock(p.at)}{_how(p, elderly=story.elderly, rng=rng)}{yuan_text(p.amount)}（{rng.choice(reasons)}）"
            for p in story.payments
        ]
    head = "事主于" if len(parts) == 1 else f"事主先后{len(parts)}次付款："
    return head + "；".join(parts) + f"，共计损失{yuan_text(story.total)}。"


def _stopped(story: Story, rng: random.Random) -> str:
    pay = story.intended
    if pay is None or pay.channel == "cash":
        return "反诈中心民警接到预警后及时联系事主劝阻，事主未付款，未造成损失。"
    amount = yuan_text(pay.amount)
    if pay.channel == "bank_transfer":
        target = f"账户{pay.to_account}（{pay.to_bank}）"
        if rng.random() < 0.5:
            return (
                f"{clock(pay.at)}，事主到{pay.to_bank}营业网点欲向对方提供的{target}转账{amount}时，"
                "被银行工作人员和驻点民警及时发现并劝阻，未造成损失。"
            )
    elif pay.channel == "alipay":
        target = f"支付宝账户{pay.to_account}"
    else:
        target = f"微信账户（微信号{pay.to_account}）"
    return (
        f"对方要求事主向{target}转账{amount}，{clock(pay.at)}反诈中心接到预警后，"
        "民警及时联系并上门劝阻，事主未转账，未造成损失。"
    )


def narrative(story: Story, rng: random.Random) -> str:
    """The narrative of one case, beginning with the synthetic-data label."""
    template = rng.choice(_SETUPS[story.fraud_type])
    if story.fraud_type == "impersonate_acquaintance" and story.elderly:
        template = _GRANDCHILD
    when = f"{story.when.year}年{story.when.month}月{story.when.day}日{story.when.hour}时许"
    platform_sentence = f"随后对方让其{story.platform}查看“通缉令”。" if story.platform else ""
    id_sentence = f"期间事主按对方要求提供了本人身份证号码{story.id_number}。" if story.id_number else ""
    text = template.format(
        when=when,
        victim=story.victim,
        where="" if story.contact.startswith("在") else f"在{story.place}",
        contact=story.contact,
        platform=story.platform or "在对方提供的平台上",
        platform_sentence=platform_sentence,
        url=story.url,
        id_sentence=id_sentence,
    )
    if story.payments:
        text += _payments(story, rng) + _AFTERMATH.get(story.fraud_type, "")
        if story.received is not None:
            text += f"事主发现被骗后于{clock(story.received)}报警。"
    else:
        text += _stopped(story, rng)
    return LABEL + text
