"""Personal data out of anything published: a case narrative as it may appear in a bulletin.

Names of the persons of the case → 王** (`fanzha.text.masking.mask_name`); phone numbers → 138****8000;
card and account numbers → 6222 **** **** 1234; QQ, WeChat and Alipay accounts keep their first and last
two characters; resident ID numbers are removed altogether; links are defanged (`abc[.]top`) so a
printed bulletin names the scam site without making it a link. The identifiers are found with
`fanzha.extract`, so obfuscated spellings are caught too; any run of eleven or more digits that is still
left (an unusual account format) is masked as an account.

The narrative is also read for what the case record does not list (`fanzha.reports.person_names`,
`fanzha.reports.places`): names after a role word or beside a sex and age, street addresses, licence
plates, employers and schools, birth dates. `personal_data` lists everything masked, for the officer who
reviews a bulletin before it is issued.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from fanzha.extract import extract
from fanzha.reports.person_names import find_names
from fanzha.reports.places import ADDRESS_MASK, find_places
from fanzha.text.masking import mask_account, mask_phone

__all__ = ["ADDRESS_MASK", "ID_REMOVED", "Masked", "defang", "mask_handle", "personal_data", "redact"]

ID_REMOVED = "（身份证号已隐去）"
_LONG_DIGITS = re.compile(r"(?<![\d*])\d(?:[ \-]?\d){10,}(?![\d*])")
_KIND_NAMES = {
    "phone": "电话号码", "bank_card": "银行卡号", "id_card": "身份证号", "qq": "QQ号", "wechat": "微信号",
    "alipay": "支付宝账号", "url": "网址", "domain": "网址", "ip": "IP地址",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Masked:
    """One piece of personal data in a text and what is published instead."""

    start: int
    end: int
    kind: str  # 姓名, 地址, 车牌, 单位, 出生日期, 电话号码, 银行卡号…
    text: str
    replacement: str


def mask_handle(handle: str) -> str:
    """QQ, WeChat, Alipay: ab****yz (an e-mail keeps its domain)."""
    local, at, domain = handle.partition("@")
    masked = local[:2] + "*" * max(2, len(local) - 4) + local[-2:] if len(local) > 4 else local[:1] + "***"
    return masked + at + domain


def defang(link: str) -> str:
    """www.abc.top/login → www.abc[.]top (the host only, not clickable)."""
    host = re.sub(r"^[a-z]+://", "", link.strip(), flags=re.IGNORECASE).split("/", 1)[0].split("?", 1)[0]
    return host.replace(".", "[.]")


def _replacement(kind: str, value: str, written: str) -> str | None:
    if kind == "phone":
        return mask_phone(value)
    if kind == "bank_card":
        return mask_account(value)
    if kind == "id_card":
        return ID_REMOVED
    if kind in ("qq", "wechat", "alipay"):
        return mask_phone(value) if value.isdigit() and len(value) == 11 else mask_handle(value)
    if kind in ("url", "domain"):
        return defang(written)
    if kind == "ip":
        return ".".join([*value.split(".")[:2], "*", "*"])
    return None  # amounts and the like stay


def personal_data(text: str, *, names: Iterable[str] = ()) -> list[Masked]:
    """Everything `redact` masks in `text`, by position (`names`: the persons of the case record)."""
    found: list[Masked] = []
    for ident in extract(text):
        replacement = _replacement(ident.kind, ident.value, text[ident.start : ident.end])
        if replacement is not None:
            kind = _KIND_NAMES.get(ident.kind, ident.kind)
            found.append(Masked(ident.start, ident.end, kind, text[ident.start : ident.end], replacement))
    for span in find_places(text):
        found.append(Masked(span.start, span.end, span.kind, text[span.start : span.end], span.replacement))
    for name in find_names(text, known=names):
        found.append(Masked(name.start, name.end, "姓名", name.name, name.masked))
    kept: list[Masked] = []
    taken = -1
    # Earliest first, the longer of two that start together; one that overlaps a kept span is dropped
    # (微信同号13800138000: phone and WeChat).
    for item in sorted(found, key=lambda m: (m.start, -(m.end - m.start))):
        if item.start >= taken:
            kept.append(item)
            taken = item.end
    for match in _LONG_DIGITS.finditer(text):  # any long number still left: an account
        if not any(m.start < match.end() and match.start() < m.end for m in kept):
            account = mask_account(re.sub(r"\D", "", match.group()))
            kept.append(Masked(match.start(), match.end(), "账号", match.group(), account))
    return sorted(kept, key=lambda m: m.start)


def redact(text: str, *, names: Iterable[str] = ()) -> str:
    """`text` fit to publish: personal data masked, ID numbers removed, links defanged."""
    out = text
    for item in reversed(personal_data(text, names=names)):
        out = out[: item.start] + item.replacement + out[item.end :]
    return out
