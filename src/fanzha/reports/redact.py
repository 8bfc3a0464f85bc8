"""Personal data out of anything published: a case narrative as it may appear in a bulletin.

Names of the persons of the case → 王** (`fanzha.text.masking.mask_name`); phone numbers → 138****8000;
card and account numbers → 6222 **** **** 1234; QQ, WeChat and Alipay accounts keep their first and last
two characters; resident ID numbers are removed altogether; links are defanged (`abc[.]top`) so a
printed bulletin names the scam site without making it a link. The identifiers are found with
`fanzha.extract`, so obfuscated spellings are caught too; any run of eleven or more digits that is still
left (an unusual account format) is masked as an account.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from fanzha.extract import extract
from fanzha.text.masking import mask_account, mask_name, mask_phone

ID_REMOVED = "（身份证号已隐去）"
_LONG_DIGITS = re.compile(r"(?<![\d*])\d(?:[ \-]?\d){10,}(?![\d*])")


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


def redact(text: str, *, names: Iterable[str] = ()) -> str:
    """`text` fit to publish: names of the case's persons masked, identifiers masked, IDs removed."""
    spans: list[tuple[int, int, str]] = []
    taken = -1
    for found in sorted(extract(text), key=lambda i: (i.start, -(i.end - i.start))):
        if found.start < taken:
            continue  # overlaps an identifier already masked (微信同号13800138000: phone and WeChat)
        replacement = _replacement(found.kind, found.value, text[found.start : found.end])
        if replacement is not None:
            spans.append((found.start, found.end, replacement))
            taken = found.end
    out = text
    for start, end, replacement in reversed(spans):
        out = out[:start] + replacement + out[end:]
    out = _LONG_DIGITS.sub(lambda m: mask_account(re.sub(r"\D", "", m.group())), out)
    for name in sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True):
        out = out.replace(name, mask_name(name))
    return out
