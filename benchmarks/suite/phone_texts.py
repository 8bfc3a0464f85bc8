"""Chinese SMS/chat texts with planted phone numbers among number-like distractors, and the sentences
obfuscated numbers are put in, for the extraction benchmark."""

from __future__ import annotations

import random
import re

from suite.phones import PhoneFactory, Planted, random_digits

TEMPLATES = (
    "【顺丰速运】您的快递因地址不详被退回，请于{date}前致电{p}处理，运单号SF{track}。",
    "您好，我是房产中介小王，{date}看房的事跟您确认一下，我的电话{p}，微信同号。",
    "【工商银行】您尾号{card4}的账户于{date} {time}支出{amt}元，如有疑问请致电{p}。",
    "老板您好，货款{amt}元已经安排，有问题打我手机{pm}，座机{pl}。",
    "通知：{date}社区疫苗接种点改到活动中心，咨询电话{p}，工作时间{time}-17:30。",
    "恭喜您被选为幸运用户，获得{amt}元购物卡，请速拨{p}领取，验证码{code}。",
    "您的ETC已失效，请联系客服{p}重新认证，逾期将影响通行。",
    "我换号了，新号码是{pm}，旧号{pm}不用了，存一下哈",
    "【平安普惠】您的借款额度{amt}元已下发，回电{ps}激活，退订回T",
    "香港的朋友可以直接打{pi}，内地请拨{p}。",
    "订单{order}已发货，物流问题请拨打客服热线{ps}，感谢您的支持！",
    "紧急：您的包裹含违禁品，请立即联系{city}公安{pl}，否则将承担法律责任。",
    "张总，合同我看了，价格{amt}元可以，明天{time}你打{p}找我。",
    "酒店预订成功，入住日期{date}，前台电话 {pl}，如需取消请提前24小时。",
    "面试通知：请于{date} {time}到公司面试，联系人李经理，电话：{p}。",
    "海外代购，正品保证，加我WhatsApp {pi} 详聊，价格{amt}元起。",
    "您好，您在本店购买的商品有质量问题，我们将退款{amt}元，请联系客服电话{p}办理。",
    "维修师傅电话{pm}，上门费{amt}元，有事直接打给他。",
    "学校通知：家长会定于{date}召开，请致电班主任{p}确认参加。",
    "如需开发票请联系财务部{pl}或{ps}，工作日{time}前受理。",
    "这是我在国外的号码{pi}，有时差，白天打不通就发短信。",
    "车辆违章提醒：您的车辆于{date}在{city}有违章记录，罚款{amt}元，详询{p}。",
    "预约挂号成功：{date} 上午 第{num}号，如需改约请拨{p}。",
    "房东电话{p}，押一付三，月租{amt}元，{date}起租。",
    "帮我联系一下这个号{p}，说是你同学，让我转{amt}块钱给他。",
    "QQ号{qq}，手机{pm}，有事随时联系。",
    "银行卡尾号{card4}，预留手机{pm}，开户网点电话{pl}。",
    "境外来电{pi}请谨慎接听，如有疑问拨打{p}咨询。",
    "快递员电话 {pm} ，放在门卫了，取件码{code}。",
    "{city}分公司：{pl}；全国客服：{ps}；传真：{pl}",
)
CITIES = ("北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "西安", "南京", "郑州")


def build_texts(n: int, seed: int) -> list[tuple[str, list[tuple[int, int, Planted]]]]:
    """`n` Chinese texts with phone numbers and number-like distractors, and where each number is."""
    rng = random.Random(seed)
    factory = PhoneFactory(rng)
    slot_kinds = {
        "p": ("mobile", "mobile", "landline", "service", "international"),
        "pm": ("mobile",),
        "pl": ("landline",),
        "ps": ("service",),
        "pi": ("international",),
    }
    filler = {
        "date": lambda: rng.choice(
            (
                f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
                f"2024年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
            )
        ),
        "time": lambda: f"{rng.randint(8, 20)}:{rng.choice(('00', '15', '30', '45'))}",
        "amt": lambda: str(
            rng.choice((rng.randint(50, 999), rng.randint(1000, 99999), rng.randint(100000, 500000)))
        ),
        "code": lambda: random_digits(rng, "xxxxxx"),
        "card4": lambda: random_digits(rng, "xxxx"),
        "order": lambda: "2024" + random_digits(rng, "xxxxxxxxxxxxxx"),
        "track": lambda: random_digits(rng, "xxxxxxxxxxxx"),
        "qq": lambda: (
            random_digits(rng, "[1-9]xxxxxxxx") + rng.choice(("", "x")).replace("x", str(rng.randrange(10)))
        ),
        "num": lambda: str(rng.randint(1, 60)),
        "city": lambda: rng.choice(CITIES),
    }
    out = []
    for _ in range(n):
        template = rng.choice(TEMPLATES)
        parts = re.split(r"\{(\w+)\}", template)
        text, spans = "", []
        for i, part in enumerate(parts):
            if i % 2 == 0:
                text += part
            elif part in slot_kinds:
                planted = factory.make(rng.choice(slot_kinds[part]))
                spans.append((len(text), len(text) + len(planted.written), planted))
                text += planted.written
            else:
                text += filler[part]()
        out.append((text, spans))
    return out


OBFUSCATED_TEMPLATES = (
    "请拨打{p}联系客服处理退款。",
    "【建设银行】您的账户存在异常，请立即致电{p}核实，否则将冻结。",
    "急事，打我新号{p}，旧号不用了。",
    "兼职刷单日结，详情电话{p}。",
    "您的快递丢失，理赔专线{p}。",
)
