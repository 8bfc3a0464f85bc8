"""The door-to-door survey: coverage per village from its own register (村不漏组、组不漏户、户不漏人), the
households with members in risky regions, CSV import that names a bad line and stores nothing, and a
community that sees its own village only."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine

from fanzha.returnees import HouseholdIn, MemberIn, Reader, ReturneeError, Survey, read_households_text
from fanzha.store import upgrade

NOW = datetime(2026, 6, 10, 4, tzinfo=UTC)
OFFICER = Reader("JZ1001", "officer", "api.list")
CSV = """村,组,户,地址,户籍人数,姓名,关系,年龄,外出,务工地,具体地点,工作,电话,走访日期,走访人
南湖村,一组,1号,一组1号,3,张大,户主,50,否,,,务农,,2026-06-01,李干部
南湖村,一组,1号,一组1号,3,张二,之子,25,是,缅甸,妙瓦底,不详,13800138000,2026-06-01,李干部
南湖村,一组,2号,一组2号,2,王一,户主,60,否,,,,,2026-06-02,李干部
南湖村,一组,3号,一组3号,4,,,,,,,,,,
南湖村,二组,1号,二组1号,2,,,,,,,,,,
南湖村,三组,1号,三组1号,2,刘一,户主,40,是,广东,深圳,电子厂,,2026-06-02,陈干部
南湖村,三组,1号,三组1号,2,刘二,之妻,38,是,广西,南宁,餐饮,,2026-06-02,陈干部
柳树村,一组,1号,,1,赵一,户主,30,是,云南,瑞丽,,,2026-06-03,周干部
"""


@pytest.fixture
def survey(engine: Engine) -> Survey:
    upgrade(engine)
    s = Survey(engine)
    s.record(read_households_text(CSV), actor="admin", now=NOW)
    return s


def test_coverage_per_village_counts_groups_households_and_people(survey: Survey) -> None:
    nanhu, liushu = survey.coverage(reader=OFFICER)
    assert (nanhu.community, nanhu.groups, nanhu.groups_reached, nanhu.groups_complete) == ("南湖村", 3, 2, 1)
    assert (nanhu.households, nanhu.households_surveyed) == (5, 3)
    assert (nanhu.members_registered, nanhu.members_recorded, nanhu.away, nanhu.risky) == (7, 5, 3, 2)
    assert (
        nanhu.missing_groups == ["二组"]
        and "未走访：二组" in nanhu.explanation
        and "少 2 人" in nanhu.explanation
    )
    assert (liushu.households, liushu.risky) == (1, 1)


def test_households_with_members_in_risky_regions_are_listed(survey: Survey) -> None:
    found = survey.households(reader=OFFICER, risky_only=True)
    assert [(h.community, h.grp, h.household, [m["name"] for m in h.risky_members]) for h in found] == [
        ("南湖村", "一组", "1号", ["张二"]), ("南湖村", "三组", "1号", ["刘二"]), ("柳树村", "一组", "1号", ["赵一"]),
    ]  # fmt: skip
    assert found[0].risky_members[0]["phone"] == "13800138000"


def test_a_community_sees_and_records_its_own_village_only(survey: Survey) -> None:
    reader = Reader("柳树村", "community", "page.list", community="柳树村")
    assert [c.community for c in survey.coverage(reader=reader)] == ["柳树村"]
    with pytest.raises(ReturneeError, match="只能登记本村"):
        survey.record(
            [HouseholdIn("南湖村", "二组", "1号", surveyed_on=date(2026, 6, 9))],
            actor="柳树村",
            reader=reader,
        )


def test_surveying_a_known_household_updates_it_in_place(survey: Survey) -> None:
    survey.record([HouseholdIn("南湖村", "二组", "1号", surveyed_on=date(2026, 6, 9),
                               members=[MemberIn("孙一"), MemberIn("孙二", away=True, region="柬埔寨")])],
                  actor="李干部", now=NOW)  # fmt: skip
    nanhu = survey.coverage(reader=OFFICER)[0]
    assert (nanhu.households, nanhu.households_surveyed, nanhu.groups_reached, nanhu.risky) == (5, 4, 3, 3)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("村,组\n南湖村,一组\n", "缺少列：household"),
        ("村,组,户,年龄,姓名,走访日期\n南湖村,一组,1号,很老,张三,2026-06-01\n", "第 2 行：年龄"),
        ("村,组,户,姓名,走访日期\n南湖村,一组,1号,张三,昨天\n", "第 2 行：走访日期"),
        ("村,组,户,姓名\n南湖村,一组,1号,张三\n", "没有走访日期"),
        ("村,组,户\n南湖村,,1号\n", "第 2 行：村、组、户不能为空"),
    ],
)
def test_a_bad_csv_line_is_named(text: str, message: str) -> None:
    with pytest.raises(ReturneeError, match=message):
        read_households_text(text)


def test_a_survey_day_after_today_stores_nothing(engine: Engine) -> None:
    upgrade(engine)
    s = Survey(engine)
    with pytest.raises(ReturneeError, match="第 2 户"):
        s.record([HouseholdIn("南湖村", "一组", "1号"), HouseholdIn("南湖村", "一组", "2号", surveyed_on=date(2026, 6, 11))],
                 actor="admin", now=NOW)  # fmt: skip
    assert s.households(reader=OFFICER) == []
