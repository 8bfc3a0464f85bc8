"""Demo prevention work (【演示数据】): six communities in two districts with their targets, a quarter of
activities, two quiz sessions with scored participants, and the bulletins of two earlier weeks issued so
the public case library has entries (`fanzha.demo.casebook`) — so a newcomer sees every outreach page filled.
Loading again changes nothing (the demo activities are there already)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, func, select

from fanzha.demo.casebook import publish_demo_bulletins
from fanzha.demo.communities import COMMUNITIES
from fanzha.outreach.activities import record_activity
from fanzha.outreach.communities import list_communities, upsert_community
from fanzha.outreach.model import ACTIVITY_KINDS
from fanzha.outreach.quiz_sessions import create_session, submit
from fanzha.store.outreach_tables import OutreachActivityRow
from fanzha.timezones import BEIJING

TITLES = {
    "讲座": "老年人防范电信网络诈骗讲座", "摆摊宣传": "集市反诈摆摊宣传", "入户": "入户宣传金钟罩注册",
    "LED屏": "LED屏滚动播放反诈提示", "横幅": "悬挂反诈宣传横幅", "微信群推送": "居民微信群推送预警信息",
    "进校园": "反诈宣传进校园", "进企业": "反诈宣传进企业", "进社区": "反诈宣传进社区",
}  # fmt: skip
DAYS = 91


def _reach(rng: random.Random, kind: str) -> dict[str, Any]:
    base = {"讲座": 60, "摆摊宣传": 200, "入户": 40, "LED屏": 500, "横幅": 300, "微信群推送": 400, "进校园": 350,
            "进企业": 150, "进社区": 120}[kind]  # fmt: skip
    return {
        "reached": int(base * rng.uniform(0.5, 1.6)),
        "posters": rng.randint(0, 20) if kind in ("摆摊宣传", "进社区", "进校园", "进企业") else 0,
        "leaflets": rng.randint(50, 400) if kind in ("摆摊宣传", "入户", "讲座", "进社区") else 0,
        "banners": rng.randint(1, 4) if kind in ("横幅", "摆摊宣传") else 0,
        "screens": rng.randint(1, 3) if kind == "LED屏" else 0,
    }


def load_outreach_demo(engine: Engine, *, seed: int = 0) -> int:
    """Load the demo prevention work; returns the number of activities added (0 when already loaded)."""
    with engine.connect() as conn:
        loaded = conn.execute(
            select(func.count())
            .select_from(OutreachActivityRow)
            .where(OutreachActivityRow.synthetic.is_(True))
        ).scalar_one()
    if loaded:
        return 0
    rng = random.Random(seed)
    real = {c.name for c in list_communities(engine) if not c.synthetic}
    for name, township, district, station, people, households, target, monthly in COMMUNITIES:
        if name not in real:  # never overwrite a community someone registered
            upsert_community(
                engine, name=name, township=township, district=district, police_station=station, population=people,
                households=households, registration_target=target, activities_target=monthly, synthetic=True,
            )  # fmt: skip
    now = datetime.now(UTC)
    added = 0
    for name, _, _, station, _, _, _, monthly in COMMUNITIES:
        count = max(1, round(monthly * 3 * rng.uniform(0.6, 1.25)))
        for _ in range(count):
            kind = rng.choice(ACTIVITY_KINDS)
            day = (now - timedelta(days=rng.uniform(0.5, DAYS))).astimezone(BEIJING)
            started = day.replace(hour=rng.choice((9, 10, 14, 15, 19)), minute=rng.choice((0, 30)), second=0,
                                  microsecond=0)  # fmt: skip
            record_activity(
                engine, kind=kind, title=TITLES[kind], community=name, started_at=min(started, now), place=name,
                organizer=rng.choice(("网格员", "社区民警", "志愿者队")), unit=station, recorded_by="演示数据",
                synthetic=True, now=now, **_reach(rng, kind),
            )  # fmt: skip
            added += 1
    for title, venue, community, place in (
        ("城关一中反诈知识竞答", "学校", "幸福里社区", "城关第一中学"),
        ("工商银行新城支行大厅反诈竞答", "银行网点", "新城社区", "工商银行新城支行"),
    ):
        session = create_session(
            engine, title=title, venue_kind=venue, place=place, community=community, host="社区民警",
            participants=rng.randint(30, 60), count=8, seed=seed + added, synthetic=True, created_by="演示数据",
            from_bulletins=False,
        )  # fmt: skip
        for i in range(rng.randint(6, 12)):
            answers = [
                q.answer if rng.random() < 0.75 else (q.answer + 1) % len(q.options)
                for q in session.questions
            ]
            submit(engine, session_id=session.id, answers=answers, nickname=f"参赛者{i + 1:02d}")
    publish_demo_bulletins(engine, now=now)  # the case library's entries: typical cases an officer chose
    return added
