"""Reading the door-to-door survey from a CSV file (as the township's spreadsheets export it): one line per
household member, or per household not yet surveyed (no member name, no visit day).

Columns, Chinese or English headers: 村 (village), 组 (group), 户 (household), 地址 (address), 户籍人数
(registered_members), 姓名 (name), 关系 (relation), 年龄 (age), 外出 (away: 是/否), 务工地 (region),
具体地点 (place), 工作 (work), 电话 (phone), 走访日期 (surveyed_on), 走访人 (surveyed_by). A line that
cannot be read is named with its number and nothing is stored.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from fanzha.returnees.model import ReturneeError
from fanzha.returnees.survey import HouseholdIn, MemberIn
from fanzha.text.csvfile import csv_records, csv_stream

HEADERS = {
    "村": "village", "组": "group", "户": "household", "地址": "address", "户籍人数": "registered_members",
    "姓名": "name", "关系": "relation", "年龄": "age", "外出": "away", "务工地": "region", "具体地点": "place",
    "工作": "work", "电话": "phone", "走访日期": "surveyed_on", "走访人": "surveyed_by",
}  # fmt: skip
REQUIRED = ("village", "group", "household")
YES = {"是", "y", "yes", "1", "true", "外出", "在外"}
MAX_LINES = 100_000


def _int(value: str, what: str) -> int | None:
    value = value.strip()
    if not value:
        return None
    if not value.isdigit() or len(value) > 3:
        raise ReturneeError(f"{what}“{value[:10]}”不是数字")
    return int(value)


def _date(value: str) -> date | None:
    value = value.strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value.replace("/", "-"))
    except ValueError:
        raise ReturneeError(f"走访日期“{value[:20]}”不是日期（例如 2026-11-06）") from None


@dataclass(slots=True)
class _House:
    members: list[MemberIn] = field(default_factory=list)
    surveyed_on: date | None = None
    surveyed_by: str = ""
    address: str = ""
    registered: int = 0


def read_households(lines: Iterable[str], *, township: str = "", demo: bool = False) -> list[HouseholdIn]:
    reader = csv.DictReader(lines)
    names = [HEADERS.get((h or "").strip(), (h or "").strip()) for h in reader.fieldnames or []]
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        raise ReturneeError(f"CSV 缺少列：{'、'.join(missing)}（表头应含 村、组、户）")
    order: list[tuple[str, str, str]] = []
    found: dict[tuple[str, str, str], _House] = {}
    for number, raw in csv_records(reader):
        if number > MAX_LINES:
            raise ReturneeError(f"CSV 超过 {MAX_LINES} 行，请分批导入")
        if isinstance(raw, str):
            raise ReturneeError(f"第 {number} 行：{raw}")
        line = {
            HEADERS.get((k or "").strip(), (k or "").strip()): (v or "").strip() for k, v in raw.items() if k
        }
        try:
            key = (line.get("village", ""), line.get("group", ""), line.get("household", ""))
            if not all(key):
                raise ReturneeError("村、组、户不能为空")
            house = found.get(key)
            if house is None:
                order.append(key)
                house = found[key] = _House()
            house.surveyed_on = _date(line.get("surveyed_on", "")) or house.surveyed_on
            house.surveyed_by = line.get("surveyed_by") or house.surveyed_by
            house.address = line.get("address") or house.address
            house.registered = _int(line.get("registered_members", ""), "户籍人数") or house.registered
            if line.get("name"):
                house.members.append(MemberIn(
                    name=line["name"], relation=line.get("relation", ""), age=_int(line.get("age", ""), "年龄"),
                    away=line.get("away", "").lower() in YES, region=line.get("region", ""),
                    place=line.get("place", ""), work=line.get("work", ""), phone=line.get("phone", ""),
                ))  # fmt: skip
        except ReturneeError as exc:
            raise ReturneeError(f"第 {number} 行：{exc}") from None
    result = []
    for key in order:
        h = found[key]
        if h.members and h.surveyed_on is None:
            raise ReturneeError(f"{key[0]}{key[1]}{key[2]}：有成员但没有走访日期")
        result.append(HouseholdIn(
            community=key[0], grp=key[1], household=key[2], address=h.address, registered_members=h.registered,
            township=township, members=h.members, surveyed_on=h.surveyed_on, surveyed_by=h.surveyed_by, demo=demo,
        ))  # fmt: skip
    return result


def read_households_text(data: str, *, township: str = "", demo: bool = False) -> list[HouseholdIn]:
    return read_households(csv_stream(data), township=township, demo=demo)
