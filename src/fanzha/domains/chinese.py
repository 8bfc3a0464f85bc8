"""Brand names written in Chinese characters inside a host (internationalised names: `工商银行客服.com`,
`移动积分兑换.cn`, `社保补贴.cn`, which reach the checker decoded from their `xn--` form).

A name stands when it ends the label's Chinese or a scam word in Chinese follows it (积分, 兑换, 补贴, 客服,
退款 …: `chinese_words` in data/protected.yaml; not 中国银行业协会, 公安部第三研究所). One of three characters or more (工商银行, 中国移动) is the
brand's then; a short one (移动, 社保, 工行) is an everyday word too (移动硬盘), so it needs a scam word. The names are the brands' own Chinese names and aliases from
`fanzha.intel` (brands.yaml), with the 公司/客服/官方/平台/局/中心 a message adds cut off (社保局 → 社保).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TypeVar

from fanzha.text.keywords import KeywordIndex

T = TypeVar("T")  # what a name stands for (a `fanzha.domains.index.Target`)

SHORT_NAME = 2  # names this long need a scam word beside them
_SUFFIXES = ("公司", "客服", "官方", "平台", "局", "中心")


_CJK = re.compile("[\u4e00-\u9fff]+")


def _is_cjk(text: str) -> bool:
    return bool(text) and _CJK.fullmatch(text) is not None


def chinese_names(names: Iterable[tuple[str, T]]) -> KeywordIndex[tuple[str, T]]:
    """The Chinese names (and their stems without 公司, 客服 …) of the protected brands → (name, target)."""
    entries: dict[str, tuple[str, T]] = {}
    for name, target in names:
        stem = name.strip("【】")
        for suffix in _SUFFIXES:
            if stem.endswith(suffix) and len(stem) - len(suffix) >= SHORT_NAME:
                stem = stem[: -len(suffix)]
                break
        for text in (name.strip("【】"), stem):
            if _is_cjk(text) and len(text) >= SHORT_NAME:
                entries.setdefault(text, (text, target))
    return KeywordIndex(entries.items())


def has_chinese(label: str) -> bool:
    return _CJK.search(label) is not None


def without_chinese(label: str) -> str:
    """The label with its Chinese characters read as hyphens (icbc客服 → icbc, 95588客服vip → 95588-vip)."""
    return "-".join(p for p in _CJK.split(label.replace("-", " ")) for p in p.split() if p)


def chinese_name_in(
    label: str, names: KeywordIndex[tuple[str, T]], words: Sequence[str]
) -> tuple[str, T, str] | None:
    """(name, target, scam word or "") of the longest brand name in `label` that stands as one: it ends the
    label or a scam word of `words` follows it (中国银行业协会 is the banks' association, 公安部第三研究所 an
    institute)."""
    found = sorted(names.find(label), key=lambda hit: hit[0] - hit[1])  # the longest first
    for _, end, (name, target) in found:
        after = label[end:]
        word = next((w for w in words if after.startswith(w)), "")
        if not after or not _CJK.match(after):
            word = word or next((w for w in words if w in label and w not in name), "")
            if len(name) > SHORT_NAME or word:
                return name, target, word
        elif word:
            return name, target, word
    return None
