"""Where a run of digits sits in a text: followed by a unit (an amount or a date), or inside a run of
short digit groups (a card number written in fours). Shared by the phone recognizers."""

from __future__ import annotations

NOT_A_NUMBER_AFTER = ("元", "块", "万", "年", "月", "日", "号楼", "%", "米", "斤", "公里", "个", "次", "人", "积分")  # fmt: skip


def followed_by_unit(text: str, end: int) -> bool:
    return text.startswith(NOT_A_NUMBER_AFTER, end)


def inside_digit_groups(text: str, start: int, end: int) -> bool:
    """A grouped match that continues a run of short digit groups: "6222 0755 2345 6789" is a card, not
    6222 and a landline. A number after a long run ("6222021234567890128 13800138000") or written
    without groups stands on its own."""
    if start < 2 or text[start - 1] not in " -" or not text[start - 2].isdigit():
        return False
    group = 0
    while start - 2 - group >= 0 and text[start - 2 - group].isdigit():
        group += 1
    return group <= 6 and any(ch in " -" for ch in text[start:end])
