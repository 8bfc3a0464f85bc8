"""Reading claims and stock records as submitted (the JSON of issue 15, one object per claim): every
date, quantity and price checked — a negative quantity, NaN, an absurd price, a date outside the accepted
range — and refused with a `ClaimError` whose Chinese message names the item ref.

Built for throughput: dates parsed with `date.fromisoformat` and compared with bounds computed once
(`Bounds`), no per-item allocation beyond the `Item` itself."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from fanzha.claims.model import CATEGORIES, Claim, ClaimError, Institution, Item, StockRecord
from fanzha.timezones import BEIJING, date_bounds

MAX_QTY = 100_000.0  # units of one item on one line
MAX_PRICE = 1_000_000.0  # yuan per unit
MAX_ITEMS = 5_000  # lines per claim
MAX_ID = 128  # characters of an id, code or ref
MAX_TEXT = 200  # characters of a name, service or equipment
MAX_STAY_DAYS = 3_660


@dataclass(frozen=True, slots=True)
class Bounds:
    """The calendar days (Beijing) a claim's dates may take: `fanzha.timezones.date_bounds`, as dates."""

    lowest: date
    highest: date

    @classmethod
    def now(cls, now: datetime | None = None) -> Bounds:
        low, high = date_bounds(now or datetime.now(UTC))
        return cls(low.astimezone(BEIJING).date(), high.astimezone(BEIJING).date())


def _text(value: Any, what: str, limit: int = MAX_TEXT, *, required: bool = False) -> str:
    if value is None:
        value = ""
    elif not isinstance(value, str):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ClaimError(f"{what}应为文字")
        value = str(value)
    if len(value) > limit:
        raise ClaimError(f"{what}超过{limit}个字符")
    if required and not value.strip():
        raise ClaimError(f"缺少{what}")
    return str(value).strip()


def _day(value: Any, what: str, bounds: Bounds) -> date:
    if not isinstance(value, str):
        raise ClaimError(f"{what}应为日期（如 2026-03-01）")
    try:
        plain = 10 <= len(value) <= 32 and value[4] == "-" and value[7] == "-"  # YYYY-MM-DD, not 2026-W10-1
        day = date.fromisoformat(value[:10]) if plain else None
    except ValueError:
        day = None
    if day is None:
        raise ClaimError(f"{what}不是有效日期（如 2026-03-01）：{value[:32]}")
    if not bounds.lowest <= day <= bounds.highest:
        raise ClaimError(f"{what}超出可接受的范围（{bounds.lowest} 至 {bounds.highest}）：{value[:32]}")
    return day


def _number(value: Any, what: str, top: float) -> float:
    if type(value) is float or type(value) is int:
        number = float(value)
    elif isinstance(value, str) and len(value) < 32:
        try:
            number = float(value)
        except ValueError:
            raise ClaimError(f"{what}不是数字：{value}") from None
    else:
        raise ClaimError(f"{what}应为数字")
    if not (0.0 <= number <= top) or math.isnan(number):
        raise ClaimError(f"{what}必须在 0 到 {top:,.0f} 之间：{str(value)[:32]}")
    return number


def parse_institution(obj: Any) -> Institution:
    if not isinstance(obj, dict):
        raise ClaimError("缺少定点机构（institution）或格式不对")
    lists = []
    for key, what in (("licensed_services", "执业许可科目"), ("equipment", "备案设备")):
        value = obj.get(key) or []
        if not isinstance(value, list) or len(value) > 500:
            raise ClaimError(f"机构的{what}（{key}）应为不超过500项的列表")
        lists.append(tuple(_text(v, f"机构的{what}") for v in value))
    return Institution(
        id=_text(obj.get("id"), "机构编号（institution.id）", MAX_ID, required=True),
        name=_text(obj.get("name"), "机构名称"),
        level=_text(obj.get("level"), "机构等级", 20),
        licensed_services=lists[0],
        equipment=lists[1],
    )


def parse_item(obj: Any, number: int, bounds: Bounds) -> Item:
    if not isinstance(obj, dict):
        raise ClaimError(f"第{number}个收费项目格式不对")
    ref = obj.get("ref")
    ref = str(number) if ref is None or ref == "" else _text(ref, f"第{number}个项目的编号（ref）", MAX_ID)
    where = f"项目 {ref}"
    category = obj.get("category")
    if not isinstance(category, str) or category not in CATEGORIES:
        raise ClaimError(f"{where}：类别（category）应为 {'|'.join(CATEGORIES)} 之一")
    standard = obj.get("standard_price")
    return Item(
        ref=ref,
        code=_text(obj.get("code"), f"{where}的项目编码（code）", MAX_ID, required=True),
        name=_text(obj.get("name"), f"{where}的名称"),
        category=category,
        day=_day(obj.get("date"), f"{where}的日期（date）", bounds),
        qty=_number(obj.get("qty", 1), f"{where}的数量（qty）", MAX_QTY),
        unit_price=_number(obj.get("unit_price"), f"{where}的单价（unit_price）", MAX_PRICE),
        standard_price=None if standard is None else _number(standard, f"{where}的标准价", MAX_PRICE),
        service=_text(obj.get("service"), f"{where}的科目（service）"),
        equipment=_text(obj.get("equipment"), f"{where}的设备（equipment）"),
    )


_INSTITUTIONS: dict[tuple[Any, ...], Institution] = {}  # the same few institutions recur in every file


def institution_of(obj: Any) -> Institution:
    """`parse_institution`, remembered: a file repeats its institutions claim after claim."""
    if type(obj) is not dict:
        return parse_institution(obj)
    services, kit = obj.get("licensed_services") or (), obj.get("equipment") or ()
    try:
        key = (obj.get("id"), obj.get("name"), obj.get("level"), tuple(services), tuple(kit))
        known = _INSTITUTIONS.get(key)
    except TypeError:  # unhashable parts: let the checks say what is wrong
        return parse_institution(obj)
    if known is None:
        known = parse_institution(obj)
        if len(_INSTITUTIONS) > 10_000:
            _INSTITUTIONS.clear()
        _INSTITUTIONS[key] = known
    return known


def parse_claim_head(
    obj: Any, bounds: Bounds
) -> tuple[str, Institution, str, date | None, date | None, list[Any]]:
    """The claim without its items checked: id, institution, patient, stay, and the raw item list."""
    if not isinstance(obj, dict):
        raise ClaimError("每行应为一个结算单（JSON 对象）")
    claim_id = _text(obj.get("claim_id"), "结算单号（claim_id）", MAX_ID, required=True)
    admitted = obj.get("admitted")
    discharged = obj.get("discharged")
    admitted = None if admitted in (None, "") else _day(admitted, "入院日期（admitted）", bounds)
    discharged = None if discharged in (None, "") else _day(discharged, "出院日期（discharged）", bounds)
    if (admitted is None) != (discharged is None):
        raise ClaimError("住院结算单应同时有入院日期和出院日期（门诊结算单两者都不填）")
    if admitted is not None and discharged is not None:
        if discharged < admitted:
            raise ClaimError(f"出院日期 {discharged} 早于入院日期 {admitted}")
        if (discharged - admitted).days > MAX_STAY_DAYS:
            raise ClaimError(f"住院天数超过 {MAX_STAY_DAYS} 天，请核对日期")
    items = obj.get("items")
    if not isinstance(items, list) or not items:
        raise ClaimError("结算单没有收费项目（items）")
    institution = institution_of(obj.get("institution"))
    patient_id = _text(obj.get("patient_id"), "参保人编号（patient_id）", MAX_ID, required=True)
    return claim_id, institution, patient_id, admitted, discharged, items


def parse_claim(obj: Any, *, bounds: Bounds | None = None) -> Claim:
    """A `Claim` from its JSON object, or `ClaimError` (Chinese, naming the item ref) when it cannot be
    audited. `bounds` (default: today's accepted range) may be passed in to parse many claims quickly."""
    bounds = bounds or Bounds.now()
    claim_id, institution, patient_id, admitted, discharged, items = parse_claim_head(obj, bounds)
    if len(items) > MAX_ITEMS:
        raise ClaimError(f"收费项目超过 {MAX_ITEMS} 项")
    parsed = tuple(parse_item(item, n, bounds) for n, item in enumerate(items, 1))
    if len({item.ref for item in parsed}) != len(parsed):
        raise ClaimError("收费项目的编号（ref）有重复")
    return Claim(claim_id, institution, patient_id, admitted, discharged, parsed)


def parse_stock(obj: Any, *, where: str = "", bounds: Bounds | None = None) -> StockRecord:
    """One stock record `{institution_id, code, period_start, period_end, opening, purchased, closing}`."""
    prefix = f"{where}：" if where else ""
    if not isinstance(obj, dict):
        raise ClaimError(f"{prefix}库存记录应为一个对象")
    bounds = bounds or Bounds.now()
    try:
        start = _day(obj.get("period_start"), "期初日期（period_start）", bounds)
        end = _day(obj.get("period_end"), "期末日期（period_end）", bounds)
        if end < start:
            raise ClaimError(f"期末日期 {end} 早于期初日期 {start}")
        closing = obj.get("closing")
        return StockRecord(
            institution_id=_text(
                obj.get("institution_id"), "机构编号（institution_id）", MAX_ID, required=True
            ),
            code=_text(obj.get("code"), "药品编码（code）", MAX_ID, required=True),
            period_start=start,
            period_end=end,
            opening=_number(obj.get("opening") or 0, "期初库存（opening）", MAX_QTY * 1000),
            purchased=_number(obj.get("purchased") or 0, "本期购进（purchased）", MAX_QTY * 1000),
            closing=None
            if closing in (None, "")
            else _number(closing, "期末库存（closing）", MAX_QTY * 1000),
            name=_text(obj.get("name"), "药品名称"),
        )
    except ClaimError as exc:
        raise ClaimError(f"{prefix}{exc}") from None
