"""Hand-written free-form narratives with their expected pre-fill (build_narratives.py adds them to each split).
Dates are relative to 2026-12-03 16:00 Beijing time (a Thursday)."""

from __future__ import annotations

from typing import Any

from pieces import luhn_digit


def card(body: str, *, valid: bool = True) -> str:
    check = luhn_digit(body)
    return body + (check if valid else str((int(check) + 5) % 10))


def pay(amount: float, paid_at: str | None, method: str = "", channel: str = "", from_bank: str = "",
        to_account: str = "", to_bank: str = "", flagged: bool = False) -> dict[str, Any]:  # fmt: skip
    return {"amount": amount, "paid_at": paid_at, "method": method, "channel": channel, "from_bank": from_bank,
            "to_account": to_account, "to_bank": to_bank, "flagged": flagged}  # fmt: skip


def expect(victim_name: str = "", reporter_name: str = "", relation: str = "本人", victim_sex: str = "",
           victim_age: int | None = None, fraud_type: str = "", contact_channel: str = "",
           occurred_at: str | None = None, payments: list[dict[str, Any]] | None = None, loss: float = 0.0,
           dissuaded: bool = False) -> dict[str, Any]:  # fmt: skip
    return {"victim_name": victim_name, "reporter_name": reporter_name, "relation": relation,
            "victim_sex": victim_sex, "victim_age": victim_age, "fraud_type": fraud_type,
            "contact_channel": contact_channel, "occurred_at": occurred_at, "payments": payments or [],
            "loss": loss, "dissuaded": dissuaded}  # fmt: skip


def t(day: str, clock: str = "00:00") -> str:
    return f"2026-{day}T{clock}:00+08:00"


C1 = card("621799123456789012")  # 邮储, 19 digits
C2 = card("621483001234567")  # 招商, 16 digits
C3 = card("621700123456789012", valid=False)  # 建行, fails the check
C4 = card("622202876543210987")  # 工行
C5 = card("621700001234567890", valid=False)

FREE_ROWS: list[dict[str, Any]] = [
    # ----------------------------------------------------------------- test
    {"split": "test", "text": f"我妈妈七十三岁了，前天下午三点多有人打电话说是她孙子，在外面打架被派出所抓了要交保释金，"
     f"她就去邮政储蓄银行柜台给对方汇了2万元，账号是{C1}。我是她儿子刘强，今天陪她来报警。",
     "expect": expect("", "刘强", "子女", "女", 73, "impersonate_acquaintance", "phone_call", t("12-01", "15:00"),
                      [pay(20000, t("12-01", "15:00"), "柜台", "bank_transfer", "中国邮政储蓄银行", C1, "中国邮政储蓄银行")],
                      20000)},
    {"split": "test", "text": f"事主陈先生，45岁，11月30日晚上十点在QQ上认识一个自称投资导师的人，下载“汇金国际”APP投资外汇。"
     f"12月1日上午10点用招行手机银行向对方账户{C2[:4]} {C2[4:8]} {C2[8:12]} {C2[12:]}转了10万元，"
     f"12月2日又转了20万元到同一账户，现无法提现。",
     "expect": expect("", "", "本人", "男", 45, "investment", "qq", t("11-30", "22:00"),
                      [pay(100000, t("12-01", "10:00"), "手机银行", "bank_transfer", "招商银行", C2, "招商银行"),
                       pay(200000, t("12-02"), "", "bank_transfer", "", C2, "招商银行")], 300000)},
    {"split": "test", "text": "受害人赵敏（女，28岁）称，昨天晚上在抖音直播间看到有人低价卖演唱会门票，加了对方微信 zm_ticket2026，"
     "用微信转了1200元，对方收钱后把她拉黑。",
     "expect": expect("赵敏", "赵敏", "本人", "女", 28, "shopping", "social_media", t("12-02", "20:00"),
                      [pay(1200, t("12-02", "20:00"), "微信", "wechat_pay", "", "zm_ticket2026")], 1200)},
    {"split": "test", "text": "报警人孙丽华称，其父亲孙德明（80岁）今天上午接到自称社保局的电话，说他的医保卡被冒用，"
     "需要把存款转到安全账户。孙德明在工商银行ATM上准备转账时被银行保安劝阻，未造成损失。",
     "expect": expect("孙德明", "孙丽华", "子女", "男", 80, "impersonate_authority", "phone_call", t("12-03", "10:00"),
                      [], 0, True)},
    {"split": "test", "text": f"11月29日14时10分，我在家接到电话，对方说是京东金融客服，我的百万保障服务到期要关闭，否则每月扣费。"
     f"按对方要求我先用支付宝转了4999元到对方支付宝账号 18612345678，又在14时40分用建设银行手机银行向"
     f"{C3[:4]} {C3[4:8]} {C3[8:12]} {C3[12:16]} {C3[16:]}转了19999元。我叫高志远，男，51岁。",
     "expect": expect("高志远", "高志远", "本人", "男", 51, "impersonate_service", "phone_call", t("11-29", "14:10"),
                      [pay(4999, t("11-29", "14:10"), "支付宝", "alipay", "", "18612345678"),
                       pay(19999, t("11-29", "14:40"), "手机银行", "bank_transfer", "中国建设银行", C3, "中国建设银行",
                           True)], 24998)},
    {"split": "test", "text": "网友小周（男，19岁，学生）称在游戏里卖皮肤，对方让他扫码注册交易平台，先后转了800元、1500元和3000元，"
     "后发现平台是假的。",
     "expect": expect("", "", "本人", "男", 19, "game_trade", "game", None,
                      [pay(800, None), pay(1500, None), pay(3000, None)], 5300)},
    {"split": "test", "text": "报警人李桂芝，女，六十九岁。今天中午接到短信说她的ETC卡失效，点开链接后输入了银行卡号和验证码，"
     "随后卡内被转走3万元。",
     "expect": expect("李桂芝", "李桂芝", "本人", "女", 69, "phishing", "sms", t("12-03", "12:00"),
                      [pay(30000, t("12-03", "12:00"))], 30000)},
    {"split": "test", "text": "报警人欧阳明，男，３６岁，手机１３９１２３４５６７８。１２月１日２０时许在微信上收到自称其表弟的消息借钱，"
     "其于２０时３０分通过微信向对方转账８０００元。",
     "expect": expect("欧阳明", "欧阳明", "本人", "男", 36, "impersonate_acquaintance", "wechat", t("12-01", "20:00"),
                      [pay(8000, t("12-01", "20:30"), "微信", "wechat_pay")], 8000)},
    # ----------------------------------------------------------------- dev
    {"split": "dev", "text": "报警人王秀英，女，67岁，今天上午接到自称公安局民警的电话，说她涉嫌洗钱，要求把钱转到安全账户。"
     "我下午2点在农业银行柜台转了5万元，后来又用手机银行转了3万元到6217001234567890123。",
     "expect": expect("王秀英", "王秀英", "本人", "女", 67, "impersonate_authority", "phone_call", t("12-03", "10:00"),
                      [pay(50000, t("12-03", "14:00"), "柜台", "bank_transfer", "中国农业银行"),
                       pay(30000, t("12-03", "14:00"), "手机银行", "bank_transfer", "", "6217001234567890123",
                           "中国建设银行", True)], 80000)},
    {"split": "dev", "text": f"我爸今年六十五，上周三晚上在家被一个自称投资顾问的人加了QQ，说在做黄金投资，让我爸在“鑫盛贵金属”平台充值。"
     f"我爸11月26日在工行柜台汇了5万到对方给的账户{C4}，第二天又转了3万。",
     "expect": expect("", "", "子女", "男", 65, "investment", "qq", t("11-25", "20:00"),
                      [pay(50000, t("11-26"), "柜台", "bank_transfer", "中国工商银行", C4, "中国工商银行"),
                       pay(30000, t("11-27"), "", "bank_transfer", "", "", "")], 80000)},
    {"split": "dev", "text": "报警人周建军称，其妻子刘玉梅（58岁）前天下午接到自称“公安局”的电话，在银行柜台被工作人员发现异常，"
     "民警赶到后劝阻成功，未转账。",
     "expect": expect("刘玉梅", "周建军", "配偶", "女", 58, "impersonate_authority", "phone_call", t("12-01", "15:00"),
                      [], 0, True)},
    {"split": "dev", "text": "在闲鱼上买二手相机，卖家让我加他微信 xiaoyu_cam 走“担保交易”，我通过支付宝扫码付了3200元，"
     "后来卖家不发货也不回消息。我是黄蕾，女，30岁。",
     "expect": expect("黄蕾", "黄蕾", "本人", "女", 30, "shopping", "app", None,
                      [pay(3200, None, "支付宝", "alipay")], 3200)},
    {"split": "dev", "text": "受害人马丽（女，42岁）称：11月30日上午9时许收到一条短信，称其积分即将清零，点开链接 http://bank-jf.top "
     "兑换积分，输入银行卡密码后，卡内9500元于9时20分被转走。",
     "expect": expect("马丽", "马丽", "本人", "女", 42, "phishing", "sms", t("11-30", "09:00"),
                      [pay(9500, t("11-30", "09:20"))], 9500)},
    {"split": "dev", "text": "我是张伟，在外地读书的儿子张小龙（20岁）昨天被人拉进一个刷单群，用他的农行卡通过手机银行分三次转给对方"
     "共计1.8万元，现在联系不上对方。",
     "expect": expect("张小龙", "张伟", "父母", "男", 20, "rebate_task", "", t("12-02"), [], 18000)},
    {"split": "dev", "text": "报警人何志刚，男，55岁，称昨日下午4时接到自称“市医保局”工作人员的电话，称其医保卡违规，需缴纳保证金。"
     "其于当日17时在中国银行柜台向对公账户 3100 1234 5678 9012 3456 汇款4万8千元。",
     "expect": expect("何志刚", "何志刚", "本人", "男", 55, "impersonate_authority", "phone_call", t("12-02", "16:00"),
                      [pay(48000, t("12-02", "17:00"), "柜台", "bank_transfer", "中国银行", "31001234567890123456")],
                      48000)},
    {"split": "dev", "text": f"受害人吴女士，39岁，上周五下午在小红书上看到代购名牌包的广告，加了对方微信，先后两次用微信转账共计6000元，"
     f"又用建行手机银行转了2千元到{C5}，对方一直不发货。",
     "expect": expect("", "", "本人", "女", 39, "shopping", "social_media", t("11-27", "15:00"),
                      [pay(2000, t("11-27", "15:00"), "手机银行", "bank_transfer", "中国建设银行", C5, "中国建设银行",
                           True)], 8000)},
]  # fmt: skip

C6 = card("622848123456789012")  # 农行
C7 = card("621700987654321098")  # 建行
C8 = card("622662001234567")  # 光大, 16 digits
C9 = card("622262000011112222")  # 交行
C10 = card("622202111122223333")  # 工行
C11 = card("621483777788889999", valid=False)  # 招商, fails the check
ID1 = "110105198801011236"  # a resident ID number, not an account

# Harder dev rows, written while tuning (the test split above was written first and left alone).
FREE_ROWS += [
    {"split": "dev", "text": "我老公张国强今年50岁，昨晚11点多有人冒充他的老同学在微信上找他借钱，他用微信转了5千块，"
     "今天早上打电话给同学才知道被骗了。",
     "expect": expect("张国强", "", "配偶", "男", 50, "impersonate_acquaintance", "wechat", t("12-02", "23:00"),
                      [pay(5000, t("12-02", "23:00"), "微信", "wechat_pay")], 5000)},
    {"split": "dev", "text": f"2026年11月28日19时许，事主黄先生（40岁）在家中接到一个自称顺丰快递客服的电话，称其快递丢失可双倍理赔，"
     f"随后诱导其下载“云会议”APP开启屏幕共享，黄先生按对方指示通过手机银行向{C6[:4]} {C6[4:8]} {C6[8:12]} {C6[12:16]} "
     f"{C6[16:]}转账人民币19800元整。",
     "expect": expect("", "", "本人", "男", 40, "impersonate_service", "phone_call", t("11-28", "19:00"),
                      [pay(19800, t("11-28", "19:00"), "手机银行", "bank_transfer", "", C6, "中国农业银行")], 19800)},
    {"split": "dev", "text": "我是李娜，我儿子王浩然（15岁）上周日在玩游戏时看到有人送皮肤，对方让他扫码，他用我的支付宝付了648元，"
     "又付了1296元。",
     "expect": expect("王浩然", "李娜", "父母", "男", 15, "game_trade", "game", t("11-29"),
                      [pay(648, t("11-29"), "支付宝", "alipay"), pay(1296, t("11-29"), "", "alipay")], 1944)},
    {"split": "dev", "text": f"受害人：赵建华，男，70岁。11月27号上午10点多，赵建华接到自称北京市公安局刑侦支队警官的电话，"
     f"称其身份证被人冒用开户涉嫌洗钱，需将存款转入“国家安全账户”审查。赵建华于当日下午在建设银行柜台办理转账，"
     f"向户名为“李某”的账户{C7[:4]} {C7[4:8]} {C7[8:12]} {C7[12:16]} {C7[16:]}转入20万元，次日上午9时又通过ATM向该账户转入5万元。",
     "expect": expect("赵建华", "赵建华", "本人", "男", 70, "impersonate_authority", "phone_call", t("11-27", "10:00"),
                      [pay(200000, t("11-27", "15:00"), "柜台", "bank_transfer", "中国建设银行", C7, "中国建设银行"),
                       pay(50000, t("11-28", "09:00"), "ATM", "bank_transfer", "", C7, "中国建设银行")], 250000)},
    {"split": "dev", "text": "我外婆八十二了，今天上午有个自称医保局的人打电话，说她医保卡被盗刷，要把钱转到指定账户。"
     "我外婆去农商银行准备汇款，柜员觉得不对报了警，民警赶到劝住了，钱没转出去。",
     "expect": expect("", "", "孙子女", "女", 82, "impersonate_authority", "phone_call", t("12-03", "10:00"), [], 0,
                      True)},
    {"split": "dev", "text": f"报警人孙悦（女，26岁）称：11月25日晚在小红书上认识一名自称香港投资经理的男子，聊了一周后确定恋爱关系，"
     f"对方带她在“DMC数字资产”平台投资虚拟币，先后于11月30日、12月1日通过网银向对方指定的对公账户"
     f"{C9[:4]} {C9[4:8]} {C9[8:12]} {C9[12:16]} {C9[16:]}转账5万元和8万元，现平台无法提现。",
     "expect": expect("孙悦", "孙悦", "本人", "女", 26, "romance", "social_media", t("11-25", "20:00"),
                      [pay(50000, t("11-30"), "网银", "bank_transfer", "", C9, "交通银行"),
                       pay(80000, t("12-01"), "网银", "bank_transfer", "", C9, "交通银行")], 130000)},
    {"split": "dev", "text": "王大爷（73岁）前天在公园被人当面推销保健品，说买了能领取政府补贴，当场用现金支付了3800元。",
     "expect": expect("", "", "本人", "男", 73, "prize", "in_person", t("12-01"),
                      [pay(3800, t("12-01"), "现金", "cash")], 3800)},
    {"split": "dev", "text": "刚才（下午3点）我接到955开头的电话说我信用卡逾期，要我还款到指定账户，我觉得不对就挂了，没有转账。我叫陈晓东。",
     "expect": expect("陈晓东", "陈晓东", "本人", "", None, "impersonate_service", "phone_call", t("12-03", "15:00"),
                      [], 0, True)},
    {"split": "dev", "text": "报警人周海燕，女，45岁，称其在拼多多上买了一台洗衣机，卖家说没货要退款，让她添加QQ 2874563321，"
     "按对方指引在支付宝“借呗”借款后转到对方支付宝账户 zhou_refund@126.com 2.3万元。",
     "expect": expect("周海燕", "周海燕", "本人", "女", 45, "impersonate_service", "app", None,
                      [pay(23000, None, "支付宝", "alipay", "", "zhou_refund@126.com")], 23000)},
    {"split": "dev", "text": "11月30日凌晨两点，我在网上赌球的网站充值，客服让我先往尾号3456的账户打了一万，后面提不出来。",
     "expect": expect("", "", "本人", "", None, "investment", "website", t("11-30", "02:00"),
                      [pay(10000, t("11-30", "02:00"))], 10000)},
    {"split": "dev", "text": f"受害人钱志明，男，29岁，12月2日下午5点左右在QQ群里接了个刷单的活，先用手机银行转帐3000元，"
     f"然后又转帐了1.2w到{C10[:6]} {C10[6:]}。",
     "expect": expect("钱志明", "钱志明", "本人", "男", 29, "rebate_task", "qq", t("12-02", "17:00"),
                      [pay(3000, t("12-02", "17:00"), "手机银行", "bank_transfer"),
                       pay(12000, t("12-02", "17:00"), "", "bank_transfer", "", C10, "中国工商银行")], 15000)},
    {"split": "dev", "text": "女儿替母亲报警：母亲林淑华，65岁，12月1日上午收到短信，说她的社保卡要升级，点了短信里的链接 "
     "http://sb-gov.vip 填了银行卡和密码，当天中午12点半卡里的6万元被转走。",
     "expect": expect("林淑华", "", "子女", "女", 65, "phishing", "sms", t("12-01", "10:00"),
                      [pay(60000, t("12-01", "12:30"))], 60000)},
    {"split": "dev", "text": f"我叫邓丽君，女，五十岁，昨天下午有个自称我领导的人加我QQ，让我帮忙给一个合作商转保证金，"
     f"我用云闪付先转了2万元，又转了3万元，转到对方的光大银行账户 {C8[:4]} {C8[4:8]} {C8[8:12]} {C8[12:]}。",
     "expect": expect("邓丽君", "邓丽君", "本人", "女", 50, "impersonate_acquaintance", "qq", t("12-02", "15:00"),
                      [pay(20000, t("12-02", "15:00"), "云闪付", "bank_transfer", "", C8, "中国光大银行"),
                       pay(30000, t("12-02", "15:00"), "", "bank_transfer", "", C8, "中国光大银行")], 50000)},
    {"split": "dev", "text": "报警人马建国，男，60岁，手机13587654321。称：2026年11月29日20时许，其在抖音上被一名“军人”添加为好友，"
     "对方以交往为名，于12月1日以部队采购为由让其垫付货款，其在工商银行ATM机上向对方尾号为8866的账户转账2万元。",
     "expect": expect("马建国", "马建国", "本人", "男", 60, "romance", "social_media", t("11-29", "20:00"),
                      [pay(20000, t("12-01"), "ATM", "bank_transfer", "中国工商银行")], 20000)},
    {"split": "dev", "text": "有人冒充快递员给我打电话，说我的包裹里有违禁品，我没理他。",
     "expect": expect("", "", "本人", "", None, "impersonate_service", "phone_call", None, [], 0, False)},
    {"split": "dev", "text": "我爸前天被人骗了，对方说是“保健品公司”搞活动，让他交了三千元会员费，后来又以返现为由让他交了六千八。"
     "我爸今年78岁。",
     "expect": expect("", "", "子女", "男", 78, "other_fraud", "", t("12-01"),
                      [pay(3000, t("12-01")), pay(6800, t("12-01"))], 9800)},
    {"split": "dev", "text": f"报警人赵磊，男，38岁，身份证号{ID1}。其于12月2日14时通过支付宝向对方支付宝账号15011112222转账5200元"
     f"购买演唱会门票，对方收款后失联。",
     "expect": expect("赵磊", "赵磊", "本人", "男", 38, "shopping", "", t("12-02", "14:00"),
                      [pay(5200, t("12-02", "14:00"), "支付宝", "alipay", "", "15011112222")], 5200)},
    {"split": "dev", "text": f"事主：何丽（女，55岁）。11月26日晚7时许接到自称“中国移动”客服电话称其话费积分可兑换现金，按对方要求下载APP后，"
     f"于19时40分、19时55分分两笔向{C11[:4]} {C11[4:8]} {C11[8:12]} {C11[12:16]} {C11[16:]}转账9000元、9000元。",
     "expect": expect("何丽", "何丽", "本人", "女", 55, "phishing", "phone_call", t("11-26", "19:00"),
                      [pay(9000, t("11-26", "19:40"), "", "bank_transfer", "", C11, "招商银行", True),
                       pay(9000, t("11-26", "19:55"), "", "bank_transfer", "", C11, "招商银行", True)], 18000)},
    {"split": "dev", "text": "报警人称其丈夫吴刚（45岁）于今日10时许在“陌陌”上结识一女网友，对方以见面需要定金为由，让其扫码支付了500元，"
     "又让其转账1500元到对方微信（微信号：momo_girl88）。",
     "expect": expect("吴刚", "", "配偶", "男", 45, "romance", "dating", t("12-03", "10:00"),
                      [pay(500, t("12-03", "10:00")), pay(1500, t("12-03", "10:00"), "微信", "wechat_pay", "", "momo_girl88")],
                      2000)},
]  # fmt: skip
