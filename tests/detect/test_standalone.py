"""A text that is nothing but numbers and links: the verdict is what is known about them."""

from __future__ import annotations

import pytest

from fanzha.detect.engine import FRAUD_THRESHOLD, Detector, IntelLookup
from fanzha.detect.prepare import prepare
from fanzha.detect.standalone import only_identifiers

ADVERTS = ("advert", "loan_advert", "illegal_advert")


@pytest.mark.parametrize(
    ("text", "is_fraud", "fraud_type", "headline"),
    [
        ("95588", False, "normal", "这是中国工商银行的官方客服号码"),
        ("这个号码95588是真的吗？", False, "normal", "这是中国工商银行的官方客服号码"),
        ("96110", False, "normal", "96110是反诈预警劝阻专线的官方号码"),
        ("www.icbc.com.cn", False, "normal", "这是中国工商银行的官方网站"),
        ("0095588", True, "impersonate_service", "冒充它的号码"),
        ("+95588", True, "impersonate_service", "中国工商银行的号码95588"),
        ("00110", True, "impersonate_authority", "公安报警的号码110"),
        ("95588 0095588", True, "impersonate_service", "冒充"),  # the worst identifier decides
        ("icbc-vip.cc", True, "phishing", "仿冒中国工商银行官方网站"),
        ("https://icbc.com.cn.secure-login.top/a", True, "phishing", "仿冒中国工商银行官方网站"),
        ("gov-cn.top", True, "phishing", "冒充政府网站"),
        ("13800138000", False, "normal", "没有发现这个电话号码有诈骗特征"),
        ("+85261234567", False, "normal", "有可疑之处"),
    ],
)
def test_a_lone_identifier_is_judged_by_what_it_is(
    detector: Detector, text: str, is_fraud: bool, fraud_type: str, headline: str
) -> None:
    verdict = detector.assess(text)
    assert verdict.is_fraud is is_fraud and verdict.fraud_type == fraud_type, verdict
    assert headline in verdict.headline
    assert verdict.category not in ADVERTS  # a bare number is no advert, whatever the classifier thinks
    assert (verdict.risk >= FRAUD_THRESHOLD) is is_fraud
    assert verdict.explanation[0].startswith("这段文字只有号码或链接")
    assert f"综合风险分：{verdict.risk}/100。" == verdict.explanation[-1]


def test_an_official_number_alone_gets_its_own_advice_not_an_adverts(detector: Detector) -> None:
    verdict = detector.assess("95588")
    assert verdict.level == "low" and verdict.category == "normal"
    assert "违法广告" not in verdict.advice and "自己拨打95588核实" in verdict.advice


def test_a_spoofed_number_gets_the_advice_of_the_scam_it_serves(detector: Detector) -> None:
    verdict = detector.assess("0095588")
    assert "购物" not in verdict.fraud_type_name and "客服" in verdict.fraud_type_name
    assert "96110" in verdict.advice
    assert verdict.confidence == pytest.approx(verdict.risk / 100)


def test_a_doubtful_identifier_alone_is_never_called_a_scam(detector: Detector) -> None:
    verdict = detector.assess("+85261234567")  # a foreign number: doubtful, not fake
    assert not verdict.is_fraud and verdict.level == "medium" and "境外" in verdict.headline


@pytest.mark.parametrize(
    ("level", "is_fraud", "headline"),
    [
        ("confirmed", True, "已被公安机关确认涉诈"),
        ("suspicious", True, "已被多方举报"),
        ("cleared", False, "经核查已解除标记"),
    ],
)
def test_the_store_decides_a_lone_identifier_it_has_flagged(
    level: str, is_fraud: bool, headline: str
) -> None:
    def intel(kind: str, value: str) -> tuple[str, list[str]] | None:
        return (level, ["民警已确认为涉诈"]) if value == "13912345678" else None

    lookup: IntelLookup = intel
    verdict = Detector(intel=lookup).assess("13912345678")
    assert verdict.is_fraud is is_fraud and headline in verdict.headline
    assert verdict.fraud_type == ("other_fraud" if is_fraud else "normal")


def test_a_message_is_still_read_as_a_message(detector: Detector) -> None:
    verdict = detector.assess("您涉嫌洗钱，请立即把资金转入安全账户，联系95588")
    assert verdict.is_fraud and verdict.fraud_type == "impersonate_authority" and verdict.headline == ""


def test_a_rule_written_for_a_number_among_a_few_words_still_counts(detector: Detector) -> None:
    verdict = detector.assess("户名张三 6259650000818275")  # a card and a name: the account_number_only rule
    assert verdict.headline == "" and any(c.id == "account_number_only" for c in verdict.cues)


@pytest.mark.parametrize("text", ["6222021234567890128", "6259650000818275", " 6222 0212 3456 7890 128 "])
def test_a_bank_card_alone_is_answered_like_a_phone_number_alone(detector: Detector, text: str) -> None:
    verdict = detector.assess(text)  # nothing is known of it: no scam, no advert, no rule on its shape
    assert not verdict.is_fraud and verdict.category == "normal" and verdict.level == "low", verdict
    assert verdict.headline == "没有发现这个银行卡/账号有诈骗特征"
    assert not any(c.weight > 0 for c in verdict.cues)
    assert [i.kind for i in verdict.identifiers] == ["bank_card"]
    assert verdict.risk == detector.assess("13800138000").risk


@pytest.mark.parametrize("text", ["6217001234567890123", "6217 0012 3456 7890 123", "4123456789012345"])
def test_a_lone_card_failing_its_check_digit_is_kept_and_flagged(detector: Detector, text: str) -> None:
    verdict = detector.assess(text)
    [card] = verdict.identifiers
    assert card.kind == "bank_card" and card.value == text.replace(" ", "")
    assert "校验位不符" in card.reason and card.details["flags"] == ["校验位不符"]
    assert (card.start, card.end) == (0, len(text))
    assert not verdict.is_fraud and verdict.category == "normal"  # never an advert
    assert "校验位不符" in verdict.headline


@pytest.mark.parametrize(
    "text",
    ["123456789012345678", "11010519491231002X", "0217001234567890123", "6217001234567890123元"],
)
def test_other_lone_digit_runs_are_not_taken_for_cards(detector: Detector, text: str) -> None:
    assert all(i.kind != "bank_card" for i in detector.assess(text).identifiers)


def test_a_card_reported_by_several_is_a_scam_alone_even_failing_its_check_digit() -> None:
    def intel(kind: str, value: str) -> tuple[str, list[str]] | None:
        return ("suspicious", ["3个独立来源举报"]) if value == "6217001234567890123" else None

    lookup: IntelLookup = intel
    verdict = Detector(intel=lookup).assess("6217001234567890123")
    assert verdict.is_fraud and "已被多方举报" in verdict.headline


@pytest.mark.parametrize(
    ("text", "alone"),
    [
        ("95588", True),
        ("电话：95588", True),
        ("这个号码95588是真的吗？", True),
        ("请拨打95588查询您的账户余额变动", False),
        ("今天天气不错", False),
        ("5000元", False),  # an amount is not a number to look up
    ],
)
def test_only_identifiers(text: str, alone: bool) -> None:
    prepared = prepare(text)
    assert only_identifiers(text, prepared.located) is alone
