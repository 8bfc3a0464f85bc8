"""The shipped region table says what libphonenumber's geocoder says, without its 100 MB."""

from __future__ import annotations

import random

import phonenumbers
from phonenumbers import geocoder

from fanzha.intel.regions import cn_region, country_name, describe


def test_known_prefixes() -> None:
    assert cn_region("1062345678") == "北京市"
    assert cn_region("13800138000") == geocoder.description_for_number(
        phonenumbers.parse("+8613800138000"), "zh"
    )
    assert country_name("HK") == "香港" and country_name("XX") is None


def test_agrees_with_the_geocoder_on_random_chinese_numbers() -> None:
    rng = random.Random(7)
    numbers = [f"+86{rng.choice('3456789')}{rng.randrange(10**9):09d}" for _ in range(1500)]
    numbers = ["+861" + n[4:] for n in numbers] + [f"+8610{rng.randrange(10**8):08d}" for _ in range(100)]
    checked = 0
    for raw in numbers:
        number = phonenumbers.parse(raw)
        expected = geocoder.description_for_number(number, "zh") or None
        assert describe(number) == expected, raw
        checked += expected is not None
    assert checked > 200


def test_foreign_numbers_get_their_country() -> None:
    assert describe(phonenumbers.parse("+85261234567")) == "香港"
    assert describe(phonenumbers.parse("+12025550123")) in ("美国", None)
    assert describe(phonenumbers.parse("+8612")) is None  # not a number
