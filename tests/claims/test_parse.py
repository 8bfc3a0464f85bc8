"""Reading claims: the JSON of issue 15 becomes a `Claim`; bad dates, quantities and prices are refused
with a Chinese message naming the item ref — by `parse_claim` and by the audit's fast reader alike."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from fanzha.claims import ClaimError, default_catalogue, parse_claim
from fanzha.claims.parse import Bounds
from fanzha.claims.view import ClaimView, read_claim

GOOD: dict[str, Any] = {
    "claim_id": "c-1",
    "institution": {"id": "h-1", "name": "一院", "level": "一级", "licensed_services": ["内科"], "equipment": ["CT"]},
    "patient_id": "p-1",
    "admitted": "2026-03-01",
    "discharged": "2026-03-05",
    "items": [
        {"ref": "1", "code": "110900001", "name": "床位费", "category": "bed", "service": "内科",
         "date": "2026-03-01", "qty": 1, "unit_price": 50.0, "standard_price": 50.0},
        {"ref": "2", "code": "210300002", "name": "胸部CT", "category": "exam", "date": "2026-03-02",
         "qty": "1", "unit_price": 200, "equipment": " CT "},
    ],
}  # fmt: skip
BOUNDS = Bounds(date(2000, 1, 1), date(2027, 12, 31))


def test_a_good_claim_is_read_whole() -> None:
    claim = parse_claim(GOOD, bounds=BOUNDS)
    assert claim.admitted == date(2026, 3, 1) and claim.institution.licensed_services == ("内科",)
    assert [i.ref for i in claim.items] == ["1", "2"]
    assert claim.items[1].qty == 1.0 and claim.items[1].equipment == "CT"


def test_the_fast_reader_agrees_with_parse_claim() -> None:
    view = read_claim(GOOD, bounds=BOUNDS, catalogue=default_catalogue())
    assert view.to_claim() == parse_claim(GOOD, bounds=BOUNDS)
    assert ClaimView.of(view.to_claim(), default_catalogue()).codes == view.codes


def _with(item: dict[str, Any] | None = None, **claim: Any) -> dict[str, Any]:
    bad = dict(GOOD, **claim)
    if item is not None:
        bad["items"] = [GOOD["items"][0], dict(GOOD["items"][1], **item)]
    return bad


BAD = [
    (_with({"qty": -1}), "项目 2的数量（qty）必须在 0 到"),
    (_with({"qty": float("nan")}), "项目 2的数量（qty）必须在"),
    (_with({"unit_price": 1e12}), "项目 2的单价（unit_price）必须在"),
    (_with({"unit_price": "两百"}), "项目 2的单价（unit_price）不是数字"),
    (_with({"date": "2026-02-30"}), "项目 2的日期（date）不是有效日期"),
    (_with({"date": "9999-12-31"}), "项目 2的日期（date）超出可接受的范围"),
    (_with({"date": "2026-W10-1"}), "项目 2的日期（date）不是有效日期"),
    (_with({"category": "food"}), "项目 2：类别（category）应为"),
    (_with({"code": ""}), "缺少项目 2的项目编码"),
    (_with({"ref": "1"}), "编号（ref）有重复"),
    (_with(discharged="2026-02-01"), "出院日期 2026-02-01 早于入院日期"),
    (_with(discharged=None), "应同时有入院日期和出院日期"),
    (_with(items=[]), "没有收费项目"),
    (_with(claim_id=""), "缺少结算单号"),
    (_with(institution="一院"), "缺少定点机构"),
    ([1, 2], "应为一个结算单"),
]


@pytest.mark.parametrize(("obj", "message"), BAD, ids=[m for _, m in BAD])
def test_a_bad_claim_is_refused_naming_the_item(obj: Any, message: str) -> None:
    with pytest.raises(ClaimError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_claim(obj, bounds=BOUNDS)
    with pytest.raises(ClaimError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_claim(obj, bounds=BOUNDS, catalogue=default_catalogue())
