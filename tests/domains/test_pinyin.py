"""Labels that read as pinyin words are not typos of pinyin brand names."""

from __future__ import annotations

import pytest

from fanzha.domains.pinyin import is_pinyin


@pytest.mark.parametrize(
    ("label", "reads"),
    [
        ("meitian", True),
        ("huabeicheng", True),
        ("gongshangyinhang", True),
        ("zhifubao", True),
        ("alipey", False),
        ("taoboa", False),  # a bare vowel is not a syllable here
        ("icbc", False),
        ("zhuang", False),  # one syllable is not words
        ("ping2an", False),
    ],
)
def test_labels_that_read_as_pinyin_words(label: str, reads: bool) -> None:
    assert is_pinyin(label) is reads
