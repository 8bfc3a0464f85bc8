"""What a registrable name looks like as a whole: random characters or words, and its ending's family."""

from __future__ import annotations

import random

import pytest

from fanzha.domains.shape import home_ending, looks_random


@pytest.mark.parametrize(
    "label",
    ["x7k2q", "qz8vd", "k3jx9", "a9d3k", "t8fk2", "zzqkw", "q7w2e", "xkcdqp", "8fj3k2l"],
)
def test_letters_and_digits_without_a_reading_look_random(label: str) -> None:
    assert looks_random(label)


@pytest.mark.parametrize(
    "label",
    [
        "zol",  # too short to tell
        "zhihu",  # pinyin
        "baidu",
        "jiansheyinhang",
        "example",  # pronounceable
        "secure-check",
        "xyz-login",
        "stackoverflow",
        "4399",  # a number
        "51job",  # a number and a word
        "360kan",
        "hao123",
        "cdnhwc10",  # letters then digits: an ordinary naming scheme
    ],
)
def test_words_numbers_and_their_mixes_do_not_look_random(label: str) -> None:
    assert not looks_random(label)


def test_most_random_strings_of_letters_and_digits_look_random() -> None:
    rng = random.Random(7)
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
    labels = ["".join(rng.choice(alphabet) for _ in range(rng.randint(5, 8))) for _ in range(1000)]
    assert sum(map(looks_random, labels)) / len(labels) >= 0.8


@pytest.mark.parametrize(
    ("suffix", "official", "same"),
    [
        ("com.cn", "com.cn", True),
        ("cn", "com.cn", True),  # the .cn space is a Chinese brand's home
        ("net.cn", "com", True),
        ("gov.cn", "gov.cn", False),  # only governments register there
        ("edu.cn", "com.cn", False),
        ("com.hk", "com.hk", True),
        ("com", "com", False),  # generic: every short name there is long taken
        ("com", "cn", False),
        ("net", "com", False),
        ("top", "com", False),
        ("cn.com", "cn", False),  # a private registry dressed as .cn
    ],
)
def test_the_brands_home_is_its_own_ending_or_the_cn_space_never_a_generic_one(
    suffix: str, official: str, same: bool
) -> None:
    assert home_ending(suffix, official) is same
