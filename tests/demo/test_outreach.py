from __future__ import annotations

from sqlalchemy import Engine

from fanzha.demo.outreach import load_outreach_demo
from fanzha.outreach.activities import list_activities
from fanzha.outreach.communities import list_communities, upsert_community
from fanzha.outreach.quiz_sessions import list_sessions
from fanzha.store import upgrade


def test_the_demo_fills_every_page_labelled_and_loads_once(engine: Engine) -> None:
    upgrade(engine)
    upsert_community(engine, name="幸福里社区", district="城关区", population=9999)  # registered for real
    added = load_outreach_demo(engine, seed=1)
    assert added > 30
    communities = {c.name: c for c in list_communities(engine)}
    assert set(communities) == {"幸福里社区", "东风社区", "南湖村", "新城社区", "工业园社区", "柳树村"}
    assert communities["幸福里社区"].population == 9999 and not communities["幸福里社区"].synthetic
    assert {c.district for c in communities.values() if c.synthetic} == {"城关区", "开发区"}
    activities = list_activities(engine, limit=1000)
    assert len(activities) == added and all(a.shown_title.startswith("【演示数据】") for a in activities)
    sessions = list_sessions(engine)
    assert len(sessions) == 2 and all(s.synthetic and s.attempts >= 6 for s in sessions)
    assert load_outreach_demo(engine, seed=1) == 0
    assert len(list_activities(engine, limit=1000)) == added


def test_the_demo_library_shows_cases_chosen_for_issued_bulletins_only(engine: Engine) -> None:
    from fanzha.demo.load import load_demo
    from fanzha.outreach.casebook import count_cases, library
    from fanzha.reports.issue import issued
    from fanzha.reports.periods import last_complete

    upgrade(engine)
    load_demo(engine, 600, seed=0)
    load_outreach_demo(engine, seed=0)
    cases = library(engine)
    assert 3 <= count_cases(engine) == len(cases) <= 20
    assert all(c.synthetic and c.text.startswith("【演示数据】") and not c.text.startswith("【演示数据】" * 2)
               for c in cases)  # fmt: skip
    assert all(c.source.startswith("警情通报 ") for c in cases)
    assert issued(engine, last_complete("week")) is None  # the last week is left for a newcomer to issue
