"""Realistic synthetic cases for demonstrations, tests and benchmarks — clearly labelled as such.

`generate_cases(n, seed=…, start=…, days=…)` gives `n` cases received in the `days` days from `start`
(Beijing time; stored as UTC), deterministic for a seed. Every case has `synthetic=True` and a narrative
that begins with "【演示数据】". What is realistic about them:

- the fraud-type mix, the victims' age and sex by type, the contact channel by type and the losses
  (log-normal: most small, a few very large; some cases dissuaded with no loss) follow
  `fanzha.demo.profiles`;
- 1–4 payments per case with times, channels, receiving cards (correct Luhn digit, real BIN and bank)
  or Alipay/WeChat accounts;
- scammer identifiers reused by gangs (`fanzha.demo.gangs`), so linking finds groups of 2–50 cases;
- a narrative per fraud type (`fanzha.demo.narratives`) naming every identifier, amount and time;
- a trend: the types of `profiles.RISING` rise in the last three weeks of the window.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from fanzha.cases.model import CaseIdentifier, CaseIn, Payment
from fanzha.demo.draws import draw_amounts, payment_times, people, pick, schedule, victim_age
from fanzha.demo.gangs import CONTACT_KIND, Gang, assign_gangs
from fanzha.demo.identities import Identities
from fanzha.demo.narratives import PaymentText, Story, narrative
from fanzha.demo.profiles import (
    DESKS,
    DISTRICTS,
    PLACES,
    PROFILE_BY_CODE,
)

PLATFORM_TYPES = frozenset(["loan", "investment", "rebate_task", "romance", "game_trade"])
ID_ASKED = frozenset(["loan", "credit_record", "phishing"])
_CONTACT_TEXT = {
    "phone_call": "接到号码为{v}的陌生来电",
    "sms": "收到号码{v}发来的短信",
    "wechat": "被微信号为{v}的陌生人添加为好友",
    "qq": "被QQ号为{v}的陌生人添加为好友",
    "game": "在游戏中结识一名网友，随后添加对方QQ号{v}私聊",
    "social_media": "在社交平台上结识一名网友，随后添加对方微信，微信号{v}",
    "dating": "在婚恋交友平台上结识一名网友，随后添加对方微信，微信号{v}",
    "app": "在手机APP上看到广告后留下联系方式，随后接到号码为{v}的来电",
    "website": "浏览网页时留下联系方式，随后接到号码为{v}的来电",
    "in_person": "在小区门口参加“健康讲座”，结识一名推销人员（电话{v}）",
}


class _Named:
    """The identifiers a case names, in order of appearance, each (kind, value) once."""

    def __init__(self) -> None:
        self.items: list[CaseIdentifier] = []
        self._seen: set[tuple[str, str]] = set()

    def add(self, kind: str, value: str, raw: str | None = None) -> None:
        if (kind, value) not in self._seen:
            self._seen.add((kind, value))
            self.items.append(CaseIdentifier(kind, value, raw or value))


class _Builder:
    """Builds one case after another from one random stream (the order of calls is the seed's)."""

    def __init__(self, rng: random.Random, seed: int) -> None:
        self.rng = rng
        self.seed = seed
        self.ids = Identities(rng)
        self.gangs: dict[int, Gang] = {}

    def case(self, index: int, received: datetime, code: str, gang_no: int | None) -> CaseIn:
        rng, ids, profile = self.rng, self.ids, PROFILE_BY_CODE[code]
        sex = "女" if rng.random() < profile.female else "男"
        age = victim_age(rng, profile)
        district = pick(rng, DISTRICTS)
        gang = None
        if gang_no is not None:
            gang = self.gangs.get(gang_no)
            if gang is None:
                gang = self.gangs[gang_no] = Gang(pick(rng, profile.channels), code in PLATFORM_TYPES)
        channel = gang.contact_channel if gang else pick(rng, profile.channels)
        dissuaded = rng.random() < profile.dissuaded
        amounts = draw_amounts(rng, profile)
        pay_channels = [pick(rng, profile.payment_channels) for _ in amounts]
        if code == "other_fraud" and channel == "in_person" and rng.random() < 0.5:
            pay_channels[0] = "cash"
        idents = _Named()
        name = idents.add

        # First contact: a gang case links to an earlier case of its gang by the contact, the
        # platform or the first receiving card (see fanzha.demo.gangs).
        kind = CONTACT_KIND.get(channel, "phone")
        first = gang is None or gang.cases == 0
        by_platform = gang is not None and gang.platform and not first
        paid_by = pay_channels[:1] if dissuaded else pay_channels
        by_card = gang is not None and bool(gang.cards) and "bank_transfer" in paid_by
        if gang is not None:
            contact, reused = gang.contact(ids, rng, force_reuse=not (first or by_platform or by_card))
        else:
            contact, reused = (
                (ids.wechat() if kind == "wechat" else ids.qq() if kind == "qq" else ids.mobile(scam=True)),
                False,
            )
        need_card_link = not (first or reused or by_platform)
        raw = ids.spaced_mobile(contact) if kind == "phone" else contact
        name(kind, contact, raw)
        story = Story(
            code,
            received,
            "",
            rng.choice(PLACES),
            _CONTACT_TEXT.get(channel, _CONTACT_TEXT["phone_call"]).format(v=raw),
        )
        if age is not None and age < 23 and rng.random() < 0.6:
            story.place = "宿舍"
        self._platform(story, gang, code, idents)
        victim, reporter = people(rng, ids, age, sex, district)
        story.victim = (
            f"事主{victim.name}（{sex}，{age}岁）" if age is not None else f"事主{victim.name}（{sex}）"
        )
        story.elderly = age is not None and age >= 60
        if code in ID_ASKED and age is not None and rng.random() < 0.3:
            born = date(received.year - age, rng.randrange(1, 13), rng.randrange(1, 29))
            story.id_number = ids.id_number(born, sex)
        own_card = ids.card()[0]

        def receiving(channel_code: str, link: bool) -> tuple[str, str]:
            if channel_code == "bank_transfer":
                card, bank = gang.card(ids, rng, reuse=link) if gang else ids.card()
                name("bank_card", card)
                return card, bank
            if channel_code in ("alipay", "wechat_pay"):
                kind_of = "alipay" if channel_code == "alipay" else "wechat"
                handle = (
                    gang.handle(kind_of, ids, rng)
                    if gang
                    else (ids.alipay() if kind_of == "alipay" else ids.wechat())
                )
                name(kind_of, handle)
                return handle, "支付宝" if channel_code == "alipay" else "财付通"
            return "", ""

        payments: list[Payment] = []
        times = payment_times(rng, received, len(amounts), profile.gap_hours)
        if dissuaded:
            to, bank = receiving(pay_channels[0], need_card_link)
            at = received - timedelta(minutes=rng.randrange(10, 120))
            story.intended = PaymentText(at, pay_channels[0], to, bank, amounts[0])
            story.when = at - timedelta(minutes=rng.randrange(20, 240))
        else:
            for amount, pay_channel, at in zip(amounts, pay_channels, times, strict=True):
                to, bank = receiving(pay_channel, need_card_link and pay_channel == "bank_transfer")
                if pay_channel == "bank_transfer":
                    need_card_link = False
                story.payments.append(PaymentText(at, pay_channel, to, bank, amount))
                source = (
                    own_card
                    if pay_channel == "bank_transfer"
                    else victim.phone
                    if pay_channel == "alipay"
                    else ""
                )
                payments.append(Payment(amount, at.astimezone(UTC), pay_channel, source, to, bank))
            story.total = sum(amounts)
            story.received = received
            story.when = times[0] - timedelta(minutes=max(5.0, rng.expovariate(1 / (profile.gap_hours * 60))))
        story.when = story.when.replace(minute=0, second=0)
        if gang is not None:
            gang.cases += 1
        desk = "96110预警专线" if dissuaded and rng.random() < 0.4 else pick(rng, DESKS)
        return CaseIn(
            received_at=received.astimezone(UTC),
            ref=f"DEMO-{self.seed}-{index + 1:06d}",
            desk=desk,
            district=district,
            occurred_at=story.when.astimezone(UTC),
            place=story.place,
            contact_channel=channel,
            fraud_type=code,
            dissuaded=dissuaded,
            reporter=reporter,
            victim=victim,
            payments=payments,
            identifiers=idents.items,
            narrative=narrative(story, rng),
            officer=f"JZ{rng.randrange(1001, 1031)}",
            synthetic=True,
            loss=0.0 if dissuaded else None,
        )

    def _platform(self, story: Story, gang: Gang | None, code: str, name: _Named) -> None:
        rng, ids = self.rng, self.ids
        wants_app = code in PLATFORM_TYPES
        wants_url = (
            code == "phishing"
            or (code in PLATFORM_TYPES and rng.random() < 0.6)
            or (code == "impersonate_authority" and rng.random() < 0.3)
        )
        if not (wants_app or wants_url):
            return
        if gang is not None:
            if wants_app and not gang.app:
                gang.app = ids.app()
            if not gang.url and (wants_url or code == "phishing"):
                gang.url = ids.url()
            app, url = (gang.app if wants_app else ""), (gang.url if wants_url or gang.platform else "")
        else:
            app, url = (ids.app() if wants_app else ""), (ids.url() if wants_url else "")
        if app:
            name.add("app", app.lower(), app)
        if url:
            raw = ("https://" + url) if rng.random() < 0.4 else url
            # A bare host is a domain to the extractor; with a scheme or a path it is a link.
            name.add("url" if raw != url or "/" in url else "domain", url, raw)
            story.url = raw
        story.platform = (
            f"在“{app}”APP（下载地址{story.url}）上"
            if app and url
            else f"在“{app}”APP上"
            if app
            else f"在网站{story.url}上"
        )


def generate_cases(
    n: int,
    *,
    seed: int = 0,
    start: date,
    days: int,
    begin: datetime | None = None,
    until: datetime | None = None,
    first_index: int = 0,
    salt: str = "",
) -> list[CaseIn]:
    """`n` synthetic cases received from `start` (Beijing time) over `days` days; the same for a seed.

    `begin`/`until` cut the first and last day (see `fanzha.demo.draws.schedule`): a window ending now.
    A top-up of an existing demo numbers its cases from `first_index + 1` and draws from a stream of its
    own (`salt`), so its case numbers and scammers do not repeat the first load's.
    """
    if n < 0:
        raise ValueError("案件数不能为负数")
    if days < 1:
        raise ValueError("天数至少为1天")
    rng = random.Random(f"{seed}:{salt}" if salt else seed)
    slots = schedule(rng, n, start, days, begin=begin, until=until)
    gang_of = assign_gangs(rng, [code for _, code in slots])
    builder = _Builder(rng, seed)
    return [
        builder.case(first_index + i, received, code, gang_no)
        for i, ((received, code), gang_no) in enumerate(zip(slots, gang_of, strict=True))
    ]
