"""How scams work, caught whether the link is there, masked or missing, and however the words are spelt;
and the genuine notices and adverts beside them left alone. Each text was written for this test."""

from __future__ import annotations

import pytest

from fanzha.detect.engine import Detector


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


# Each mechanism with a link on a strange domain, with the corpora's `URL` placeholder, and without a link.
MECHANISMS = {
    "bank asks you to log in to keep your account": [
        "【建设银行】您的网银盾证书今日到期失效，请尽快登录 ccb-zs.top 进行升级，以免影响使用。",
        "尊敬的农行客户您的电子密码器将于次日停用请速登陆URL完成激活农业银行",
        "尊敬的工行用户您的手机银行于今日失效请登陆我行手机网站进行认证升级工商银行",
    ],
    "points turned into cash": [
        "【中国移动】您的积分8800分可兑换现金288元，今日清零，速登录 10086-jfdh.cc 领取",
        "尊敬的交行用户您的账户积分已满足兑换DIGIT元现金条件请登入URL领取逾期作废",
        "尊敬的用户，您的信用卡积分可兑换现金礼包，请用手机登录我行网站领取，逾期清零",
    ],
    "a show you never entered": [
        "您已被《欢乐喜剧人》节目组抽选为场外幸运观众，将获得现金8万元及笔记本电脑一台，请登录 hlxjr-cj.com 领取",
        "恭喜您被《奔跑吧》抽中为本季场外互动者获得l0000元与笔紀本一部请进URL査收验收码",
        "喯跑吧节目组已将您选为幸运覌众，奖金十八萬元与电脑一台，请回电领取",
    ],
    "a cancelled flight with compensation through another number": [
        "尊敬的旅客您好，您预订的CA1583航班因机械故障已取消，请联系客服 400-8066-1917 办理改签退票，每人补偿300元。",
        "尊敬的NAME旅客您好您预订的航班因天气原因已被取消请及时联系客服DIGIT CELLPHONE办理退改签每位旅客补偿DIGIT元",
    ],
    "a teacher with inside tips and leverage": [
        "资深操盘手建群免费公布涨停牛股，人满即封，加老师微信 gp6688 进群",
        "王老师带你炒股，内部消息提前布局，跟着老师操作稳赚不赔，这周已经三个涨停，加群跟单：QQ 88123456",
        "今日早盘建仓的三只股票午后有望涨停，股神带队操作，全程免费不分成，加微信 zq8899 进群",
    ],
    "a fee before the benefit": [
        "您申请的贷款已审批通过，额度5万元，请先缴纳2000元保证金激活额度，才能放款到账。",
        "入职需先缴纳服装费和培训费共800元，缴费后安排上岗，联系人王主管 13600001234",
    ],
    "a link sent as if by an acquaintance": [
        "老同学你看看这个相册还有印象吗 http://xc-photo.vip/a8",
        "NAME这是我们之前的精彩影集URL你自己看吧",
        "老同学，这是 http://tx-album.cc/z3 我们班整理的毕业纪念册和联系录，你存一下",
    ],
    "a lost phone 'found'": [
        "【iCloud】您丢失的iPhone已插卡联网，最新位置已更新，请登录 find-icloud.vip 查看",
        "您的苹果手机已被找到，最新位置已更新，请及时登录URL查看定位",
        "您遗失的手机已开机联网，请登录查找我的iPhone页面查看完整位置和SIM卡号",
    ],
    "a fake official letter": [
        "【北京市朝阳区人民法院】你因信用卡欠款被起诉，案件已立案，请于今日17时前联系执行局 010-57368821 处理，逾期将列入失信被执行人名单。",
    ],
    "a victim's account of the money already gone": [
        "在网上看到有人卖二手苹果手机，比市场价便宜一半，付款后卖家就把我拉黑了",
        "我在一个理财app上充了两万，开始还能提现，后来客服又说要交五千保证金才能提，现在客服也联系不上",
        "同事介绍的刷单兼职，做了几单以后说卡单了要继续充钱，前后转了三万多才发现被骗",
    ],
    "an accusation dressed as a notice": [
        "市公安局反诈中心提醒您，您的账户涉嫌参与一起诈骗案件，即将被冻结，请添加办案民警微信配合调查。",
        "【社保中心】提醒您：您名下的医保卡涉嫌违规套现，请于今日登录 ybzx-hc.cc 登记核查，逾期冻结。",
    ],
    # Police doctrine (firm cues: calibration cannot talk them down although the real SMS file calls
    # such offers adverts): every paid-likes or 刷单 job is the first step of a task scam …
    "a paid task: likes, follows or orders for a commission": [
        "诚招兼职，帮网店刷销量，每单返佣金15元，手机就能做，加QQ 2718830405",
        "抖音招点赞员，给视频点赞一个赚2元，一天轻松几百，联系微信 dz6620",
        "宝妈在家兼职 给商家写好评每单佣金8元 详情URL",
        "外卖好评兼职，每条5元，截图结算",  # paid per review, per visit: the same task scam
        "直播间刷人气，进去待十分钟，一次3元，日结",
    ],
    # … and every loan or card offered whatever your credit record is a loan scam's bait.
    "a loan or a card whatever your credit": [
        "征信不好也能贷，黑户逾期均可申请，最快两小时下款，详询CELLPHONE",
        "专业代办各大银行大额信用卡，无需资料，包下卡，额度5-30万，微信 xyk6633",
        "網貸不查征信 當天下款 加V：dk7788",
    ],
    "a guaranteed return (firm: a product that may not promise one)": [
        "国企背景理财，保本保息，年化15%，稳赚不赔，加微信 lc6688 了解",
        "零风险高收益，月月分红，投资五万每月返三千，加群了解",
    ],
    # … and every group that hands out free stock tips is the door of an investment scam.
    "free stock tips in a group (firm: whoever sends them)": [
        "私募操盘手组建交流群，每天免费推荐一只涨停牛股，不收费不分成，加QQ 3392018475 验证",
        "牛股内参：明日有望连板，名额有限全免费，点击 http://gp-vip.top/q 进群领取",
        "免費薦股，老股民帶你抄底漲停板，加V：gp6688",
    ],
    # A victim asking about the scam is not an anti-fraud notice, and a script that denies being one is none.
    "a scam pasted with a question, or denying it is one": [
        "有人打电话说我涉嫌洗钱，让我把钱转到安全账户配合调查，这是诈骗吗？",
        "您好，这其实是一个正规平台，不是骗局，下载APP充值五千就能开始做任务返佣金",
    ],
    "a parcel held by customs until you pay": [
        "亲爱的，我给你寄的礼物被海关扣了，需要先交8000元清关费才能放行，钱转到快递公司账户",
    ],
    "a relative abroad whose card is frozen": [
        "舅舅，我是小明，在英国这边交房租急需用钱，我的卡被冻结了，你先帮我转3万到房东账户",
    ],
    "a platform's cash reward through a private contact": [
        "【抖音官方】您的账号获得创作者激励金6666元，请加客服微信 dy-kefu88 办理提现",
    ],
    # A yearly yield counts from 8% up (a bank's own products quote 2-6%), in digits or in words.
    "a yearly yield no bank pays": [
        "内部理财计划，年化收益率高达18%，投资门槛一万起，下载APP注册即可投资",
        "跟着老师投资数字货币项目，年收益率百分之三十，名额有限，加群了解",
    ],
    # Whoever tells of paying and then losing the money has met a scam (firm: the classifier never learned
    # victims' accounts), with a judgment or without one.
    "a victim's own account of the loss": [
        "在一个小网站买了台空调，比别处便宜一千多，付款后一直不发货，客服电话打不通，网站也打不开了。",
        "我妈在网上认识个人，被骗了6万，现在对方把她拉黑了",
        "网上买了只猫，付完钱卖家又说要交运费、保险费，前后交了四千多，猫也没见到。",
    ],
    "a job abroad": [
        "柬埔寨高薪招聘客服，月薪三万，包吃住包机票，不用办签证，到西双版纳有人接你过去，有意加飞机 @jobkh88",
    ],  # What a caller said counts when the one it was tried on tells it (a citizen asking, a victim's report);
    # a warning's "骗子会冒充公安说…" names no one it happened to and stays quiet (GENUINE).
    "a call told by the one it was tried on": [
        "我昨天接到一个自称市公安局的电话，说我的银行卡涉嫌洗钱，让我把钱转到安全账户接受资金清查。",
        "我妈接到个电话，对方自称社保局的，说她有一笔养老补贴没领，让她下载个APP开屏幕共享领取。",
        "老公接到领导的视频电话，说急需周转让他先转10万，后来才知道是AI换脸。",
        "我在交友软件上认识了一个自称做外汇的男人，带我在一个平台投资，投进去的二十万全提不出来。",
        # the same told in a police report's third person
        "报案人称：11月3日其接到自称京东金融客服的电话，称其学生时期开通的金条需要注销，否则影响征信，"
        "随后诱导其下载会议APP开启屏幕共享，并向对方提供的账户转账3万元。",
        "受害人接到自称公安局民警的电话，称其身份证涉嫌洗钱，要求其将存款转入安全账户配合调查。",
    ],
    "an install package sent by SMS": [
        "【某银行】您的手机银行版本过低将停止服务，请下载新版 http://yh-app.top/bank.apk 安装",
        "兼职挂机赚钱，每天自动收益50元，下载 http://47.96.12.8/earn.apk",
    ],
    "the brand's own number beside a lookalike link": [
        "95588提醒：您的工行账户在异地登录，如非本人操作请立即登录 icbc-aq.net 冻结账户",
    ],
    # "安全提醒：" frames anti-fraud notices too; one that sends the reader to a link off the brand's site
    # is none (it scored 15 as a notice)
    "a security alert that sends you to a link off the brand's site": [
        "Microsoft 帐户安全提醒：检测到来自境外IP的登录尝试，如非本人请立即验证帐户 outlook-verify.help 否则帐户将被停用",
        "国家反诈中心提醒：您的手机存在涉诈风险，请立即下载安装 http://61.160.224.35/fzzx.apk 进行自查",
    ],
    # a letter for a digit in the host: the text's repair of amounts (looo元) once read it as 10086.cn,
    # the operator's own site, and the message scored 12 as an official notice
    "a look-alike host with letters for digits": [
        "【中国移动】尊敬的客户，您的话费积分已满足兑换条件，请使用手机登录 wap.10o86.cn 领取",
        "【中国移动】您的积分即将清零，登录 1oo86.cn 兑换现金",
    ],
    "a call to 'assist an investigation'": [
        "【出入境管理】您的护照涉嫌违规出境已被冻结，请致电 020-86001234 配合调查",
        "【税务稽查】你单位涉嫌虚开增值税发票，请于今日联系稽查员 027-85001234 说明情况",
    ],
    "a policy surrendered in full through an agent": [
        "【某人寿】您的保单可以全额退保，退还全部保费及利息，请加退保顾问微信 tb-8899 办理",
        "【某人寿】您的保单可以退保并返还全部保费及利息，请加保险顾问微信 gs-tb66 或致电 800-820-7300 办理",
    ],
    "a prize with a claim agent": [
        "恭喜您被选中参与《快乐大本营》线上抽奖，奖品现金6666元+平板一台，添加领奖专员QQ 30218765",
        "Congratulations！您的微信帐号被系统随机抽中，奖金100000元，详询 +44 7520 631400",
    ],
    # Mechanisms of the seventh session of 2026-12-05, found on the third independent set's dev half.
    # Police doctrine: whoever offers to get back money lost to a scam is running the next one (firm).
    "recovering money already lost, for a fee first (firm)": [
        "您在网络投资中亏损的本金，我所律师可以帮您全额追回，先付2000元立案费，详询 17702318855",
        "專業追回被騙資金，成功率高，先交服務費，加微信 zh-hui66",
        "您之前被骗的钱款可通过我们的绿色通道追回，请登录 zhuihui-gov.cc 登记 URL",
    ],
    "a threat to send a video or the contact list to family unless paid": [
        "你的视频我已经录好了，两小时内转一万块，不然发给你通讯录里的亲戚朋友",
        "照片已经在我手上，否则我就发到你们单位群里，自己掂量",
    ],
    "points to cash with no link: a card number asked for": [
        "您好，这里是移动客服，您的积分马上清零了，可以兑换成现金，您把银行卡号告诉我，现金直接打到您卡上",
        "尊敬的用户，您的積分已可兌換現金，请提供银行卡号，现金将转入您的卡",
    ],
    "a refund handled through a personal WeChat": [
        "您报名的课程因政策原因可全额退费，请添加退费专员微信 tf-2231 办理",
        "您购买的商品存在质量问题，我们将给您退款，请加售后QQ 38812765 领取退款",
    ],
    "a tax 'that can be refunded' by calling a number": [
        "您的车辆购置税可退还3280元，请于三日内拨打 0571-8812-6630 办理，逾期作废",
    ],
    "an order refunded in full plus a commission (firm: 刷单)": [
        "在家就能做，拍下商品后全额返款，再给5%佣金，加群 URL",
    ],
    "a daily return and a commission for bringing people in": [
        "这个项目投一万每天返一百五，拉人进来还有提成，已经有几千人在做了",
        "新项目火爆招商，每天返利3%，发展下线另有奖励，加微信 xm8899",
    ],
    # Police doctrine: a link to "your video", "our album" or "the news about you" is a trojan (firm: the
    # classifier, which reads such texts as chat, cannot argue it down).
    "a link to a video, an album or the news about you (firm)": [
        "老同学你上新闻了，自己看吧 http://xw-news.cc/k2",
        "看看这段录像里的人是不是你URLqkt",
    ],
    "a relative in hospital who needs money now": [
        "我在医院，急需五千块手术费，你先转我，回头跟你说",
    ],
    "log in with your QQ or company mailbox on a strange page": [
        "财务部通知：本月工资条已上传，请登录 http://salary-notice.top 使用企业邮箱账号密码查看",
    ],
    # Mechanisms of 2026-12-05 (eighth session), found on the fifth independent set's dev half.
    "a fee before a loan is released or approved, whatever the fee is called": [
        "贷款已审批 放款前需购买一份账户保险800元 随本金一起返还",
        "您的額度已批 先充值2000驗證還款能力 就能放款",
        "开通VIP会员才能放款 一次199 URL",
    ],
    "a tax paid before a prize is handed over": [
        "恭喜获奖 按规定先交个税3000元才能领取奖金 http://jiang-ling.cc",
        "您抽中轿车一台 提车前需先缴纳購置税",
    ],
    "a deal taken off the platform because the platform is 'too much trouble'": [
        "出二手相机 9成新 转转太麻烦 直接vx转账 包邮",
        "原神号低价出 走私下 平台抽成太高",
    ],
    "a contact word spelt in pinyin (jia我wx)": [
        "你好我是社保局的小王 你的补贴还没领 jia我wx一步步教你弄",
    ],
    # Found on the sixth independent set's dev half.
    "a cancelled train and compensation through a number in the message": [
        "【铁路】您购买的D3012次列车因故停运，请致电 0571-86xxxxxx 办理退票并领取300元补偿金",
    ],
    "an automatic renewal to be cancelled through a crossed-out number": [
        "【快手】您的会员将于今晚自动续费498元，如非本人操作请联系客服 400xxx3310 取消",
    ],
    "a robocall that threatens and says 'press 9 for an agent'": [
        "您好，这里是供电公司，您家已欠费两个月，今晚将停电，请按9号键转人工缴费",
        "您的手机號碼涉诈 两小时后停机 异议按9",
    ],
    "yearly interest and the principal returned in full": [
        "养生基地认购床位 预存3万 每年返息10% 两年后本金全退 名额有限",
    ],
    "'if you do not want your contacts to see the video'": [
        "我录下了你看某些网站的视频，如果你不希望你的同事和家人看到，24小时内转5000元到下面的账户",
    ],
    "credit 'repaired' through a QQ": [
        "征信提醒：您的信用评分过低，如需恢复请添加客服QQ 4xxxxxxxx 办理信用修复",
    ],
    "a request for a transfer wearing an anti-fraud centre's name": [
        "我们是反诈中心的 您名下账户有风险 把钱转到安全账户核查 URL",
    ],
    # Found on the seventh set's dev half (ninth session); some in its rows' own words, most in new ones.
    "a payment named by its amount before money is released": [
        "您的信用分不够，要么找担保人，要么先交3000担保金，交了就放款",
        "会员开通199元后才能提现 http://tx-vip.cc/a1",
        "资質不達标 需先存5000进卡刷流水 才能放款",
    ],
    "your card or wallet lent to pass money": [
        "借你的支付宝走个账 每笔给你3个点",
    ],
    "a code spelt yzm asked for": [
        "注销完征信就干净了 配合一下 把yzm报给我",
    ],
    "an account from student days to be cleared before a background check": [
        "你学生时期的账号要注销清空 不然以后考公政审过不了 加QQ 5xxxxxxx 办理",
    ],
    "the platform 'inconvenient', or its payment link 'broken'": [
        "二手苹果15 2800出 闲鱼不方便 直接转我",
        "宝你拍的链接有问题 点这个重新付 URL",
    ],
    "a vote that needs your login": [
        "帮我投一票 点进去微信授权登录就行 http://vote-tp.cc/8",
    ],
    "payee details 'entered wrongly' and a customer service to unfreeze them": [
        "你收款卡信息填错了 账户被冻结 联系平台客服解冻",
    ],
    "a fake hotline answering as a real one does, then asking for the card": [
        "客服：您好，航空公司客服，请问有什么可以帮您？我：我收到短信说航班取消了。客服：是的，"
        "每位旅客补偿300元，请提供银行卡号和收到的验证码，我们给您打款。",
    ],
}
CASES = [(name, text) for name, texts in MECHANISMS.items() for text in texts]


@pytest.mark.parametrize(("mechanism", "text"), CASES)
def test_the_mechanism_is_caught(detector: Detector, mechanism: str, text: str) -> None:
    verdict = detector.assess(text)
    assert verdict.is_fraud, (mechanism, verdict.risk, [c.id for c in verdict.cues])
    assert verdict.category == "scam"


def test_goods_paid_for_and_never_sent_is_a_shopping_scam(detector: Detector) -> None:
    verdict = detector.assess(MECHANISMS["a victim's own account of the loss"][0])
    assert verdict.fraud_type == "shopping", [c.id for c in verdict.cues]
    assert any(c.weight > 0 for c in verdict.cues)  # and it says why


# Verdicts the twenty-fifth session's classifier gets wrong and no cue answers: it learnt four more sets'
# dev halves (trades, pets, job fees and sales to older people are scams there) and reads these short lines
# at 80–93%. Strict: the day they pass, the mark must go.
CLASSIFIER_WRONG = pytest.mark.xfail(strict=True, reason="the classifier reads this genuine line as a scam")

GENUINE = [
    # A warning that names the fake site it warns of sends no one there: still a notice.
    "【公安提醒】警惕仿冒网站 ccb-zs.top，建设银行不会通过短信要求您登录网站",
    "国家反诈中心提醒：凡是让你下载 http://61.160.224.35/fzzx.apk 这类安装包的都是诈骗",
    # A bank's own notice with its own short-link domain and number, asking for nothing.
    "您尾号6621的信用卡12月02日19:41消费人民币286.00元。分期更优惠详见 e95555.cn/fq 。[招商银行]",
    "【工商银行】您尾号3308卡12月1日14:22支出(网上银行)5,000.00元，余额12,418.37元。如有疑问请致电95588。",
    "【中国移动】尊敬的客户，截至12月2日您本月已用流量18.6GB，剩余1.4GB，话费余额36.50元。详询10086。",
    "【中国联通】您的积分2000分可兑换话费20元，发送JF到10010或登录中国联通APP兑换。",
    "【交通银行】您的信用卡本期账单应还3,260.00元，最低还款326.00元，到期还款日12月20日，如已还款请忽略。",
    "【国家反诈中心】公检法机关不会通过电话办案，更不存在安全账户，凡是要求转账到安全账户的都是诈骗。",
    "这个月的房租我刚转你了，3200，收到回一下",
    # A warning that quotes the accusation, and a parcel that was paid for and came.
    "【反诈中心】如果有人打电话说您涉嫌洗钱、要求把钱转到安全账户，那就是骗子，请立即挂断。",
    "昨天网上买的电饭煲，付款后第二天就发货了，今天已经收到，挺好用的。",
    "【Apple】你的 Apple ID 已在一台新的 iPhone 上登录。如非本人操作，请前往设置更改密码。",
    # A bank's own limit notice, and a warning that names the firm cues' doctrine.
    "【招商银行】您的信用卡固定额度已调整为50000元，当日生效。详询95555。",
    "【反诈提醒】所有刷单都是诈骗，点赞关注就能赚佣金的兼职千万别信，不看征信的贷款也都是骗局。",
    # A bank's product notice that says it is *not* guaranteed, a student's own news, a platform's own notice.
    "【招商银行】理财非存款，产品有风险，投资须谨慎。本产品不保本，业绩比较基准年化3.2%。详询95555",
    # The eighteenth session's classifier read 留学 + 学费 + 转 as the overseas-student scam (53, no cue);
    # the twenty-fifth's, having learnt four more sets' genuine family messages, does not (39).
    "儿子在英国留学，这学期的学费我已经转过去了",
    "【抖音】您关注的主播开播啦，快来看看吧",
    # A family chat that names a scam, and a police notice about jobs abroad.
    "儿子：爸，你手机上那个理财App是群里老师推荐的吧？那个是骗子，千万别往里面充钱，我帮你卸载了。",
    "警方提醒：高薪招聘、包吃住包机票的出国打工，很可能是诱骗你去境外电诈园区的陷阱。",
    "【华泰证券】您的账户今日买入成交500股，成交价12.36元。详询95597。",
    # A news line about someone else's loss is no victim's account.
    "晚间新闻：七旬老人轻信保健品讲座被骗30万，子女四处求助",
    # A bank's and a fund's own products quoting an ordinary yearly yield.
    "【建设银行】本行新发一款理财产品，预期年化收益4.8%，期限90天，可通过手机银行购买，额度有限。详询95533",
    "【南方基金】货币基金7日年化收益2.35%，节假日前请提前安排申购赎回。",  # A branch visit, a regulator's and a bank's warnings, a fee that is nothing or not needed, a chat that
    # judges a scam, a transfer notice (each a false alarm before the mechanisms of 2026-12-05, third session).
    "【农业银行】您的K宝证书已到期，网银转账暂时受限，请本人携带身份证和K宝到我行网点办理更新。",
    "【金融监管总局】风险提示：警惕以“养老”“数字藏品”名义的非法集资，承诺保本高收益的都要当心。",
    "【网点公告】出租、出借、出售本人银行卡的，将被依法惩戒；如发现他人收购银行卡，请向公安机关举报。",
    "【闲鱼】买家已付款，请在48小时内发货。闲鱼交易无需卖家缴纳任何保证金，请勿添加陌生人联系方式。",
    "今年个税退税在个税App里办就行，不用点任何短信链接，周末我帮你弄。",
    "修复征信都是骗人的，逾期记录只能结清以后等五年自动消除。",
    "【建设银行】您尾号8812账户12月3日转出5,000.00元，手续费0.00元，收款人：王芳。",
    # A case bulletin tells of an attempt on a victim, as an example to warn others by.
    "【反诈案例】近日，受害人李某接到自称公安的电话，称其涉嫌洗钱，要求其将存款转入安全账户，李某被骗10万元。"
    "警方提醒：公安机关不会电话办案。",
    # The same words where nothing is asked (seventh session): an operator that says its points are not
    # cash, money the writer already sent, a police line about recovered money, an operator's monthly
    # credit, an ordinary refund, a mailbox notice without a link.
    "【中国移动】积分可在中国移动App兑换话费或流量，积分不能兑换现金，我们不会要求您提供银行卡号。",
    "我已经汇款到你的账户了，一共两千，你查一下到了没有",
    "警方提醒：凡是声称能帮你追回被骗资金的，都是骗子。",
    "【中国电信】订购199元套餐每月返20元话费，连返12个月，详询10000。",
    "【京东】您的订单退款已原路退回，预计1-3个工作日到账，请注意查收。",
    "新员工请使用企业邮箱账号密码登录公司OA，首次登录后请修改密码，有问题找IT部小李。",
    # Everyday words some cues had taken for a scam's: a new-share subscription won, an off-platform deal
    # refused, a hospital queue.
    "今天打新中了一签，科创板的，开心",
    "这家酒店好评如潮，每次来都很满意，一次都没失望过",
    "买家想私下交易，我没同意，还是走平台",
    "我在医院排队缴费呢，等会给你回电话",
    "这三种诈骗在老年人中最高发：保健品、养老投资、冒充亲友。记住不要转账",
    "社区提醒：任何人说要交保证金才能领补贴，都是骗子，请直接拉黑",
    "那种说保本保息的理财你可千万别碰，正规理财都在银行APP里买",
    # A genuine sender protects the reader: no personal account, nothing collected in the group.
    "各位家长，下周的研学费用请在学校缴费平台交，每人120元，班级群里不会发收款码，请大家留意",
    "【ETC服务】您的设备将于月底到期，请在官方小程序内免费续期。我们不会以设备失效为由发送链接要求填写银行卡",
    # A family member warning ahead: "if someone says I am in trouble, don't believe it".
    "妈，我下周去外地培训，手机可能经常没信号。要是有人说我出事了要钱，千万别信，打我同事电话",
    # A link under gov.cn (only government bodies can register there) is where a genuine notice sends you.
    "【市场监管】您的营业执照年报请于6月30日前登录 www.gsxt.gov.cn 自行填报，年报免费，逾期将列入经营异常名录",
    # The ninth session's mechanisms' words where nothing is wrong: an operator's top-up, a deposit made
    # good, a vote in the school's own account, one's own card details put right, a car borrowed.
    "您的话费余额不足，请及时充值50元以免停机【中国移动】",
    "押金交500元，退房时就退给你",
    "水电费押金不够了，这个月再补200",
    "班级评优投票已开始，请家长在学校公众号内投票，无需登录任何链接",
    "我的银行卡号填错了，已经联系银行客服改好了",
    pytest.param("闲鱼不方便的话，我们当面交易，验货再付钱", marks=CLASSIFIER_WRONG),
    "借你的车用一下，周末还你",
    # A house deal that goes through escrow, with the agent protecting the buyer.
    "张姐，房款走资金监管，定金在我们公司App里付，不要转我个人账户，有问题打公司400电话。",
    # An airline's own agent answering the customer's call about a cancelled flight: a free rebooking.
    "客服：您好，国航客服，请问有什么可以帮您？我：我明天的航班收到短信说取消了，想改签。客服：请提供一下"
    "票号。我：身份证后四位3319。客服：查到了，可以免费改签当天后续航班，或者全额退票。",
]


def test_a_relatives_new_number_is_met_with_the_advice_to_call_the_old_one(detector: Detector) -> None:
    # "换号了，以后打这个" is how 冒充亲友 scams open, and the real SMS label such messages scams; a genuine
    # one reads the same. The engine calls it suspicious at least, names the scam it may be and says how
    # to tell: call the old number.
    verdict = detector.assess("妈，我换新手机号了，以后打这个，旧号过几天就停了。")
    assert verdict.level in ("medium", "high") and "原来的电话" in verdict.advice, verdict.advice


def test_a_group_said_to_be_closing_is_at_least_suspicious(detector: Detector) -> None:
    # "本群解散，扫码进新群" is how fake teachers and property managers gather a group; a genuine admin
    # moving a group says the same, so the cue alone makes the message suspicious, not a scam.
    verdict = detector.assess("各位业主，本群即将解散，请大家扫码加入新的业主群，物业退费通知都在新群发布")
    assert "group_migration" in {c.id for c in verdict.cues} and verdict.level in ("medium", "high")
    assert "原来的电话" in verdict.advice or verdict.is_fraud


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # Found on the seventh set's dev half; named, each weighed with the rest.
        (
            "关于变更收款账户的通知：我司原账户暂停收款，自即日起货款请汇至新账户 6230 5821 0044 7719",
            "payee_account_changed",
        ),
        ("感恩回馈老年人：99元游三日，包吃包住，限60岁以上报名，子女不可陪同", "secrecy"),
        ("您把存折和身份证准备好，密码到时候在我的机器上输一下就行", "ask_for_code"),
    ],
)
def test_the_seventh_sets_mechanisms_are_named(detector: Detector, text: str, cue: str) -> None:
    assert cue in {c.id for c in detector.assess(text).cues}


@pytest.mark.parametrize(
    "text",
    ["帮我收个验证码 你手机收到的那几个数字发我一下", "刚手抖填成你的号了 收到个验证码发我下"],
)
def test_the_digits_of_a_verification_code_asked_for_are_named(detector: Detector, text: str) -> None:
    # Named, not decisive alone: a friend sharing an account asks the same way.
    assert "ask_for_code" in {c.id for c in detector.assess(text).cues}


def test_a_card_borrowed_to_receive_money_is_at_least_suspicious(detector: Detector) -> None:
    # A friend whose WeChat "cannot receive" borrows your card: money through your account is a mule's.
    verdict = detector.assess("哥wx限制收款了 借你卡收笔钱 到了转我")
    assert "account_rental" in {c.id for c in verdict.cues} and verdict.level in ("medium", "high")


@pytest.mark.parametrize("text", GENUINE)
def test_genuine_notices_and_chats_stay_quiet(detector: Detector, text: str) -> None:
    verdict = detector.assess(text)
    assert not verdict.is_fraud, (verdict.risk, [c.id for c in verdict.cues])


ADVERTS = [
    ("【优品家居】年终大促全场满300减80，会员再享9折，详情见门店，回T退订", "advert"),
    ("信用贷车贷房贷，无抵押当天放款，额度最高50万，咨询热线CELLPHONE张经理", "loan_advert"),
    ("澳门威尼斯人线上娱乐城首存即送彩金，百家乐真人视讯，网址URL", "illegal_advert"),
]


@pytest.mark.parametrize(("text", "kind"), ADVERTS)
def test_adverts_are_shown_as_adverts_not_scams(detector: Detector, text: str, kind: str) -> None:
    verdict = detector.assess(text)
    assert not verdict.is_fraud, (verdict.risk, [c.id for c in verdict.cues])
    assert verdict.category in ("advert", "loan_advert", "illegal_advert")
    assert verdict.category_name != "正常信息" and verdict.advice


@pytest.mark.parametrize("text", ["你好", "您好", "新年快乐！", "在吗"])
def test_a_greeting_is_no_advert(detector: Detector, text: str) -> None:
    # the classifier, which learned short real spam, had called 你好 and 您好 illegal adverts
    verdict = detector.assess(text)
    assert verdict.category == "normal" and not verdict.is_fraud, (verdict.category, verdict.risk)


# a short advert keeps its kind with a number in it (a real invoice spam, its mobile replaced by the data
# set's placeholder) or when the classifier is sure of it
@pytest.mark.parametrize("text", ["开发票CELLPHONE NAME", "代开发票", "刻章办证"])
def test_a_short_advert_stays_one(detector: Detector, text: str) -> None:
    assert detector.assess(text).category == "illegal_advert"


def test_an_operators_own_short_link_is_its_own(detector: Detector) -> None:
    # u.10010.cn, China Unicom's short links, had been called a lookalike of 10010.com
    verdict = detector.assess(
        "【中国联通】手机营业厅为您提供了流量使用曲线图，点击u.10010.cn/qAAp9查看，回复TD退订。"
    )
    ids = {c.id for c in verdict.cues}
    assert "official_link" in ids and "lookalike_domain" not in ids, ids


def test_a_refund_recorded_as_settled_says_nothing_beside_a_demand(detector: Detector) -> None:
    # a deposit paid back is a settled matter; a "refund" that then asks for screen sharing is a scam's opening
    settled = detector.assess(
        "情况说明 本人租房时交付押金4000元由中介代收。中介公司已于6月3日将押金退还本人。特此说明。"
    )
    assert "deposit_refunded" in {c.id for c in settled.cues} and not settled.is_fraud, settled.risk
    scam = detector.assess("客服：您的订金已原路退回，请下载会议app开启屏幕共享确认收款")
    assert "deposit_refunded" not in {c.id for c in scam.cues} and scam.is_fraud, scam.risk


@pytest.mark.parametrize(
    "text",
    [
        # the court's own site beside it vouches for nothing: the account is where the money goes
        "【上海市浦东新区人民法院】你的案件执行款请于三日内转入执行员王某个人账户6222021234567890128，"
        "详情见www.hshfy.sh.cn。",
        "【某区人民法院】执行款请转入承办法官個人账戶，逾期将强制执行。",  # traditional characters
        "派出所通知：你的罚款请今天打到办案民警私人银行卡上，不交就上门。",
    ],
)
def test_money_for_an_authority_paid_into_a_persons_account_is_a_scam(detector: Detector, text: str) -> None:
    verdict = detector.assess(text)
    assert verdict.is_fraud and "authority_personal_account" in {c.id for c in verdict.cues}, verdict.risk


@pytest.mark.parametrize(
    "text",
    [
        "【反诈提醒】法院绝不会让你把执行款转入个人账户，接到此类电话请拨打96110。",
        "【某区人民法院】您的案款已退回您的个人账户，请注意查收。",
    ],
)
def test_the_warning_and_the_refund_to_the_reader_are_no_authority_payee(
    detector: Detector, text: str
) -> None:
    verdict = detector.assess(text)
    assert "authority_personal_account" not in {c.id for c in verdict.cues} and not verdict.is_fraud, (
        verdict.risk
    )


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("新人报到前先交工服费200元，直接微信转给我，上岗后统一发放。", "job_fee"),
        (
            "恭喜通过主播初选，签约前需支付拍摄费1500元，拍完即可安排通告，报名入口 zb-xingguang.top",
            "job_fee",
        ),
        ("陪玩工作室招人，入會費幾十塊，先加扣扣试音。", "job_fee"),  # traditional characters
        ("您的面试已通过，入职资料请下载Telegram搜索 @hr_li_2026 领取。", "telegram_channel"),
        ("金边一家游戏公司高薪招聘中文客服，月薪2万，包机票包住宿，私聊。", "overseas_job"),
    ],
)
def test_a_job_that_costs_the_job_seeker_is_named(detector: Detector, text: str, cue: str) -> None:
    verdict = detector.assess(text)
    assert cue in {c.id for c in verdict.cues}, [c.id for c in verdict.cues]


@pytest.mark.parametrize(
    "text",
    [
        "我们厂入职免费，无押金、服装费、介绍费，也不收工服费，带身份证直接来面试。",
        "【苏州某人力】持证劳务派遣，长期为园区企业招普工，包吃住，月入7000元，不收任何费用。拒收回R",
        "telegram code 89610",
    ],
)
def test_a_job_that_costs_nothing_and_a_telegram_code_stay_quiet(detector: Detector, text: str) -> None:
    verdict = detector.assess(text)
    ids = {c.id for c in verdict.cues}
    assert not verdict.is_fraud and not ids & {"job_fee", "overseas_job", "telegram_channel"}, ids


def test_a_schools_teacher_who_recommends_is_no_trading_mentor(detector: Detector) -> None:
    school = detector.assess("报了个设计培训班，招生老师推荐过分期付学费，我说全款他也没再坚持。")
    assert "mentor_group" not in {c.id for c in school.cues}, [c.id for c in school.cues]
    mentor = detector.assess("群里的王老师推荐的票明天必涨停，跟着上车就行。")
    assert "mentor_group" in {c.id for c in mentor.cues} and mentor.is_fraud, mentor.risk


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("到金边了，酒店很干净，回程机票是周五的。", "overseas_job"),  # a traveller, no job
        ("出国留学后我一直用电报和国外同学联系。", "telegram_channel"),
        ("工服费每套60元，从首月工资中代扣，满三个月后随工资全额返还。", "job_fee"),
        ("妈，法院判下来了，对方的赔偿款执行局已经打到我个人卡上了。", "authority_personal_account"),
        ("法院调解后，对方已将赔偿款转入您的个人账户，请查收。", "authority_personal_account"),
        ("背调只核实工作经历，不查征信，也不需要你的银行信息。", "credit_ignored_loan"),  # lends nothing
        ("委托人如需支付诉讼费、鉴定费等，应直接缴纳至法院或鉴定机构。", "collectibles_elderly"),
        ("接到电话让你去银行转账的，千万不要去银行。", "avoid_official_channels"),  # a warning
        ("系统升级期间请勿前往网点办理，可通过手机银行App自助办理。", "avoid_official_channels"),
    ],
)
def test_the_review_probes_that_share_the_words_are_no_hits(detector: Detector, text: str, cue: str) -> None:
    assert cue not in {c.id for c in detector.assess(text).cues}


def test_who_did_not_pay_disowned_is_a_threat_not_a_warning(detector: Detector) -> None:
    verdict = detector.assess(
        "明天来厂里报到，入职须缴纳保证金500元，没交押金的都不是我们厂的人，门卫不让进。"
    )
    assert verdict.is_fraud and "job_fee" in {c.id for c in verdict.cues}, verdict.risk


@pytest.mark.parametrize(
    "text",
    [
        "尊🔥敬的客❤️户您✨的积💰分已满👉足兑🎁换现❤️金条件，请登🔥录URL领取",
        "尊*敬的客·户您|的积~分已满/足兑*换现·金条件，请登|录URL领取",
    ],
)
def test_symbols_or_emoji_strewn_between_the_characters_hide_nothing(detector: Detector, text: str) -> None:
    verdict = detector.assess(text)
    cues = {c.id for c in verdict.cues}
    assert verdict.is_fraud and {"points_cash_link", "login_to_fix", "variant_spelling"} <= cues, cues
    spelling = next(c for c in verdict.cues if c.id == "variant_spelling")
    assert text[spelling.start : spelling.end] == spelling.text  # spans are the original text's


@pytest.mark.parametrize("text", ["不看征信，黑户也能下款，当天到账", "股票配资1:10，月息0.8%，不看征信"])
def test_a_loan_that_ignores_the_credit_record_is_named(detector: Detector, text: str) -> None:
    assert "credit_ignored_loan" in {c.id for c in detector.assess(text).cues}


def test_a_firms_own_disclaimer_is_no_demand(detector: Detector) -> None:
    verdict = detector.assess(
        "【泰和消费金融】您的借款申请正在审核中。郑重提示：我司放款前不会收取任何保证金、解冻费，"
        "如有人以我司名义要求付费，请通过App内客服核实并报警。"
    )
    assert "own_disclaimer" in {c.id for c in verdict.cues} and not verdict.is_fraud, verdict.explanation
    # … and no notice's frame for a demand made before it
    scam = detector.assess(
        "【融易花】您的借款已审批通过，请添加专属客服微信 ryh8866 缴纳首期服务费399元后即可放款。"
        "如有人以我司名义要求付费，请核实并报警"
    )
    assert scam.is_fraud, scam.explanation


def test_a_licence_claimed_beside_a_demand_to_pay_says_nothing(detector: Detector) -> None:
    text = "签证担保金20,000元请在七个工作日内缴至我司指定账户。我司具有对外劳务合作经营资格。"
    assert "licensed_labour_agency" not in {c.id for c in detector.assess(text).cues}
    licensed = "我司具有对外劳务合作经营资格，签约前不收费，收费项目按规定公示。"
    assert "licensed_labour_agency" in {c.id for c in detector.assess(licensed).cues}


def test_a_licence_claimed_beside_a_passport_kept_says_nothing(detector: Detector) -> None:
    verdict = detector.assess(
        "本公司有对外劳务合作经营资格，招赴泰国网络销售，无需经验，包机票，到岗后护照由公司统一保管，"
        "工作内容是网上聊天推广理财。"
    )
    cues = {c.id for c in verdict.cues}
    assert verdict.is_fraud and "passport_held" in cues and "licensed_labour_agency" not in cues, cues


@pytest.mark.parametrize(
    "text",
    [
        "您好，您买的那只英短现在在机场，因为没有专用航空箱和运输保险无法登机，需要补交800元，猫到了以后退给您",
        "你要的柯基托运要恒温箱，再转500，链接 pet-tuoyun.top 填一下收货信息",
        "狗狗到了檢疫站，說沒打疫苗不能過省，要再交1500疫苗費，不交就走不了",  # traditional characters
    ],
)
def test_fee_after_fee_for_a_pets_journey_is_a_shopping_scam(detector: Detector, text: str) -> None:
    verdict = detector.assess(text)
    cues = {c.id for c in verdict.cues}
    assert verdict.is_fraud and verdict.fraud_type == "shopping" and "pet_shipping_fees" in cues, cues


@pytest.mark.parametrize(
    "text",
    [
        "我家猫舍的幼猫都打完两针疫苗才出窝，托运费300元含航空箱，外地客户可以视频看猫",
        pytest.param("柯基已经打了疫苗，您来店里接还是托运？托运的话航空箱我们送。", marks=CLASSIFIER_WRONG),
    ],
)
def test_a_breeders_price_with_the_box_included_is_no_added_fee(detector: Detector, text: str) -> None:
    verdict = detector.assess(text)
    assert "pet_shipping_fees" not in {c.id for c in verdict.cues} and not verdict.is_fraud, (
        verdict.explanation
    )


def test_a_fee_now_refunded_later_is_named(detector: Detector) -> None:
    verdict = detector.assess("物流说包裹超重卡在中转站，要再补三百，到货当天全部退给你，你先转一下")
    assert "refundable_fee_promise" in {c.id for c in verdict.cues}, verdict.cues
    # a waiting-list order's prepayment returned, or a deposit held until the tenant leaves, is not it
    for text in ["候补订单未兑现，预付款463.5元将原路退回", "先交押金2000，退租时全额退还，收据上写清楚"]:
        assert "refundable_fee_promise" not in {c.id for c in detector.assess(text).cues}, text


@pytest.mark.parametrize(
    "text",
    [
        "兄弟我用的是平台的担保交易码，你扫一下就能收款，比等确认收货快",
        "亲，我已经拍下了，你扫这个码即可收到货款 xianyu-pay.cc/m/88",
    ],
)
def test_a_seller_told_to_scan_to_receive_money_is_warned(detector: Detector, text: str) -> None:
    verdict = detector.assess(text)
    assert verdict.is_fraud and "pay_to_receive" in {c.id for c in verdict.cues}, verdict.explanation
    # the shop's own code that customers scan is how a shop receives money
    shop = detector.assess("让顾客扫一下你的收款码就能收款，钱直接进你的经营账户")
    assert "pay_to_receive" not in {c.id for c in shop.cues}


def test_a_deposit_paid_after_seeing_the_thing_is_no_prepayment_to_a_stranger(detector: Detector) -> None:
    seen = detector.assess(
        "你今天来看过了，定了那只橘猫的话就先付三百定金，我给你写张收条，剩下的接猫时当面付。"
    )
    cues = {c.id for c in seen.cues}
    assert "deposit_in_person" in cues and "off_platform_payment" not in cues and not seen.is_fraud, cues
    # a seller who cannot show it is not answered by a receipt promised
    unseen = detector.assess("我人在外地看不了房，你先转两千定金我帮你压着，签合同时给你开收据")
    assert unseen.is_fraud and "off_platform_payment" in {c.id for c in unseen.cues}, unseen.explanation


def test_a_warning_against_a_private_trade_is_no_request_for_one(detector: Detector) -> None:
    verdict = detector.assess("号在藏宝阁挂着，你走官方交易，私下交易以后被找回我可不管，平台手续费我自己出")
    assert not {"off_platform_payment", "fee_before_benefit"} & {c.id for c in verdict.cues}, verdict.cues
    scam = detector.assess("卖家说走平台要扣手续费，微信转他能便宜一百")
    assert "off_platform_payment" in {c.id for c in scam.cues}, scam.cues


@pytest.mark.parametrize(
    "text",
    [
        "帮个忙，我这账号实名过不去，借你刷一下脸，两分钟完事，给你五十块红包",
        "你的QQ是老号吧？工作室在找实名号出租，一个月给你三百，不影响你自己用",
    ],
)
def test_renting_out_an_account_or_lending_ones_face_is_named(detector: Detector, text: str) -> None:
    assert "account_rental" in {c.id for c in detector.assess(text).cues}


@pytest.mark.parametrize(
    "text",
    [
        "您家金毛的第三针疫苗下周六该补打了，到院前台缴费即可",
        "【航空】携带猫、狗乘机须持有动物检疫合格证明，否则无法托运",
        "亲，您拍的宝贝已经发出，运输保险已为您投保，丢件可免费补发",
        "您在天猫购买的商品已投保运输保险，如有破损可申请补发",
    ],
)
def test_a_vet_an_airline_or_a_shop_is_no_pet_journey_fee(detector: Detector, text: str) -> None:
    assert "pet_shipping_fees" not in {c.id for c in detector.assess(text).cues}, text


@pytest.mark.parametrize(
    "text",
    [
        "欢迎入住，入住时需先付押金300元，离店时全额退还，押金可用微信或支付宝支付。",
        "取车时需先交车辆押金3000元，还车验车无误后全额退回。",
    ],
)
def test_a_deposit_held_against_what_is_handed_back_is_no_prepayment(detector: Detector, text: str) -> None:
    cues = {c.id for c in detector.assess(text).cues}
    assert "deposit_in_person" in cues and not {"off_platform_payment", "fee_before_benefit"} & cues, cues


def test_a_thing_seen_only_on_a_photo_is_not_seen(detector: Detector) -> None:
    verdict = detector.assess("照片你也看过了，没问题的话先付一千订金，我这边给你开收据，下周发货")
    cues = {c.id for c in verdict.cues}
    assert "deposit_in_person" not in cues and "off_platform_payment" in cues, cues


def test_a_fee_that_will_not_be_refunded_is_no_refund_promise(detector: Detector) -> None:
    for text in ["订金一旦付了就不能退，档期给您锁住", "报名请先交300元资料费，开课后资料费不会退的哦"]:
        assert "refundable_fee_promise" not in {c.id for c in detector.assess(text).cues}, text


def test_a_customer_paying_a_shop_is_no_seller_told_to_scan(detector: Detector) -> None:
    for text in ["老板，你扫一下我的付款码就能收钱了", "收款码贴在收银台了，客人扫一下就能收款"]:
        assert "pay_to_receive" not in {c.id for c in detector.assess(text).cues}, text


@pytest.mark.parametrize(
    "text",
    [
        "不好意思加错人了，不过也算缘分，交个朋友吧，我在深圳做基金的",
        "啊抱歉发错了，这份行情是给客户的。相逢就是缘，我是做外汇的，以后可以聊聊",
    ],
)
def test_a_stranger_who_came_by_mistake_and_stays_is_named(detector: Detector, text: str) -> None:
    assert "wrong_contact_befriend" in {c.id for c in detector.assess(text).cues}, text


def test_a_shop_that_sent_the_wrong_thing_is_no_stranger_staying(detector: Detector) -> None:
    verdict = detector.assess("亲，仓库发错颜色了，给您补发一件藏青色的，错发的那件不用寄回，再次抱歉")
    assert "wrong_contact_befriend" not in {c.id for c in verdict.cues} and not verdict.is_fraud


def test_a_partner_never_met_who_wants_money_is_a_romance_scam(detector: Detector) -> None:
    verdict = detector.assess(
        "网上认识的男朋友，聊了四个月一直没见过面，他说他妈妈住院了还差两万，让我先转给他应急，这个能转吗？"
    )
    assert verdict.is_fraud and "never_met_asks_money" in {c.id for c in verdict.cues}, verdict.explanation


def test_a_date_who_was_the_venues_decoy_is_named(detector: Detector) -> None:
    verdict = detector.assess(
        "相亲网站认识的女孩约我去一家茶楼，点了一壶茶两盘果盘结账六千多，后来才知道她是茶楼雇的托。"
    )
    assert verdict.is_fraud and "hired_decoy" in {c.id for c in verdict.cues}, verdict.explanation
    # a tray or an after-school minder is no decoy
    for text in ["这是个托盘，放杯子用的", "托管费按月交，开发票", "我找的托管班，一个月一千二"]:
        assert "hired_decoy" not in {c.id for c in detector.assess(text).cues}, text


def test_a_scam_seen_through_without_a_penny_paid_is_told_as_such(detector: Detector) -> None:
    verdict = detector.assess(
        "我妈接到个电话说她医保卡被冻结，要她转钱到安全账户。我让她挂了打96110问，钱一分没转。"
    )
    assert "no_money_lost" in {c.id for c in verdict.cues}, verdict.cues
    # money that never came back is a loss, not a penny saved
    for text in ["提现申请了一个月，一分钱都没到账", "借给他的钱一分没还，人也联系不上了"]:
        assert "no_money_lost" not in {c.id for c in detector.assess(text).cues}, text
    # nor a scam's reassurance about others, nor the start of a loss
    for text in [
        "之前参加活动的会员一分钱都没损失，这次开通只需缴纳首期服务费599元",
        "一开始也没让我交一分钱，后来让我交了3万保证金，现在人联系不上了",
    ]:
        assert "no_money_lost" not in {c.id for c in detector.assess(text).cues}, text


def test_a_licensed_sellers_risk_disclosure_argues_against_a_scam(detector: Detector) -> None:
    verdict = detector.assess(
        "【某银行】您关注的稳享90天为非保本浮动收益型理财产品，业绩比较基准不代表实际收益，请在手机银行阅读风险揭示书。"
    )
    assert "risk_disclosure" in {c.id for c in verdict.cues} and not verdict.is_fraud, verdict.explanation
    # "投资有风险" alone is what the scam's own script says
    scam = detector.assess("投资有风险，但我们这个项目稳赚不赔，年化30%，今天入金还送体验金")
    assert "risk_disclosure" not in {c.id for c in scam.cues} and scam.is_fraud


def test_a_firms_disclaimer_of_groups_in_its_name_describes_them(detector: Detector) -> None:
    verdict = detector.assess(
        "今晚直播讲基金定投，入口仅在官方APP。任何以我司名义拉群荐股、收取会员费的行为均与我司无关。"
    )
    cues = {c.id for c in verdict.cues}
    assert "own_disclaimer" in cues and not verdict.is_fraud, verdict.explanation
    # the disowning reaches the end of its clause, not a demand after it
    pose = detector.assess("任何以客服名义索要验证码的都不要理，请您把收到的验证码告诉我")
    assert "ask_for_code" in {c.id for c in pose.cues}, pose.cues


def test_a_loss_told_as_savings_sent_across_and_a_phone_never_on_again(detector: Detector) -> None:
    verdict = detector.assess(
        "我舅舅网上认识个女的，说要来看他，他攒的六万多都转过去了。后来约好那天他在车站等到天黑，对方手机再也没开过机。"
    )
    assert verdict.is_fraud and "loss_account" in {c.id for c in verdict.cues}, verdict.explanation


def test_the_reviews_innocent_uses_of_the_new_words_stay_quiet(detector: Detector) -> None:
    for text in [
        "我和房东一直没见过面，房租我按合同直接转给他了",  # no partner, no request to the writer
        "这事就是托了他舅的关系才办下来的",  # 托 as a favour asked
        "考研辅导班是导师一对一带，课时费按学期交到学校账户",  # a teacher, not a trade
        "我把年终奖两万块全转了过去，给我妈交住院费",  # money sent to one's mother
    ]:
        verdict = detector.assess(text)
        assert not verdict.is_fraud, (text, verdict.explanation)
    # a note meant for the office's stock group is no stranger staying (the group itself is another cue's)
    misdirected = detector.assess("不好意思发错了，这条是发给我们单位炒股群的")
    assert "wrong_contact_befriend" not in {c.id for c in misdirected.cues}


def test_a_risk_disclosure_beside_a_guaranteed_return_says_nothing(detector: Detector) -> None:
    verdict = detector.assess("本产品保本保息，年化12%，稳赚不赔，今天入金送体验金。理财非存款，投资须谨慎。")
    assert verdict.is_fraud and "risk_disclosure" not in {c.id for c in verdict.cues}, verdict.cues


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # a relative abroad whose request comes a sentence after the place
        (
            "表姐，我是小雨，在英国手机丢了借同学的号。房东催房租，你先帮我垫两千英镑好吗",
            "relative_abroad_money",
        ),
        ("币圈新风口，零基础也能月入过万，导师一对一带单，详情加V", "mentor_group"),
        (
            "亲爱的，我在北海钻井平台工作，给你寄了一箱首饰，海关说要交清关费三千才放行",
            "overseas_suitor_parcel",
        ),
        ("有个自称快递理赔的加我，让我下载会议软件，我直接拉黑举报了", "recounting"),
    ],
)
def test_the_widened_cues_name_their_new_forms(detector: Detector, text: str, cue: str) -> None:
    assert cue in {c.id for c in detector.assess(text).cues}, text


def test_a_scammer_who_reported_the_other_scammer_is_no_recounting(detector: Detector) -> None:
    verdict = detector.assess(
        "那个冒充客服骗您的账号我删除并举报了，我才是官方客服，请下载会议软件开启屏幕共享"
    )
    assert "recounting" not in {c.id for c in verdict.cues} and verdict.is_fraud, verdict.explanation


def test_warning_words_worn_beside_a_demand_are_shown_as_counting_nothing(detector: Detector) -> None:
    verdict = detector.assess(
        "我同学找兼职，对方让先交300元培训费才能上岗，幸好他没交。提醒大家找兼职先交钱的都是骗子"
    )
    warning = [c for c in verdict.cues if c.id == "warning_context"]
    assert warning and all(c.weight == 0.0 for c in warning)
    assert any("不按防骗宣传计分（+0.0分）" in line for line in verdict.explanation), verdict.explanation


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("兄弟，你那个号还卖吗？我出2000，走个交易平台更安全，链接我发你，你注册一下就行", True),
        ("您的银行卡涉嫌洗钱，请立即将资金转入安全账户配合调查", False),  # rules spoke
        ("借点钱", False),  # the classifier at about 50%: the bias alone made it 可疑
    ],
)
def test_a_verdict_no_rule_spoke_for_says_the_classifier_decided(
    detector: Detector, text: str, said: bool
) -> None:
    verdict = detector.assess(text)
    assert verdict.risk >= 25, verdict.risk
    assert any("没有命中具体的诈骗规则" in line for line in verdict.explanation) is said, verdict.explanation
    if said:
        assert not any(c.weight > 0 for c in verdict.cues), verdict.cues
