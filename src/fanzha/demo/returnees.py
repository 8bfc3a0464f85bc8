"""Demo returnees and outbound workers (【演示数据】), so a newcomer sees every returnee page filled: returnees in
the six demo communities under 双岗分包 with meetings at every distance from today (on time, due today,
overdue, overdue for more than 14 days, one not yet assigned, one lifted), outbound workers in 缅甸、柬埔寨、
广西、云南 with a week of daily reports (a few days missing), persuasion to return (one came back and is a
returnee now), and the door-to-door survey of 南湖村 and 柳树村 (one group not yet visited). Everything is
relative to today; names carry the label. Loading again changes nothing."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from fanzha.demo.communities import ACTOR, LABEL, PLACES, SURNAMES
from fanzha.returnees import (
    HouseholdIn,
    MeetingIn,
    MemberIn,
    OutboundLedger,
    PairIn,
    ReportIn,
    ReturneeIn,
    ReturneeLedger,
    Survey,
    WorkerIn,
    beijing_day,
)
from fanzha.store.returnee_tables import ReturneeRow

GIVEN = ("伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "华", "平", "刚", "辉", "鹏", "飞")
FROM = (("缅甸", "缅北", "妙瓦底"), ("缅甸", "缅北", "小勐拉"), ("柬埔寨", "", "西哈努克"), ("老挝", "", "金三角经济特区"),
        ("缅甸", "缅北", "果敢"), ("菲律宾", "", "马尼拉"))  # fmt: skip
# days since the last meeting (None: no meeting yet) for each returnee; -1: not assigned; -2: control lifted
MEETING_GAPS = (2, 5, 7, 9, 12, 16, 21, 3, None, -1, 6, -2)
AWAY = (("缅甸", "妙瓦底"), ("柬埔寨", "西哈努克"), ("广西", "凭祥"), ("云南", "瑞丽"), ("云南", "西双版纳"),
        ("广西", "东兴"), ("缅甸", "大其力"), ("云南", "耿马"), ("广西", "南宁"), ("柬埔寨", "金边"))  # fmt: skip


def _id_number(rng: random.Random, born: date) -> str:
    body = f"{rng.choice(('411302', '411323', '411381'))}{born:%Y%m%d}{rng.randint(100, 999)}"
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11]


def _name(rng: random.Random) -> str:
    return LABEL + rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)


def _phone(rng: random.Random) -> str:
    return f"1{rng.choice('3589')}{rng.randint(0, 9)}{rng.randint(0, 99_999_999):08d}"


def load_returnees_demo(engine: Engine, *, seed: int = 0) -> int:
    """Load the demo (returnees, outbound workers, survey households); how many records were added (0 when
    the demo is there already)."""
    with Session(engine) as session:
        if (
            session.scalars(select(ReturneeRow.id).where(ReturneeRow.demo.is_(True)).limit(1)).first()
            is not None
        ):
            return 0
    rng, now = random.Random(seed), datetime.now(UTC)
    today = beijing_day(now)
    return (
        _returnees(engine, rng, now, today)
        + _outbound(engine, rng, now, today)
        + _survey(engine, rng, now, today)
    )


def _returnees(engine: Engine, rng: random.Random, now: datetime, today: date) -> int:
    ledger = ReturneeLedger(engine)
    for i, gap in enumerate(MEETING_GAPS):
        community, township, district, station = PLACES[i % len(PLACES)]
        country, region, city = FROM[i % len(FROM)]
        age = rng.randint(19, 45)
        returned = today - timedelta(
            days=rng.randint(40, 200) if gap is not None else 12
        )  # None: new, no meeting yet
        start = now - timedelta(days=(today - returned).days - 2)
        entry = ReturneeIn(
            name=_name(rng), community=community, returned_on=returned, how=("deported", "persuaded", "self")[i % 3],
            risk_level=("high", "medium", "low")[i % 3], id_number=_id_number(rng, date(today.year - age, rng.randint(1, 12), rng.randint(1, 28))),
            phone=_phone(rng), sex="男" if i % 4 else "女", age=age, address=f"{community}{rng.randint(1, 12)}组{rng.randint(1, 60)}号",
            township=township, district=district, from_country=country, from_region=region, from_city=city,
            risk_notes=rng.choice(("曾在园区从事“杀猪盘”引流", "自述被骗出境、被迫参与诈骗", "有再次出境意向，需重点关注", "家属配合，情绪稳定")),
            demo=True,
        )  # fmt: skip
        rid = ledger.register(entry, actor=ACTOR, now=start)
        if gap == -1:
            continue
        cadre, officer = f"{LABEL}{rng.choice(SURNAMES)}干部", f"{LABEL}{rng.choice(SURNAMES)}警官"
        pair = PairIn(cadre, officer, _phone(rng), _phone(rng), f"{LABEL}{station}所长", _phone(rng))
        ledger.assign(rid, pair, actor=ACTOR, now=start)
        last = gap if gap is not None and gap >= 0 else 30
        days = [today - timedelta(days=last + 7 * k) for k in range(4, -1, -1)] if gap is not None else []
        for day in (d for d in days if d >= returned):
            ledger.meet(rid, MeetingIn(day, cadre, officer, rng.choice(("本人家中", "村委会", "派出所")),
                                       rng.choice(("在家务农，情绪稳定", "在县城打零工", "与家人同住，无异常交往")),
                                       "继续每周走访"), actor=ACTOR, now=now)  # fmt: skip
        if gap == -2:
            ledger.lift(rid, reason="管控期满，表现良好，经所领导批准解除", actor=ACTOR, now=now)
    return len(MEETING_GAPS)


def _outbound(engine: Engine, rng: random.Random, now: datetime, today: date) -> int:
    ledger = OutboundLedger(engine)
    for i, (region, place) in enumerate(AWAY):
        community, township, district, _ = PLACES[(i + 2) % len(PLACES)]
        entry = WorkerIn(
            name=_name(rng), community=community, region=region, place=place, state="planned" if i == 8 else "away",
            employer=rng.choice(("某电子厂", "某建筑工地", "某餐馆", "不详（自称“高薪客服”）")),
            since=today - timedelta(days=rng.randint(20, 300)) if i != 8 else today + timedelta(days=10),
            phone=_phone(rng), family_contact=_name(rng), family_phone=_phone(rng), reporter=f"{LABEL}{rng.choice(SURNAMES)}网格员",
            township=township, district=district, demo=True,
        )  # fmt: skip
        wid = ledger.register(entry, actor=ACTOR, now=now - timedelta(days=9))
        for back in range(8, 0, -1):  # the last eight days; a few missed
            if (i in (1, 6) and back <= 2) or (i == 3 and back == 4):
                continue
            ledger.report(wid, ReportIn(today - timedelta(days=back), place, safe=not (i == 6 and back == 3),
                                        in_contact=True, note="电话联系本人，报平安"), actor=ACTOR, now=now)  # fmt: skip
        if region in ("缅甸", "柬埔寨"):
            ledger.persuade(wid, on=today - timedelta(days=5), method="family", outcome="agreed" if i != 6 else "refused",
                            note="通过家属做思想工作", actor=ACTOR, now=now)  # fmt: skip
        if i == 9:
            ledger.came_back(wid, returned_on=today - timedelta(days=1), how="persuaded", risk_level="medium",
                             actor=ACTOR, now=now)  # fmt: skip
    return len(AWAY)


def _survey(engine: Engine, rng: random.Random, now: datetime, today: date) -> int:
    households: list[HouseholdIn] = []
    # the villages, and the demo community key's own community (its grid squares as its groups)
    for village, township, groups, unit in (("南湖村", "南湖镇", 4, "组"), ("柳树村", "柳河镇", 3, "组"),
                                            ("幸福里社区", "城关街道", 3, "网格")):  # fmt: skip
        for g in range(1, groups + 1):
            for h in range(1, 7):
                visited = not (village == "柳树村" and g == 3) and h != 6
                members = []
                if visited:
                    for m in range(rng.randint(2, 5)):
                        away = m > 0 and rng.random() < 0.3
                        where = (
                            rng.choice((*AWAY, ("广东", "东莞"), ("浙江", "义乌"), ("江苏", "苏州")))
                            if away
                            else ("", "")
                        )
                        members.append(MemberIn(name=_name(rng), relation=("户主", "配偶", "子女", "子女", "父母")[m],
                                                age=rng.randint(8, 80), away=away, region=where[0], place=where[1],
                                                phone=_phone(rng) if away else ""))  # fmt: skip
                households.append(HouseholdIn(
                    community=village, township=township, grp=f"{'一二三四'[g - 1]}{unit}", household=f"{h}号",
                    address=f"{village}{g}{unit}{h}号", registered_members=len(members) + (1 if h == 2 else 0) or rng.randint(2, 5),
                    members=members, surveyed_on=today - timedelta(days=rng.randint(1, 20)) if visited else None,
                    surveyed_by=f"{LABEL}{rng.choice(SURNAMES)}网格员" if visited else "", demo=True,
                ))  # fmt: skip
    return Survey(engine).record(households, actor=ACTOR, now=now)
