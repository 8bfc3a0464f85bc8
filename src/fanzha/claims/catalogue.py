"""The catalogue the office maintains: items by code with their standard price, how often they may be
charged (per patient and day, per stay), whether a bed is charged per night, the equipment they need,
and packages (an item whose `components` may not be billed separately for more than the package).

Loaded from YAML (`items: [...]`) or CSV (one row per item, components separated by `|`), checked row by
row with Chinese messages that name the line. A small sample ships in `claims/data/catalogue.yaml`."""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from fanzha.claims.model import CATEGORIES, ClaimError
from fanzha.text.csvfile import csv_problem, csv_stream

MAX_PRICE = 10_000_000.0  # yuan: anything above is a typo
FIELDS = ("code", "name", "category", "price", "per_day", "per_stay", "per_night", "equipment", "components")


@dataclass(frozen=True, slots=True)
class CatalogueItem:
    code: str
    name: str
    category: str
    price: float | None = None  # the standard price, yuan per unit
    per_day: int | None = None  # at most this many units per patient and day
    per_stay: int | None = None  # at most this many units per stay (入院诊查费: 1)
    per_night: bool = False  # a bed: charged per night, the admission and discharge day count as one
    equipment: str = ""  # the equipment the item needs (CT …)
    components: tuple[str, ...] = ()  # a package: the codes it replaces


class Catalogue:
    """Items by code, with the packages each code belongs to precomputed for the audit."""

    def __init__(self, items: dict[str, CatalogueItem]) -> None:
        self.items = items
        packages: dict[str, list[CatalogueItem]] = {}
        for item in items.values():
            for component in item.components:
                packages.setdefault(component, []).append(item)
        self.packages_of: dict[str, tuple[CatalogueItem, ...]] = {k: tuple(v) for k, v in packages.items()}
        self.packages = tuple(i for i in items.values() if i.components)

    def get(self, code: str) -> CatalogueItem | None:
        return self.items.get(code)

    def __len__(self) -> int:
        return len(self.items)


def _number(value: Any, what: str, where: str, *, whole: bool = False) -> Any:
    if value is None or value == "":
        return None
    try:
        number = float(value) if not isinstance(value, bool) else math.nan
    except (TypeError, ValueError):
        raise ClaimError(f"{where}：{what}不是数字：{str(value)[:40]}") from None
    if not math.isfinite(number) or number < 0 or number > MAX_PRICE:
        raise ClaimError(f"{where}：{what}必须是 0 到 {MAX_PRICE:,.0f} 之间的数：{str(value)[:40]}")
    if whole:
        if number != int(number) or number < 1:
            raise ClaimError(f"{where}：{what}必须是正整数：{str(value)[:40]}")
        return int(number)
    return number


def _flag(value: Any, where: str) -> bool:
    if value in (None, "", False, 0, "0", "否", "false", "False", "no"):
        return False
    if value in (True, 1, "1", "是", "true", "True", "yes"):
        return True
    raise ClaimError(f"{where}：per_night 应为 是/否：{str(value)[:40]}")


def make_item(row: dict[str, Any], where: str) -> CatalogueItem:
    """One catalogue row, checked; `where` names it in messages (e.g. "第3行")."""
    if not isinstance(row, dict):
        raise ClaimError(f"{where}：应为一个项目（键值对）")
    unknown = sorted(set(row) - set(FIELDS), key=str)  # YAML keys may be numbers too
    if unknown:
        raise ClaimError(f"{where}：未知字段 {', '.join(map(str, unknown))}（可用字段：{', '.join(FIELDS)}）")
    code, name = str(row.get("code") or "").strip(), str(row.get("name") or "").strip()
    if not code or len(code) > 64:
        raise ClaimError(f"{where}：缺少项目编码（code），或超过64个字符")
    category = str(row.get("category") or "").strip()
    if category not in CATEGORIES:
        raise ClaimError(f"{where}（{code}）：类别应为 {'|'.join(CATEGORIES)} 之一：{category[:20]}")
    components = row.get("components") or ()
    if isinstance(components, str):
        components = [c for c in components.replace("，", "|").replace(",", "|").split("|")]
    if not isinstance(components, list | tuple):
        raise ClaimError(f"{where}（{code}）：components 应为项目编码的列表")
    parts = tuple(str(c).strip() for c in components if str(c).strip())
    if len(parts) == 1 or code in parts:
        raise ClaimError(f"{where}（{code}）：套餐至少由两个其他项目组成")
    return CatalogueItem(
        code=code,
        name=name or code,
        category=category,
        price=_number(row.get("price"), "标准价", f"{where}（{code}）"),
        per_day=_number(row.get("per_day"), "每日限次", f"{where}（{code}）", whole=True),
        per_stay=_number(row.get("per_stay"), "每次住院限次", f"{where}（{code}）", whole=True),
        per_night=_flag(row.get("per_night"), f"{where}（{code}）"),
        equipment=str(row.get("equipment") or "").strip(),
        components=parts,
    )


def build_catalogue(rows: list[tuple[str, dict[str, Any]]]) -> Catalogue:
    """A catalogue from (where, row) pairs: duplicate codes and packages naming unknown codes refused."""
    items: dict[str, CatalogueItem] = {}
    for where, row in rows:
        item = make_item(row, where)
        if item.code in items:
            raise ClaimError(f"{where}：项目编码 {item.code} 重复")
        items[item.code] = item
    for item in items.values():
        missing = [c for c in item.components if c not in items]
        if missing:
            raise ClaimError(f"套餐 {item.code}（{item.name}）的组成项目不在目录中：{', '.join(missing)}")
    return Catalogue(items)


# LibYAML's loader when PyYAML was built with it: it refuses deep nesting at once, where the Python loader
# recurses for a second before it fails.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> Catalogue:
    try:
        data = yaml.load(text, Loader=_LOADER)  # a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"第{mark.line + 1}行" if mark is not None else "文件"
        raise ClaimError(f"目录文件{line}不是有效的 YAML") from None
    except (ValueError, RecursionError, AttributeError, TypeError, OverflowError):
        # a number too long to convert, a lone surrogate, nesting too deep, a date PyYAML half-recognises
        raise ClaimError("目录文件不是有效的 YAML") from None
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise ClaimError("目录文件应有 items: 项目列表")
    return build_catalogue([(f"第{n}个项目", row) for n, row in enumerate(data["items"], 1)])


def parse_csv(text: str) -> Catalogue:
    reader = csv.DictReader(csv_stream(text))
    rows = []
    try:
        if not reader.fieldnames or "code" not in reader.fieldnames:
            raise ClaimError(
                f"目录 CSV 第1行应为表头，至少包括 code, name, category（可用列：{', '.join(FIELDS)}）"
            )
        for row in reader:
            if None in row:
                raise ClaimError(f"目录 CSV 第{reader.line_num}行：列数多于表头")
            rows.append((f"第{reader.line_num}行", {k: v for k, v in row.items() if v not in (None, "")}))
    except csv.Error as exc:  # DictReader.line_num lags a row behind its reader's on an error
        raise ClaimError(f"目录 CSV 第{reader.reader.line_num}行格式有误：{csv_problem(exc)}") from None
    return build_catalogue(rows)


def load_catalogue(path: Path) -> Catalogue:
    """The office's catalogue from a YAML or CSV file (by extension), or `ClaimError` naming the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ClaimError(f"无法读取目录文件 {path}：{exc.__class__.__name__}") from None
    return parse_csv(text) if path.suffix.lower() == ".csv" else parse_yaml(text)


@cache
def default_catalogue() -> Catalogue:
    """The sample catalogue shipped with fanzha (a few dozen common items and three packages)."""
    text = resources.files("fanzha.claims").joinpath("data/catalogue.yaml").read_text(encoding="utf-8")
    return parse_yaml(text)
