"""The township's door-to-door survey (逐户走访排查): "村（社区）不漏组（楼栋）、组不漏户、户不漏人".

The survey keeps its own register of households per village and group; a household is known once it is in
the register and surveyed once someone records a visit (the day, who, and the members met, with who works
away and where). Coverage per village, from that register:
- 村不漏组: groups with at least one household surveyed / groups in the register (and groups complete:
  every household in them surveyed);
- 组不漏户: households surveyed / households in the register;
- 户不漏人: members recorded in surveyed households / members the register gives for them (where known).
Households with a member in a risky region (广西、云南、缅甸…) are listed for the daily follow-up.
A community key sees its own village only.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from fanzha.audit.log import append, append_retrying
from fanzha.returnees.access import Reader
from fanzha.returnees.model import ReturneeError, beijing_day, day, now_utc, phone_of, risky, text
from fanzha.store.returnee_tables import SurveyHouseholdRow

MAX_MEMBERS = 30


@dataclass(frozen=True, slots=True)
class MemberIn:
    name: str
    relation: str = ""
    age: int | None = None
    away: bool = False
    region: str = ""  # where they work, when away: province or country
    place: str = ""
    work: str = ""
    phone: str = ""


@dataclass(frozen=True, slots=True)
class HouseholdIn:
    community: str
    grp: str
    household: str
    address: str = ""
    registered_members: int = 0
    township: str = ""
    members: list[MemberIn] = field(default_factory=list)
    surveyed_on: date | None = None  # None: known in the register, not yet surveyed
    surveyed_by: str = ""
    note: str = ""
    demo: bool = False


@dataclass(frozen=True, slots=True)
class Household:
    id: int
    community: str
    grp: str
    household: str
    address: str
    registered_members: int
    members: list[dict[str, Any]]
    surveyed_on: date | None
    surveyed_by: str
    note: str

    @property
    def away(self) -> list[dict[str, Any]]:
        return [m for m in self.members if m.get("away")]

    @property
    def risky_members(self) -> list[dict[str, Any]]:
        return [m for m in self.away if risky(str(m.get("region", "")) + str(m.get("place", "")))]


@dataclass(frozen=True, slots=True)
class Coverage:
    community: str
    groups: int
    groups_reached: int
    groups_complete: int
    households: int
    households_surveyed: int
    members_registered: int  # in the surveyed households, from the register (0 where unknown)
    members_recorded: int
    away: int
    risky: int
    missing_groups: list[str]
    explanation: str

    @property
    def household_rate(self) -> float:
        return self.households_surveyed / self.households if self.households else 0.0


def _member(m: MemberIn) -> dict[str, Any]:
    if not m.name.strip():
        raise ReturneeError("家庭成员须填写姓名")
    if m.age is not None and not 0 <= m.age <= 130:
        raise ReturneeError(f"年龄 {m.age} 不在 0–130 之间")
    phone = phone_of(m.phone, "成员电话")
    return {"name": text(m.name, "name", "成员姓名"), "relation": text(m.relation, "grp", "与户主关系"), "age": m.age,
            "away": m.away, "region": text(m.region, "region", "务工省份或国家"), "place": text(m.place, "place", "务工地点"),
            "work": text(m.work, "employer", "从事工作"), "phone": phone.value, "phone_raw": phone.raw,
            "phone_flags": phone.flags}  # fmt: skip


def _household(r: SurveyHouseholdRow) -> Household:
    return Household(r.id, r.community, r.grp, r.household, r.address, r.registered_members, list(r.members or []),
                     r.surveyed_on, r.surveyed_by, r.note)  # fmt: skip


class Survey:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def record(self, entries: list[HouseholdIn], *, actor: str, reader: Reader | None = None,
               now: datetime | None = None) -> int:  # fmt: skip
        """Add households to the register or record their survey (by village, group and household); how
        many were written. All or nothing: a bad line stores none."""
        now = now or now_utc()
        today = beijing_day(now)
        clean = []
        for i, e in enumerate(entries, 1):
            where = f"第 {i} 户：" if len(entries) > 1 else ""
            try:
                community = text(e.community, "community", "村（社区）", required=True)
                if reader is not None and not reader.may_see(community):
                    raise ReturneeError(f"只能登记本村（社区）{reader.community}的住户")
                if len(e.members) > MAX_MEMBERS:
                    raise ReturneeError(f"家庭成员过多（{len(e.members)} 人，上限 {MAX_MEMBERS} 人）")
                if not 0 <= e.registered_members <= 99:
                    raise ReturneeError(f"户籍人数 {e.registered_members} 不在 0–99 之间")
                clean.append((e, community, text(e.grp, "grp", "组（楼栋）", required=True),
                              text(e.household, "household", "户（门牌号或户主）", required=True),
                              day(e.surveyed_on, "走访日期", today=today), [_member(m) for m in e.members]))  # fmt: skip
            except ReturneeError as exc:
                raise ReturneeError(where + str(exc)) from None

        def work(session: Session) -> int:
            for e, community, grp, household, on, members in clean:
                row = session.scalars(select(SurveyHouseholdRow).where(
                    SurveyHouseholdRow.community == community, SurveyHouseholdRow.grp == grp,
                    SurveyHouseholdRow.household == household)).first()  # fmt: skip
                if row is None:
                    row = SurveyHouseholdRow(community=community, grp=grp, household=household, members=[],
                                             surveyed_by="", note="", demo=e.demo, updated_at=now)  # fmt: skip
                    session.add(row)
                row.township = text(e.township, "township", "乡镇") or row.township or ""
                row.address = text(e.address, "address", "地址") or row.address or ""
                row.registered_members = e.registered_members or row.registered_members or 0
                if on is not None:
                    row.surveyed_on, row.members = on, members
                    row.surveyed_by = text(e.surveyed_by, "reporter", "走访人") or actor[:64]
                row.note = text(e.note, "note", "备注") or row.note
                row.updated_at = now
            session.flush()
            append(session, actor=actor, action="survey.record", subject="survey",
                   detail={"households": len(clean), "surveyed": sum(1 for c in clean if c[4] is not None)}, at=now)  # fmt: skip
            return len(clean)

        return append_retrying(self.engine, work)

    def households(
        self, *, reader: Reader, community: str | None = None, risky_only: bool = False
    ) -> list[Household]:
        with Session(self.engine) as session:
            query = select(SurveyHouseholdRow).order_by(SurveyHouseholdRow.community, SurveyHouseholdRow.grp,
                                                        SurveyHouseholdRow.household)  # fmt: skip
            place = reader.community or community
            if place:
                query = query.where(SurveyHouseholdRow.community == place)
            found = [_household(r) for r in session.scalars(query)]
        return [h for h in found if h.risky_members] if risky_only else found

    def coverage(self, *, reader: Reader) -> list[Coverage]:
        """Coverage per village (the rule in the module's docstring), villages in name order."""
        by_village: dict[str, list[Household]] = defaultdict(list)
        for h in self.households(reader=reader):
            by_village[h.community].append(h)
        return [coverage_of(village, found) for village, found in sorted(by_village.items())]


def coverage_of(village: str, households: list[Household]) -> Coverage:
    groups: dict[str, list[Household]] = defaultdict(list)
    for h in households:
        groups[h.grp].append(h)
    reached = [g for g, hs in groups.items() if any(h.surveyed_on for h in hs)]
    complete = [g for g, hs in groups.items() if all(h.surveyed_on for h in hs)]
    missing = sorted(set(groups) - set(reached))
    surveyed = [h for h in households if h.surveyed_on]
    registered = sum(h.registered_members for h in surveyed)
    recorded = sum(len(h.members) for h in surveyed)
    away = sum(len(h.away) for h in surveyed)
    at_risk = sum(len(h.risky_members) for h in surveyed)
    short_people = sum(
        max(0, h.registered_members - len(h.members)) for h in surveyed if h.registered_members
    )
    why = [
        f"村不漏组：{len(groups)} 个组中 {len(reached)} 个已走访、{len(complete)} 个全部走访"
        + (f"（未走访：{'、'.join(missing[:10])}）" if missing else ""),
        f"组不漏户：登记 {len(households)} 户，已走访 {len(surveyed)} 户",
        f"户不漏人：已走访户登记人口 {registered} 人，已见 {recorded} 人"
        + (f"（少 {short_people} 人）" if short_people else ""),
        f"外出务工 {away} 人，其中在广西、云南、缅甸等重点地区 {at_risk} 人",
    ]
    return Coverage(village, len(groups), len(reached), len(complete), len(households), len(surveyed), registered,
                    recorded, away, at_risk, missing, "；".join(why))  # fmt: skip
