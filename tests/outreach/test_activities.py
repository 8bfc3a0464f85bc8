from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine

from fanzha.outreach.activities import edit_activity, get_activity, list_activities, record_activity
from fanzha.outreach.model import Activity, NotFound, OutreachError
from fanzha.timezones import BEIJING

NOW = datetime(2026, 11, 30, 12, tzinfo=UTC)


def _record(engine: Engine, **over: object) -> Activity:
    fields: dict = dict(kind="讲座", title="反诈知识讲座", community="幸福里社区",
                        started_at=datetime(2026, 11, 20, 9, 30), recorded_by="网格员", posters=10,
                        leaflets=200, reached=80, now=NOW)  # fmt: skip
    return record_activity(engine, **(fields | over))


def test_an_activity_is_stored_with_its_reach_and_a_naive_time_is_beijing(registered: Engine) -> None:
    a = _record(registered)
    got = get_activity(registered, activity_id=a.id)
    assert (got.kind, got.posters, got.leaflets, got.reached) == ("讲座", 10, 200, 80)
    assert got.started_at.astimezone(BEIJING).hour == 9


@pytest.mark.parametrize(
    ("over", "message"),
    [
        ({"kind": "聚餐"}, "活动类型须为"),
        ({"posters": -1}, "海报不能为负数"),
        ({"reached": 10**9}, "覆盖人数超出合理范围"),
        ({"title": "  "}, "请填写活动名称"),
        ({"started_at": datetime(1999, 1, 1)}, "活动时间超出可接受的范围"),
        ({"started_at": NOW + timedelta(days=2)}, "活动时间在将来"),
        ({"community": "不存在社区"}, "请先在社区名册中登记"),
        ({"note": "长" * 2001}, "备注过长"),
    ],
)
def test_bad_activities_are_refused_and_nothing_is_stored(
    registered: Engine, over: dict, message: str
) -> None:
    with pytest.raises(OutreachError, match=message):
        _record(registered, **over)
    assert list_activities(registered) == []


def test_edit_changes_only_the_given_fields_and_stays_in_the_community(registered: Engine) -> None:
    a = _record(registered)
    edited = edit_activity(registered, activity_id=a.id, changes={"reached": 95}, community="幸福里社区")
    assert (edited.reached, edited.posters) == (95, 10)
    with pytest.raises(NotFound):
        edit_activity(registered, activity_id=a.id, changes={"reached": 1}, community="东风社区")
    with pytest.raises(OutreachError, match="不能把活动改到其他社区"):
        edit_activity(registered, activity_id=a.id, changes={"community": "东风社区"}, community="幸福里社区")


def test_list_filters_by_community_and_period_latest_first(registered: Engine) -> None:
    _record(registered, started_at=datetime(2026, 11, 2, 10))
    _record(registered, started_at=datetime(2026, 11, 25, 10), title="第二场")
    _record(registered, community="东风社区", started_at=datetime(2026, 11, 3, 10))
    _record(registered, started_at=datetime(2026, 10, 31, 23, 30))  # still October in Beijing
    start, end = datetime(2026, 11, 1, tzinfo=BEIJING), datetime(2026, 12, 1, tzinfo=BEIJING)
    got = list_activities(registered, community="幸福里社区", start=start, end=end)
    assert [a.title for a in got] == ["第二场", "反诈知识讲座"]


def test_demo_activities_are_labelled(registered: Engine) -> None:
    a = _record(registered, synthetic=True)
    assert a.shown_title == "【演示数据】反诈知识讲座"
