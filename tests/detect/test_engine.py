"""The engine on scam scripts from the seed documents and on everyday messages it must leave alone."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest

from fanzha.detect.assessment import CueHit
from fanzha.detect.cues import RawHit
from fanzha.detect.engine import MAX_CHARS, Detector, InputError
from fanzha.detect.model import shipped_model
from fanzha.detect.scoring import Weights, evidence
from fanzha.taxonomy.model import Cue

SCAMS = [
    # seed 000: 冒充公检法，称涉嫌洗钱，要求转入"安全账户"
    (
        "我是市公安局刑侦支队的，你的银行卡涉嫌洗钱，必须把钱转到安全账户配合调查，不要告诉家人",
        "impersonate_authority",
    ),
    # seed 004: 电话欠费后转接"警察"
    ("您好这里是电信局，您名下一部固话欠费3168元，现在为您转接公安局报案", "impersonate_authority"),
    # seed 000: 谎称子女出事或被绑架
    ("你儿子在我们手上，马上汇款5万元到这个账户，敢报警就撕票", "impersonate_acquaintance"),
    # seed 004: 退税诈骗
    ("您的购车退税款已审批，请携带银行卡到ATM机按提示操作领取退税", "prize"),
    # seed 000: 中奖交手续费
    ("恭喜您被我是歌手节目组抽中为场外幸运观众，获得二等奖现金8万元，领奖需先缴纳手续费", "prize"),
    # 积分兑换钓鱼、伪基站
    ("【中国移动】尊敬的用户，您的积分即将清零，请登录 10086-jf.top 兑换现金礼包", "phishing"),
    # 刷单返利
    ("招兼职刷单，动动手指日赚300，先垫付后返佣金，加QQ 123456789", "rebate_task"),
    # 网贷先交保证金
    ("无抵押贷款秒批，额度已下来，但您的银行卡号填写错误导致资金冻结，需要交解冻费才能放款", "loan"),
    # 注销校园贷: the Ministry lists it under 虚假征信; a loan-type verdict is also right
    (
        "我是京东金融客服，您大学时开通的校园贷还没注销，会影响征信，需要按我说的操作清空额度",
        "credit_record|loan",
    ),
]

EVERYDAY = [
    "【招商银行】验证码482913，您正在登录手机银行，5分钟内有效，请勿泄露给他人。",
    "【工商银行】您尾号1234的储蓄卡11月3日12:05支出(消费)58.00元，余额3,201.55元。",
    "【菜鸟驿站】您的中通包裹已到东区驿站，取件码3-2-1045，请于20:00前取件。",
    "【国家反诈中心】公检法机关不会通过电话办案，不存在安全账户，凡是要求转账到安全账户的都是诈骗。",
    "妈，我周末回家吃饭，给我留点饺子",
    "今天聚餐一共480，AA每人80，微信转我就行",
    "【中国移动】您本月已使用流量12GB，剩余8GB，当前话费余额36.50元。",
]


@pytest.mark.parametrize(("text", "fraud_type"), SCAMS)
def test_seed_scam_scripts_are_flagged_with_their_type(
    detector: Detector, text: str, fraud_type: str
) -> None:
    verdict = detector.assess(text)
    assert verdict.is_fraud, verdict.explanation
    assert verdict.risk >= 50
    assert verdict.fraud_type in fraud_type.split("|"), verdict.explanation
    assert verdict.cues, "a scam verdict must show its evidence"
    assert verdict.advice


# Warnings that name a scam's lure, and genuine notices that share its words: each once flagged by a rule.
LOOK_ALIKES = [
    # warnings that name the promised return
    "国家反诈中心提醒：稳赚不赔的投资是不存在的，请勿轻信。",
    "【反诈中心】以“稳赚不赔”“高额回报”为诱饵的投资理财，均为诈骗！",
    "【反诈宣传】理财骗局的共同点：承诺保本保息、稳赚不赔、高额回报。请市民提高警惕。",
    "【XX公安】投资理财防骗指南：1.稳赚不赔的项目不存在；2.不要下载陌生APP；3.不要向陌生账户转账。",
    "反诈宣传：网上认识的人带你投资，说有平台漏洞稳赚不赔，一律是诈骗！",
    # warnings of the freebie lure on the elderly, a real health check, gifts that ask nothing
    "社区提醒各位老人：最近有人在菜市场门口发传单，说听健康讲座签到就送鸡蛋、送挂面，听几天就开始卖上万元的保健品，请大家不要去。",
    "物业通知：近期有陌生人在小区发“养生讲座”邀请，称连续听课送电饭煲，物业未组织此类活动，请勿参加、勿登记个人信息。",
    "【街道卫生服务中心】65岁以上老人免费体检本周六开始，请携带身份证到社区卫生服务站，体检不收费。",
    "镇卫生院：65岁以上老人免费体检，到场签到可领取鸡蛋一盒，不推销任何产品。",
    "社区反诈宣传讲座本周六举行，到场居民可领取鸡蛋一盒。",
    "【永辉超市】会员日活动，到店签到即送鸡蛋6枚。",
    "业主群：这几天小区东门有人摆摊，说听养生课连续听满七天送电饭煲，大家别去。",
]


@pytest.mark.parametrize("text", EVERYDAY + LOOK_ALIKES)
def test_everyday_messages_are_not_flagged(detector: Detector, text: str) -> None:
    verdict = detector.assess(text)
    assert not verdict.is_fraud, verdict.explanation
    assert verdict.fraud_type == "normal"


def test_cue_spans_point_into_the_original_text_even_after_normalisation(detector: Detector) -> None:
    text = "您涉嫌洗錢，請將資金轉入安全賬戶"  # traditional characters
    verdict = detector.assess(text)
    assert verdict.is_fraud
    for cue in verdict.cues:
        assert text[cue.start : cue.end] == cue.text
    assert any("安全" in c.text for c in verdict.cues)


def test_a_cue_calibrated_to_nothing_is_shown_neither_as_suspicious_nor_as_reassuring(
    detector: Detector,
) -> None:
    # Calibration may give a scam cue no weight (what it says, the other cues say); it was listed among the
    # signs of a genuine message ("正常迹象：让你点击链接并登录…"), and on a genuine notice it must not be
    # shown as suspicious either.
    nothing = CueHit("c", "登录", 0, 2, "m", 0.0)
    assert not nothing.suspicious and not nothing.reassuring
    assert CueHit("c", "回T退订", 0, 4, "m", -1.0).reassuring
    verdict = detector.assess("【工商银行】您的账户积分即将清零，请登录 icbc-jf.top 兑换，否则作废")
    shown = [c for c in verdict.cues if c.source == "rule"]
    assert shown and all(c.suspicious == (c.weight > 0) and c.reassuring == (c.weight < 0) for c in shown)


def test_negated_cue_is_not_evidence(detector: Detector) -> None:
    flagged = {c.id for c in detector.assess("请立即转账到以下账户6222021234567890128").cues}
    negated = {c.id for c in detector.assess("千万不要转账到陌生人提供的账户").cues}
    assert "transfer_to_designated" in flagged
    assert "transfer_to_designated" not in negated


def test_claiming_a_bank_with_a_foreign_number_is_a_strong_signal(detector: Detector) -> None:
    verdict = detector.assess("【工商银行】您的账户存在风险，请立即致电17012345678处理")
    ids = {c.id for c in verdict.cues}
    assert "bank_private_line" in ids
    assert verdict.is_fraud


def _assert_signal_decides(detector: Detector, text: str, signal: str, present: bool) -> None:
    """`signal` is among the text's evidence exactly when `present`, and the text is called a scam exactly then."""
    verdict = detector.assess(text)
    ids = {c.id for c in verdict.cues}
    assert (signal in ids) is present, ids
    assert verdict.is_fraud is present, verdict.explanation


@pytest.mark.parametrize(
    ("text", "private"),
    [
        # A fake transaction alert: the sum is the lure, the landline the trick; the classifier, which
        # learned that such alerts are genuine, cannot argue the private line down.
        ("【农业银行】您尾号5527账户于11月23日14:06消费人民币8,960.00元，如有疑问请致电028-85907263。", True),
        (
            "【邮储银行】您账户6215****2083支出19800元，余额261.35元。非本人交易请联系安全中心0755-83091276。",
            True,
        ),
        ("【招商银行】您的账户存在异常，请致电0755-23781196核实。", True),
        # city and joint-stock banks are known by their 95xxx lines too
        (
            "【宁波银行】您尾号3390的账户于08月31日消费人民币6,480.00元，如非本人操作请致电0574-87263150。",
            True,
        ),
        ("【微众银行】您的微粒贷借据本期应还1,066.67元，将于06月15日自动扣款。详询95384。", False),
        ("【中国联通】您的号码已开通港澳台漫游，流量按日计费。如有问题请拨+86-18610010010。", False),
        # The bank's own line, a card centre's 400 line missing from the list, an operator's roaming line.
        ("【农业银行】您尾号5527账户于11月23日14:06消费人民币8,960.00元，如有疑问请致电95599。", False),
        (
            "【中国银行】您尾号8837信用卡欠款2,945.18元已逾期，请于3日内还款。已还款请忽略。客服4006695566",
            False,
        ),
        ("【中国移动】您已出访日本，流量25元/天不限量。如需帮助请拨+8613800100186。", False),
        # A number the bank reports, not one to call; the bank's own line beside it.
        ("【工商银行】您尾号1234卡12月1日10:21为手机13812345678充值100.00元，余额5,320.11元。", False),
        ("【建设银行】您预留的联系电话0571-87654321已变更，如非本人操作请致电95533。", False),
        # A branch or a customer manager gives a local line.
        (
            "【中国银行】尊敬的客户，我行滨江支行营业时间调整为9:00-17:00，如有疑问请致电0571-86601234。",
            False,
        ),
        ("【民生银行】您的贷款申请已受理，客户经理赵强（13600001234）将在2个工作日内与您联系。", False),
        # The bank is named, but someone else sends the message (or its name is inside another's).
        (
            "【西湖派出所】近期有人冒充建设银行客服实施诈骗，如遇可疑情况请拨打派出所电话0571-86001110。",
            False,
        ),
        (
            "【XX物业】本月物业费可通过银联云闪付或支付宝缴纳，如有疑问请致电物业服务中心0571-88886666。",
            False,
        ),
        ("【蚂蚁搬家】您预约的搬家服务已确认，如有疑问请联系司机13800001111。", False),
    ],
)
def test_a_bank_giving_a_private_line_to_call_is_firm(detector: Detector, text: str, private: bool) -> None:
    _assert_signal_decides(detector, text, "bank_private_line", private)


@pytest.mark.parametrize(
    ("text", "private"),
    [
        # A court's or a tax bureau's notice that sends you to someone's mobile.
        (
            "浙江省宁波市鄞州区人民法院 应诉通知书 沈冬梅：原告诉你借款合同纠纷一案，本院已受理。诉前调解由本院委托的"
            "调解中心负责，联系人黄律师，手机138 5746 2093，逾期视为放弃调解。",
            True,
        ),
        ("【市公安局】您的银行卡涉嫌洗钱，请于今日联系专案组王警官，电话13912345678。", True),
        ("您的医保卡存在违规使用，请速回电13811112222处理。【国家医保局】", True),
        # The same offices on a landline, a community officer's own mobile, a lawyer who mentions a court.
        ("【鄞州区人民法院】您的案件已立案，承办人书记员李某，联系电话0574-87654321。", False),
        ("【西湖公安分局】社区民警张警官，手机13912345678，邻里纠纷、证件办理可随时联系。", False),
        ("您好，我是您的代理律师王明，案子已由法院受理，开庭时间确定后我打您手机13912345678告知。", False),
        # The review's probes: a sentence that only mentions an office, an advert beside one, a lawyer's letter
        # about a case a court accepted, a household-register officer, the writer's own number.
        ("法院拍卖房产咨询：本人专业代拍法拍房十年，全程陪同看房，联系电话13912345678。", False),
        ("医保局门口的药店招聘营业员，五险一金，联系电话13612345678 刘店长。", False),
        (
            "上海市浦东新区人民法院已受理原告诉你方纠纷一案。本所律师致函贵方，请联系王律师，手机13912345678。",
            False,
        ),
        (
            "【杭州市公安局上城区分局】户籍窗口周六照常办公，如需预约请联系户籍民警小王，手机13800001234。",
            False,
        ),
        ("法院执行局的电话打不通，我先去现场问问，有消息我打你手机13912345678。", False),
    ],
)
def test_an_authority_giving_a_mobile_to_call_is_firm(detector: Detector, text: str, private: bool) -> None:
    _assert_signal_decides(detector, text, "authority_private_line", private)


def test_a_fake_transaction_alert_is_told_as_fake_customer_service(detector: Detector) -> None:
    # The classifier reads the alert as genuine and says nothing of its kind; the line names it.
    verdict = detector.assess(
        "【农业银行】您尾号5527账户于11月23日14:06消费人民币8,960.00元，如有疑问请致电028-85907263。"
    )
    assert verdict.fraud_type == "impersonate_service", verdict.probabilities
    assert verdict.confidence > 0.4


def test_the_banks_own_number_is_not_a_mismatch(detector: Detector) -> None:
    verdict = detector.assess("【工商银行】如有疑问请致电95588咨询")
    ids = {c.id for c in verdict.cues}
    assert "brand_number_mismatch" not in ids
    assert "official_contact" in ids


@pytest.mark.parametrize(
    ("text", "mismatch"),
    [
        # The reader's own number in the greeting, and a sender the operator reports: no contact given.
        ("【中国联通】尊敬的18612345678用户，您本月话费余额12.30元，详询10010。", False),
        ("【中国移动】您已收到来自13912345678的一条彩信，请登录中国移动APP查看。", False),
        ("【中国联通】尊敬的机主 13612345678，您的套餐将于下月变更，详询10010。", False),
        # A number to call is a contact, whatever word follows it.
        ("【中国联通】您的号码将被停机，请速联系18612345678客户经理办理。", True),
        ("【中国联通】尊敬的用户，您的积分将清零，请联系18612345678用户中心兑换。", True),
    ],
)
def test_a_number_that_names_the_reader_is_no_contact(detector: Detector, text: str, mismatch: bool) -> None:
    verdict = detector.assess(text)
    ids = {c.id for c in verdict.cues}
    assert ("brand_number_mismatch" in ids) is mismatch, ids
    if not mismatch:
        assert "all_contacts_official" in ids or "10010" not in text, ids
        assert not verdict.is_fraud, verdict.explanation


@pytest.mark.parametrize(
    ("text", "official"),
    [
        # a notice that does not name its sender, whose every link and number is one brand's own
        ("温馨提示，您当月套餐内流量已使用122.05MB，剩余流量177.95MB。登录 wap.10010.com 直充话费", True),
        ("您的机票报销凭证已经寄出，订单查询请点击http://d.qunar.com/sIbGbq", True),
        ("流量查询请登录 wap.10010.com 或拨打10010", True),
        # a link of another's beside it, or a service number alone (it may be an amount, or a pose)
        ("流量查询请登录 wap.10010.com 或拨打4008123123", False),
        ("您的航班已取消，请联系改签热线 95530", False),  # the number may be posed beside a scam
        ("您的航班已取消，请尽快联系改签热线 95530-0128", False),
    ],
)
def test_an_unnamed_sender_is_known_by_its_own_link(detector: Detector, text: str, official: bool) -> None:
    assert ("all_contacts_official" in {c.id for c in detector.assess(text).cues}) is official


@pytest.mark.parametrize(
    ("text", "official", "fraud"),
    [
        # every link a government site (only government bodies register under gov.cn), with or without
        # an official service number: where a genuine notice sends you
        (
            "【市场监管】您的营业执照年报请于6月30日前登录 www.gsxt.gov.cn 自行填报，逾期将列入经营异常名录",
            True,
            False,
        ),
        (
            "【个人所得税】您的退税已受理，可登录 https://etax.chinatax.gov.cn 查看进度，或拨打12366咨询",
            True,
            False,
        ),
        # a personal number or a look-alike beside it is not, and a request for money outweighs the site
        (
            "【市场监管】您的营业执照异常，请登录 www.gsxt.gov.cn 并联系专员13812345678缴纳保证金解除",
            False,
            True,
        ),
        ("【市场监管】您的营业执照年报请登录 gsxt-gov.cn 填报，逾期将列入经营异常名录", False, True),
        # a date is no number nobody vouched for
        ("【市场监管】请于2024-06-30前登录 www.gsxt.gov.cn 填报年报", True, False),
        ("您的社保卡已冻结，请将余额转入安全账户，详情见 www.mohrss.gov.cn", False, True),
        # an account to pay, a number the extractor could not read, a host behind "@": no government notice
        (
            "【市场监管】请登录 www.gsxt.gov.cn 查看，并将罚款2000元汇入对公账户 6222021234567890123 户名张伟",
            False,
            None,
        ),
        ("【法院】您有一张传票未签收，详情见 www.court.gov.cn，请拨打 010—65432198 转接书记员", False, True),
        ("【法院】您有一张传票未签收，请登录 https://www.court.gov.cn@fy-susong.cc/login 查看", False, True),
    ],
)
def test_a_notice_that_sends_you_only_to_government_sites(
    detector: Detector, text: str, official: bool, fraud: bool | None
) -> None:
    verdict = detector.assess(text)
    assert ("all_contacts_official" in {c.id for c in verdict.cues}) is official, verdict.explanation
    if fraud is not None:
        assert verdict.is_fraud is fraud, verdict.explanation


@pytest.mark.parametrize(
    ("text", "mismatch"),
    [
        # a court or a market regulator sends its documents and forms on gov.cn sites only
        ("【雨湖区人民法院】您有一份应诉通知书未签收，请登录 fy-susong.cn.com/ws 查看", True),
        ("【市场监管】您的营业执照年报请登录 scjg-nianbao.com 填报", True),
        ("【雨湖区人民法院】您有一份电子送达文书，请登录 https://zxfw.court.gov.cn 查看", False),
    ],
)
def test_a_court_or_regulator_link_off_its_sites_is_a_mismatch(
    detector: Detector, text: str, mismatch: bool
) -> None:
    _assert_signal_decides(detector, text, "brand_link_mismatch", mismatch)


@pytest.mark.parametrize(
    ("text", "mismatch"),
    [
        # a government office's tag claims that office, which gives no private mobile or WeChat
        ("【人社服务】您的社保缴费记录存在断缴，可一次性补缴，详询社保补缴专员13360278815。", True),
        ("【医保服务】您的医保卡涉嫌违规套现，将于24小时内冻结，请联系专员18912345678办理解冻。", True),
        # its own number, an account statement, a visit to a bank's branch: no mismatch and no scam
        (
            "【人社12333】您的社会保障卡已制卡完成，请携带本人身份证至工商银行文三路支行领取并激活金融功能。",
            False,
        ),
        (
            "【医保服务】您的医保个人账户本月划入137.40元，当前余额2,065.92元，可在国家医保服务平台APP查询。",
            False,
        ),
        ("【社保中心】您的养老待遇资格认证即将到期，可通过掌上12333 App人脸识别完成，咨询12333。", False),
    ],
)
def test_a_government_offices_tag_claims_that_office(detector: Detector, text: str, mismatch: bool) -> None:
    _assert_signal_decides(detector, text, "brand_number_mismatch", mismatch)


@pytest.mark.parametrize(
    ("text", "real_host"),
    [
        (
            "【法院】您有一张传票未签收，请登录 https://www.court.gov.cn@fy-susong.cc/login 查看",
            "fy-susong.cc",
        ),
        ("【法院】您有一张传票未签收，请登录 court.gov.cn@fy-susong.cc/login 查看", "fy-susong.cc"),
        (
            "【工商银行】您的电子密码器即将失效，请登录www.icbc.com.cn@icbc-vip.top/up 进行升级",
            "icbc-vip.top",
        ),
    ],
)
def test_a_decoy_before_at_is_seen_through(detector: Detector, text: str, real_host: str) -> None:
    """The site named before "@" is a decoy: the link is judged by the host the browser opens."""
    verdict = detector.assess(text)
    links = [i for i in verdict.identifiers if i.kind == "url"]
    assert [i.details["host"] for i in links] == [real_host]
    ids = {c.id for c in verdict.cues}
    assert "decoy_link_host" in ids and "government_link" not in ids, verdict.explanation
    assert verdict.is_fraud, verdict.explanation


@pytest.mark.parametrize(
    "text",
    [
        "【反诈提醒】网上刷单都是诈骗，我们平台是国家认可的，稳赚不赔，加老师微信带你操作",
        "【反诈提醒】网上刷单都是诈骗，我们是正规平台，加老师微信带你做单",
    ],
)
def test_a_scam_that_calls_others_scams_and_vouches_for_itself_is_no_warning(
    detector: Detector, text: str
) -> None:
    verdict = detector.assess(text)
    assert "vouches_for_itself" in {c.id for c in verdict.cues}
    assert verdict.is_fraud, verdict.explanation


def test_an_email_address_is_no_decoy_link(detector: Detector) -> None:
    verdict = detector.assess("我的邮箱是zhang.san@qq.com，会议纪要发我这里")
    assert not [i for i in verdict.identifiers if i.kind in ("url", "domain")]
    assert "decoy_link_host" not in {c.id for c in verdict.cues}


@pytest.mark.parametrize(
    "text", ["【工商银行】您有一条来自0095588的重要通知，请及时查看", "您收到来自+95588的转账通知"]
)
def test_a_sender_dressed_up_as_a_service_number_is_still_spoofed(detector: Detector, text: str) -> None:
    verdict = detector.assess(text)
    assert "spoofed_service_number" in {c.id for c in verdict.cues}
    assert verdict.is_fraud, verdict.explanation


@pytest.mark.parametrize(
    ("text", "mismatch"),
    [
        ("【浦发银行】您的信用卡账单已出，详询客服4008208788。", False),  # its credit-card centre's own line
        (
            "【浦发银行】您的信用卡额度可提升，请致电4006012345办理。",
            True,
        ),  # a 400 line that is not the bank's
        ("【招商银行】您的账户存在异常，请致电0755-23781196核实。", True),  # a bank never gives a landline
    ],
)
def test_a_bank_with_a_credit_card_line_still_gives_no_other_number(
    detector: Detector, text: str, mismatch: bool
) -> None:
    ids = {c.id for c in detector.assess(text).cues}
    assert bool({"brand_number_mismatch", "bank_private_line"} & ids) is mismatch, ids


def test_lookalike_bank_domain_and_spoofed_number_are_explained(detector: Detector) -> None:
    verdict = detector.assess("您的网银已冻结，请访问 icbc-safe.top 或回电 0095588")
    ids = {c.id for c in verdict.cues}
    assert {"lookalike_domain", "spoofed_service_number"} <= ids
    assert verdict.is_fraud


def test_assessment_serialises_to_the_jsonl_contract(detector: Detector) -> None:
    record = detector.assess("加我微信abc12345，刷单返利日结").to_dict()
    assert set(record) == {
        "is_fraud",
        "risk",
        "fraud_type",
        "category",
        "confidence",
        "cues",
        "identifiers",
        "advice",
    }
    assert all(set(c) == {"text", "start", "end", "meaning"} for c in record["cues"])
    assert all(set(i) == {"kind", "value", "start", "end"} for i in record["identifiers"])
    assert 0 <= record["risk"] <= 100 and 0 <= record["confidence"] <= 1


def test_probabilities_sum_to_one_and_explanations_are_given(detector: Detector) -> None:
    verdict = detector.assess("您的快递丢失了，我们给您双倍理赔，请开启屏幕共享")
    assert abs(sum(verdict.probabilities.values()) - 1) < 1e-6
    assert verdict.explanation[-1].startswith("综合风险分")


def test_batch_and_single_give_the_same_verdict(detector: Detector) -> None:
    texts = [t for t, _ in SCAMS] + EVERYDAY
    batch = detector.assess_many(texts)
    for text, verdict in zip(texts, batch, strict=True):
        assert detector.assess(text).to_dict() == verdict.to_dict()


@pytest.mark.parametrize(
    ("text", "message"), [("", "为空"), ("   \n", "为空"), ("x" * (MAX_CHARS + 1), "过长")]
)
def test_unassessable_text_raises_a_clear_error(detector: Detector, text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        detector.assess(text)


def test_binary_garbage_gets_an_answer(detector: Detector) -> None:
    garbage = bytes(range(256)).decode("latin-1") * 4
    verdict = detector.assess(garbage)
    assert 0 <= verdict.risk <= 100


def test_a_scam_posing_as_the_anti_fraud_centre_is_not_excused_as_a_warning(detector: Detector) -> None:
    text = "这里是国家反诈中心，监测到你的账户资金异常，需要把钱转到国家监管账户，核查完毕原路退回"
    verdict = detector.assess(text)
    assert verdict.is_fraud, verdict.explanation
    assert verdict.fraud_type == "impersonate_authority"


def test_a_person_recounting_a_scam_call_is_told_what_it_was(detector: Detector) -> None:
    # Until 2026-12-05 a recounting was left quiet; but whoever describes the call asks what it was, and the
    # case desk pre-fills a victim's report from the same engine: the call was a police-impersonation scam.
    verdict = detector.assess("刚才有个自称公安局的打电话说我涉嫌洗钱，让我转到安全账户，我直接挂了")
    assert verdict.is_fraud, verdict.explanation
    assert verdict.fraud_type == "impersonate_authority"
    assert "warning_context" not in {c.id for c in verdict.cues}  # "接到…自称" is the account, no warning
    # A warning that describes the same script names no one it happened to, and stays quiet.
    warning = detector.assess("骗子会冒充公安局打电话说你涉嫌洗钱，让你转到安全账户，接到请直接挂断")
    assert not warning.is_fraud, warning.explanation


@pytest.mark.parametrize(
    "text",
    [
        # the callee's doubt in a transcript: no notice, whatever its length
        "我是XX银行的客服专员，我们检测到您的账户存在异常交易，需要立即核实您的身份信息。请问您现在方便吗？ "
        "不方便，我现在正忙着呢。这会不会是诈骗电话？我之前听警察说过，有很多骗子冒充银行工作人员行骗。",
        # the caller's pose in a transcript with speakers' labels
        "来电：这里是公安局反诈中心，您的身份信息涉嫌一宗洗钱案，需要核实您名下的银行卡。\n"
        "我：我没有办过别的卡啊，你们怎么知道我的信息的？",
    ],
)
def test_a_call_transcript_is_no_anti_fraud_notice(detector: Detector, text: str) -> None:
    verdict = detector.assess(text)
    assert verdict.is_fraud, verdict.explanation
    assert not any("反诈提醒" in line for line in verdict.explanation)


def test_a_citizens_account_that_ends_with_their_question_is_no_anti_fraud_notice(detector: Detector) -> None:
    # "自称…反诈中心" and the citizen's own doubt are warning words, but a notice does not end by asking
    # whether to pay: read as one, the scam's cues counted a quarter and the verdict was 11.
    verdict = detector.assess(
        "昨天接到一个自称“反诈中心退款专员”的电话，说我被骗的钱已经追回，冻结在专用账户里，"
        "要先交3%手续费才能退回卡上，我要交吗"
    )
    assert verdict.is_fraud, verdict.explanation
    assert not any("反诈提醒" in line for line in verdict.explanation)
    # A notice that puts the same question to its reader stays a notice.
    notice = detector.assess("【反诈提醒】接到自称客服的电话说要先交手续费才能退款，这样的好事你敢信吗？")
    assert not notice.is_fraud, notice.explanation
    assert any("反诈提醒" in line for line in notice.explanation)


@pytest.mark.parametrize(
    "text",
    [
        "【反诈提醒】陌生人说先交手续费才能退款，你还会相信吗？",
        "【反诈宣传】中奖了要先交税费才能领奖？天上会掉馅饼吗？",
        "【警方提醒】有人打电话说你涉嫌洗钱，让你转账到安全账户，你会转吗？",
        "【反诈提醒】陌生人让你下载会议软件开启屏幕共享，你会照做吗？",
        # the fine at a link, named as the scam it is
        "【反诈提醒】凡是短信称您访问非法网站、让您点链接缴纳罚款的，都是诈骗，请勿点击",
        "【反诈提醒】电费逾期要停电？让你点链接缴费的都是骗子！请通过国网APP缴费。",
    ],
)
def test_a_notice_that_puts_the_scams_demand_to_its_reader_as_a_question_stays_a_notice(
    detector: Detector, text: str
) -> None:
    # The demand in the notice's question was read as its own: 85, 97 and 81 before.
    verdict = detector.assess(text)
    assert not verdict.is_fraud, verdict.explanation
    assert any("反诈提醒" in line for line in verdict.explanation)


@pytest.mark.parametrize(
    "text",
    [
        "【公安局】您的身份证涉嫌一起洗钱案件，请立即转账到安全账户配合调查。",
        "【反诈中心】您涉嫌洗钱，请立即把资金转到安全账户，明白吗？",  # it checks it was heard
        "【反诈中心】您涉嫌洗钱，请立即把资金转到安全账户，收到请回复",
        # it asks politely, checks the demand was understood or presses: it does not ask whether to believe
        "【反诈中心】请问您今天能把资金转到安全账户吗？",
        '【反诈中心】您的手机号涉嫌诈骗，请下载"国家反诈专线"APP并开启屏幕共享，你会操作吗？',
        "【反诈宣传】国家反诈中心退款专项：您被骗的资金已追回，请先交500元手续费，你真的不想要回来吗？",
        # a fine to pay at a link: no warning asks that (26 before)
        "【网警提示】您的设备多次访问境外非法网站，为免于处罚，请在三日内通过 http://wj-fakuan.cn 缴纳罚款2000元，逾期将依法处理",
    ],
)
def test_a_scam_wearing_a_warnings_tag_that_demands_is_still_a_scam(detector: Detector, text: str) -> None:
    verdict = detector.assess(text)
    assert verdict.is_fraud, verdict.explanation


def test_a_bill_to_pay_at_the_brands_own_link_stays_quiet(detector: Detector) -> None:
    # the pay-at-a-link cue ends a notice's damping only when the link is not the brand's own (36 with it)
    own = detector.assess(
        "【中国移动提醒】尊敬的客户，您的话费已欠费12.5元，号码将于48小时后停机，请登录中国移动APP或点击 "
        "https://h5.10086.cn/pay 缴费，谨防诈骗短信。"
    )
    assert not own.is_fraud and own.risk < 20, own.explanation
    other = detector.assess(
        "【电力公司提醒】您的电费已逾期欠费，明日将停电，请点击 dl-jf.cn 立即缴费，谨防诈骗。"
    )
    assert other.is_fraud, other.explanation


def test_a_security_notice_that_sends_you_only_into_the_brands_own_app_is_genuine(detector: Detector) -> None:
    # The classifier learned 抖音 and 账号 from scams and put these at 95-98% (70 and 85 before).
    for text in (
        "【抖音】你的抖音账号密码已修改，如非本人操作，请在抖音APP“设置-账号与安全”中冻结账号",
        "【抖音】你的账号已成功换绑新手机号138****4572，如非本人操作请立即在抖音APP联系官方客服。",
    ):
        verdict = detector.assess(text)
        assert not verdict.is_fraud and verdict.level == "low", verdict.explanation
    fake = detector.assess(
        "【抖音】您的账号已开通百万保障，如非本人操作请在抖音APP内取消，或致电0571-87654321"
    )
    assert fake.is_fraud, fake.explanation


def test_a_community_warning_that_quotes_the_scams_claim_stays_a_warning(detector: Detector) -> None:
    # "近期有居民接到电话称…" tells of others' calls: the fee in the quote is the scam's, not the notice's (80).
    verdict = detector.assess(
        "【幸福里社区】认证不用交钱！近期有居民接到电话称“养老金认证要交手续费，不交就停发”，这是骗子。"
        "正规资格认证可以在手机上用掌上12333刷脸完成，自己不会操作的，到社区服务站工作人员免费帮您办。"
    )
    assert not verdict.is_fraud, verdict.explanation


def test_a_product_said_to_replace_prescribed_medicine_is_a_scam_whatever_the_classifier_reads(
    detector: Detector,
) -> None:
    # The classifier reads the sale to older people as an advert (risk 24 before stop_medication was firm).
    verdict = detector.assess("阿姨，我们这款磁疗床垫睡上一个月，降压药就可以停了，原价12800，今天6800")
    assert verdict.is_fraud and verdict.fraud_type == "other_fraud", verdict.explanation
    doctor = detector.assess("医生说你血糖稳定了，胰岛素可以停了，改吃二甲双胍，下周复查")
    assert not doctor.is_fraud, doctor.explanation
    # Told by the family, what the "doctor" at a free clinic said is the scam's own words, not a warning's.
    told = detector.assess(
        "我爸早上在公园遇到“免费义诊”，一个自称“主任医师”的人给他开了三个疗程的“中药胶囊”，一共四千八，"
        "还叮嘱他把医院开的降压药停了"
    )
    assert told.is_fraud, told.explanation
    checkup = detector.assess("我妈上午在社区遇到免费义诊，医生量了血压说挺好，让她降压药继续按时吃")
    assert not checkup.is_fraud, checkup.explanation


def test_a_brand_asking_you_to_add_a_personal_wechat_is_a_signal(detector: Detector) -> None:
    verdict = detector.assess("【淘宝】恭喜您获得双11锦鲤大奖，领取请加客服V xbjl2024")
    assert "brand_private_contact" in {c.id for c in verdict.cues}


def test_a_brand_giving_a_foreign_number_is_a_mismatch(detector: Detector) -> None:
    verdict = detector.assess("【美团】您的账号将收取年费1200元，如不需要请联系客服 0085265310297 取消")
    assert "brand_number_mismatch" in {c.id for c in verdict.cues}
    assert verdict.is_fraud


def test_without_explanations_the_verdict_is_the_same(detector: Detector) -> None:
    texts = [t for t, _ in SCAMS] + EVERYDAY
    plain = detector.assess_many(texts, explain=False)
    full = detector.assess_many(texts)
    assert [a.to_dict() for a in plain] == [a.to_dict() for a in full]
    assert all(a.explanation == [] for a in plain) and all(a.explanation for a in full)


def _hit(cue_id: str, weight: float, *, firm: bool = False) -> RawHit:
    return RawHit(Cue(cue_id, "m", weight, ("x",), None, "rebate_task", firm), 0, 1)


@pytest.mark.parametrize("firm", [True, False])
def test_a_firm_cue_sets_the_classifiers_not_a_scam_voice_aside(firm: bool) -> None:
    found = evidence(
        best_per_cue={"order_brushing": _hit("order_brushing", 3.5, firm=firm)},
        signals=[],
        p_scam=0.01,  # the classifier learned from the labels that such offers are adverts
        canonical_chars=80,
        text_chars=80,
        weights=Weights(),
    )
    assert found.firm is firm
    # log(0.01 / 0.99) ≈ -4.6 when the classifier is heard; nothing below 0 when a firm cue speaks
    assert found.logit == (0.0 if firm else pytest.approx(math.log(0.01 / 0.99)))


def test_inside_an_anti_fraud_notice_a_firm_cue_does_not_lift_the_classifier() -> None:
    found = evidence(
        best_per_cue={
            "order_brushing": _hit("order_brushing", 3.5, firm=True),
            "warning_context": _hit("warning_context", -4.0),
        },
        signals=[],
        p_scam=0.9,
        canonical_chars=30,
        text_chars=30,
        weights=Weights(),
    )
    assert found.notice and not found.firm and found.logit == 0.0


def test_the_explanation_says_when_a_firm_cue_overruled_the_classifier(detector: Detector) -> None:
    verdict = detector.assess("信用卡代辦，包下卡，額度高，加V dk66")  # the classifier: 3% a scam
    assert verdict.is_fraud and verdict.category == "scam"
    assert any("公安认定的诈骗特征" in line for line in verdict.explanation)


def _shares(detector: Detector, text: str, sure_of: str, p: float) -> dict[str, float]:
    """The engine's type shares for `text` when the classifier gives `sure_of` the probability `p` and spreads
    the rest over the other types it learned."""
    evidence = detector.gather([text])
    codes = detector.taxonomy.codes
    unlearned = set(detector.model.meta["template_only_types"])
    learned = [c for c in codes if c not in unlearned]
    type_p = np.array(
        [[p if c == sure_of else (1 - p) / (len(learned) - 1) if c in learned else 0.001 for c in codes]]
    )
    shares = detector._type_shares(type_p, evidence, np.array([0.99]))
    return dict(zip(codes, shares[0].tolist(), strict=True))


def test_a_type_learned_from_templates_only_is_named_by_its_cues_when_the_classifier_is_unsure() -> None:
    # The shipped type head learned every type from real or blind-written rows; a model trained without
    # those (the shipped one until 2026-12-05) knows some from synthetic templates alone.
    model = shipped_model()
    meta = {**model.meta, "template_only_types": ["credit_record", "other_fraud", "shopping"]}
    templated = Detector(model=dataclasses.replace(model, meta=meta))
    text = "在二手平台看中一部手机，卖家让加微信私下交易，付款后就被拉黑了"  # off_platform_payment: shopping
    unsure = _shares(templated, text, "impersonate_acquaintance", 0.6)
    assert max(unsure, key=unsure.__getitem__) == "shopping", unsure
    sure = _shares(templated, text, "impersonate_acquaintance", 0.97)
    assert max(sure, key=sure.__getitem__) == "impersonate_acquaintance", sure
    # Without a cue of its own, a template-only type never beats the best learned type.
    plain = _shares(templated, "请把验证码发给我", "phishing", 0.5)
    assert max(plain, key=plain.__getitem__) != "shopping"


def test_a_cue_that_names_its_kind_outweighs_a_classifier_sure_of_another(detector: Detector) -> None:
    # The corpus taught the classifier that "亲爱的朋友…转账" is a friend asking for money; a suitor posted
    # abroad whose parcel needs paying for is a 杀猪盘, told as such with the romance type's advice.
    text = "亲爱的朋友，我是中国军队在埃塞俄比亚的一名医生。我有一个包裹需要寄回国内，请您先把保证金转账给我"
    shares = _shares(detector, text, "impersonate_acquaintance", 0.9999)
    assert max(shares, key=shares.__getitem__) == "romance", shares
    verdict = detector.assess(text)
    assert verdict.fraud_type == "romance" and "overseas_suitor_parcel" in {c.id for c in verdict.cues}
    # Without the parcel, the classifier's opinion decides as before.
    friend = _shares(
        detector, "亲爱的朋友，我在外地出了点事，请先转五千给我", "impersonate_acquaintance", 0.9999
    )
    assert max(friend, key=friend.__getitem__) == "impersonate_acquaintance"


def test_an_install_package_on_a_stranger_domain_is_a_signal_and_on_the_brands_own_is_not(
    detector: Detector,
) -> None:
    stranger = detector.assess("【工商银行】手机银行新版本上线，请下载 http://icbc-app.top/icbc.apk 安装")
    assert "apk_link" in {c.id for c in stranger.cues} and stranger.is_fraud
    own = detector.assess("【工商银行】手机银行新版本上线，可在 https://www.icbc.com.cn/app/icbc.apk 下载")
    assert "apk_link" not in {c.id for c in own.cues}


def test_a_brand_tag_before_the_brands_own_link_is_no_stranger_link(detector: Detector) -> None:
    genuine = detector.assess("【支付宝】张三向你付款50.00元。用支付宝钱包查详情 d.alipay.com/z")
    assert "fake_sender_tag" not in {c.id for c in genuine.cues}
    fake = detector.assess("【工商银行】您的账户积分即将清零，请登录 icbc-jf.top 兑换")
    assert "fake_sender_tag" in {c.id for c in fake.cues} and fake.is_fraud


@pytest.mark.parametrize(
    "text",
    [
        "重阳节回馈：60岁以上老人凭身份证来健康讲堂签到即送鸡蛋一盒，连续听满五天加送挂面，有省城名医现场义诊。",
        "【公益体检】退休老专家进社区，免费查血脂、骨密度。查出问题的老人可领取专家配方调理包，仅收成本费。",
        "敬老专线：88元畅游西湖三日，包吃包住包门票，仅限60岁以上老人，需带身份证，子女不可陪同。",
        "养生讲座：省城名医来我区坐诊，凡到场65岁以上老人均可领取食用油一桶。",
    ],
)
def test_a_freebie_lure_on_the_elderly_is_a_scam(detector: Detector, text: str) -> None:
    verdict = detector.assess(text)
    assert "elderly_freebie_lure" in {c.id for c in verdict.cues}
    assert verdict.is_fraud, verdict.explanation
    assert verdict.fraud_type == "other_fraud"


@pytest.mark.parametrize(
    ("cues", "described", "named"),
    [
        ({}, True, True),  # the scam cue was only judged: nothing else argues for a scam
        ({"refusal_or_doubt": _hit("refusal_or_doubt", -1.5)}, True, True),
        ({"urgency": _hit("urgency", 1.0)}, True, False),  # another scam cue speaks undescribed
        ({}, False, False),
        ({"scam_signal": None}, True, False),  # a scam signal speaks (a fake link, say)
    ],
)
def test_a_text_that_only_describes_scam_cues_is_named_so(
    cues: dict[str, RawHit | None], described: bool, named: bool
) -> None:
    signals = [CueHit(name, "x", 0, 1, "m", 3.0) for name, hit in cues.items() if hit is None]
    found = evidence(
        best_per_cue={name: hit for name, hit in cues.items() if hit is not None},
        signals=signals,
        p_scam=0.95,
        canonical_chars=40,
        text_chars=40,
        weights=Weights(),
        described=described,
    )
    assert ("describes_scam" in found.values) is named


def test_a_judgment_of_a_scam_is_no_evidence_of_one_and_says_why(detector: Detector) -> None:
    text = "先交会员费才能接单的兼职都是骗人的"  # 54 before describes_scam
    gathered = detector.gather([text])[0]
    assert "fee_before_benefit" in gathered.described and "fee_before_benefit" not in gathered.best_per_cue
    verdict = detector.assess(text)
    assert any("describes_scam" in line for line in verdict.explanation)
    # the same move asked for, not judged, is a scam
    assert detector.assess("兼职需先交保证金200元才给派单，加我微信").is_fraud


@pytest.mark.xfail(strict=True, reason="the twenty-fifth session's classifier reads the judgment at 93%")
def test_a_judgment_of_a_scam_is_not_a_scam(detector: Detector) -> None:
    verdict = detector.assess("先交会员费才能接单的兼职都是骗人的")
    assert not verdict.is_fraud, verdict.explanation


@pytest.mark.parametrize(
    "text",
    [
        "现在冒充公检法的骗子很多，但这次是真的，您涉嫌洗钱，请把资金转到安全账户",  # reported speech only
        "你别信网上说的那些，刷单返利确实有骗子，但我们是大平台，今天做三单就返佣金",  # the pose
    ],
)
def test_others_scams_told_to_set_the_writer_apart_are_not_a_description(
    detector: Detector, text: str
) -> None:
    assert not any("describes_scam" in line for line in detector.assess(text).explanation)


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("【国家税务总局】请回复邮件至 ssfw_bz@chinatax-hr.net 提供身份证号", "lookalike_domain"),
        ("法院通知请回复至 fy_notice@court-gov.com", "fake_government_domain"),
        (
            "请回复邮件至 ＳＳＦＷ＠ｃｈｉｎａｔａｘ－ｈｒ．ｎｅｔ",
            "lookalike_domain",
        ),  # full-width, spans still right
        ("有问题发邮件到 zhangsan@qq.com 联系我", None),
        ("新加坡移民与关卡局通知：请将护照扫描件发送至 ica_visa@ica.gov.sg", None),  # another country's gov
        ("智能家居售后请联系 support@govee.com", None),
        ("简历请投递 hr@hechuan-logistics.cn，注明应聘岗位", None),
    ],
)
def test_an_email_address_on_a_lookalike_domain_is_a_signal(
    detector: Detector, text: str, signal: str | None
) -> None:
    hits = [c for c in detector.assess(text).cues if c.source == "identifier"]
    assert [c.id for c in hits] == ([signal] if signal else [])
    for hit in hits:
        assert text[hit.start : hit.end] == hit.text and ("@" in hit.text or "＠" in hit.text)


@pytest.mark.parametrize(
    ("text", "mismatch"),
    [
        (
            "传票：贵公司拖欠货款一案已立案受理，本院定于下周三开庭。请下载《应诉通知书》：http://fy-susong.cn.com/ws/2571",
            True,
        ),
        ("【某某市税务局】您有一笔个税退税待确认，请登录 tax-tuishui.top 填写银行卡信息。", True),
        ("本院已通过电子送达平台向您送达起诉状副本，请登录 https://zxfw.court.gov.cn 查看。", False),
        ("【某某市公安局】反诈宣传文章请在公众号查看：https://mp.weixin.qq.com/s/abc123", False),
        ("诉讼服务请登录律所网站 www.hengzheng-law.com 预约咨询。", False),  # a firm: no office
        ("【XX人民医院】本院新官网已上线，预约挂号请登录 www.xxrmyy.com", False),  # a hospital's 本院
    ],
)
def test_an_authority_linking_off_government_sites_is_a_signal(
    detector: Detector, text: str, mismatch: bool
) -> None:
    ids = {c.id for c in detector.assess(text).cues}
    assert ("authority_link_mismatch" in ids) is mismatch, ids


@pytest.mark.parametrize(
    ("text", "fake"),
    [
        ("您的个税退税待确认，请登录 etax-gov.top 填写银行卡信息", True),
        ("社保补贴申领：http://ybj-gov.cn.cc/apply", True),
        ("请登录 https://www.ica.gov.sg 查询签证进度", False),  # another country's government
        ("智能灯带售后服务请访问 www.govee.com", False),
    ],
)
def test_a_gov_looking_host_is_one_with_gov_as_a_token_of_its_own(
    detector: Detector, text: str, fake: bool
) -> None:
    ids = {c.id for c in detector.assess(text).cues}
    assert ("fake_government_domain" in ids) is fake, ids


def test_a_pattern_calibrated_to_zero_is_named_and_said_not_to_count(detector: Detector) -> None:
    """click_link_action is weighted 0.0 by the calibration: its line names it without "+0.0分"."""
    verdict = detector.assess("您好，您的ETC已失效，请点击 http://etc-xx.cn 重新认证")
    assert verdict.is_fraud
    line = next(line for line in verdict.explanation if "click_link_action" in line)
    assert "单独不计分" in line and "+0.0分" not in line, line
    counted = [line for line in verdict.explanation if line.startswith("规则") and "单独不计分" not in line]
    assert counted and all("分）" in line for line in counted), verdict.explanation
