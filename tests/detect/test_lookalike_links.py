"""Links whose host imitates a protected brand are strong, explained evidence; official links are not."""

from __future__ import annotations

import pytest

from fanzha.detect.engine import Detector


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("您的积分即将过期，请登录 10086-jf.com 兑换礼品", "10086"),
        ("您的账户存在异常，请尽快访问 1cbc.com.cn 完成认证", "icbc.com.cn"),
        ("您购买的商品质量问题，退款请进入 taobao-tuikuan.top 办理", "taobao.com"),
        ("点击 https://icbc.com.cn.xyz-login.top/verify 更新资料", "icbc.com.cn"),
        ("请登录 jiansheyinhang.vip 激活您的信用卡额度", "jiansheyinhang"),
        # a platform's driver desk, its host long enough that a length-counting window once missed 点击…认证
        ("【滴滴出行】师傅您好，车辆营运资质信息不完整，请点击 didi-sjrz.com 完成资质认证", "didiglobal.com"),
        ("闲鱼交易保障：买家已付款，请卖家登录 xianyu-pay.top 缴纳保证金后收款", "goofish.com"),
    ],
)
def test_a_lookalike_link_is_a_strong_explained_signal(detector: Detector, text: str, shown: str) -> None:
    verdict = detector.assess(text)
    signals = [c for c in verdict.cues if c.id == "lookalike_domain"]
    assert signals, verdict.explanation
    assert signals[0].weight >= 3.4 and shown in signals[0].meaning
    assert text[signals[0].start : signals[0].end] == signals[0].text
    assert verdict.is_fraud, verdict.explanation


@pytest.mark.parametrize(
    "text",
    [
        "【工商银行】您尾号1234的账户今日有一笔入账，详情请登录 www.icbc.com.cn 查询",
        "【中国移动】本月账单已出，详情见 10086.cn",
        "【滴滴出行】您的行程已结束，电子发票可在 page.xiaojukeji.com 下载",
        "【饿了么】您的订单已送达，评价请在 h5.ele.me 完成，客服10105757",
        "官网 https://www.zhihu.com/question/1 上有人问这个",
    ],
)
def test_official_and_ordinary_links_are_not_lookalikes(detector: Detector, text: str) -> None:
    verdict = detector.assess(text)
    assert "lookalike_domain" not in {c.id for c in verdict.cues}
    assert not verdict.is_fraud, verdict.explanation


def test_the_claimed_brands_own_link_counts_against_a_scam(detector: Detector) -> None:
    verdict = detector.assess("【工商银行】详情请登录 www.icbc.com.cn 查询")
    assert "official_link" in {c.id for c in verdict.cues}


def test_a_link_under_gov_cn_counts_against_a_scam(detector: Detector) -> None:
    # only government bodies can register under gov.cn
    verdict = detector.assess("请于6月30日前登录 www.gsxt.gov.cn 填报年报")
    signals = [c for c in verdict.cues if c.id == "government_link"]
    assert signals and signals[0].weight < 0 and "gsxt.gov.cn" in signals[0].meaning


@pytest.mark.parametrize(
    "text", ["请登录 gsxt.gov.cn.nb-check.top 填报年报", "请登录 gsxt-gov-cn.top 填报年报"]
)
def test_a_host_that_only_wears_gov_cn_is_no_government_link(detector: Detector, text: str) -> None:
    assert "government_link" not in {c.id for c in detector.assess(text).cues}


@pytest.mark.parametrize(
    "text",
    [
        "【中国移动】积分可兑换现金，请登录 wap.10o86.cn 领取",
        "【中国移动】积分可兑换现金，请登录 wap点10o86点cn 领取",
    ],
)
def test_a_host_with_a_letter_for_a_digit_is_kept_as_typed_and_is_no_official_site(
    detector: Detector, text: str
) -> None:
    """The repair of amounts (looo元 → 1000元) once turned 10o86 into 10086, the operator's own site."""
    verdict = detector.assess(text)
    assert [i.value for i in verdict.identifiers if i.kind in ("url", "domain")] == ["wap.10o86.cn"]
    ids = {c.id for c in verdict.cues}
    assert "lookalike_domain" in ids and "official_link" not in ids and "all_contacts_official" not in ids
    assert verdict.is_fraud


@pytest.mark.parametrize(
    "text",
    [
        "你饿了么？我微信 zhangsan_1988 加一下，晚上一起吃饭",
        "我国寿险市场发展很快，有兴趣加我微信 lisi_2020 聊聊",
        "江苏宁沪高速今天堵车了，到了加我微信 zhao_liu88",
    ],
)
def test_an_everyday_word_is_no_brand_asking_for_a_private_contact(detector: Detector, text: str) -> None:
    assert "brand_private_contact" not in {c.id for c in detector.assess(text).cues}
