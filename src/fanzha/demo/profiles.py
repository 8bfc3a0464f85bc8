"""What a realistic case of each fraud type looks like: how common it is, who the victims are, how the
scammer makes contact, how much is lost and how it is paid. Figures are modelled on the seeds (the
110 desk's 警情通报: 报警数, 劝阻数, 涉案金额 "从数千元到数百万元不等"; elderly victims of 冒充公检法
and 保健品; students in 游戏交易 and 注销校园贷) and on the Ministry's list of high-incidence types.

The city is made up: 江州市, with the districts and counties below. Nothing here describes real people.
"""

from __future__ import annotations

from dataclasses import dataclass

CITY = "江州市"
ISSUER = f"{CITY}公安局反诈中心"

# 区/县 of the made-up city, with a weight proportional to its population.
DISTRICTS: tuple[tuple[str, float], ...] = (
    ("东湖区", 14),
    ("西城区", 12),
    ("南江区", 11),
    ("北塘区", 9),
    ("高新区", 10),
    ("经开区", 7),
    ("临江区", 8),
    ("青山区", 7),
    ("白沙县", 6),
    ("石门县", 5),
    ("云溪县", 5),
    ("望江县", 6),
)

# Where reports come in (接警台/席位), with weights.
DESKS: tuple[tuple[str, float], ...] = (
    ("110报警服务台", 45),
    ("反诈专家咨询席", 15),
    ("96110预警专线", 12),
    ("派出所接报警", 18),
    ("网上报警平台", 10),
)

PLACES: tuple[str, ...] = ("家中", "单位", "宿舍", "出租屋", "店铺内", "小区内")


@dataclass(frozen=True, slots=True)
class TypeProfile:
    """How cases of one fraud type are distributed.

    ages: mixture components (weight, mean, sd); female: share of women among victims;
    channels / payment_channels: weighted choices (codes of fanzha.cases.model);
    loss_median (yuan) and loss_sigma: a log-normal for the total loss (heavy tail);
    payments: weights for 1, 2, 3, 4 payments; gap_hours: typical time between payments;
    dissuaded: share of cases stopped before any money left (劝阻).
    """

    code: str
    weight: float
    ages: tuple[tuple[float, float, float], ...]
    female: float
    channels: tuple[tuple[str, float], ...]
    payment_channels: tuple[tuple[str, float], ...]
    loss_median: float
    loss_sigma: float
    payments: tuple[float, float, float, float]
    gap_hours: float
    dissuaded: float


_BANK_ONLY = (("bank_transfer", 1.0),)
PROFILES: tuple[TypeProfile, ...] = (
    TypeProfile(
        "rebate_task",
        22,
        ((1.0, 27, 6),),
        0.65,
        (("wechat", 3), ("qq", 2.5), ("social_media", 2.5), ("app", 2)),
        (("bank_transfer", 6), ("alipay", 2), ("wechat_pay", 2)),
        8_000,
        1.2,
        (3, 3, 2, 2),
        1.0,
        0.10,
    ),
    TypeProfile(
        "loan",
        10,
        ((1.0, 32, 8),),
        0.45,
        (("app", 3), ("sms", 2.5), ("phone_call", 2), ("website", 1), ("wechat", 1.5)),
        (("bank_transfer", 7), ("alipay", 2), ("wechat_pay", 1)),
        5_000,
        0.9,
        (4, 3, 2, 1),
        5.0,
        0.12,
    ),
    TypeProfile(
        "impersonate_service",
        10,
        ((1.0, 35, 10),),
        0.55,
        (("phone_call", 8), ("sms", 1), ("wechat", 1)),
        _BANK_ONLY,
        20_000,
        1.2,
        (4, 3, 2, 1),
        0.3,
        0.15,
    ),
    TypeProfile(
        "shopping",
        9,
        ((1.0, 30, 8),),
        0.6,
        (("social_media", 4.5), ("wechat", 3), ("website", 2.5)),
        (("wechat_pay", 4), ("alipay", 4), ("bank_transfer", 2)),
        800,
        1.0,
        (7, 2, 1, 0),
        2.0,
        0.05,
    ),
    TypeProfile(
        "investment",
        8,
        ((0.7, 45, 10), (0.3, 58, 6)),
        0.5,
        (("wechat", 3.5), ("social_media", 3), ("app", 2), ("phone_call", 1.5)),
        (("bank_transfer", 9), ("alipay", 1)),
        80_000,
        1.4,
        (2, 3, 3, 2),
        72.0,
        0.08,
    ),
    TypeProfile(
        "impersonate_acquaintance",
        7,
        ((0.5, 40, 8), (0.5, 64, 7)),
        0.55,
        (("wechat", 5), ("qq", 3.5), ("phone_call", 1.5)),
        _BANK_ONLY,
        15_000,
        1.1,
        (6, 3, 1, 0),
        0.5,
        0.20,
    ),
    TypeProfile(
        "impersonate_authority",
        7,
        ((0.6, 67, 7), (0.4, 40, 10)),
        0.6,
        (("phone_call", 8.5), ("sms", 0.5), ("wechat", 1)),
        _BANK_ONLY,
        50_000,
        1.3,
        (4, 3, 2, 1),
        2.0,
        0.25,
    ),
    TypeProfile(
        "game_trade",
        6,
        ((1.0, 16, 3),),
        0.25,
        (("game", 6), ("qq", 3), ("social_media", 1)),
        (("wechat_pay", 4), ("alipay", 4), ("bank_transfer", 2)),
        1_500,
        1.0,
        (4, 3, 2, 1),
        0.5,
        0.08,
    ),
    TypeProfile(
        "credit_record",
        5,
        ((1.0, 26, 5),),
        0.5,
        (("phone_call", 9), ("sms", 1)),
        _BANK_ONLY,
        12_000,
        1.0,
        (4, 3, 2, 1),
        1.0,
        0.15,
    ),
    TypeProfile(
        "romance",
        5,
        ((1.0, 38, 9),),
        0.55,
        (("dating", 5), ("wechat", 3), ("social_media", 2)),
        (("bank_transfer", 8), ("alipay", 1), ("wechat_pay", 1)),
        60_000,
        1.3,
        (2, 3, 3, 2),
        96.0,
        0.06,
    ),
    TypeProfile(
        "phishing",
        5,
        ((1.0, 40, 14),),
        0.5,
        (("sms", 8.5), ("website", 1.5)),
        _BANK_ONLY,
        6_000,
        1.0,
        (6, 3, 1, 0),
        0.2,
        0.06,
    ),
    TypeProfile(
        "prize",
        3,
        ((1.0, 55, 13),),
        0.55,
        (("sms", 5), ("phone_call", 3), ("wechat", 2)),
        (("bank_transfer", 7), ("alipay", 3)),
        3_000,
        0.9,
        (5, 3, 2, 0),
        1.0,
        0.12,
    ),
    TypeProfile(
        "other_fraud",  # here: 保健品、"养老项目" sold to the elderly
        3,
        ((1.0, 70, 6),),
        0.6,
        (("phone_call", 4), ("in_person", 3), ("wechat", 3)),
        (("bank_transfer", 7), ("wechat_pay", 3)),
        10_000,
        1.0,
        (4, 3, 2, 1),
        168.0,
        0.10,
    ),
)
PROFILE_BY_CODE = {p.code: p for p in PROFILES}

# Types that rise towards the end of the generated window (双十一 after-sales "理赔" calls, and 刷单):
# a factor on the type's rate for the last three weeks, oldest first.
RISING: dict[str, tuple[float, float, float]] = {
    "impersonate_service": (1.0, 1.3, 2.4),
    "rebate_task": (1.0, 1.15, 1.7),
}

# Reports by weekday (Monday first) and by hour of the day.
WEEKDAY_FACTOR = (1.05, 1.05, 1.0, 1.0, 1.05, 0.9, 0.85)
HOUR_WEIGHTS = (1, 1, 0.5, 0.5, 0.5, 1, 2, 4, 7, 9, 10, 10, 8, 8, 9, 10, 10, 9, 8, 8, 7, 6, 4, 2)

# Share of cases whose scammers belong to a gang that reuses numbers and accounts (串并 material).
GANG_SHARE = 0.4
GANG_MIN, GANG_MAX, GANG_EXPONENT = 2, 50, 1.6
