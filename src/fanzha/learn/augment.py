"""Training examples the shared corpus lacks: synthetic ones, real everyday reviews, short crops.

The shared corpus has no everyday notices of the kind a scam filter must leave alone
(verification codes, bank notices, deliveries, anti-fraud warnings, family chats) and no samples
of four fraud types (phishing, credit_record, shopping, other_fraud). This module writes them
from templates with random slot values. They are clearly synthetic, used only for training, and
written independently of the evaluation sets in `benchmarks/data/`.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from importlib import resources

from fanzha.learn.dataset import Example

BANKS = (
    "工商银行",
    "建设银行",
    "农业银行",
    "中国银行",
    "招商银行",
    "交通银行",
    "邮储银行",
    "浦发银行",
    "中信银行",
)
APPS = (
    "支付宝",
    "微信",
    "淘宝",
    "京东",
    "美团",
    "抖音",
    "拼多多",
    "滴滴出行",
    "12306",
    "饿了么",
    "携程",
    "闲鱼",
)
CARRIERS = ("顺丰", "中通", "圆通", "韵达", "申通", "极兔", "京东物流", "邮政EMS")
OPERATORS = ("中国移动", "中国联通", "中国电信")
CITIES = ("北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "西安", "南京", "郑州")
NAMES = ("张先生", "李女士", "王阿姨", "小刘", "陈老师", "赵经理", "老周", "杨姐")
SCAM_TLDS = ("top", "xyz", "cc", "vip", "icu", "shop", "cn", "com", "site", "club")
SCAM_WORDS = ("vip", "kefu", "jf", "etc", "sb", "gov", "verify", "login", "safe", "pay", "app", "bank", "cn")


def _code(rng: random.Random, n: int = 6) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _amount(rng: random.Random) -> str:
    return f"{rng.choice([rng.randint(5, 300), rng.randint(300, 5000), rng.randint(5000, 80000)])}.{rng.randint(0, 99):02d}"


def _scam_url(rng: random.Random) -> str:
    host = rng.choice(SCAM_WORDS) + rng.choice(["-", ""]) + rng.choice(SCAM_WORDS) + str(rng.randint(1, 999))
    form = rng.random()
    if form < 0.15:
        return f"http://{rng.randint(23, 223)}.{rng.randint(1, 254)}.{rng.randint(1, 254)}.{rng.randint(1, 254)}/{_code(rng, 3)}"
    if form < 0.3:
        return f"t.cn/{_code(rng, 2)}{rng.choice('abcxyzAB')}{_code(rng, 2)}"
    scheme = rng.choice(["http://", "https://", "", "www."])
    return f"{scheme}{host}.{rng.choice(SCAM_TLDS)}"


def _mobile(rng: random.Random) -> str:
    return rng.choice(["138", "139", "150", "170", "171", "186", "199", "165"]) + _code(rng, 8)


NORMAL_TEMPLATES: tuple[str, ...] = (
    "【{bank}】验证码{code}，您正在进行{purpose}，{n}分钟内有效。请勿泄露给他人，工作人员不会向您索要。",
    "【{app}】验证码：{code}，用于登录，5分钟内有效。切勿告知他人。",
    "{code}是您的{app}验证码，请勿转发。如非本人操作请忽略。",
    "【{app}】您正在绑定新设备，验证码{code}。若非本人操作，请立即修改密码。",
    "【{bank}】您尾号{tail}的储蓄卡{m}月{d}日{hh}:{mm}支出(消费){amount}元，余额{amount2}元。",
    "【{bank}】您尾号{tail}的账户{m}月{d}日收入(工资){amount}元，当前余额{amount2}元。",
    "【{bank}】您尾号{tail}的卡{m}月{d}日转账汇款支出{amount}元，对方户名：{name}。如有疑问请致电客服。",
    "【{bank}信用卡】您{m}月账单应还{amount}元，最低还款{amount2}元，到期还款日{m}月{d}日，请按时还款。",
    "【{bank}】尊敬的客户，您申请的个人消费贷款已于{m}月{d}日放款{amount}元至尾号{tail}账户，请留意还款计划。",
    "【菜鸟驿站】您的{carrier}包裹已到{city}{place}驿站，取件码{code4}，请于{hh}:00前取件。",
    "【{carrier}】您的快递已由{city}发出，运单号{code}{code4}，预计{m}月{d}日送达。",
    "【{carrier}】快递员{name}正在派送您的包裹，电话{mobile}，如不在家可放门卫。",
    "【12306】订单E{code}{code4}，您已购{m}月{d}日G{n}次{n}车{n}F号，{city}站{hh}:{mm}开，请提前到站。",
    "【{op}】尊敬的客户，截至{d}日您本月已用流量{n}GB，剩余{n}GB，当前话费余额{amount}元。",
    "【{op}】您的积分{n}00分将于年底到期，可登录{op}APP在积分商城兑换，详询{opnum}。",
    "【{op}】您本月账单{amount}元已出，可通过官方APP查询明细。",
    "【{city}市人民医院】您已预约{m}月{d}日{dept}门诊，就诊序号{n}，请携带身份证和医保卡按时就诊。",
    "【{city}社保】您{year}年度社保费已扣缴成功，金额{amount}元，可在官方APP查询。",
    "【{city}税务】您的{year}年度个人所得税综合所得汇算已办理完成，退税{amount}元将退至您登记的银行卡。",
    "【国家反诈中心】公检法机关不会通过电话办案，更不存在安全账户，凡是要求转账到安全账户的都是诈骗。",
    "【{city}公安】提醒您：刷单返利都是诈骗，不要下载陌生APP，不要向陌生人转账，如有疑问拨打96110。",
    "【反诈提醒】近期冒充客服退款诈骗高发，客服不会让您开启屏幕共享或从借呗贷款，谨防上当。",
    "【12381】您可能正在遭遇诈骗，请提高警惕。如对方要求转账，请立即停止，谨防受骗。",
    "{city}反诈中心提醒：网上贷款先交保证金的都是诈骗，注销校园贷、修复征信也是骗局，切勿转账。",
    "国家反诈中心提醒您：陌生来电自称公安要求资金核查的是诈骗，请挂断后拨打110核实。",
    "【{app}】您的订单已支付成功，金额{amount}元，订单号{code}{code4}。",
    "【{app}】您的退款{amount}元已原路退回，请注意查收。",
    "【{app}】您预订的{city}{place}酒店{m}月{d}日入住已确认，如需取消请在APP内操作。",
    "【{shop}】双十一全场满300减50，会员再享9折，回T退订。",
    "【{shop}】亲爱的会员，您的生日礼券已到账，到店消费可用，退订回T。",
    "【{shop}】感谢参与抽奖，您获得满100减10优惠券，已放入账户，回T退订。",
    "妈，我这周末回家吃饭，给我留点饺子",
    "晚上一起吃火锅吗？{place}那家",
    "房租{amount}我转给你了，记得收一下",
    "今天聚餐一共{amount}，AA每人{n}0块，微信转我就行",
    "明天的会改到下午三点，{place}二楼会议室",
    "孩子今天在学校表现很好，作业已经写完了",
    "老婆我加班，晚点回来，你们先吃",
    "爸，你让我查的那个快递到了，在小区门口驿站",
    "各位家长好，明天学校组织体检，请孩子早上不要吃早饭。",
    "{name}，合同我发你邮箱了，看完回复一下",
    "兄弟借我{n}00块，下周发工资还你",
    "钱收到了，谢谢啊，改天请你吃饭",
    "你好，我是{city}{place}小区物业，明天上午停水，请提前储水。",
    "你好，我是{carrier}快递员，你的件放在{place}驿站了，取件码{code4}",
    "{name}您好，您的车辆保养到期了，欢迎预约到店，4S店客服",
    "【{bank}】您的信用卡分期活动：账单分期费率优惠，详询官方APP或客服{banknum}。",
    "【{app}】您的账户于{m}月{d}日在新设备登录，如非本人操作请及时修改密码。",
    "【{app}】您关注的商品降价了，点击 {app_url} 查看",
    "开会通知：{m}月{d}日上午九点在{place}召开年度总结会，请准时参加。",
    "【{city}交警】您的机动车{m}月{d}日在{place}违法停车，请及时处理，详情登录交管12123。",
    "您好，这边是{city}某科技公司人事，看到您投递的简历，想约您周三下午面试，方便吗？",
    "明天降温，记得多穿点衣服，别感冒了",
    "快递帮我拿一下，取件码{code4}，谢谢",
    "【{app}】您的验证码为{code}，请勿告诉他人，打死都不能告诉别人哦。",
    "你那个{app}退款到账没，我的已经退回来了",
    "上次借你的{n}00块我转你了，看下收到没",
    "哥，上次借我的钱不急，啥时候方便再说",
    "妈，生活费收到了，谢谢妈",
    "你微信转我{n}0就行，奶茶钱",
    "红包收到了吗？给孩子买点零食",
    "我到楼下了，你下来拿一下快递",
    "验证码发你邮箱了没？我这边登不上{app}",
    "晚上几点下班？我去接你",
    "周末去{place}爬山吗，{name}也去",
    "车票买好了，{m}月{d}日下午的，到了给你打电话",
    "老板说这个月奖金下周发，别急",
    "刚才电话没听到，什么事？",
    "你帮我看看这个{app}的订单是不是付了两次钱",
    "我手机没电了，用同事手机给你发的，晚点回",
    "宝宝发烧了，我带她去医院，晚点联系",
    "借你的充电宝记得还我哈",
    "下周同学聚会，每人交{n}00，群里接龙",
    "老师您好，孩子今天请假一天，谢谢",
    "@所有人 本周五下午两点开部门例会，请准时参加",
    "收到，辛苦了",
    "那家店的{item}打折，要不要帮你带一个",
    "今天转账额度用完了，明天再转你剩下的{n}00",
    "我在{bank}办卡，柜员让我问你身份证放哪了",
    "你的快递我帮你拿了，放你门口了",
    "爷爷住院了，在{city}人民医院，周末一起去看看",
    "{name}，报销单我签好了，你拿去财务",
    "房东说下个月房租涨{n}00，你怎么看",
)

SCAM_TEMPLATES: dict[str, tuple[str, ...]] = {
    "phishing": (
        "【{op}】尊敬的用户，您的积分{n}00即将清零，请登录{url}兑换现金礼包",
        "【{op}】您的话费积分可兑换{amount}元现金，逾期作废，戳{url}领取",
        "您的ETC已失效，请于24小时内点击{url}重新认证，以免影响通行",
        "【ETC】您的ETC卡已停用，请登录{url}更新信息，否则将无法使用",
        "【{bank}】您的账户存在异常已被冻结，请登录{url}验证身份解除限制",
        "【{bank}】您的网银证书已过期，请立即登录{url}进行升级，否则将停用",
        "您的快递因地址不详无法派送，请点击{url}更新收货地址",
        "【{carrier}】您的包裹派送失败，请点击{url}重新填写地址并支付运费",
        "【社保局】您的社保卡即将停用，请于今日内登录{url}认证",
        "【医保】您的医保卡异常已冻结，请登陆{url}重新激活",
        "您的驾驶证已扣满12分将被注销，请点击{url}处理",
        "【{app}】您的账号存在违规将被封停，请点击{url}申诉解封",
        "尊敬的客户您的{bank}信用卡可提额至{n}万，点击{url}马上办理",
    ),
    "credit_record": (
        "您的征信存在不良记录，将影响贷款买房，请联系{mobile}办理修复",
        "【征信中心】您名下有校园贷未注销，会影响个人征信，请加QQ{qq}处理",
        "专业修复征信，消除逾期记录，洗白黑名单，咨询微信{wx}",
        "您好，您的征信被上报为失信，需要马上处理，否则会影响子女上学，回电{mobile}",
        "你的征信有问题，需要把借款额度清空，不然影响征信，按我说的操作转账",
        "我们这边是征信管理部门，您的信用记录异常，需要配合做一下资金验证",
    ),
    "shopping": (
        "低价出售{item}，原价{n}999现价{n}99，加微信{wx}私下交易",
        "演唱会门票内部渠道有票，先付定金{n}00，加V{wx}",
        "海关罚没{item}，一折处理，需要的联系{mobile}",
        "直播间专属福利，{item}白菜价，不走平台扫码付款更便宜",
        "二手{item}九成新{n}00出，不走平台，先转定金我给你留着",
        "工厂内部价{item}，代购原单，微信转账发货，加{wx}",
    ),
    "other_fraud": (
        "高薪招聘，日结{n}00，入职先交培训费和服装费{n}00元，联系{mobile}",
        "我是部队采购员，营房需要采购一批物资，请先垫付货款，联系{mobile}",
        "您的收藏品可以高价拍卖，先交鉴定费{n}000元，加微信{wx}",
        "养老项目投资，每月返利分红，名额有限，速联系{mobile}",
    ),
}
ITEMS = ("iPhone", "茅台", "名牌包", "游戏本", "相机", "金条", "摩托车")
SHOPS = ("屈臣氏", "优衣库", "沃尔玛", "永辉超市", "名创优品", "瑞幸咖啡")
DEPTS = ("内科", "儿科", "口腔科", "眼科", "骨科")
PURPOSES = ("转账", "登录手机银行", "绑定银行卡", "修改密码", "支付")
OFFICIAL_NUM = {"中国移动": "10086", "中国联通": "10010", "中国电信": "10000"}


def _fill(template: str, rng: random.Random) -> str:
    op = rng.choice(OPERATORS)
    app = rng.choice(APPS)
    values = {
        "bank": rng.choice(BANKS), "app": app, "carrier": rng.choice(CARRIERS), "op": op,
        "opnum": OFFICIAL_NUM[op], "banknum": "95" + _code(rng, 3), "city": rng.choice(CITIES),
        "place": rng.choice(("万达广场", "南门", "3号楼", "东区", "中山路", "人民路")), "name": rng.choice(NAMES),
        "code": _code(rng), "code4": _code(rng, 4), "tail": _code(rng, 4), "m": str(rng.randint(1, 12)),
        "d": str(rng.randint(1, 28)), "hh": f"{rng.randint(0, 23):02d}", "mm": f"{rng.randint(0, 59):02d}",
        "n": str(rng.randint(1, 30)), "amount": _amount(rng), "amount2": _amount(rng),
        "year": str(rng.randint(2022, 2026)), "dept": rng.choice(DEPTS), "purpose": rng.choice(PURPOSES),
        "shop": rng.choice(SHOPS), "url": _scam_url(rng), "app_url": f"https://m.{app}.com/i/{_code(rng, 5)}",
        "mobile": _mobile(rng), "qq": str(rng.randint(10_000_000, 3_999_999_999)),
        "wx": rng.choice(("abc", "vip", "kf", "zz", "ok")) + _code(rng, rng.randint(4, 7)), "item": rng.choice(ITEMS),
    }  # fmt: skip
    return template.format(**values)


_PUNCT = re.compile(r"[，。！？、：；,.!?:;【】]")


def _noisy(text: str, rng: random.Random) -> str:
    """Real SMS variety: no punctuation, or spaces between phrases."""
    roll = rng.random()
    if roll < 0.25:
        return _PUNCT.sub("", text)
    if roll < 0.4:
        return _PUNCT.sub(" ", text)
    return text


def synthetic_examples(*, normal: int, per_scam_type: int, seed: int = 11) -> Iterator[Example]:
    rng = random.Random(seed)
    for i in range(normal):
        yield Example(f"syn-normal-{i}", _noisy(_fill(rng.choice(NORMAL_TEMPLATES), rng), rng), "normal")
    for label, templates in SCAM_TEMPLATES.items():
        for i in range(per_scam_type):
            yield Example(f"syn-{label}-{i}", _noisy(_fill(rng.choice(templates), rng), rng), label)


_SENTENCE_END = re.compile(r"(?<=[。！？!?\n])")


def short_crops(
    examples: list[Example], *, seed: int = 13, min_len: int = 25, max_len: int = 90
) -> Iterator[Example]:
    """One window of whole sentences (25–90 characters) from each long text, with the same label.

    Real scam SMS are short; the corpus texts are long. A crop teaches the model that a single
    sentence of a scam script is already evidence.
    """
    rng = random.Random(seed)
    for ex in examples:
        if len(ex.text) <= max_len:
            continue
        sentences = [s for s in _SENTENCE_END.split(ex.text) if s.strip()]
        if len(sentences) < 2:
            continue
        start = rng.randrange(len(sentences))
        crop = ""
        for sentence in sentences[start:]:
            if len(crop) + len(sentence) > max_len:
                break
            crop += sentence
        if len(crop) >= min_len:
            yield Example(ex.id + "-crop", crop, ex.label)


def everyday_reviews() -> Iterator[Example]:
    """Real consumer reviews (`data/everyday_reviews.txt`, see its header) as everyday normal text.

    The corpus's normal class is marketing SMS and service dialogues, so the classifier learned that
    ordinary people talking about money, refunds and customer service sound like scams. Real reviews
    ("退款等了半个月，客服态度很差") teach it otherwise.
    """
    raw = resources.files("fanzha.learn").joinpath("data/everyday_reviews.txt").read_text("utf-8")
    lines = [line for line in raw.splitlines() if line and not line.startswith("#")]
    for i, line in enumerate(lines):
        yield Example(f"rev-{i}", line, "normal")
