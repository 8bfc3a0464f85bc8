"""The counter and ATM checklists (三问二看一核对, 一问二看三提醒) as data (`data/checklists.yaml`), and the
reading of one completed form: every required question answered, answers among the options, reminders
ticked, and the warning signs the answers show, each with its clause.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

KINDS = ("text", "choice", "yesno", "done")
YES_NO = ("是", "否")
MAX_TEXT = 500


class ChecklistError(ValueError):
    """A form that is not complete or not valid; the message names the question (Chinese)."""


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    kind: str
    question: str
    options: tuple[str, ...] = ()
    risky: tuple[str, ...] = ()
    risk: str = ""
    hint: str = ""
    optional: bool = False


@dataclass(frozen=True, slots=True)
class Section:
    name: str
    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class Checklist:
    code: str  # counter | atm
    name: str
    channel: str
    notice: bool  # the customer signs the 《防范电信诈骗告知书》
    sections: tuple[Section, ...]

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for section in self.sections for item in section.items)


@dataclass(frozen=True, slots=True)
class Reading:
    answers: dict[str, str]
    risks: list[dict[str, str]]  # [{"item", "answer", "clause"}]


def _item(raw: Mapping[str, object]) -> Item:
    kind = str(raw["kind"])
    if kind not in KINDS:
        raise ValueError(f"checklist item {raw.get('id')}: unknown kind {kind}")
    options = tuple(str(o) for o in raw.get("options", ()) or ()) if kind == "choice" else ()  # type: ignore[attr-defined]
    options = YES_NO if kind == "yesno" else options
    risky = tuple(str(o) for o in raw.get("risky", ()) or ())  # type: ignore[attr-defined]
    if not set(risky) <= set(options):
        raise ValueError(f"checklist item {raw.get('id')}: a risky answer is not an option")
    return Item(
        id=str(raw["id"]),
        kind=kind,
        question=str(raw["question"]),
        options=options,
        risky=risky,
        risk=str(raw.get("risk", "")),
        hint=str(raw.get("hint", "")),
        optional=bool(raw.get("optional", False)),
    )


@lru_cache(maxsize=1)
def load_checklists() -> dict[str, Checklist]:
    """The checklists shipped with the package, by code."""
    text = resources.files("fanzha.counter").joinpath("data/checklists.yaml").read_text("utf-8")
    out: dict[str, Checklist] = {}
    for code, raw in yaml.safe_load(text).items():
        sections = tuple(
            Section(str(s["name"]), tuple(_item(i) for i in s["items"])) for s in raw["sections"]
        )
        out[code] = Checklist(code, str(raw["name"]), str(raw["channel"]), bool(raw["notice"]), sections)
    return out


def checklist(code: str) -> Checklist:
    found = load_checklists().get(code)
    if found is None:
        raise ChecklistError(f"未知的核查表“{code}”，应为 {'、'.join(load_checklists())} 之一")
    return found


def read_answers(form: Checklist, answers: Mapping[str, object]) -> Reading:
    """The answers of a completed form and its warning signs; ChecklistError for the first bad answer."""
    clean: dict[str, str] = {}
    risks: list[dict[str, str]] = []
    for item in form.items:
        raw = answers.get(item.id)
        value = ("是" if raw else "") if isinstance(raw, bool) else str(raw or "").strip()
        if item.kind == "done":
            if value not in ("是", "on", "true", "1"):
                raise ChecklistError(f"请完成并勾选：{item.question}")
            clean[item.id] = "是"
            continue
        if not value:
            if item.optional:
                continue
            raise ChecklistError(f"请回答：{item.question}")
        if item.kind == "text" and len(value) > MAX_TEXT:
            raise ChecklistError(f"回答不能超过 {MAX_TEXT} 个字：{item.question}")
        if item.options and value not in item.options:
            raise ChecklistError(f"“{value[:20]}”不是可选的回答：{item.question}")
        clean[item.id] = value
        if value in item.risky:
            risks.append({"item": item.id, "answer": value, "clause": item.risk})
    return Reading(clean, risks)
