"""The scheme and first contact of a narrative (fanzha.cases.intake_story): read from the story as victims
tell it, explained, and never 正常信息."""

from __future__ import annotations

from datetime import datetime

import pytest

from fanzha.cases.intake import prefill
from fanzha.detect.engine import Detector
from fanzha.timezones import BEIJING

NOW = datetime(2026, 12, 3, 16, 0, tzinfo=BEIJING)


@pytest.mark.parametrize(
    ("text", "fraud_type", "channel"),
    [
        (
            "昨天接到一个自称市公安局民警的电话，说她名下银行卡涉嫌洗钱。",
            "impersonate_authority",
            "phone_call",
        ),
        ("前天有人打电话说是她孙子，在外面打架被抓了要交保释金。", "impersonate_acquaintance", "phone_call"),
        ("在婚恋网站认识了一个网友，网恋一个月后对方诱导他在一个平台投资。", "romance", "dating"),
        ("在小红书上认识一名自称投资经理的男子，确定恋爱关系后带她投资虚拟币。", "romance", "social_media"),
        ("在QQ上被人拉去做刷单任务，前几单返了佣金。", "rebate_task", "qq"),
        ("下载了一个叫“融易借”的APP申请贷款，对方以账户冻结需交解冻金为由让他转账。", "loan", "app"),
        ("收到短信说他的ETC卡失效，点开链接后输入了银行卡号。", "phishing", "sms"),
        ("在抖音上看到低价出售手机的广告，加了卖家。", "shopping", "social_media"),
        ("在游戏里看到有人低价出售游戏账号装备，私下交易。", "game_trade", "game"),
        ("王大爷前天在公园被人当面推销保健品，说买了能领取政府补贴。", "prize", "in_person"),
    ],
)
def test_the_scheme_told(detector: Detector, text: str, fraud_type: str, channel: str) -> None:
    found = prefill(text, detector=detector, now=NOW)
    assert (found.fraud_type, found.contact_channel) == (fraud_type, channel)
    assert found.fraud_type_name == detector.type_name(fraud_type)
    assert "叙述中提到" in found.sources["fraud_type"].rule and found.sources["fraud_type"].said
    assert found.sources["contact_channel"].said


def test_paying_by_wechat_is_not_how_the_scammer_made_contact(detector: Detector) -> None:
    found = prefill("收到短信说中奖了，要先交手续费。下午用微信给对方转账800元。", detector=detector, now=NOW)
    assert found.contact_channel == "sms"


def test_calling_the_police_is_not_the_scammers_call(detector: Detector) -> None:
    found = prefill("张伟来电替母亲报警，称母亲在抖音上看到低价卖手机的广告。", detector=detector, now=NOW)
    assert found.contact_channel == "social_media"


def test_no_scheme_told_leaves_the_type_empty_with_the_reason(detector: Detector) -> None:
    found = prefill("我今天中午在小区门口的超市买了两斤苹果。", detector=detector, now=NOW)
    assert (found.fraud_type, found.fraud_type_name) == ("", "")
    assert "请民警选择" in found.sources["fraud_type"].rule
    assert any(note.startswith("诈骗类型：（空）") for note in found.notes)
