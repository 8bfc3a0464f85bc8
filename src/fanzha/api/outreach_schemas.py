"""Schemas of `/v1/outreach…` and the public quiz and case library: what comes in (checked, bounded) and
what goes out (no personal data beyond what the caller may see)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from fanzha.api.schemas import SaneDatetime
from fanzha.outreach.model import Activity, Community
from fanzha.outreach.quiz_sessions import QuizSession
from fanzha.outreach.scoring import Scorecard
from fanzha.timezones import BEIJING

Count = Field(default=0, ge=0, le=10_000_000)


class CommunityIn(BaseModel):
    township: str = Field(default="", max_length=64)
    district: str = Field(default="", max_length=64)
    police_station: str = Field(default="", max_length=64)
    population: int = Field(default=0, ge=0, le=5_000_000, description="常住人口")
    households: int = Field(default=0, ge=0, le=2_000_000)
    registration_target: int = Field(default=0, ge=0, le=5_000_000, description="金钟罩/反诈APP注册目标")
    activities_target: int = Field(default=0, ge=0, le=1_000, description="每月宣传活动目标（场）")


class CsvIn(BaseModel):
    csv: str = Field(min_length=1, max_length=2_000_000, description="社区名册CSV（首行为表头：社区,区县,…）")


class ActivityIn(BaseModel):
    kind: str = Field(
        max_length=16,
        description="讲座 | 摆摊宣传 | 入户 | LED屏 | 横幅 | 微信群推送 | 进校园 | 进企业 | 进社区",
    )
    title: str = Field(min_length=1, max_length=200)
    community: str | None = Field(default=None, max_length=64, description="社区；社区账号可省略（即本社区）")
    started_at: SaneDatetime
    place: str = Field(default="", max_length=200)
    organizer: str = Field(default="", max_length=64)
    unit: str = Field(default="", max_length=100)
    posters: int = Count
    leaflets: int = Count
    banners: int = Count
    screens: int = Count
    reached: int = Count
    note: str = Field(default="", max_length=2_000)


class ActivityPatch(BaseModel):
    kind: str | None = Field(default=None, max_length=16)
    title: str | None = Field(default=None, min_length=1, max_length=200)
    started_at: SaneDatetime | None = None
    place: str | None = Field(default=None, max_length=200)
    organizer: str | None = Field(default=None, max_length=64)
    unit: str | None = Field(default=None, max_length=100)
    posters: int | None = Field(default=None, ge=0, le=10_000_000)
    leaflets: int | None = Field(default=None, ge=0, le=10_000_000)
    banners: int | None = Field(default=None, ge=0, le=10_000_000)
    screens: int | None = Field(default=None, ge=0, le=10_000_000)
    reached: int | None = Field(default=None, ge=0, le=10_000_000)
    note: str | None = Field(default=None, max_length=2_000)


class QuizIn(BaseModel):
    title: str = Field(min_length=1, max_length=200)
    venue_kind: str = Field(max_length=16, description="学校 | 银行网点 | 社区 | 企业 | 公开")
    place: str = Field(default="", max_length=200)
    community: str | None = Field(default=None, max_length=64)
    host: str = Field(default="", max_length=64)
    participants: int = Field(default=0, ge=0, le=100_000)
    count: int = Field(default=10, ge=1, le=50)
    seed: int = Field(default=0, ge=0, le=2**31 - 1)


class AttemptIn(BaseModel):
    answers: list[int | None] = Field(max_length=50, description="每题所选选项的序号（从0起），未答填 null")
    nickname: str = Field(default="", max_length=32, description="昵称（可不填；不收集其他个人信息）")


def community_out(c: Community) -> dict[str, Any]:
    return {
        "name": c.name, "township": c.township, "district": c.district, "police_station": c.police_station,
        "population": c.population, "households": c.households, "registration_target": c.registration_target,
        "activities_target": c.activities_target, "demo": c.synthetic,
    }  # fmt: skip


def _local(at: datetime) -> str:
    return at.astimezone(BEIJING).isoformat()


def activity_out(a: Activity) -> dict[str, Any]:
    return {
        "id": a.id, "kind": a.kind, "title": a.shown_title, "place": a.place, "community": a.community,
        "started_at": _local(a.started_at), "organizer": a.organizer, "unit": a.unit, "posters": a.posters,
        "leaflets": a.leaflets, "banners": a.banners, "screens": a.screens, "reached": a.reached, "note": a.note,
        "recorded_by": a.recorded_by, "demo": a.synthetic, "attachments": a.attachments,
    }  # fmt: skip


def scorecard_out(c: Scorecard) -> dict[str, Any]:
    return {
        "community": c.community, "district": c.district, "period": c.period, "rank": c.rank, "score": c.score,
        "score_explanation": c.score_explanation, "trend": c.trend,
        "figures": [{"key": f.key, "label": f.label, "value": f.value, "shown": f.shown,
                     "explanation": f.explanation} for f in c.figures],
    }  # fmt: skip


def quiz_out(s: QuizSession, *, with_answers: bool) -> dict[str, Any]:
    return {
        "id": s.id, "title": s.title, "venue_kind": s.venue_kind, "place": s.place, "community": s.community,
        "host": s.host, "participants": s.participants, "public": s.public, "demo": s.synthetic,
        "attempts": s.attempts, "average": s.average,
        "questions": [q.to_dict(with_answer=with_answers) for q in s.questions],
    }  # fmt: skip
