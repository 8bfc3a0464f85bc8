"""Where a person can be found, in a case narrative: street addresses, licence plates, employers and
schools, birth dates. Each finder gives spans of the original text and what to print instead.

- Addresses keep their province, city, district, town or 街道 and lose what finds a door: a road with
  its number (幸福路12号3单元401), a residential compound with its building (锦绣家园小区7栋1单元501), a
  village with its group (光明村3组), or a compound named as someone's home (家住锦绣家园). A road
  without a number (在幸福路附近) is a place, not an address, and stays.
- Plates (京A12345, 粤B·D12345 new-energy) keep the province and the issuing office.
- Employers and schools are masked where they say where a person works or studies (系恒达科技有限公司
  员工, 在第一中学读高二 → 某公司, 某中学); a company the scammer named (自称京东客服) stays.
- A birth date keeps its year (1990年4月12日出生 → 1990年出生).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

ADDRESS_MASK = "某处"

_HAN = "\u4e00-\u9fff"
# Characters a road, compound or village name does not hold: administrative suffixes (the address is
# cut after them, so they stay) and the function words that come before an address (住在, 位于, 到…).
_NOT_IN_NAME = "省市区县旗镇乡住在于到至从往向的了是为称其对将把被给与及位号某"


def _name(low: int, high: int) -> str:
    return rf"(?:(?![{_NOT_IN_NAME}])[{_HAN}]){{{low},{high}}}"


_NUMERAL = r"[0-9０-９一二三四五六七八九十百零〇]+"
_UNIT = rf"(?:[-－附]?(?:{_NUMERAL}|[A-Za-z])(?:号楼|号院|栋|幢|座|单元|层|楼|室|户|号|门|组|队))"
_UNITS = rf"(?:{_UNIT}*(?:[-－]?[0-9]{{2,4}}(?:室|房)?(?![0-9]))?)"
_ROAD = (
    rf"{_name(1, 6)}(?:大道|大街|路|街|巷|胡同|弄)"
    rf"(?:[东西南北中]?{_NUMERAL}(?:段|巷|弄))?[0-9０-９]+(?:[-－][0-9]+)?号(?:院)?{_UNITS}"
)
_COMPOUND_SUFFIX = "小区|花园|家园|公寓|大厦|新村|社区|山庄|华庭|名苑|嘉园|雅苑|宿舍|大院|苑"
_COMPOUND = rf"{_name(2, 8)}(?:{_COMPOUND_SUFFIX})(?:{_COMPOUND_SUFFIX})?{_UNIT}+{_UNITS}"
_VILLAGE = rf"{_name(1, 6)}(?:村|屯|庄|寨)(?:委会)?(?:{_NUMERAL}(?:组|队|社|号))+{_UNITS}"
_ADDRESS = re.compile(rf"{_ROAD}|{_COMPOUND}|{_VILLAGE}")
_HOME_CUE = re.compile(r"家住|住在|居住在|居住于|现住|暂住|租住在|租住|住址[：:为是]?")
_HOME = re.compile(rf"{_name(2, 8)}(?:{_COMPOUND_SUFFIX})")
# What an address match may begin with that is not part of it: 和平街道 before 光明村3组.
_LEADING_AREA = re.compile(rf"[{_HAN}]{{1,6}}?(?:街道|开发区|新区|园区)")
_CLAUSE_END = re.compile(r"[，。；;,、（）()\s]")

_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_PLATE = re.compile(
    rf"(?<![A-Za-z0-9])(?P<keep>[{_PROVINCES}][A-HJ-NP-Z][·•・ ]?)"
    r"(?P<rest>(?=[A-HJ-NP-Z0-9]*[0-9][A-HJ-NP-Z0-9]*[0-9])[A-HJ-NP-Z0-9]{5,6})"
    r"(?P<tail>[挂学警])?(?![A-Za-z0-9])"
)

_ORG_KINDS = {
    "有限责任公司": "公司", "股份有限公司": "公司", "有限公司": "公司", "集团": "公司", "公司": "公司",
    "工厂": "厂", "厂": "厂", "卫生院": "医院", "医院": "医院", "大学": "大学", "职业技术学院": "学院",
    "学院": "学院", "中学": "中学", "小学": "小学", "幼儿园": "幼儿园", "学校": "学校", "中专": "学校",
    "技校": "学校",
}  # fmt: skip
_ORG_SUFFIX = "|".join(sorted(_ORG_KINDS, key=len, reverse=True))
_ORG = re.compile(
    r"(?:就职于|任职于|供职于|工作于|就读于|系|是|在|于)"
    rf"(?P<org>(?:(?![某在您你我他她们前的了，。；、“”‘’\s])[{_HAN}A-Za-z0-9]){{2,20}}?(?P<suffix>{_ORG_SUFFIX}))"
    r"(?=工作|上班|任职|打工|员工|职工|职员|工人|学生|教师|老师|医生|护士|会计|出纳|财务|就读|读|上学|念书"
    r"|大[一二三四]|研[一二三]|高[一二三]|初[一二三]|[一二三四五六]年级|退休)"
)
_BIRTH = re.compile(r"(?<![0-9])(?P<year>(?:19|20)[0-9]{2})年[0-9]{1,2}月[0-9]{1,2}日(?=出生|生)")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    kind: str  # 地址, 车牌, 单位, 出生日期
    replacement: str


def _addresses(text: str) -> Iterator[Span]:
    for match in _ADDRESS.finditer(text):
        start = match.start()
        lead = _LEADING_AREA.match(text, start, match.end())
        if lead is not None and _ADDRESS.fullmatch(text, lead.end(), match.end()):
            start = lead.end()
        yield Span(start, match.end(), "地址", ADDRESS_MASK)
    for cue in _HOME_CUE.finditer(text):
        end = _CLAUSE_END.search(text, cue.end())
        clause_end = end.start() if end is not None else len(text)
        home = _HOME.search(text, cue.end(), clause_end)
        if home is not None:
            yield Span(home.start(), home.end(), "地址", ADDRESS_MASK)


def _plates(text: str) -> Iterator[Span]:
    for match in _PLATE.finditer(text):
        hidden = "*" * len(match["rest"]) + (match["tail"] or "")
        yield Span(match.start(), match.end(), "车牌", match["keep"] + hidden)


def _organisations(text: str) -> Iterator[Span]:
    for match in _ORG.finditer(text):
        kind = _ORG_KINDS[match["suffix"]]
        yield Span(match.start("org"), match.end("org"), "单位", "某" + kind)


def _birth_dates(text: str) -> Iterator[Span]:
    for match in _BIRTH.finditer(text):
        yield Span(match.start(), match.end(), "出生日期", match["year"] + "年")


def find_places(text: str) -> list[Span]:
    """Addresses, plates, employers and schools, and birth dates in `text`, by position."""
    spans = [*_addresses(text), *_plates(text), *_organisations(text), *_birth_dates(text)]
    return sorted(spans, key=lambda s: (s.start, -(s.end - s.start)))
