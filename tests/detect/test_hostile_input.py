"""Hostile and odd input: personal data stays masked, odd characters are refused or ignored."""

from __future__ import annotations

import pytest

import fanzha
from fanzha.detect.engine import Detector
from fanzha.text.limits import InputError, check_text

ID = "110101199003071233"


def test_package_level_extract_keeps_working_after_assess() -> None:
    fanzha.assess("晚上吃饭吗")
    assert [i.value for i in fanzha.extract("电话13800138000")] == ["13800138000"]
    assert [i.value for i in fanzha.extract("电话13900139000")] == ["13900139000"]


@pytest.mark.parametrize(
    "text", [f"周转一下{ID}", f"你的账户冻结{ID}点击这里", f"身份证号{ID}，请转账到安全账户"]
)
def test_id_numbers_never_appear_in_cue_text_or_identifiers(detector: Detector, text: str) -> None:
    record = detector.assess(text).to_dict(full=True)
    assert ID not in str(record)


def test_id_number_is_not_reported_as_a_bank_card() -> None:
    assert [i.kind for i in fanzha.extract(f"sfz{ID} 请转账")] == ["id_card"]


@pytest.mark.parametrize(
    ("text", "message"),
    [("\u200b\ufeff ", "为空"), ("请转账\udcff到安全账户", "无效字符"), (None, "字符串")],
)
def test_unusable_text_is_refused_with_a_reason(text: object, message: str) -> None:
    with pytest.raises(InputError, match=message):
        check_text(text)


def test_private_use_characters_are_not_taken_for_links(detector: Detector) -> None:
    assert "click_link_action" not in {c.id for c in detector.assess("请打开\ue000\ue000看看").cues}


@pytest.mark.parametrize(
    ("text", "cue"),
    [("请把钱分别转入安全账户", "safe_account"), ("请特别注意：把验证码发给我", "ask_for_code")],
)
def test_bie_inside_a_word_is_not_a_negation(detector: Detector, text: str, cue: str) -> None:
    verdict = detector.assess(text)
    assert cue in {c.id for c in verdict.cues}
    assert verdict.level != "low"


@pytest.mark.parametrize(
    "text",
    [
        "安全账户，" * 20_000,
        "+1-" + "2-" * 49_997,
        "a点" * 50_000,
        "+95588 " * 14_000,
        "航班" + "好" * 99_990,  # a look-ahead for a contact once scanned to the end from every position
        "航班好" * 33_000,
        "我接到对方让我" * 14_000,
    ],
)
def test_pathological_inputs_just_under_the_limit_finish(detector: Detector, text: str) -> None:
    # These took minutes before the scans were bounded; a run of the suite would not finish.
    verdict = detector.assess(text[:99_999])
    assert 0 <= verdict.risk <= 100
