"""Identifiers as warnings match them: canonical (`fanzha.extract.canonical`) in any written form, and
never dropped — a number in an unassigned segment, a foreign or malformed one keeps its canonical digits
with its flags, and a value with no reading as its kind at all is kept as written (compacted, lower case)
with the flag 格式不符, so it still matches itself.
"""

from __future__ import annotations

from functools import lru_cache

from fanzha.extract.canonical import FORM, read
from fanzha.warn.model import ACCOUNT_KINDS, Identifier, WarnError

MAX_VALUE = 128  # the stored column; longer values are not identifiers
_SEPARATORS = str.maketrans("", "", " \t-　")


@lru_cache(maxsize=262_144)
def key(kind: str, raw: str) -> tuple[str, tuple[str, ...]]:
    """(canonical value, flags) of `raw` as a `kind`; never None for a non-empty value."""
    found = read(kind, raw)
    if found is not None and len(found[0]) <= MAX_VALUE:
        return found
    kept = raw.strip().translate(_SEPARATORS).lower()[:MAX_VALUE]
    return kept, (FORM,)


def identifier(kind: str, raw: str, *, what: str = "标识") -> Identifier:
    """The `Identifier` of a value someone wrote; WarnError only for an empty one."""
    text = raw.strip() if isinstance(raw, str) else ""
    if not text:
        raise WarnError(f"{what}为空")
    if len(text) > 200:
        raise WarnError(f"{what}过长（{len(text)}个字符，上限200）")
    value, flags = key(kind, text)
    return Identifier(kind, value, text, flags)


def guess_account_kind(raw: str) -> str:
    """The kind of an account written without one: digits (a card number) → bank_card, an e-mail →
    alipay, a mobile number → phone (Alipay and WeChat accounts are often the phone), else wechat."""
    compact = raw.strip().translate(_SEPARATORS)
    if compact.isdigit() and len(compact) == 11 and compact[0] == "1":
        return "phone"
    if compact.isdigit():
        return "bank_card"
    if "@" in compact:
        return "alipay"
    return "wechat"


@lru_cache(maxsize=262_144)
def payer_keys(raw: str, kind: str = "") -> tuple[tuple[str, str], ...]:
    """The (kind, value) pairs a resident-side identifier of a payment may be stored under: the kind the
    feed names, or every account kind (and phone) the value has a reading as."""
    kinds = (kind,) if kind else ("phone", *ACCOUNT_KINDS)
    seen: list[tuple[str, str]] = []
    for each in kinds:
        found = read(each, raw.strip())
        pair = (each, found[0]) if found is not None else (each, key(each, raw)[0])
        if found is None and kind == "":
            continue
        if pair not in seen:
            seen.append(pair)
    if not seen:
        guessed = guess_account_kind(raw)
        seen.append((guessed, key(guessed, raw)[0]))
    return tuple(seen)
