from __future__ import annotations

import pytest
from sqlalchemy import Engine

from fanzha.outreach.communities import get_community, import_csv, list_communities, upsert_community
from fanzha.outreach.model import NotFound, OutreachError
from fanzha.store import upgrade


def test_upsert_creates_then_updates_by_name(engine: Engine) -> None:
    upgrade(engine)
    upsert_community(engine, name="幸福里社区", district="城关区", population=8000, registration_target=3000)
    upsert_community(engine, name="幸福里社区", district="城关区", population=8200, activities_target=4)
    c = get_community(engine, name="幸福里社区")
    assert (c.population, c.activities_target, c.registration_target) == (8200, 4, 0)
    assert len(list_communities(engine)) == 1


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": ""}, "请填写社区名称"),
        ({"name": "甲", "population": -1}, "不能为负数"),
        ({"name": "甲", "population": 10**9}, "超出合理范围"),
        ({"name": "甲" * 65}, "过长"),
        ({"name": "甲", "households": "很多"}, "必须是整数"),
    ],
)
def test_bad_community_fields_are_refused_in_chinese(engine: Engine, fields: dict, message: str) -> None:
    upgrade(engine)
    with pytest.raises(OutreachError, match=message):
        upsert_community(engine, **fields)


def test_csv_import_keeps_good_rows_and_reports_bad_ones(engine: Engine) -> None:
    upgrade(engine)
    text = (
        "\ufeff社区,乡镇街道,区县,派出所,常住人口,户数,注册目标,每月活动目标\n"
        "幸福里社区,城关街道,城关区,城关派出所,8000,2700,3000,4\n"
        "东风社区,城关街道,城关区,城关派出所,-5,1,1,1\n"
        "柳树村,柳河镇,开发区,柳河派出所,2100,700,900,2\n"
    )
    stored, errors = import_csv(engine, text=text)
    assert stored == 2
    assert errors == ["第3行：常住人口不能为负数：-5"]
    assert [c.name for c in list_communities(engine, district="开发区")] == ["柳树村"]


def test_csv_without_a_community_column_is_refused(engine: Engine) -> None:
    upgrade(engine)
    with pytest.raises(OutreachError, match="缺少“社区”列"):
        import_csv(engine, text="名字,人口\n甲,1\n")


def test_unknown_community_is_not_found(engine: Engine) -> None:
    upgrade(engine)
    with pytest.raises(NotFound):
        get_community(engine, name="不存在")


def test_csv_with_old_mac_line_ends_is_read(engine: Engine) -> None:
    upgrade(engine)
    stored, errors = import_csv(engine, text="社区,区县\r幸福里社区,城关区\r东风社区,城关区\r")
    assert (stored, errors) == (2, [])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("\r0", "表头"),  # found by the API schema fuzzing: a bare \r once made a server error
        ("社区\n" + "长" * 200_000 + "\n", "第2行格式有误：有一格超过"),
    ],
)
def test_a_csv_the_csv_module_refuses_is_refused_in_chinese(engine: Engine, text: str, message: str) -> None:
    upgrade(engine)
    with pytest.raises(OutreachError, match=message):
        import_csv(engine, text=text)
    assert list_communities(engine) == []
