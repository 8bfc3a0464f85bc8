"""The caution an advert to older people gets in its advice (`fanzha.detect.cautions`)."""

from __future__ import annotations

import pytest

from fanzha.detect.cautions import ELDERLY_SALE_CAUTION, elderly_sale_caution
from fanzha.detect.engine import Detector


@pytest.mark.parametrize(
    ("text", "cautioned"),
    [
        ("免费领鸡蛋！60岁以上凭身份证连领15天", True),
        ("老会员砸金蛋、抽大奖，最高奖品为一台理疗床", True),
        ("夕阳红专列99元畅游云南，仅限老年人报名", True),
        ("叔叔阿姨好，本周六举办健康讲座，到场有礼", True),
        ("双十一全场五折，回T退订", False),  # no older people addressed
        ("老年卡年检请携带身份证到服务中心办理", False),  # older people, no lure of the sale
    ],
)
def test_the_sale_to_older_people_is_recognised(text: str, cautioned: bool) -> None:
    assert (elderly_sale_caution(text) == ELDERLY_SALE_CAUTION) is cautioned


def test_an_advert_to_older_people_keeps_its_verdict_and_gets_the_caution(detector: Detector) -> None:
    lure = detector.assess("夕阳红专列99元畅游云南，仅限老年人报名，电话0311-86032719")
    assert not lure.is_fraud and lure.category == "advert", lure.explanation
    assert lure.advice.endswith(ELDERLY_SALE_CAUTION)
    plain = detector.assess("双十一全场五折，满300减50，回T退订")
    assert ELDERLY_SALE_CAUTION not in plain.advice


@pytest.mark.xfail(
    strict=True,
    reason="the twenty-fifth session's classifier, having learnt the sixteenth set's dev half, calls the "
    "free-eggs lure itself a scam (it is worded the same in legal adverts to older people)",
)
def test_the_free_eggs_lure_alone_is_an_advert_with_the_caution(detector: Detector) -> None:
    lure = detector.assess("免费领鸡蛋！60岁以上凭身份证连领15天，电话0311-86032719")
    assert not lure.is_fraud and lure.category == "advert", lure.explanation
