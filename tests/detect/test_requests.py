"""A message that asks for money or a code and nothing else marks: suspicious, with how to check."""

from __future__ import annotations

import pytest

from fanzha.cli.render import render_assessment
from fanzha.detect.assessment import marked_spans
from fanzha.detect.engine import SUSPICIOUS_THRESHOLD, Detector
from fanzha.detect.prepare import prepare_many
from fanzha.detect.requests import VERIFY_CODE, VERIFY_MONEY, find_request


def _request(text: str) -> tuple[str, str] | None:
    norm = prepare_many([text])[0].norm.text
    found = find_request(norm)
    return None if found is None else (found.kind, norm[found.start : found.end])


@pytest.mark.parametrize(
    ("text", "kind", "span"),
    [
        ("在吗 帮我个忙 转我500 明天还你", "money", "转我500"),
        ("妈你先转我两千块", "money", "先转我两千块"),
        ("借我点钱 急用", "money", "借我点钱"),
        ("打我卡上就行 3000", "money", "打我卡上"),
        ("帮我付一下快递费 20块", "money", "帮我付一下快递费 20块"),
        ("把刚收到的验证码发我一下", "code", "验证码发我"),
        ("报我一下验证码", "code", "报我一下验证码"),
        ("驗證碼發我", "code", "验证码发我"),  # traditional characters, normalised
        ("你能不能先转我1000", "money", "先转我1000"),  # 能不能 asks, it does not negate
        ("兄弟 在吗 手头有点紧 能借我三千周转一下不", "money", "借我三千"),
        ("微信转我就行", "money", "微信转我"),
        ("给我个红包", "money", "给我个红包"),
    ],
)
def test_requests_for_money_or_a_code_are_found(text: str, kind: str, span: str) -> None:
    assert _request(text) == (kind, span)


@pytest.mark.parametrize(
    "text",
    [
        "不用转我钱了 我有",  # negated
        "不用转我500",
        "别转我500了",
        "不要借我500块",
        "别把验证码发我",
        "千万不要把验证码发给我",
        "他转我500",  # someone else's payment, told
        "他已经转我500",
        "刚转我500",
        "昨天小王转我500块 我还没收",
        "我妈每个月打我卡上2000",
        "同事借我500块钱到现在没还",
        "你借我的500块还我了吗",
        "干嘛转我500",  # a question about it
        "妈，如果有人冒充我让你转我钱，千万别信",  # a warning
        "到了给我打电话:0755-86013520",  # a call, not a payment
        "发我一下取件码",  # a code that is no verification code
        "下单后发我一下订单号码",
        "您的验证码为123456，请勿泄露给他人",
        "工资已经打到我卡上了",  # money already sent, told
        "你刚转我的钱我收到了",
        "我转你500了 查收",  # the writer pays
        "你转给我的500收到了",
        "刘哥，你昨天给我转了两次菜钱，多了1260",
        "你给我转的那两百块钱我收到了",
        "干嘛给我转钱 退回去了啊",  # a question about money sent
        "晚上一起吃饭",
    ],
)
def test_no_request_is_found_where_none_is_made(text: str) -> None:
    assert _request(text) is None


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


def test_a_bare_money_request_is_suspicious_and_says_how_to_check(detector: Detector) -> None:
    verdict = detector.assess("在吗 帮我个忙 转我500 明天还你")
    assert not verdict.is_fraud and verdict.category == "normal"
    # at least 可疑 (the request's floor), the classifier's view on top of it
    assert verdict.level == "medium" and SUSPICIOUS_THRESHOLD <= verdict.risk < 50
    assert verdict.advice == VERIFY_MONEY
    assert any("列为可疑" in line for line in verdict.explanation)
    # shown as a suspicious point, with the words as typed, though it weighs nothing in the score
    (hit,) = [c for c in verdict.cues if c.source == "request"]
    assert (hit.id, hit.text, hit.weight, hit.suspicious) == ("money_request", "转我500", 0.0, True)
    assert marked_spans(verdict.cues) == [(hit.start, hit.end)]
    shown = render_assessment("在吗 帮我个忙 转我500 明天还你", verdict, color=False)
    assert "〖转我500〗" in shown and "可疑之处：" in shown and "向你借钱或要你转账" in shown
    # no "置信度 0.9x" (that of "normal") beside the doubt: the risk says how doubtful
    assert shown.splitlines()[0].endswith(f"风险 {verdict.risk}/100")


@pytest.mark.xfail(strict=True, reason="the twenty-fifth session's classifier takes it to 68: a scam")
def test_a_bare_code_request_is_suspicious_and_says_never_to_send_it(detector: Detector) -> None:
    verdict = detector.assess("把刚收到的驗證碼發我一下")
    assert not verdict.is_fraud and verdict.level == "medium"
    assert verdict.advice == VERIFY_CODE
    # a cue on the same words already shows them: the request is not listed twice
    assert "ask_for_code" in {c.id for c in verdict.cues}
    assert not [c for c in verdict.cues if c.source == "request"]


def test_a_request_inside_a_scam_keeps_the_scam_verdict(detector: Detector) -> None:
    verdict = detector.assess("妈 我手机掉水里了 这是我新号 先转我2000急用")
    assert verdict.is_fraud and verdict.level == "high"
    assert verdict.advice not in (VERIFY_MONEY, VERIFY_CODE)


@pytest.mark.parametrize(
    "text",
    [
        "【反诈提醒】验证码发我一下——听到这句请立即挂断",  # a warning quoting a scammer's request
        "国家反诈中心提醒您：验证码发我一下，这是骗子最常说的话",
        "反诈宣传：借我500块？先打电话核实",
    ],
)
def test_anti_fraud_wording_that_quotes_a_request_is_not_made_suspicious_by_it(
    detector: Detector, text: str
) -> None:
    assert _request(text) is not None  # the request is there; the warning around it decides
    verdict = detector.assess(text)
    assert verdict.advice not in (VERIFY_MONEY, VERIFY_CODE)
    assert not any("列为可疑" in line for line in verdict.explanation)


def test_an_ordinary_line_stays_low(detector: Detector) -> None:
    verdict = detector.assess("晚上一起吃饭吗")
    assert verdict.level == "low" and verdict.advice not in (VERIFY_MONEY, VERIFY_CODE)


def test_a_negated_request_is_no_request(detector: Detector) -> None:
    verdict = detector.assess("不用转我钱了 我这边够用")
    assert verdict.level == "low"
