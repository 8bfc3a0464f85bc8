"""Cue matching: keywords, patterns, negation and quoting."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fanzha.detect.cues import (
    MAX_SPANS_PER_CUE,
    CueMatcher,
    asks_whether_to_act,
    collapse_identifiers,
    is_dialogue,
    leftmost_spans,
)
from fanzha.detect.prepare import prepare
from fanzha.taxonomy import load_taxonomy

MATCHER = CueMatcher(load_taxonomy())


def cue_ids(text: str) -> set[str]:
    return {hit.cue.id for hit in MATCHER.match(prepare(text).masked)}


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("请把钱转到安全账户", "safe_account"),
        ("您的银行卡涉嫌洗钱", "suspected_crime"),
        ("请下载软件并开启屏幕共享", "screen_share_or_remote"),
        ("把手机收到的验证码发给我", "ask_for_code"),
        ("先交保证金才能放款", "fee_before_benefit"),
        ("刷 单 返 利，日结佣金", "order_brushing"),
        ("您的积分即将清零，请尽快兑换现金礼包", "points_expire"),
        ("出租银行卡帮忙走账，每笔提成3%", "account_rental"),
        ("到ATM机上按提示操作领取退税", "atm_guided"),
        ("您的航班因故障取消，改签可获得补偿，请联系客服", "flight_cancelled"),
        ("您的電費逾期未繳將停電，請點擊 http://pay-dl.top 繳費", "bill_overdue_link"),
        ("每天一只涨停牛股坚决免费", "stock_group_invite"),  # free tips, no group named
        ("名师带队年前最后一次建仓全免费不分成", "stock_group_invite"),
        ("您放心，我们是正规持牌的金融机构", "vouches_for_itself"),
        ("请于本周五前入群上报姓名、身份证号、名下所有银行卡号、取款密码及预留手机号", "ask_for_code"),
        ("我不会让你吃亏的，你提供一下验证码就行", "ask_for_code"),  # a reassurance quotes nothing
        ("放心我从不让客户吃亏你把验证码发给我就帮你办好", "ask_for_code"),
        ("招赴泰国网络销售，无需经验，包机票，到岗后护照由公司统一保管", "passport_held"),
        ("因涉及异地协查，请勿前往当地医保经办窗口办理，以免造成重复登记", "avoid_official_channels"),
        ("按指引将名下银行卡资金转入核验账户，核验完成后资金实时退回", "safe_account"),  # by any name
        ("我们公司是国家认可的正规平台", "vouches_for_itself"),
    ],
)
def test_scam_phrasings_raise_their_cue(text: str, cue: str) -> None:
    assert cue in cue_ids(text)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("千万不要转账到陌生人提供的账户", "transfer_to_designated"),
        ("凡是要求转账到安全账户的都是诈骗", "safe_account"),
        ("接到自称客服的电话，切勿开启屏幕共享", "screen_share_or_remote"),
        ("所谓的安全账户根本不存在", "safe_account"),
        ("说有平台漏洞稳赚不赔，一律是诈骗", "guaranteed_return"),  # judged in the next clause
        ("我炒股只用闲钱，不加杠杆，不听群里什么“老师”荐股", "mentor_group"),
        ("不听信陌生来电要求转账到安全账户", "safe_account"),
        ("我司不向劳务人员收取押金、保证金及中介费", "fee_before_benefit"),  # the one spared stands between
        ("人社部门不会以“申请稳岗补贴”为名要求企业提供网银密码、验证码", "ask_for_code"),
        ("忘记取款密码请携带身份证到柜台提交申请，重置取款密码", "ask_for_code"),  # the bank's own counter
        (
            "服务费交到公司对公账户，护照签证由公司统一送使馆办理",
            "passport_held",
        ),  # a visa, not a passport kept
    ],
)
def test_negated_or_quoted_phrasings_are_not_evidence(text: str, cue: str) -> None:
    assert cue not in cue_ids(text)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("【国家反诈中心】提醒您：凡是刷单都是诈骗", "warning_context"),
        ("您的验证码是482913，5分钟内有效", "verification_code_notice"),
        ("您尾号1234的储蓄卡11月3日支出58.00元，余额3201.55元", "account_statement"),
        ("您的包裹已到驿站，取件码3-2-1045", "pickup_code"),
        ("双十一全场五折，回T退订", "marketing_unsubscribe"),
        ("您的QQ号于今日在异地登录，如非本人操作，请立即前往QQ安全中心修改密码。", "legit_notice"),
        (
            "【抖音】你的抖音账号密码已修改，如非本人操作，请在抖音APP“设置-账号与安全”中冻结账号",
            "own_app_only",
        ),
        ("爸，那个是骗子，千万别往里面充钱", "warning_context"),  # a family chat's judgment
        ("警方提醒：出国打工很可能是电诈园区的陷阱", "warning_context"),
        ("传票 应到时间：2025年11月18日09:30。应到处所：本院第十二法庭。", "appear_in_person"),
        ("请于本月20日前携带身份证到本局三楼办理。", "appear_in_person"),
        ("我司持有对外劳务合作经营资格，收费项目按规定公示。", "licensed_labour_agency"),
    ],
)
def test_everyday_notices_raise_negative_cues(text: str, cue: str) -> None:
    assert cue in cue_ids(text)
    assert all(c.weight < 0 for c in load_taxonomy().all_cues if c.id == cue)


def test_a_brokers_free_account_is_no_stock_tip() -> None:
    assert "stock_group_invite" not in cue_ids("本产品收取管理费，免费开户")


@pytest.mark.parametrize(
    "text",
    [
        "对方让我转到安全账户，这是诈骗吗？",  # a question is no judgment
        "这其实是正规平台，不是骗局",  # a denial is none either
    ],
)
def test_a_question_or_a_denial_is_no_warning(text: str) -> None:
    assert "warning_context" not in cue_ids(text)


def test_free_stock_tips_are_firm() -> None:
    (cue,) = [c for c in load_taxonomy().all_cues if c.id == "stock_group_invite"]
    assert cue.firm


@pytest.mark.parametrize(
    ("text", "promised"),
    [
        ("预期年化收益5.6%，期限42天", False),  # a bank's own product
        ("货币基金7日年化收益2.35%", False),
        ("年化收益百分之五点六", False),
        ("年化收益率高达18%", True),
        ("年化8.5%，保证到期兑付", True),
        ("一年内可以达到百分之五十", True),
        ("收益率5%", True),  # no period: could be a week
        ("这个月基金收益3%还不错", False),  # a chat about one's fund: no period, small, nothing promised
        ("收益稳定3%，每周结算", True),  # small, but promised
        ("每月收益30%", True),
    ],
)
def test_a_yearly_yield_is_a_high_return_promise_from_8_percent(text: str, promised: bool) -> None:
    assert ("high_return_promise" in cue_ids(text)) is promised


@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("我妈在网上认识个人，被骗了6万", True),
        ("我被骗了3000块", True),
        ("晚间新闻：七旬老人轻信保健品讲座被骗30万", False),  # someone else's loss, in the news
        ("为5亿融资担保老人被骗500万", False),
    ],
)
def test_a_loss_counts_as_an_account_when_the_writer_tells_it(text: str, told: bool) -> None:
    assert ("loss_account" in cue_ids(text)) is told


@pytest.mark.parametrize(
    ("text", "cue", "raised"),
    [
        # a scam's word that is part of another word or an everyday phrase
        ("二环快速公交始发站将迁入金沙枢纽运行", "mentor_group", False),
        ("平台最低入金5000元，出入金秒到", "mentor_group", True),
        ("周杰伦加入好声音导师的队伍", "mentor_group", False),
        ("加导师微信领取任务", "mentor_group", True),
        ("资深投资导师每天分享牛股", "mentor_group", True),
        ("某董事长夫人涉股票内幕交易获利", "mentor_group", False),
        ("我们团队有内幕消息", "mentor_group", True),
        ("经办人带单位公章和本人身份证来柜台签协议", "mentor_group", False),  # 带 + 单位
        ("NASA发布了新视野号探测器传回的照片", "new_number", False),
        ("那些一出来新型号就换手机的人", "new_number", False),
        ("我换号了，这是我的新号码，存一下", "new_number", True),
        ("加我新微信", "new_number", True),
        ("我是你店面的房东，老号码不用了，以后有事打这个号", "new_number", True),
        ("这是公司新建的内部工作群，原来的群以后不用了，财务的同事都在吧", "group_migration", True),
        ("如果你这边已经在流程中了，政府部门会处理", "you_won", False),
        ("恭喜你中了二等奖", "you_won", True),
        ("麻烦帮我注销这个账号", "transfer_to_designated", False),
        ("请把钱转到这个账号", "transfer_to_designated", True),
        ("规模以上工业企业利润总额同比增17.9%", "high_return_promise", False),
        ("投资收益高达30%", "high_return_promise", True),
        ("暴涨暴跌是牛市初期的特征", "high_return_promise", False),
        ("这只股票下周暴涨", "high_return_promise", True),
        ("新款手机跑分逆天", "account_rental", False),
        ("招跑分手，日结佣金", "account_rental", True),
        # a deadline is urgency when it presses for an action or threatens; not when it tells when
        ("买家已付款，请在48小时内发货", "urgency", False),
        ("话费将于24小时内到账", "urgency", False),
        ("请于24小时内联系稽查员，否则移送公安", "urgency", True),
        # points turned into the operator's own goods in its app, or into cash through a site
        ("积分兑换订单已成功，兑换10元话费消耗积分1000分", "points_expire", False),
        ("积分本月到期，可登录建行生活App兑换礼品", "points_expire", False),
        ("您的积分即将清零，请登录网站兑换现金288元", "points_expire", True),
        # the writer has already settled it through the real channel; a scam only sends you to one
        ("我的银行卡号填错了，已经联系银行客服改好了", "settled_through_official_channel", True),
        ("卡的事我已经去了营业厅，办好了", "settled_through_official_channel", False),  # two clauses
        ("手机号的事已经去了营业厅办好了", "settled_through_official_channel", True),
        ("您的银行卡号填错了，请联系客服处理解冻", "settled_through_official_channel", False),
        ("需要联系我们客服改好后才能放款", "settled_through_official_channel", False),
        # … but not in a scammer's mouth: a request after it, a platform's "service", a problem not solved
        ("我已经联系银行客服处理好了，你把钱转过来", "settled_through_official_channel", False),
        (
            "我已经联系银行客服核实过了，那张卡没问题，你直接转到那张卡上就行",
            "settled_through_official_channel",
            False,
        ),
        ("我找了平台客服，说是要先充值才能解决提现问题", "settled_through_official_channel", False),
        ("我已经联系银行客服了，还没解决", "settled_through_official_channel", False),
        # "联系银行客服" is calling the real one, not claiming to be it
        ("已经联系银行客服改好了", "claims_customer_service", False),
        ("我联系了银行客服", "claims_customer_service", False),
        ("问一下京东客服吧", "claims_customer_service", False),
        ("我打电话给银行客服了", "claims_customer_service", False),
        ("您好，我是京东客服，您的订单异常需要退款", "claims_customer_service", True),
        ("【京东客服】您的白条需要关闭", "claims_customer_service", True),
        # a money-market fund's yearly yield is no high-return promise
        ("余额宝昨日收益1.83元，七日年化1.389%", "high_return_promise", False),
        ("AI量化托管 月化20% 随时可取", "high_return_promise", True),  # per month counts whatever it is
        ("信用卡分期月息0.6%", "high_return_promise", False),  # interest the reader pays
        ("银行理财月化0.25%，年化大概3%", "high_return_promise", False),  # per month from 1%
        ("投资收益每月20%", "high_return_promise", True),
        # a fee before the benefit, not a bank transfer notice's fee of nothing or its payee's field
        ("需先交手续费500元才能放款", "fee_before_benefit", True),
        ("缴纳保证金后即可提现", "fee_before_benefit", True),
        ("交了解冻费才能收款", "fee_before_benefit", True),
        ("抽中一台扫地机器人，只要付99运费就寄过来", "fee_before_benefit", True),
        ("只要满99元就免运费", "fee_before_benefit", False),
        ("只要运费到付就行，我明天寄给你", "fee_before_benefit", False),  # 只要 is "as long as"
        ("只要押金退了我就搬走", "fee_before_benefit", False),
        (
            "您申请的闪电贷已审批通过，请登录招商银行APP确认借款。",
            "login_to_fix",
            False,
        ),  # the bank's own app
        ("平台提示您的交易账号已冻结，需缴纳解冻金", "game_trade_freeze", True),
        ("如非本人操作，请在抖音APP“设置-账号与安全”中冻结账号", "game_trade_freeze", False),  # you freeze it
        ("如非本人操作，请尽快冻结账号", "account_abnormal", False),
        (
            "您的提现失败，平台已冻结账户，请联系在线客服处理",
            "game_trade_freeze",
            True,
        ),  # the platform's claim
        ("请登录工行网上银行按提示自助更新证书", "login_to_fix", False),
        # "if it was not you" sends you to a link, not to the brand's own app or security centre
        ("如非本人操作，请立即前往QQ安全中心修改密码。", "not_you_link", False),
        ("若非本人操作请立即登录京东APP修改密码。", "not_you_link", False),
        ("如非本人操作请立即修改登录密码并联系官方客服。", "not_you_link", False),
        ("您的QQ号存在异常，如非本人操作请登录 qq-aq.cn 处理", "not_you_link", True),
        ("如非本人操作，请点击链接取消", "not_you_link", True),
        (
            "如非本人操作请登录“交行安全中心”小程序撤销",
            "not_you_link",
            True,
        ),  # a quoted name: an invented app
        ("您的QQ号存在异常，如非本人操作请登录 qq-aq.cn 处理", "legit_notice", False),
        (
            "【QQ安全中心】您的QQ号在异地登录，如非本人操作，请立即前往QQ安全中心冻结账号",
            "own_app_only",
            True,
        ),
        ("【建设银行】您的账户异常，如非本人操作请登录“建行安全助手”APP处理", "own_app_only", False),
        ("【抖音】账号异常，如非本人操作请在抖音APP内缴纳500元保证金解除", "own_app_only", False),
        ("【抖音】账号异常，如非本人操作请在抖音APP内联系人工客服：4001234567", "own_app_only", False),
        # a way to reach the sender (a number to call, an account to add, a reply, a link) is no own-app notice
        (
            "【抖音】您的账号已开通百万保障，如非本人操作请在抖音APP内取消，或致电0571-87654321",
            "own_app_only",
            False,
        ),
        ("【抖音】您的账号存在异常，如非本人操作请登录抖音APP处理 dy-safe.cn", "own_app_only", False),
        ("【抖音】您的账号异常，如非本人操作请在抖音APP内申诉，或加客服微信dyfw2025", "own_app_only", False),
        (
            "您的抖音账号密码已修改，如非本人操作，请在抖音APP中冻结账号",
            "own_app_only",
            False,
        ),  # no sender's tag
        ("您的电子密码器即将失效，请登录手机银行 icbc-vip.top 进行升级。", "login_to_fix", True),
        ("请下载安装后登录客户端 http://1.2.3.4/a.apk 进行认证", "login_to_fix", True),
        ("请立即下载并登录“支付宝安全中心”APP进行验证解冻", "login_to_fix", True),
        ("请尽快登录“ETC服务”小程序进行认证", "login_to_fix", True),  # a quoted name: an invented app
        ("请马上通过icbc-vip.top登录网上银行解冻", "login_to_fix", True),  # the link before 登录
        (
            "您账户1407于09月09日通过网银转出人民币30000.00，手续费0.00，收款人：李媛媛[招商银行]",
            "fee_before_benefit",
            False,
        ),
        ("手续费：0元，到账时间约2小时", "fee_before_benefit", False),
        ("还款¥2,000.00，手续费¥0.00，预计实时到账", "fee_before_benefit", False),  # with its currency sign
        ("手续费￥200到账后退还", "fee_before_benefit", True),
        # a fee paid (付) before the benefit, a membership before a video call
        ("免费领扫地机器人 付59保证金 用完写评价退", "fee_before_benefit", True),
        ("要在这个app里开会员才能跟我视频哦", "fee_before_benefit", True),
        ("已付保证金500元，请于3日内提车", "fee_before_benefit", False),
        ("付款后请保留凭证", "fee_before_benefit", False),
        ("请付押金500元，入住时退还", "fee_before_benefit", False),  # a deposit or postage is no such fee
        ("付运费到付就行", "fee_before_benefit", False),
        # a fee waived, a form handed in (提交) or money paid into one's own account (缴存) is no fee asked
        ("您已获得三个月跨行转账手续费全免权益，无需领取，自动生效", "fee_before_benefit", False),
        ("您的航班已取消，退票免收手续费，票款按原支付渠道退回", "fee_before_benefit", False),
        ("您提交的2023年度个人所得税汇算申报已完成，申请退税486.32元", "fee_before_benefit", False),
        ("可通过手机银行缴存，缴存金额可按规定享受个人所得税优惠", "fee_before_benefit", False),
        ("退税前要先交个人所得税300元才能到账", "fee_before_benefit", True),
        ("手续费全部由您承担，缴纳后即可领取", "fee_before_benefit", True),
        # … while handing in (提交) or paying in (缴存) a fee is still paying it
        ("请提交保证金", "fee_before_benefit", True),
        ("拍卖已成交，请提交拍卖费2万元，款项随后到账", "fee_before_benefit", True),
        ("缴存个人所得税后即可到账", "fee_before_benefit", True),
        ("为证明还款能力，请在账户内缴存5000元验资金", "fee_before_benefit", True),
        # a waiver after any verb, a brand's name (支付宝) or a parcel signed for (签收) is no fee asked
        ("【支付宝】提现免收手续费活动进行中，单笔提现不收取服务费", "fee_before_benefit", False),
        ("【微信支付】本月提现手续费减免券已到账，可在钱包中查看", "fee_before_benefit", False),
        ("您本月已缴存灵活就业养老保险，缴费基数可在个人所得税中扣除", "fee_before_benefit", False),
        ("您的快件已签收，到付运费已支付", "fee_before_benefit", False),
        # handing in a form is not paying: a fee in the next clause is no fee before a benefit …
        ("【京东】您的订单已提交，运费6元，预计明天送达", "fee_before_benefit", False),
        ("请携带身份证到窗口递交材料，工本费10元", "fee_before_benefit", False),
        ("请于6月30日前提交个人所得税纳税记录", "fee_before_benefit", False),
        ("个人养老金缴存可抵扣个税，详询网点", "fee_before_benefit", False),
        ("工资由单位代扣代缴个人所得税", "fee_before_benefit", False),
        # … while a fee handed in, or one whose 免 belongs to the next word, still is
        ("请递交解冻金5000元", "fee_before_benefit", True),
        ("拍品已成交，请您提交个人所得税后即可领取拍卖款", "fee_before_benefit", True),
        ("无抵押无担保，只需交手续费免征信秒到账", "fee_before_benefit", True),
        ("需先缴纳个税申报费1000元，奖金才能发放", "fee_before_benefit", True),
        # a fee of zero or already deducted, goods received (收货, 收到), shipping insurance paid out or an
        # invoice for the postage is no fee asked; shipping insurance to be paid before dispatch is
        ("【中国移动】您已成功缴纳话费100元，手续费0元", "fee_before_benefit", False),
        ("【南方航空】您已收到退款，退票手续费50元已扣除", "fee_before_benefit", False),
        ("【淘宝】确认收货后运费险将自动理赔至您的支付宝", "fee_before_benefit", False),
        ("【顺丰速运】您的快件已签收，如需开具运费发票请在小程序申请", "fee_before_benefit", False),
        ("您需缴纳运费险15元才能发货", "fee_before_benefit", True),
        # a withdrawal fee waived is no withdrawal blocked
        ("【支付宝】即日起免收提现手续费", "withdrawal_blocked", False),
        ("【微信支付】您的提现手续费限时减免", "withdrawal_blocked", False),
        ("提现失败，需先交保证金解冻", "withdrawal_blocked", True),
        # "不听" quotes a tip refused, not a story or a threat
        ("我爸就是不听，非要往那个平台充钱，说什么导师带单稳赚不赔", "mentor_group", True),
        ("如不听从安排，将冻结您名下所有账户并下达冻结令", "warrant", True),
        ("在转转上买的，带质检报告，比私下交易靠谱", "off_platform_payment", False),
        ("别在平台上拍了，私下交易给你便宜两百", "off_platform_payment", True),
        ("开会员才能看高清视频吗", "fee_before_benefit", False),  # a streaming service's membership
        ("充会员才能聊天？这个app太坑了", "fee_before_benefit", False),
        # a "teacher" whose tips are followed; a police caller's threat for telling the family
        ("今天跟老师的票又涨停了 你还不上车", "mentor_group", True),
        ("老师说明天有大行情 满仓干", "mentor_group", True),
        ("老师说明天有考试", "mentor_group", False),
        ("跟着老师赚了不少知识", "mentor_group", False),
        ("跟老师买的那套练习册到了", "mentor_group", False),
        ("老师说行情不好的时候要多读书", "mentor_group", False),
        ("案情保密 泄露了按妨碍侦查处理", "obstruction_threat", True),
        ("泄露案情要负法律责任", "obstruction_threat", True),
        ("不配合就是妨碍公务", "obstruction_threat", True),
        ("他涉嫌妨碍公务被拘留了", "obstruction_threat", False),  # news of someone else, no threat
        ("警方通报：某男子因妨碍执法被依法处理", "obstruction_threat", False),
        ("刚手抖填成你的号了 收到个验证码发我下", "code_sent_by_mistake", True),
        ("验证码发错了，发到你手机上了", "code_sent_by_mistake", True),
        ("电话号码填错了，快递员联系不上", "code_sent_by_mistake", False),
        ("删逾期要走人行关系 打点费8000", "credit_repair", True),
        ("聊天记录我删了", "credit_repair", False),
        ("取消逾期的订单后重新下单就行", "credit_repair", False),
        ("帮我删一下逾期的那个订单", "credit_repair", False),
        ("您的信用卡消费已逾期3天", "credit_repair", False),
        ("手滑多打了一个零，转了4800，麻烦把多的退我", "overpaid_refund", True),
        ("钱转多了，截图你看下，多的退我", "overpaid_refund", True),
        ("房租转多了，下个月少转点就行", "overpaid_refund", False),
        ("我转多了 你退我100吧", "overpaid_refund", False),
        # a platform's notice of a buyer's refund request gives the buyer's reason; no offer to the reader
        ("买家发起“仅退款”申请，金额39.90元，理由：商品破损。请在48小时内处理", "refund_claim", False),
        ("退款金额¥45.00，原因：商品破损/少件", "refund_claim", False),
        ("买家申请退款，原因是商品破损", "refund_claim", False),
        ("您购买的商品破损了，我们给您办理理赔", "refund_claim", True),
        # a cancelled flight counts only with something to do: every real flight scam gives a number, a link
        # or a request; a chat about a cancelled flight does not
        ("航班取消了 东航App上直接改签到明天早上的了 没收钱", "flight_cancelled", False),
        # a flight cancelled and rebooked free or refunded in full is the airline's own remedy
        (
            "黑猫投诉：航班取消后航空公司免费改签，打航空公司电话说免费，代理商却收了80元",
            "flight_cancelled",
            False,
        ),
        ("您预订的航班已取消，可免费改签或全额退票，详询客服", "flight_cancelled", False),
        ("您预订的航班已取消，可免费改签并获得300元补偿，请联系客服", "flight_cancelled", True),
        # the customer's own wish to rebook, on the airline's line that they called
        ("客服您好，我的航班取消了，我想改签到明天，电话里怎么办理？", "flight_cancelled", False),
        ("客服：您好，国航客服，请问有什么可以帮您？", "inbound_service_call", True),
        ("您好，我是京东客服，您的订单有质量问题，给您办理理赔", "inbound_service_call", False),
        # a loan's cost (折合年化利率) and a fund's loss are no promised return
        ("分12期每期手续费率0.6%，折合年化利率约13%", "high_return_promise", False),
        ("高息存款，年化利率12%，本金随时可取", "high_return_promise", True),
        ("投资者王某购买一只公募基金，一年亏损23%", "high_return_promise", False),
        ("内部渠道年化收益18%，名额有限", "high_return_promise", True),
        # 老师 … 带 within its clause; 撞了人家的围墙 hurt no one; closing an account is a loan's only when it is
        ("发现对方是一位退休音乐老师，也带着女儿来的", "mentor_group", False),
        ("老师带大家一起上车，明天继续", "mentor_group", True),
        ("他倒车撞了人家的围墙，赔偿怎么处理的", "child_emergency", False),
        ("你儿子开车撞了人，对方要赔偿医药费", "child_emergency", True),
        ("你儿子开车撞了人家孩子，对方要医药费私了", "child_emergency", True),
        ("营业厅说拆机之后要去销户，要求退还90元并注销账户", "cancel_student_loan", False),
        ("需要注销您的京东金条账户，否则影响征信", "cancel_student_loan", True),
        ("需要注销您的京东金融账户，否则影响征信", "cancel_student_loan", True),
        ("您预订的航班因机械故障取消，补偿300元，请提供银行卡号接收", "flight_cancelled", True),
        # a cue names its own scam: a bank's "账户异常" is no trading platform's freeze, a courier's parcel at
        # customs no lover's gift, a bank's "配合我们进行核实" no asset check, 收到…账户 no card buying
        ("您的账户存在异常交易，需要您配合我们进行核实", "game_trade_freeze", False),
        ("您的账户存在异常交易，需要您配合我们进行核实", "asset_check", False),
        ("交易平台显示您的提现被冻结，需缴纳解冻费", "game_trade_freeze", True),
        ("您的包裹在海关被扣留，需要缴纳关税", "affection_money", False),
        ("我寄给你的礼物被海关扣了，要交关税才能放行", "affection_money", True),
        ("请配合我们调查，把资金转到清查账户", "asset_check", True),
        # the sale to older people (会销): medicine to be replaced, a freebie that ends in a sale, a house pledged
        ("吃我们的胶囊，降压药就可以停了", "stop_medication", True),
        ("这个丸子吃了可以停针，比打胰岛素强", "stop_medication", True),
        ("医生说您血压控制得不错，药继续按时吃", "stop_medication", False),
        ("医生说你血糖稳定了，胰岛素可以停了，改吃二甲双胍", "stop_medication", False),  # the doctor decides
        ("爸你每天按时吃降压药，血压就稳了", "miracle_remedy", False),
        ("在店里领了半个月免费鸡蛋，最后店长推销一套蜂胶，要三千九", "freebie_then_sale", True),
        ("社区免费发鸡蛋，凭身份证领取", "freebie_then_sale", False),
        ("签了个“以房养老”，去公证处办了委托公证，说每个月给她返利息", "house_for_pension", True),
        ("【幸福人寿】住房反向抵押养老保险，60岁以上老人可投保，详询95560", "house_for_pension", False),
        ("上拍前要做检测证书，费用1980元", "collectibles_elderly", True),
        ("您的金钞需凑齐全套才能回购", "collectibles_elderly", True),
        ("“康乐养老社区”项目招募合伙人，投资5万元起每月分红", "collectibles_elderly", True),
        ("二手车回收，特惠保险，免费拖车", "collectibles_elderly", False),
        ("本场拍卖会图录工本费200元，可在现场领取", "collectibles_elderly", False),
        ("终于凑齐全套奥特曼卡片了", "collectibles_elderly", False),
        ("养老公寓入住咨询，投诉电话0571-88886666", "collectibles_elderly", False),
        ("这款手环戴一个月血压就稳了", "miracle_remedy", True),
        ("富硒蜂胶能软化血管", "miracle_remedy", True),
        ("中药热敷治疗颈椎病、腰椎间盘突出", "miracle_remedy", False),  # a clinic treats; it promises no cure
        ("【途牛旅游】周末特惠：298元的千岛湖二日游，含一晚酒店和门票", "elderly_freebie_lure", False),
        ("【颐和园】老年卡68元游园，有效期至5月3日，60岁以上老人凭身份证办理", "elderly_freebie_lure", False),
        ("99元畅游云南6日，仅限55至80岁老人", "elderly_freebie_lure", True),
        ("云南双飞6日游，每人2980元，老年团", "elderly_freebie_lure", False),
        ("你再拉两个老姐妹进来，还有推荐奖", "recruit_commission", True),
        ("下个月涨到3.5分息，现在追加的都按新标准算", "high_return_promise", True),
        ("借了我两万块周转，说好按1分息算利息，年底一起还", "high_return_promise", False),
        ("让他把手机收到的验证码念一遍", "ask_for_code", True),
        ("爸，家里WiFi密码你给我念一遍", "ask_for_code", False),
        # 激活免费 is no activation fee
        ("医保电子凭证可在国家医保服务平台APP中激活，激活免费", "game_trade_freeze", False),
        ("账号已冻结，需交解冻费才能恢复", "game_trade_freeze", True),
        # a suitor posted abroad with a parcel, sentences apart; an express firm's overseas parcel is none
        (
            "我是中国军队在埃塞俄比亚的一名医生，孤独无依。我有一个包裹需要寄回国内，请先把运费转给我",
            "overseas_suitor_parcel",
            True,
        ),
        (
            "亲爱的，我快要退休了，准备回国与你结婚了！东西打包邮寄到你那里，国内运费要你先付",
            "overseas_suitor_parcel",
            True,
        ),
        ("您有一个从海外寄来的包裹被海关扣留，需要支付清关费用", "overseas_suitor_parcel", False),
        (
            "表哥被派往南苏丹维和，行李箱先邮寄回家，运费公司出",
            "overseas_suitor_parcel",
            False,
        ),  # not the writer
        (
            "我在第四军医大学西京医院做的检查，报告邮寄到家",
            "overseas_suitor_parcel",
            False,
        ),  # no payment asked
        ("我确实收到了账户异常的通知，收款账户是谁的", "account_rental", False),
        ("高价收银行卡，一张日结300", "account_rental", True),
        ("先借我周转一下，一年内还你", "borrow_to_refund", False),  # 周转 is no transfer to "verify"
        ("需要先借呗借出来转到验证账户", "borrow_to_refund", True),
        # a fee paid to a person, a deposit that "locks" a loan, official fees through a staff member's WeChat
        ("可退还部分契税，请携带房产证复印件并转账手续费200元至办理人员", "fee_before_benefit", True),
        ("交5000元定金锁定额度", "fee_before_benefit", True),
        ("已交购车定金5000元，请于3日内提车", "fee_before_benefit", False),
        ("添加“教育缴费专员”微信，按学生年级缴纳相关费用共计680元", "fee_via_private_contact", True),
        ("学费请通过学校官网缴纳，如有疑问可添加工作人员微信咨询", "fee_via_private_contact", False),
        # a home purchase's escrow is a real account; the state's "supervision account" is the scam's
        ("定金五万已经打到中介的资金监管账户了，银行出了回单", "safe_account", False),
        ("您涉嫌洗钱，请将资金转入国家资金监管账户配合调查", "safe_account", True),
        ("把钱转到监管账户", "safe_account", True),
        ("页面显示的是紫金清查，按照提示操作", "safe_account", True),  # disguised 资金清查 is still repaired
        # a friend asking you to pay a stranger's account, or to buy their ticket
        ("我给你个账号你转账进去，我就可以拿到东西了", "urgent_borrow", True),
        ("你帮我买一张机票，要快，不然就没飞机回去了", "urgent_borrow", True),
        ("今天我把房租钱给你打过去你先交", "urgent_borrow", False),  # the writer pays: 给你打过去
        # a grandchild who hurt someone in a fight and must settle: the classic call to grandparents
        ("奶奶，我昨晚和人发生争执，把对方打伤了。对方要私了，需要汇款三万", "child_emergency", True),
        ("昨晚的比赛发生争执，裁判出示了黄牌", "child_emergency", False),
        # clicks paid by the day, films rated by the order: the paid task's first step
        ("工作内容为点赞、收藏、关注，日薪200-500，请添加带教老师微信领取任务", "paid_likes", True),
        ("给新片打分一单5-30元，日结", "paid_likes", True),
        ("关注公众号截图给我 一个3块 满10个结算", "paid_likes", True),
        ("关注公众号即可领取一个5元红包", "paid_likes", False),  # a reward once, not pay per follow
        ("关注门店企业微信领新人券，一个5元，下单结算时自动抵扣", "paid_likes", False),
        ("电影打分兼职，每部佣金10元", "paid_likes", True),
        ("姐妹 给电影打分 一单30 做不做", "paid_likes", True),
        ("这单评分一单5分，满分五星", "paid_likes", False),
        ("关注一下这个公众号，里面的课程一个399元", "paid_likes", False),
        ("这家店人气很旺，烤串一个3块，周末一起去吧", "paid_likes", False),
        ("直播运营助理，负责直播间评论、点赞互动维护，日薪200", "paid_likes", False),
        ("我们公司骑手平台评分每单超时扣2分", "paid_likes", False),
        ("新媒体运营：负责账号的评论、转发数据分析，日薪300", "paid_likes", False),
        ("外卖平台给骑手打分，每单都有评价", "paid_likes", False),
        # an "industry project" for the elderly paying dividends; a remedy better than medicine
        (
            "咱们现在有一个养老产业项目，国家政策扶持的，投十万一年拿一万五的分红",
            "collectibles_elderly",
            True,
        ),
        ("社区养老服务中心周三有义诊，免费量血压", "collectibles_elderly", False),
        ("深海鱼油，专门通血管的，吃三个月降血压比药还管用，原价3980", "miracle_remedy", True),
        ("王阿姨，这个孢子粉平时一个疗程六千八，这次老会员给您三千六", "miracle_remedy", True),
        # gifts for sitting through a "health talk", a remedy "at cost", a tour for the price of a meal
        (
            "养生讲座下周开课，老年朋友每天到场签到即送鸡蛋一盒，听满七天送电饭锅",
            "elderly_freebie_lure",
            True,
        ),
        ("专家义诊后，血压偏高的可以领中药调理包，只收成本费", "elderly_freebie_lure", True),
        ("夕阳红专线：68元游黄山两日，包吃包住，仅限55-80岁老人报名", "elderly_freebie_lure", True),
        ("镇卫生院：65岁以上老人免费体检，到场签到可领取鸡蛋一盒，不推销产品", "elderly_freebie_lure", False),
        ("【超市】会员日到店签到即送鸡蛋6枚", "elderly_freebie_lure", False),
        ("运动打卡App：连续签到7天送保温杯", "elderly_freebie_lure", False),
        ("1680元畅游黄山三日，60岁以上老人半价", "elderly_freebie_lure", False),
        ("98元游黄山一日，60岁以上老人免票", "elderly_freebie_lure", False),
        ("399元游三亚五日，限18-45岁成人", "elderly_freebie_lure", False),
        ("婴儿配方奶粉限时成本价清仓", "elderly_freebie_lure", False),
        # a fee to "handle" an overdue record or a credit report "spotted" by many queries
        ("专业处理网贷逾期，征信花了也能做，先办事后收费", "credit_repair", True),
        ("征信花户也能下款，包过", "credit_repair", True),
        ("您的信用卡已逾期3天，请及时处理，以免影响征信", "credit_repair", False),
        ("我征信花了，银行说半年内别再查了", "credit_repair", False),
        ("客服可以帮您处理逾期分期事宜，详询95588", "credit_repair", False),
        # the pig-butchering hook: a small deposit "to test the water", a loss the writer takes on
        ("宝宝你先充五千试试水，赚了马上能提", "small_trial_deposit", True),
        ("第一次用这个理财app，我先投一千试试", "small_trial_deposit", False),
        ("这款面霜先买小样试试", "small_trial_deposit", False),
        ("你先投三万，就在我说的那个平台上，亏了算我的", "loss_covered", True),
        ("这批货你先拿去卖，亏了算我的", "loss_covered", False),
        ("新店你放手去干，赚了给你分红，亏了算我的", "loss_covered", False),
        ("会员卡先充300试一下", "small_trial_deposit", False),
        # "我不会害你的" reassures: it puts nothing after it in quotes
        ("相信我，我不会害你的，你先投五万试试", "small_trial_deposit", True),
        # card details asked for "verification" by whoever sent the message
        # the code asked for aloud, the verb after it
        ("您把手机上刚收到的那个六位数验证码念给我，我帮您激活", "ask_for_code", True),
        ("短信里的验证码读给我听一下", "ask_for_code", True),
        ("如需保留原费率，请致电客户经理办理，需核验结算卡信息", "ask_for_code", True),
        ("为确认您的身份，需要核实您的银行卡卡号和有效期", "ask_for_code", True),
        ("请各位同事提供银行卡卡号及开户行，用于发放工资", "ask_for_code", False),
        ("积分可兑换现金，请回复您的卡号及有效期办理", "ask_for_code", True),
        ("扫这个码进去 输一下支付密码核验身份 就能抽奖", "ask_for_code", True),
        ("妈 付款的时候输一下支付密码就好", "ask_for_code", False),
        ("期末成绩已公布，请登录教务系统，输密码验证身份后查看", "ask_for_code", False),
        ("【携程】您的酒店订单需信用卡担保，请在APP订单页填写卡号及有效期", "ask_for_code", False),
        ("各位家长，资料费每人200元，请勿拖延，今晚前长按识别下方收款码缴费", "teacher_collects_fees", True),
        ("【家长群通知】课后服务每人60元，请家长在“学费通”小程序扫码缴纳", "teacher_collects_fees", False),
        # a "group notice" that has parents pay per pupil by a QR code in the chat
        (
            "本班学生需统一购买意外险，每人128元，请家长接龙后长按识别下方收款码缴费",
            "teacher_collects_fees",
            True,
        ),
        (
            "各位家长好，资料费每人85元，请在学校缴费系统中缴纳，班级群里不会发任何收款码",
            "teacher_collects_fees",
            False,
        ),
        (
            "校服费用请在学校官方缴费平台缴纳，缴费入口见班级群公告，请勿扫描来源不明的二维码",
            "teacher_collects_fees",
            False,
        ),
        # a medical-insurance settlement reports the insured's own "个人账户"
        ("统筹支付356.20元，个人账户支付58.00元", "personal_transfer_to_stranger", False),
        ("医保个人账户余额1,203.50元", "personal_transfer_to_stranger", False),
        ("请把钱转到我的个人账户，不要走对公", "personal_transfer_to_stranger", True),
        ("这笔工程款先走我私人卡支付，尽快转", "personal_transfer_to_stranger", True),
        ("招行不会在邮件中要求您点击链接填写卡号、密码或验证码", "ask_for_code", False),
        ("退款原路退回，无需提供银行卡信息", "ask_for_code", False),
        ("京东不会以订单无效为由主动要求您提供银行卡信息操作退款", "ask_for_code", False),
        # an "official partner" vouches for itself
        ("我们是官方合作商，可以帮您重新标注地图", "vouches_for_itself", True),
        ("我们和高德有官方合作，标注免费", "vouches_for_itself", False),
        ("楼盘开放日到场即送精美礼品，看房专车免费接送", "elderly_freebie_lure", False),
        ("保健品按成本价给你的，别再压价了", "elderly_freebie_lure", False),
        ("降压药要按时吃，别自己停药", "miracle_remedy", False),
        ("多喝热水、睡个好觉比吃药还管用", "miracle_remedy", False),
        ("医生说这样可以降血压，暂时不用吃药", "miracle_remedy", False),
        # the writer hands over or pays back: the reader is asked for nothing
        ("王哥 我月底退租 钥匙交您 押金2400您验完房退我就行", "fee_before_benefit", False),
        ("放款前需要先交2000押金", "fee_before_benefit", True),
        ("你之前垫的机票钱1360 我zfb转你了 你看下", "affection_money", False),
        ("宝贝，我买机票的钱不够，你先转我五千", "affection_money", True),
        ("见面的路费你先转我，见面我还你", "affection_money", True),  # a promise, not money paid back
        # a friend's "transfer it to my friend for me"
        ("在不 卡限额了 帮转5k给我朋友 zfb还你", "urgent_borrow", True),
        ("我帮你转500给你朋友了，记得跟他说", "urgent_borrow", False),
        ("小王，帮我转2条短信给客户", "urgent_borrow", False),
        ("帮忙转一下群公告", "urgent_borrow", False),  # passing a message on
        ("帮我转个朋友圈，谢谢", "urgent_borrow", False),
        ("急 帮忙转一下 晚点还你", "urgent_borrow", True),
        # a withdrawal "verified" by a deposit of the same amount; a prize sent once postage is paid
        ("提现失败，请按客服提示充值同等金额进行验证，验证成功后一并提现", "fee_before_benefit", True),
        ("充值同等金额的话费券可以抵扣", "fee_before_benefit", False),
        ("小额打款验证金额为0.12元，请在企业认证页面回填", "fee_before_benefit", False),
        ("恭喜中奖 金手镯一只 付98邮费保价就发", "fee_before_benefit", True),
        ("中奖了！晚上请大家吃饭，我付钱", "fee_before_benefit", False),
        # returns promised as a monthly rate, in amounts, or as "at least N times"
        ("本轮认购5万元以上，每月享固定分红8%", "high_return_promise", True),
        ("投3万每月返900 一年不到就回本", "high_return_promise", True),
        ("每月定投500元", "high_return_promise", False),
        ("投10万每年分红3千，这个保险我觉得还行", "high_return_promise", False),
        # a card or its U盾 lent to the writer; old chat accounts bought
        ("卡租我一个月 给2千 U盾寄过来就行", "account_rental", True),
        ("长期高价收 微信 扣扣 老号 实名 一个1500起", "account_rental", True),
        ("回收老号手机", "account_rental", False),
        ("你饭卡借我刷一下", "account_rental", False),
        ("把公司的u盾寄过来，我下周去报税", "account_rental", False),
        # a job abroad met at the airport and driven to the compound
        ("7月15日前抵达曼谷，公司安排专车接送至园区", "overseas_job", True),
        ("明天抵达曼谷，朋友来机场接", "overseas_job", False),
        ("各位同事，下周一前往金边参加展会，公司安排专车接机", "overseas_job", False),
        # a card number with a name is the whole message; a notice with a phone and a site besides is not
        ("请转到 6222 0212 3456 7890 128 户名张三", "account_number_only", True),
        (
            "物业费可转账至 6222021234567890123（户名：幸福小区物业），详询 0571-88886666 或 www.xingfu-wy.com",
            "account_number_only",
            False,
        ),
        # a denial reaches across "or" in its clause …
        ("升级远程自动完成，无需您支付任何费用或提供卡密码", "ask_for_code", False),
        ("工作人员不会要求您转账或者提供验证码", "ask_for_code", False),
        # … not across an enumeration, nor into the next clause
        ("无需任何抵押担保、放款前先交800元保证金", "fee_before_benefit", True),
        ("不用担心，您只需要支付手续费或者提供验证码即可", "ask_for_code", True),
        ("您无需到场或者提供材料，只需把验证码告诉我就能办理退款", "ask_for_code", True),  # past the clause
        ("没有网银的话用手机或者输入支付密码验证身份就行", "ask_for_code", True),  # a condition
        ("不用排队或者先交500元保证金就能放款", "fee_before_benefit", True),  # nothing given or done
        ("退税款将直接退至您单位的银行账户，无需提供验证码或缴纳任何手续费", "fee_before_benefit", False),
        # in a told text what was said to the victim in the third person reads as said to "you"
        ("报警人称其接到电话，对方称其中奖了，需要先交个人所得税", "you_won", True),
        # … but not 其他, 其中 (among them), nor 他是 (the scammer's own claim)
        ("我妈接到一个电话，对方让她不要告诉其他人，说要给她办低息贷款", "secrecy", True),
        ("报警人称其接到自称公安的电话，对方称其涉嫌洗钱，并要求其不要告诉其他人。", "secrecy", True),
        # paid, then blocked by the other side, sentences apart, is a loss; the writer blocking is not
        (
            "本人黄志强，42岁，看到低价出售手机的广告，加了卖家，通过微信转了9800元。之后对方将其拉黑。",
            "loss_account",
            True,
        ),
        ("我给房东转了这个月的房租。对方一直给我发广告，我就把对方拉黑了。", "loss_account", False),
        ("充值会员后发现功能没用，我直接把客服删了好友", "loss_account", False),
        # a relative's loss told by their child; an office found empty
        ("我妈转了两千，后来那个人把她拉黑了", "loss_account", True),
        ("老人捐了三次，后来群就解散了，那个基金会网上也查不到", "loss_account", True),
        ("分三次转账共计28万元，对方办公地点已人去楼空", "loss_account", True),
        ("班费我转了，群解散前记得把账目发一下", "loss_account", False),
        (
            "贵司有一条行政处罚记录被公示了，会影响投标。我们可以帮您申请撤除，费用四千八",
            "credit_repair",
            True,
        ),
        ("上门说帮我标到地图上，收了我九百九，说包一年维护。现在电话打不通", "loss_account", True),
        ("按新账户付了二十六万。结果厂里说根本没发过这封邮件", "loss_account", True),
        ("我付了房租，房东电话一直占线，晚点再打", "loss_account", False),
        ("保安转了一圈说没问题，人早就走了", "loss_account", False),
        # the writer offers the check, or sends the money past themselves; a video promised after the money does not
        ("姐 能先借我2000吗 你要不放心我给你打个视频说", "offers_verification", True),
        ("我想借您五千块，我当面给您写借条", "offers_verification", True),
        ("不用转我，你直接去琴行前台交就行", "offers_verification", True),
        ("以后房租打我老公的卡 你跟他确认了再转", "offers_verification", True),
        ("你能先帮我一下吗，转完我马上给你打视频", "offers_verification", False),
        ("不用转我，直接转到我同学的卡上 6222 0000 1111", "offers_verification", False),
        ("我现在不方便视频，你先转过来", "offers_verification", False),
        # a government benefit paid through an "agent" to call, not the office's hotline or counter
        (
            "【人社局】您的养老金需重新核定，每月可补发差额约760元，请联系核定专员0371-65289043",
            "benefit_via_agent",
            True,
        ),
        ("民政局通知：你家困难补助金已批，联系王科长 135-7462-0918", "benefit_via_agent", True),
        ("【市人社局】您1至6月养老金差额386.4元已补发到账，咨询请拨12333", "benefit_via_agent", False),
        ("【民政局】高龄津贴请于本周五前到社区登记，联系人：社区王主任", "benefit_via_agent", False),
        ("本次集资不走摩点，直接转到后援会财务的个人卡", "off_platform_payment", True),
        (
            "我们公司这个月搞回馈，老专家从北京过来，专门给您这样血糖高的老人调理",
            "visiting_expert_sale",
            True,
        ),
        (
            "【市人民医院】北京协和医院专家本周六来我院心内科坐诊，请通过医院公众号预约",
            "visiting_expert_sale",
            False,
        ),
        # paid inside a platform's own app, not through a payment app that pays anyone
        ("开店保证金是在闲鱼app里交，关店后可申请退回", "pay_inside_platform", True),
        ("用手机银行app支付这笔解冻费", "pay_inside_platform", False),
        ("您的店铺保证金需补足至2,000元，请登录拼多多商家后台“资金中心”操作", "pay_inside_platform", True),
        ("请登录快手的app或者网站联系在线客服申请退款", "pay_inside_platform", False),
        # a deposit already unfrozen and paid back is a record, not a fee to pay
        ("您的店铺保证金已解冻并退回至支付宝账户", "fee_before_benefit", False),
        ("保证金已交，还需缴纳解冻费才能提现", "fee_before_benefit", True),
        ("早上开门发现门口的收款码被人贴了另一张", "qr_code_swapped", True),
        ("收款码旧了，我打印了一张新的贴上", "qr_code_swapped", False),
        ("有人打电话说转错了，让我退到另一个账户", "misdirected_refund_elsewhere", True),
        ("他说转错了，我按原路退回了", "misdirected_refund_elsewhere", False),
        ("您现在打开微信，我教您怎么在后台提交申诉", "guided_operation", True),
        ("你要是不会，请教你儿子怎么操作", "guided_operation", False),
        # everyday words the loss, swap, new-group and off-platform rules once took (a review's probes)
        ("妈，我交了学费了。你手机怎么一直关机？是不是没电了", "loss_account", False),
        ("上学期交了班费，毕业以后班级群就解散了，账目也没人管了", "loss_account", False),
        ("码牌旧了，我贴了张新的", "qr_code_swapped", False),
        ("我新建了一个项目工作群，把大家都拉进来了", "group_migration", False),
        ("明天不走高速了，直接打车去火车站", "off_platform_payment", False),
        ("被执行人履行完毕后，法院已将其失信记录删除", "credit_repair", False),
        ("周末聚会我带单身的同事来", "mentor_group", False),
        ("今晚八点老师直播带单，跟上的都赚了", "mentor_group", True),
        ("提醒大家：旧手机号停用前记得先把支付宝换绑", "new_number", False),
        ("爸，我给你打个视频，你先把3000转过来", "offers_verification", False),
        ("兄弟，转错你了，别原路退，原路要等七天，直接转到这个卡", "misdirected_refund_elsewhere", True),
        ("【XX银行】养老金补发款已到账。如需办理理财请联系您的客户经理", "benefit_via_agent", False),
        # a card and its password collected at home
        (
            "我上门给您办，您把存折和身份证准备好，密码到时候在我的机器上输一下就行",
            "card_collected_at_home",
            True,
        ),
        ("工作人员应家属申请上门为卧床老人办理支取，全程录音录像", "card_collected_at_home", False),
        ("妈，我周末过来一趟，把我放你那的银行卡拿给我", "card_collected_at_home", False),
        ("我们经理下午到府服务，麻烦把银行卡和身份证原件交给他核验", "card_collected_at_home", True),
        # records of ordinary money matters (the thirteenth set's dev half)
        (
            "收件人：那我拒收吧。快递员：好的，备注破损拒收，退回商家，运费不用您出。",
            "fee_before_benefit",
            False,
        ),
        ("对方说交“撤销费”才能处理，我就在他给的网页上交了2500元", "fee_before_benefit", True),
        ("中介公司已于6月3日将押金退还本人。特此说明。", "deposit_refunded", True),
        ("出租方于2024年6月10日将保证金全额退还至本人账户", "deposit_refunded", True),
        ("约定由本人代其收取房东退还的押金份额1500元", "deposit_refunded", True),
        ("需缴纳保证金3000元，任务完成后全额退还", "deposit_refunded", False),  # a promise, not a record
        ("保证金会在您领取奖品时全额退还给您", "deposit_refunded", False),
        ("会有“朋友”上门取钱，现金放在门口就行", "cash_pickup", True),
        ("后来一个戴口罩的年轻人到小区门口拿走了钱", "cash_pickup", True),
        ("不会有工作人员上门收现金或让您转账", "cash_pickup", False),
        ("我们不上门收钱，也不会电话让您转账", "cash_pickup", False),
        ("这事千万别跟我爸妈讲，你先帮我转8万", "secrecy", True),
        ("爸 你别给任何人说验证码 就算说是银行的也不行", "secrecy", False),
        ("这是我行客服号码发来的，签名换成了我行新的简称", "new_number", False),
        ("审核通过后可以换绑新手机号", "new_number", False),
        ("妈，我换号了，这是我新号，存一下", "new_number", True),
        ("您的号码已欠费，今天内不处理将停机", "unpaid_bill_threat", True),
        ("我提交了孩子的证明材料和聊天记录，平台经审核退款", "dating_platform", False),
        ("我们是在一个交友软件上认识的", "dating_platform", True),
        ("说在外地撞了人要赔钱，让她先转两万到一个账户", "transfer_to_designated", True),  # a sum in words
        ("妈，我给你转了五百块到卡上，你买点好吃的", "transfer_to_designated", False),  # done, and given
        ("我每个月定投转两千到基金账户", "transfer_to_designated", False),
        ("孩子要先交学费才能领教材，明天去学校财务处", "fee_before_benefit", False),  # an everyday fee
        ("需要交停车费才能出闸，扫码就行", "fee_before_benefit", False),
        ("请于本周五前交清报名费方可参加考试", "fee_before_benefit", False),
        ("别给我打电话了，我在开会，有事发微信", "secrecy", False),  # nobody kept in the dark
        ("你别让老板知道我今天请假去面试了", "secrecy", False),
        ("您的押金已退回失败，请联系客服处理", "deposit_refunded", False),  # a failed refund settles nothing
        ("老公你别担心，我让助理过来拿钱，明天就把装修款付了", "cash_pickup", False),  # not at the door
        ("您的银行卡预留手机号已变更为新号码，如非本人操作请致电95588", "new_number", False),
    ],
)
def test_a_cue_fires_on_the_scam_not_on_the_everyday_phrase(text: str, cue: str, raised: bool) -> None:
    assert (cue in cue_ids(text)) is raised


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        # a warning describes what scammers say: reported speech, no one it happened to
        ("骗子会冒充公安打电话说你涉嫌洗钱，让你把钱转到安全账户", False),
        ("有个自称公安的打电话说我涉嫌洗钱，让我转到安全账户", True),  # told by the one it was tried on
        ("我接到一个自称公安的电话，说要把钱转到安全账户做资金清查", True),
        ("我妈收到短信，说她的社保卡异常，对方让她把钱转到安全账户", True),
        ("刚刷到新闻 又有人被骗把钱转到安全账户", False),  # the news tells of someone else
        ("据报道，骗子要求受害人将资金转入所谓安全账户", False),
        ("据报道，某平台即将关闭，请用户尽快将余额转入安全账户", True),  # news as a scam's opening
        # someone unnamed said it: a neighbourhood's warning of what is going round
        ("最近有人在小区门口发传单，说资金要转到安全账户才能保值", False),
        ("近期有陌生人打电话，称要把钱转到安全账户配合调查", False),
        # … but not a scam's own report of someone: the reader is named, or no news of late
        ("近期有人冒用您的身份，称需要您把资金转到安全账户", True),
        ("有人冒用你的名义贷款了，称你同意了，请把钱转到安全账户", True),
        # each way a record or a retelling names the one the attempt was made on (`_ENCOUNTER`): the
        # scammer's words after 自称 are then theirs, not a warning's reported speech
        (
            "受害人：赵建华，男，70岁。11月27号上午10点多，赵建华接到自称公安的电话，要求把钱转到安全账户。",
            True,
        ),
        ("事主周某某（男，39岁，外卖骑手）接到自称公安的电话，要求把钱转到安全账户。", True),
        ("本人郭芳，42岁，上周五下午有人打来电话，自称公安，要求把钱转到安全账户。", True),
        ("我爸上周被一个自称投资顾问的人加了QQ，说要把钱转到安全账户才保险。", True),
        ("评论区有人自称官方售后私信她，说把钱转到安全账户可以退款。", True),
        ("我老公昨晚有人冒充他的老同学在微信上找他，说要把钱转到安全账户。", True),
        # … and what names no one it happened to: a bank's warning, news of a case, a warning's condition
        ("【XX银行】如您本人接到自称公安的电话，要求您将资金转入安全账户，请立即挂断。", False),
        (
            "今年以来全市发生此类案件12起，其中一名市民（女，62岁）接到自称公安的电话，要求将存款转入安全账户。",
            False,
        ),
        ("如被陌生人加了微信，对方自称投资导师，要把钱转到安全账户的，请多加小心。", False),
        ("据报道，一名男子被陌生人加了微信，对方自称投资导师，说要把钱转到安全账户。", False),
    ],
)
def test_reported_speech_counts_when_the_writer_tells_of_an_attempt_on_them(text: str, counted: bool) -> None:
    assert ("safe_account" in cue_ids(text)) is counted


@pytest.mark.parametrize(
    "text",
    [
        "修复征信都是骗人的",  # a judgment
        "承诺高额回报、保本保息的都要当心",
        "出租、出借本人银行卡的，将被依法惩戒",  # the law's consequence for whoever does it
        "谁跟你说要交介绍费、押金的都不是我们厂的人",  # whoever asks it is disowned
        "闲鱼交易无需卖家缴纳任何保证金",  # a fee that is not needed
    ],
)
def test_judged_or_unneeded_is_no_cue(text: str) -> None:
    assert not {hit.cue.id for hit in MATCHER.match(prepare(text).masked) if hit.cue.weight > 0}


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("不用出门，点击链接即可领取补贴", "click_link_action"),  # the 不用 is about going out
        ("不用怕，转到安全账户就没事了", "transfer_to_designated"),
        # an A-not-A question asks, it denies nothing: 能不能 holds 不能, 会不会 不会, 有没有 没有
        ("你能不能先借我1000块钱？过两天就还你", "urgent_borrow"),
        ("这会不会有问题？他让我把钱转到安全账户", "safe_account"),
        ("你有没有收到验证码？把验证码发给我", "ask_for_code"),
    ],
)
def test_a_negation_is_that_of_its_own_clause(text: str, cue: str) -> None:
    assert cue in cue_ids(text)


@pytest.mark.parametrize(
    "link",
    ["URL", "a.cn", "didi-sjrz.com", "https://www.example-long-host-name.cn/path/to/cert?id=889123"],
)
def test_a_cue_window_does_not_depend_on_how_long_the_link_is(link: str) -> None:
    text = f"请点击 {link} 完成资质认证"
    hits = [h for h in MATCHER.match(prepare(text).masked) if h.cue.id == "login_to_fix"]
    assert [(h.start, h.end) for h in hits] == [(0, len(text))]  # the whole link inside the span


def test_collapsed_identifiers_map_back_to_the_masked_text() -> None:
    masked = "打\ue001\ue001\ue001或点\ue000\ue000看\ue000"
    collapsed = collapse_identifiers(masked)
    short = collapsed.text
    assert short == "打\ue001或点\ue000看\ue000"
    starts = [collapsed.position(i) for i in range(len(short) + 1)]
    assert starts[-1] == len(masked)
    assert [masked[starts[i] : starts[i + 1]] for i in range(len(short))] == [
        "打",
        "\ue001" * 3,
        "或",
        "点",
        "\ue000" * 2,
        "看",
        "\ue000",
    ]
    assert collapse_identifiers("没有标识").text == "没有标识" and not collapse_identifiers("没有标识").runs


@pytest.mark.parametrize(
    ("text", "dialogue"),
    [
        ("请问您现在方便接听电话吗？ 不方便，我现在正忙着呢。", True),
        ("需要你提供一些信息进行身份验证。 你好，我最近确实没用过网银", True),
        ("客服：您的订单异常\n我：什么订单？", True),
        ("你知道吗？我们小区又有人被骗了", False),  # one voice: no break, and 我们
        ("反诈小课堂：杀猪盘是怎么套路你的？\n第一步“寻猪”：物色目标\n记住：网恋谈投资，一律是诈骗", False),
    ],
)
def test_a_dialogue_is_two_voices(text: str, dialogue: bool) -> None:
    assert is_dialogue(prepare(text).masked) is dialogue


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("对方说钱已追回，要先交5%手续费才能退到我卡上，我要交吗", True),
        ("他让我帮忙转8000给他朋友，这要信吗，会不会是骗子冒充的", True),
        ("客服让我扫码进群领赔偿，扫不扫？", True),
        ("说我中了一台手机，交199保证金就寄，真的吗", True),
        ("凡是要求先转账的“理赔”都是诈骗。", False),  # a notice answers the question
        ("【反诈提醒】要先交手续费才能退款的，这样的好事你敢信吗？", False),  # put to the reader
        ("你知道吗？我们小区又有人被骗了", False),  # the question is not where the text ends
        # the citizen's own endings: trailing marks, thanks, urgency, asking the people they ask
        ("…要先交3%手续费才能退回卡上，我要交吗……", True),
        ("…要先交3%手续费才能退回卡上，我要交吗？在线等，急", True),
        ("…要先交3%手续费才能退回卡上，我该交吗？谢谢", True),
        ("…要先交3%手续费才能退回卡上，我要交嘛~", True),
        ("…要先交3%手续费才能退回卡上，你说我要不要交？", True),
        ("…要先交3%手续费才能退回卡上，大家帮我看看能信吗", True),
        ("对方说要先交手续费才能把钱退到我卡上我要交吗", True),  # no punctuation
        ("我想问下这个大额转账要转吗", True),  # 大额 is no 大家
        # a notice's rhetorical question has no 我, or opens with a warning's tag; a question word is no question
        ("【反诈提醒】网友推荐的投资平台稳赚不赔、内部消息，靠谱吗？", False),
        ("网贷平台说银行卡号填错、账户被冻结，需要交钱解冻，交不交？", False),
        ("【反诈课堂】我市一名市民被要求先交解冻费，你说这能信吗？", False),
        ("【反诈提醒】刷单返利日赚三百，拿不准是不是诈骗就打96110", False),
        ("凡是不是官方渠道的刷单都是诈骗", False),
    ],
)
def test_a_text_that_ends_by_asking_whether_to_act_is_a_citizens_question(text: str, asks: bool) -> None:
    assert asks_whether_to_act(prepare(text).masked) is asks


ALTERNATIVES = ["ab", "a[^c]{0,2}b", "b+c", "(?<!x)ab", "ca?b", "a(b|c)a", "x[ab]", "bc?"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(ALTERNATIVES), min_size=1, max_size=4, unique=True),
    st.text(alphabet="abcx", max_size=24),
)
def test_leftmost_spans_are_those_of_the_whole_alternation(alternatives: list[str], text: str) -> None:
    whole = re.compile("|".join(alternatives))
    expected = [(m.start(), m.end()) for m in whole.finditer(text)]
    assert list(leftmost_spans([re.compile(a) for a in alternatives], text)) == expected


REAL = Path(__file__).resolve().parents[3] / "shared" / "data" / "real" / "real_sms.jsonl"


@pytest.mark.skipif(not REAL.is_file(), reason="shared/data is not beside the checkout")
def test_running_only_the_alternatives_whose_keywords_occur_finds_what_the_whole_pattern_finds() -> None:
    matcher = CueMatcher(load_taxonomy())
    lines = REAL.read_text("utf-8").splitlines()[::5]
    texts = [prepare(json.loads(line)["text"]).masked for line in lines]
    compared = 0
    for text in texts:
        for index, cue in enumerate(matcher.cues):
            if not cue.alternatives:
                continue
            present = {i for i, a in enumerate(cue.alternatives) if any(k in text for k in a.keywords)}
            if not present:
                continue
            assert cue.pattern is not None
            whole = [(m.start(), m.end()) for m in cue.pattern.finditer(text)]
            assert list(matcher._spans(index, present, text) or ()) == whole, (cue.id, text)
            compared += len(present) < len(cue.alternatives)
    assert compared > 1000  # most runs are of some alternatives only


@pytest.mark.parametrize(
    ("text", "fee"),
    [
        ("请到银行网点领取社保卡并激活金融功能", False),  # 激活金融功能 is a card's bank function
        ("您的社保卡已到网点，激活金融功能后才能使用", False),
        ("您的账户需缴纳激活金500元才能提现", True),
        ("需要交认证金才能解冻", True),
    ],
)
def test_an_activation_fee_is_not_a_cards_financial_function(text: str, fee: bool) -> None:
    assert ("game_trade_freeze" in cue_ids(text)) is fee


@pytest.mark.parametrize(
    "text",
    [
        "业主群通知：为维护我们合法权益，请大家周六到物业开会",  # 我们合法 without a copula is no claim
        "我们合法经营多年",
    ],
)
def test_a_we_without_a_claim_of_legitimacy_is_no_vouching(text: str) -> None:
    assert "vouches_for_itself" not in cue_ids(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("说有平台漏洞稳赚不赔，一律是诈骗！", False),  # the judgment closes the clause: a description
        ("跟着老师操作稳赚不赔，这就是骗子最怕的内部消息", True),  # no judgment of the promise
    ],
)
def test_a_judgment_in_the_next_clause_must_close_it(text: str, kept: bool) -> None:
    assert ("guaranteed_return" in cue_ids(text)) is kept


def test_counterfeit_goods_are_no_impersonation() -> None:
    """假冒 reports someone's pose; 假冒伪劣商品 are fake goods, and what follows is the text's own demand."""
    text = "您的店铺销售假冒伪劣商品，请于24小时内联系执法人员处理，逾期吊销执照"
    hits, described = MATCHER.match_all(prepare(text).masked)
    assert "urgency" in {hit.cue.id for hit in hits} and not described
    # someone's pose reported: no hit, and no description of the text's own making either
    hits, described = MATCHER.match_all(prepare("假冒客服说请于24小时内联系处理").masked)
    assert "urgency" not in {hit.cue.id for hit in hits} and not described
    hits, described = MATCHER.match_all(prepare("客服不会让您24小时内处理").masked)
    assert "urgency" in described


def test_a_denial_inside_the_cues_own_span_negates_it() -> None:
    # loan_fee reads from 放款前 to the fees: the 不会 between them denies them
    text = "郑重提示：我司放款前不会收取任何保证金、解冻费、刷流水费用。"
    assert "loan_fee" not in {h.cue.id for h in MATCHER.match(text)}
    # … unless the span turns after it, or the denial is a condition's threat
    for demand in ("放款前不收任何费用，只需交500元保证金即可到账", "放款前不会收取其他费用，但要先交保证金"):
        assert "loan_fee" in {h.cue.id for h in MATCHER.match(demand)}, demand
    # … or a new predicate follows the denied one: the flight could not take off, and its cancellation is said
    flight = "尊敬的旅客您好，您预订的航班因机械故障不能起飞已被取消，请致电4001234567办理退票及改签"
    assert "flight_cancelled" in cue_ids(flight)
    for denied in (
        "放款前不会收取任何保证金而已",
        "放款前不会收取任何保证金，不得已才提醒",
        "放款前不会收取合同中已约定以外的任何保证金",  # 已约定的 qualifies a noun: no new predicate
    ):
        assert "loan_fee" not in {h.cue.id for h in MATCHER.match(denied)}, denied


def test_a_cue_repeated_thousands_of_times_keeps_a_bounded_number_of_spans() -> None:
    once = MATCHER.match(prepare("稳赚不赔，保本保息").masked)
    text = "稳赚不赔，保本保息。" * 5_000
    hits = MATCHER.match(prepare(text).masked)
    counts: dict[str, int] = {}
    for hit in hits:
        counts[hit.cue.id] = counts.get(hit.cue.id, 0) + 1
    assert counts and max(counts.values()) == MAX_SPANS_PER_CUE
    assert set(counts) == {hit.cue.id for hit in once}  # the same evidence, each cue counted once


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # a rule forbids what it names: it asks for none of it
        (
            "社区公约：禁止在个人资料和私信中发布任何投资理财、博彩、兼职刷单信息，违规账号将被封禁",
            "order_brushing",
        ),
        ("严禁出租、出借、出售银行卡和电话卡，此类行为涉嫌帮助信息网络犯罪活动罪", "suspected_crime"),
        # news of people doing it by some means ("近期有…人员以…")
        (
            "学院通知：近期有校外人员以高价收购、租借学生银行卡，此类行为涉嫌帮助信息网络犯罪活动罪",
            "suspected_crime",
        ),
    ],
)
def test_a_rule_or_news_that_names_the_scam_is_no_hit(text: str, cue: str) -> None:
    assert cue not in cue_ids(text)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("您的账户已被禁止提现，需缴纳解冻费3000元", "withdrawal_blocked"),  # 禁止 put to the reader
        # the rule or the news is reported to the end of its own clause, not past it, where the demand is
        (
            "近日有不法分子以伪造身份注册账户，为保障资金安全，请将卡内余额转到我们提供的安全账户",
            "safe_account",
        ),
        ("为确保资金安全严禁他人代为参与核查，请您本人将卡内存款转入监管账户", "safe_account"),
        # nor is the firm's own staff any outsider
        ("近期有我司工作人员以电话方式为您办理保险退费请您提供银行卡号和短信验证码", "ask_for_code"),
        ("您的订单因系统卡单未能出库，请联系退款专员", "order_brushing"),
        ("平台卡单次数已满三次，需充值8000元解冻才能提现", "order_brushing"),
    ],
)
def test_the_scams_own_words_still_hit(text: str, cue: str) -> None:
    assert cue in cue_ids(text)


def test_a_card_term_is_no_stuck_order() -> None:
    # 卡单 (a task scam's "stuck order") inside 附属卡单独 and 信用卡单笔
    for text in (
        "并为附属卡单独设置消费限额",
        "借记卡单笔消费满100元减10元",
        "公交卡单程票价2元",
        "请保管好刷卡单据",
    ):
        assert "order_brushing" not in cue_ids(text), text


# (text, cue, whether it fires): each cue on what it means, and not on the words that look like it
CUE_EDGES = [
    # a quoted path through an app's menus sends the reader to the app …
    ("请登录招商银行App“我的-个人资料”核实更新", "own_app_menu_path", True),
    ("如非本人操作，可在“我-服务-钱包-银行卡”中解除绑定", "own_app_menu_path", True),
    ("请在支付宝App“我的-设置-安全中心”中按提示完成身份验证", "own_app_menu_path", True),
    ("可在“我-服务-钱包”中查看转账记录", "own_app_menu_path", True),
    # … not on the way to a loan or to the money, nor a contact's nickname, nor an app to download
    ("登录微信，在“我-钱包”中找到“XX贷”，点击进入后提现", "own_app_menu_path", False),
    ("打开微信“我-服务-钱包”，把零钱转到我发的银行卡上", "own_app_menu_path", False),
    ("我是你女儿的老师，我是“报名处-刘老师”，请加我QQ", "own_app_menu_path", False),
    ("添加昵称为“助理-花花”的好友", "own_app_menu_path", False),
    ("请下载“创跃-Leap聘”APP了解详情并完成任务", "own_app_menu_path", False),
    # a household bill asked to be paid or refunded through a collector, finance staff or a person …
    (
        "【自來水公司】您 家 水 費 已 欠 繳 三 個 月，明 日 將 停 水。請 加 收 費 員 微 信 轉 賬 繳 費",
        "bill_to_a_person",
        True,
    ),
    ("本次物业费统一由财务人员收取，请扫描下方物业财务微信收款码缴纳", "bill_to_a_person", True),
    (
        "因去年多收取公摊电费，现向业主退还差额，请业主添加物业财务微信登记房号及银行卡信息",
        "bill_to_a_person",
        True,
    ),
    # … not the official channels, a payment told, a contact for questions, or a notice denying it
    ("2026年度物业费已开始收取，可通过物业App、服务中心前台刷卡缴纳", "bill_to_a_person", False),
    ("物业费我上周已经转给管家小王的微信了，他说收到了会开收据", "bill_to_a_person", False),
    ("供暖费缴费通知：请业主于月底前到服务中心缴纳，咨询请加工作人员微信", "bill_to_a_person", False),
    (
        "本小区物业费只能通过物业APP缴纳，工作人员不会让您添加个人微信或扫个人收款码缴费",
        "bill_to_a_person",
        False,
    ),
    # repaying in the lender's own app, with no way to the scammer beside it
    (
        "【微众银行】您的微粒贷已逾期1天，请尽快通过微信-微粒贷还款，逾期信息将按规定报送征信系统",
        "repay_in_own_app",
        True,
    ),
    ("【招商银行】您的信用卡本期账单3,456.20元，可在掌上生活App还款", "repay_in_own_app", True),
    ("您的借款已逾期，请登录XX金融App还款，如需协商请加客服微信xyz123", "repay_in_own_app", False),
    ("您的借款已逾期，请登录XX金融App还款或转账至6222021234567890123", "repay_in_own_app", False),
    ("您的借款已逾期，请登录XX金融App还款，详情致电13912345678", "repay_in_own_app", False),
    # turnover to verify, not a bank checking statements
    ("请按客服指引完成资金流水验证，验证通过后即可恢复提现", "turnover_to_verify", True),
    ("办理房贷需要银行验证流水和征信，请准备好材料", "turnover_to_verify", False),
    # a rule or news for everyone is not the reader's own account or deal …
    ("请同学们保管好个人卡证，遇到此类情况及时向辅导员报告", "personal_transfer_to_stranger", False),
    ("禁止在个人资料和私信中发布投资理财信息，违规账号将被限制或封禁", "account_abnormal", False),
    ("平台严禁诱导打赏和私下交易，未成年人禁止注册", "off_platform_payment", False),
    ("近期我校多名学生因出借银行卡被公安机关约谈", "account_rental", False),  # others punished for it
    # … but the reader's own account, kin or deal is, and so is a demand after a rule with no stop between
    ("您的账号因违规将被封禁，请把钱转到个人卡上解封", "account_abnormal", True),
    ("您的账号因违规将被封禁，请把钱转到个人卡上解封", "personal_transfer_to_stranger", True),
    ("你弟弟因出借银行卡被公安抓获了，需要交5万保证金", "account_rental", True),
    ("机主因出租银行卡被公安机关约谈，请回电配合核查", "account_rental", True),  # a threat: act now
    ("我们私下交易吧，我给你便宜200", "off_platform_payment", True),
    ("禁止诱导未成年人充值 请家长将5000元押金转入监管账户", "safe_account", True),
    # a negation across 或, and along a list of things to give or do …
    ("请勿添加对方微信或线下转账，所有交易请通过担保完成", "off_platform_payment", False),
    ("助学金发放不需要你缴纳任何费用、提供验证码或做“流水验证”", "ask_for_code", False),
    ("助学金发放不需要你缴纳任何费用、提供验证码或做“流水验证”", "turnover_to_verify", False),
    # … not along any other list, past 请 or a turn, nor to an item that buys something
    ("无需任何抵押担保、提供身份证即可，放款前先交800元保证金", "loan_fee", True),
    ("我们不收取任何费用、请提供验证码完成验证", "ask_for_code", True),
    ("不用缴纳任何费用只需下载APP、输入银行卡密码即可领取", "card_details_form", True),
    ("无需缴纳任何费用、填写银行卡号和密码即可领取", "card_details_form", True),
    # a code asked for a clause after it is sent; 告诉我们 is no 告诉我
    ("麻烦您把收款银行卡号发我一下，稍后会有一个验证码发到您手机上，您告诉我一下就行", "ask_for_code", True),
    ("密码修改成功，如有问题请告诉我们", "ask_for_code", False),
    # asking whether it is a scammer doubts nothing
    (
        "“兄弟，你那个号还卖吗？我出2000，链接我发你，你注册一下就行” 这是不是骗子？",
        "refusal_or_doubt",
        False,
    ),
    (
        "“兄弟，你那个号还卖吗？我出2000，链接我发你，你注册一下就行” 会不会是骗子冒充的",
        "refusal_or_doubt",
        False,
    ),
    (
        "“兄弟，你那个号还卖吗？我出2000，链接我发你，你注册一下就行” 这不会是骗子吧？",
        "refusal_or_doubt",
        False,
    ),
    # the secrecy a scam demands puts nothing after it in quotes
    ("对方要私了要两万，千万别告诉爸，你先转到这个账户，我回去再跟你说", "transfer_to_designated", True),
    # a witness is accused of nothing; the accused is
    ("您作为证人涉及的一起案件需要您于本周五上午九点到我院了解情况", "suspected_crime", False),
    ("您作为证人涉及的一起案件需要您于本周五上午九点到我院了解情况", "accused_of_crime", False),
    ("您的身份证涉及一起洗钱案件，请配合调查", "suspected_crime", True),
    ("您的身份证涉及一起洗钱案件，请配合调查", "accused_of_crime", True),
    # 通过 a screening is no channel, and an app to download is not the brand's own; the brand's app is
    ("您投递的职位已通过初筛，请下载“速聘”App并缴纳99元认证费后安排面试", "legit_notice", False),
    ("请登录招商银行App缴纳本期费用", "legit_notice", True),
    # screenshots shown to the reader are no thing the reader came and saw
    ("收益截图都给你看过了，这个平台稳赚不赔，你先充一万试试", "deposit_in_person", False),
    # twenty-eighth session: a term deposit that cannot be drawn yet is no platform keeping the money
    ("我老婆住院要交钱，卡里是定期取不出来，借我3000", "loss_account", False),
    ("投进去的钱全提不出来了，客服说要交税", "loss_account", True),
    # the writer's own wife told of is no lover asking to borrow; a lover addressed is
    ("我老婆生二胎住院要交钱，借我3000，下个月还你", "lover_invest", False),
    ("老婆，我这边急用钱，先借我两万", "lover_invest", True),
    ("我宝贝最好了，借我两万周转一下", "lover_invest", True),
    # the scam's own name is no scam done ("刷单诈骗不都是这么开头的吗")
    ("我还以为后面会叫我做任务，刷单诈骗不都是这么开头的吗", "order_brushing", False),
    ("招刷单兼职，一单赚20元", "order_brushing", True),
    ("这可不是刷单诈骗哈，平台正规，每单返20%", "order_brushing", True),  # its own disclaimer
    # a game's account is a trade only beside something bought, sold, topped up or frozen
    ("收到原神的邮件：您的账号在新设备登录，如非本人操作请修改密码", "game_item_trade", False),
    ("原神账号低价出售，需要的加我", "game_item_trade", True),
    # the payer's own question whether a fee is due is no demand; a question put to the reader is
    ("对方：可以申请延期还款｜我：要交手续费或者保证金吗｜对方：不收任何费用", "fee_before_benefit", False),
    ("您需要先交保证金吗？不交就不能放款", "fee_before_benefit", True),
    # … nor a rhetorical question, or one the text answers yes to: the demand put as a question
    ("不就是要交点手续费吗？交了钱马上就能提现", "fee_before_benefit", True),
    ("需要提供验证码吗？需要，发过来就帮你办好", "ask_for_code", True),
    # what the other side might do, in a warning's condition whose consequence is to report or stop
    ("如果对方频繁引导你下载其他APP、加入投资群或借钱，请点右上角举报", "mentor_group", False),
    ("如果你想赚钱，请加入投资群，老师带你上车", "mentor_group", True),
    # a scammer's own "if anyone asks … don't report" is no warning's condition
    ("如果有人问起，就说是朋友，验证码发我，千万别报警", "ask_for_code", True),
    # a bidder buys at an auction, not an account
    ("竞买人报名时，保证金由平台冻结在竞买人本人的支付账户内", "account_rental", False),
    ("高价收购银行卡，一张500元", "account_rental", True),
    # a reply that has "staff" call you back, not a reply that confirms
    (
        "如非本人操作，请于30分钟内回复本短信“否”，我行风险管理部将致电您协助冻结账户",
        "reply_for_callback",
        True,
    ),
    ("回复Y确认开通，回复N取消，详询95588", "reply_for_callback", False),
    ("好的，收到你回复了，明天下午我会给你打电话。", "reply_for_callback", False),
    ("您的快件因地址不详暂存网点，回复1我们会安排快递员致电您确认地址。", "reply_for_callback", False),
    # a seller who moves the payment to QQ as to WeChat
    ("他说闲鱼手续费贵，让我加QQ直接转账", "off_platform_payment", True),
    # a refund or compensation to collect in a group
    ("您购买的奶粉批次质检不合格，将全额退款再加赔偿，请扫码进群领取", "refund_via_group", True),
    ("退款已原路退回，如有疑问可加群咨询店铺活动", "refund_via_group", False),
    # overpaid, shown by a screenshot only; not a friend's plain ask
    ("手滑多打了一个零，转了4800，截图你看下。麻烦你先把多的4320退我", "overpaid_screenshot", True),
    ("刚手滑多转了100 你退我下呗", "overpaid_screenshot", False),
    ("今天聚餐AA，我多转了50，截图给你了，你方便时退我就行哈", "overpaid_screenshot", False),
]


@pytest.mark.parametrize(("text", "cue", "hit"), CUE_EDGES)
def test_a_cue_fires_on_what_it_means_not_on_its_look_alikes(text: str, cue: str, hit: bool) -> None:
    assert (cue in cue_ids(text)) is hit


def test_padding_of_described_spans_does_not_hide_a_span_said_further_on() -> None:
    """Past the spans judged, the cue fails closed: 300 × "刷单诈骗" before the real offer still finds it."""
    assert "order_brushing" in cue_ids("刷单诈骗" * 300 + "\n兼职刷单，日结300，拍单后立即返款加佣金")


def test_not_telling_anyone_is_a_codes_notice_only_after_a_code() -> None:
    notice = cue_ids("【中国银行】您的验证码为516083，10分钟内有效，请勿告知他人。")
    secrecy = cue_ids("您的身份证涉嫌一起洗钱案件，此事请不要告诉任何人")
    assert "code_notice_not_to_share" in notice
    assert "code_notice_not_to_share" not in secrecy and "secrecy" in secrecy
