"""What an activity and a community are, the bounds their counts must keep, and the error users see."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

ACTIVITY_KINDS = ("讲座", "摆摊宣传", "入户", "LED屏", "横幅", "微信群推送", "进校园", "进企业", "进社区")
COUNT_FIELDS = {
    "posters": ("海报", 100_000),
    "leaflets": ("宣传单", 1_000_000),
    "banners": ("横幅", 10_000),
    "screens": ("LED屏", 10_000),
    "reached": ("覆盖人数", 10_000_000),
}
COMMUNITY_LIMITS = {
    "population": ("常住人口", 5_000_000),
    "households": ("户数", 2_000_000),
    "registration_target": ("注册目标", 5_000_000),
    "activities_target": ("每月活动目标", 1_000),
}
NAME_MAX = 64
TITLE_MAX = 200
NOTE_MAX = 2_000
DEMO_LABEL = "【演示数据】"


class OutreachError(ValueError):
    """Bad input to the prevention-work library; the message is Chinese and says what to fix."""


class NotFound(OutreachError):
    """The community, activity or session does not exist (or is not the caller's)."""


@dataclass(slots=True)
class Community:
    id: int
    name: str
    township: str
    district: str
    police_station: str
    population: int
    households: int
    registration_target: int
    activities_target: int
    synthetic: bool


@dataclass(slots=True)
class Activity:
    id: int
    kind: str
    title: str
    place: str
    community: str
    started_at: datetime
    organizer: str
    unit: str
    posters: int
    leaflets: int
    banners: int
    screens: int
    reached: int
    note: str
    recorded_by: str
    synthetic: bool
    attachments: list[dict[str, object]]

    @property
    def shown_title(self) -> str:
        """The title as shown: demo activities carry 【演示数据】."""
        return f"{DEMO_LABEL}{self.title}" if self.synthetic else self.title


def check_text(value: str, what: str, limit: int, *, required: bool = False) -> str:
    """`value` stripped, within `limit` characters (and not empty when `required`), else OutreachError."""
    if not isinstance(value, str):
        raise OutreachError(f"{what}必须是文字")
    value = value.strip()
    if required and not value:
        raise OutreachError(f"请填写{what}")
    if len(value) > limit:
        raise OutreachError(f"{what}过长：{len(value)} 个字符，上限 {limit} 个")
    return value


def check_count(value: object, what: str, limit: int) -> int:
    """A count between 0 and `limit`, else OutreachError naming the field."""
    if isinstance(value, bool) or not isinstance(value, int):
        try:
            value = int(str(value).strip() or "0")
        except ValueError:
            raise OutreachError(f"{what}必须是整数：{str(value)[:20]}") from None
    if value < 0:
        raise OutreachError(f"{what}不能为负数：{value}")
    if value > limit:
        raise OutreachError(f"{what}超出合理范围：{value}，上限 {limit}")
    return value
