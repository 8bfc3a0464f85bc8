"""Masking of personal data shown outside the officer role: names, phone numbers, account numbers.

张三 → 张*, 欧阳娜娜 → 欧阳**; 13800138000 → 138****8000; 6222021234567890128 → 6222 **** **** 0128.
ID numbers: `fanzha.extract.id_card.mask_id`.
"""

from __future__ import annotations

_COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容", "尉迟", "夏侯", "端木")


def mask_name(name: str) -> str:
    name = name.strip()
    if not name:
        return ""
    surname = 2 if name.startswith(_COMPOUND_SURNAMES) and len(name) > 2 else 1
    return name[:surname] + "*" * max(1, len(name) - surname)


def mask_phone(phone: str) -> str:
    digits = phone.strip()
    if len(digits) <= 4:
        return "*" * len(digits)
    if len(digits) < 8:
        return digits[:2] + "*" * (len(digits) - 4) + digits[-2:]
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


def mask_account(account: str) -> str:
    compact = "".join(account.split())
    if len(compact) <= 8:
        return compact[:2] + "*" * max(0, len(compact) - 2)
    return f"{compact[:4]} **** **** {compact[-4:]}"
