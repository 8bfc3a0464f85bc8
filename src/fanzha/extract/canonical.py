"""The canonical form of an identifier given with its kind, and the notes that flag an odd one.

Whoever names an identifier and its kind — an officer recording a case, a citizen reporting a number, a
bank confirming an account — is never refused for a value that merely fails validation: victims mishear,
officers mistype, scammers use foreign, virtual and unallocated numbers. Digits are canonicalised the
same way whatever the segment, a card number whether or not its check digit is right, and `flags_of`
gives the notes for the officer (号段未分配, 校验位不符, 境外号码 …) instead of a refusal:

- phone: a mobile is its eleven digits (`+86 140 1234 5678`, `0086-140…`, `86 140…`, `(+86)140.…` and
  `0140…`, dialled with the trunk zero, are `14012345678`; 号段未分配 outside the allocations); a
  landline `0` + area code + local number (`+86 10 6234 5678` is `01062345678`); a service number as
  dialled (`95588`, `4008123123`); a foreign number in E.164 (`+85261234567`: 境外号码, and 号码无效
  when libphonenumber knows no such number); zeros or a plus before a service number stay as written
  (`+95588`: 仿冒服务号码); any other run of 3–20 digits is its digits (位数不符).
- bank_card: its digits, 6–30 of them (校验位不符: 16–19 digits failing the Luhn check; 位数不符:
  outside 10–25; 疑似身份证号: a valid resident ID number).
- qq: its digits, 4–15 (格式不符: a leading zero; 位数不符: outside 5–11).
- wechat, alipay: lower case, a phone number as a phone (格式不符: not a WeChat ID, mobile or e-mail).
- ip: a dotted quad without leading zeros (格式不符: an octet above 255).
- url: `host/path`, lower case, without scheme, port and trailing slash; domain: the host (格式不符:
  a top-level domain that is not letters).

Values written among words (`QQ:123…`, `vx:abc…`, `www点abc点com`, Chinese numerals) are read by the
extractor. One digit repeated (`00000000000`) is a placeholder, not an identifier; and values with no
reading as their kind (letters for a phone, two digits, nothing) have no canonical form. The extractor
reads the same values: for an identifier it finds in a text, `canonical(kind, text[start:end])` is its
value, so what is reported under one form is found again in a message.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from fanzha.extract.bank_card import luhn_valid
from fanzha.extract.id_card import is_id_number
from fanzha.extract.phone import MOBILE_SEGMENTS, imitated_service
from fanzha.extract.url import SHORTENERS, TLDS
from fanzha.programs import regex
from fanzha.text import normalize

KINDS = ("phone", "bank_card", "url", "domain", "ip", "qq", "wechat", "alipay")
MAX_LENGTH = 512  # longer values are not identifiers (and the store's columns hold 512 characters)

# The notes an odd identifier carries (the officer reads them next to the value).
UNASSIGNED = "号段未分配"
CHECK_DIGIT = "校验位不符"
FOREIGN = "境外号码"
NO_SUCH_NUMBER = "号码无效"
SPOOFED = "仿冒服务号码"
LENGTH = "位数不符"
FORM = "格式不符"
ID_NUMBER = "疑似身份证号"

# ------------------------------------------------------------------------------------------ phones
_PHONE_SEPARATORS = str.maketrans("", "", " -.()")
_PHONE = regex(r"(\+0*|00+)?(\d{3,20})")
_SERVICE = regex(r"9[56]\d{3,4}|1[02]\d{3}|101[01]\d{4}|[48]00\d{7}|106\d{5,14}|11[09]|12[02]")
_LOCAL_SERVICE = regex(r"9[56]\d{3,4}|12\d{3}")


def _phone(text: str) -> str | None:
    if len(text) == 11 and text[0] == "1" and text.isdigit():
        return text  # the common case: a mobile number written plainly
    compact = text if text.isdigit() else text.translate(_PHONE_SEPARATORS)
    m = _PHONE.fullmatch(compact)
    if m is None or _placeholder(compact.lstrip("+")):
        return None
    prefix, digits = m.group(1), m.group(2)
    if prefix is None:
        return _national(digits)
    if imitated_service(digits.lstrip("0")) is not None or prefix not in ("+", "00"):
        return prefix + digits  # `+95588`, `0095588`: the spoof as written (and `+0…`, `000…` too)
    if digits.startswith("86"):
        return _after_country_code(digits[2:])
    return _foreign(digits)


def _mobile_shaped(digits: str) -> bool:
    return len(digits) == 11 and digits[0] == "1" and digits[1] in "3456789"


def _landline_shaped(number: str) -> bool:
    """`0` + area code + a local number of the area's length, or + a local service number."""
    short = number[1] == "2" or number[1:3] == "10"
    local = number[3:] if short else number[4:]
    if number[1] == "1" and not short:
        return False
    return len(local) in ((8,) if short else (7, 8)) or _LOCAL_SERVICE.fullmatch(local) is not None


def _national(digits: str) -> str:
    """A number written without `+` or `00`."""
    if len(digits) == 11 and digits[0] == "1":
        return digits
    if digits[0] == "0":
        return digits[1:] if len(digits) == 12 and _mobile_shaped(digits[1:]) else digits
    if digits.startswith("86") and len(digits) > 11:  # the country code without its plus
        rest = digits[2:]
        if _mobile_shaped(rest):
            return rest
        landline = rest if rest[0] == "0" else "0" + rest
        if len(landline) > 3 and _landline_shaped(landline):
            return landline
    if digits.startswith("886") and len(digits) in (11, 12):  # Taiwan's, without its plus
        foreign = _foreign(digits)
        if _valid_foreign(foreign):
            return foreign
    return digits


def _after_country_code(rest: str) -> str | None:
    """The national form of what follows +86 / 0086."""
    if not rest:
        return None
    if rest[0] == "0":
        return _national(rest)  # the trunk zero written too
    if _mobile_shaped(rest):
        return rest
    if _landline_shaped("0" + rest) or not _SERVICE.fullmatch(rest):
        return "0" + rest  # an area code first, as the extractor reads `+86 400-812-3123` too
    return rest


_VALID_FOREIGN: dict[str, bool] = {}  # E.164 value → does libphonenumber know the number (bounded below)


@lru_cache(maxsize=65_536)
def _foreign(digits: str) -> str:
    """A number after `+` or `00` (not +86) in E.164 as libphonenumber reads a valid one (a national
    prefix written after the country code dropped), else `+` and its digits."""
    import phonenumbers  # on first use: importing it is about 40 ms of every start

    try:
        number = phonenumbers.parse("+" + digits, None)
    except phonenumbers.NumberParseException:
        value, valid = "+" + digits, False
    else:
        valid = phonenumbers.is_valid_number(number)
        value = (
            phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) if valid else "+" + digits
        )
    if len(_VALID_FOREIGN) > 65_536:
        _VALID_FOREIGN.clear()
    _VALID_FOREIGN[value] = valid  # for `flags_of`, which asks next
    return value


def _valid_foreign(value: str) -> bool:
    valid = _VALID_FOREIGN.get(value)
    if valid is None:
        _foreign.__wrapped__(value[1:])  # not the cached call: it would not record the validity again
        valid = _VALID_FOREIGN.get(value, False)
    return valid


def _phone_flags(value: str) -> tuple[str, ...]:
    if value[0] == "+" or value.startswith("00"):
        if imitated_service(value.lstrip("+0")) is not None:
            return (SPOOFED,)
        if value.startswith(("+0", "00")):
            return (FORM,)
        return (FOREIGN,) if _valid_foreign(value) else (FOREIGN, NO_SUCH_NUMBER)
    if len(value) == 11 and value[0] == "1":
        if value[:3] in MOBILE_SEGMENTS:
            return ()
        return (UNASSIGNED,) if _mobile_shaped(value) else (LENGTH,)
    if value[0] == "0":
        return () if len(value) > 3 and _landline_shaped(value) else (LENGTH,)
    return () if _SERVICE.fullmatch(value) else (LENGTH,)


def _placeholder(digits: str) -> bool:
    return len(digits) >= 6 and digits.count(digits[0]) == len(digits)


# ---------------------------------------------------------------------------- cards, QQ, accounts
_CARD_SEPARATORS = str.maketrans("", "", " -")


def _bank_card(text: str) -> str | None:
    digits = text if text.isdigit() else text.translate(_CARD_SEPARATORS)  # (ASCII here)
    if not 6 <= len(digits) <= 30 or not digits.isdigit() or _placeholder(digits):
        return None
    return digits


def _card_flags(value: str) -> tuple[str, ...]:
    if is_id_number(value):
        return (ID_NUMBER,)
    if 16 <= len(value) <= 19 and not luhn_valid(value):
        return (CHECK_DIGIT,)
    return () if 10 <= len(value) <= 25 else (LENGTH,)


_QQ_WORD = regex(r"qq[ :=#\-]*(?=\d)", re.IGNORECASE)


def _qq(text: str) -> str | None:
    if not text.isdigit():
        word = _QQ_WORD.match(text)  # `QQ:123456789`, `qq 123456789`
        if word is None:
            return None
        text = text[word.end() :]
    return text if 4 <= len(text) <= 15 and text.isdigit() and text.strip("0") else None


def _qq_flags(value: str) -> tuple[str, ...]:
    if value[0] == "0":
        return (FORM,)
    return () if 5 <= len(value) <= 11 else (LENGTH,)


_PHONE_LIKE = regex(r"\+?[\d \-.()]+")
_WECHAT = regex(r"[a-z][a-z0-9_\-]{5,19}")
_WECHAT_LIKE = regex(r"[a-z0-9_\-]{2,64}")
_NOT_WECHAT = frozenset(["weixin", "wechat", "wxpay", "app"])
_EMAIL = regex(r"[a-z0-9][a-z0-9._%+\-]*@[a-z0-9.\-]+\.[a-z]{2,10}")
_EMAIL_LIKE = regex(r"[a-z0-9._%+\-]+@[a-z0-9._\-]+")


def _wechat(text: str) -> str | None:
    text = text.lower()
    if _PHONE_LIKE.fullmatch(text):
        return _phone(text)  # a WeChat ID that is the owner's phone number (`+86 138…` too)
    return text if _WECHAT_LIKE.fullmatch(text) and text not in _NOT_WECHAT else None


def _alipay(text: str) -> str | None:
    text = text.lower()
    if _PHONE_LIKE.fullmatch(text):
        return _phone(text)
    return text if _EMAIL_LIKE.fullmatch(text) else None


def _account_flags(kind: str, value: str) -> tuple[str, ...]:
    """WeChat and Alipay: a phone number is flagged as a phone; anything else not of the usual form."""
    if _mobile_shaped(value) or value[0] == "+":
        return _phone_flags(value)
    usual = _WECHAT if kind == "wechat" else _EMAIL
    return () if usual.fullmatch(value) else (FORM,)


# ---------------------------------------------------------------------------------- addresses, links
_IP = regex(r"(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})")
_IPV4 = regex(r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}")
_LABEL = r"[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?"
# Scheme, host, port, path (the characters fanzha.extract.url accepts), anchored: as the extractor reads.
_URL = regex(
    r"(?:(?P<scheme>https?|hxxps?|ftp)://)?(?P<host>" + _LABEL + r"(?:\." + _LABEL + r"){1,8})"
    r"(?::\d{2,5})?(?P<path>[/?#][a-z0-9\-._~:/?#@!$&*+,;=%]*)?"
)
# The same with any scheme and any labels: a link the extractor would not take from a text.
_ANY_URL = regex(
    r"(?:[a-z][a-z0-9+.\-]*://)?(?P<host>[a-z0-9_\-]+(?:\.[a-z0-9_\-]+)+)\.?(?::\d{1,5})?(?P<path>[/?#]\S*)?"
)
_TLD = regex(r"[a-z]{2,63}|xn--[a-z0-9\-]+")


def _ip(text: str) -> str | None:
    m = _IP.fullmatch(text)
    return None if m is None else ".".join(str(int(octet)) for octet in m.groups())


def _ip_flags(value: str) -> tuple[str, ...]:
    return () if _IPV4.fullmatch(value) else (FORM,)


def _link(host: str, path: str) -> str:
    path = path.rstrip(".,;:!?)")
    return host + (path.rstrip("/") if path not in ("", "/") else "")


def _url(text: str) -> str | None:
    """A link as the extractor reads it; None where the extractor must be asked (or would refuse)."""
    m = _URL.fullmatch(text.lower())
    if m is None:
        return None
    scheme, host, path = m.group("scheme"), m.group("host"), m.group("path") or ""
    tld = host.rsplit(".", 1)[-1]
    if _IPV4.fullmatch(host) is not None:
        if scheme is None and "/" not in path:
            return None  # a bare address is an `ip`; the extractor reads `1.2.3.4?x` as one too
    elif scheme is None:
        if not (tld.isalpha() and len(tld) <= 10) or (not path and len(host) < 5):
            return None
        if not host.startswith("www.") and tld not in TLDS and host not in SHORTENERS:
            return None
    elif tld.isdigit():
        return None
    return _link(host, path)


def _any_url(text: str) -> str | None:
    """A link the extractor does not read (`abc.qwerty`, `abc.c0m/x`): host and path as written."""
    m = _ANY_URL.fullmatch(text.lower())
    if m is None:
        return None
    host = m.group("host")
    if not any(ch.isalpha() for ch in host) and _IPV4.fullmatch(host) is None:
        return None  # `1.2.3` is no link
    return _link(host, m.group("path") or "")


def host_of(value: str) -> str:
    """The host of a canonical link (`host/path`, `host?query`, `host#frag`)."""
    return value.partition("/")[0].partition("?")[0].partition("#")[0]


def _link_flags(value: str) -> tuple[str, ...]:
    host = host_of(value)
    if _IPV4.fullmatch(host) is not None:
        return ()
    return () if _TLD.fullmatch(host.rsplit(".", 1)[-1]) else (FORM,)


# ------------------------------------------------------------------------------------------ the rule
def _domain(text: str) -> str | None:
    value = _url(text)
    return None if value is None else host_of(value)


def _any_domain(text: str) -> str | None:
    value = _any_url(text)
    return None if value is None else host_of(value)


_READ: dict[str, Callable[[str], str | None]] = {
    "phone": _phone,
    "bank_card": _bank_card,
    "url": _url,
    "domain": _domain,
    "ip": _ip,
    "qq": _qq,
    "wechat": _wechat,
    "alipay": _alipay,
}
_READ_ANY: dict[str, Callable[[str], str | None]] = {"url": _any_url, "domain": _any_domain}
_CONTEXT = {"qq": "QQ ", "wechat": "微信 ", "alipay": "支付宝 ", "bank_card": "卡号 "}


@lru_cache(maxsize=65_536)
def _extracted(kind: str, raw: str) -> str | None:
    """The first identifier of `kind` the extractor reads in `raw` (after the word that announces it),
    unless it is only the beginning of the value (`www.aa` of `www.aa.c0m`)."""
    from fanzha.extract.registry import extract

    text = _CONTEXT.get(kind, "") + raw.strip()
    for ident in extract(text):
        if ident.kind == kind or (kind in ("url", "domain") and ident.kind in ("url", "domain")):
            if _goes_on(text, ident.end):
                continue
            return ident.value if kind != "domain" else ident.host
    return None


def _goes_on(text: str, end: int) -> bool:
    """Does the value go on after `end`: a letter, a digit, `_`, `-`, or a dot before a letter or digit?"""
    after = text[end : end + 1]
    if after in ("_", "-"):
        return True
    if after == ".":
        after = text[end + 1 : end + 2]
    return after.isascii() and after.isalnum()


def canonical(kind: str, raw: str) -> str | None:
    """The canonical form of `raw` as an identifier of `kind`, or None if it has no reading as one.

    >>> canonical("phone", "+86 140 1234 5678"), canonical("url", "HTTPS://WWW.Example.com/a/")
    ('14012345678', 'www.example.com/a')
    """
    read = _READ.get(kind)
    if read is None or len(raw) > MAX_LENGTH:
        return None
    text = raw.strip()
    if not text.isascii():
        text = normalize(text).text.strip()  # full-width digits, zero-width spaces, Chinese numerals
    if not text:
        return None
    value = read(text) if text.isascii() else None
    if value is not None:
        return value
    value = _extracted(kind, raw)
    if value is not None:
        return value
    read_any = _READ_ANY.get(kind)
    return read_any(text) if read_any is not None and text.isascii() else None


def _wechat_flags(value: str) -> tuple[str, ...]:
    return _account_flags("wechat", value)


def _alipay_flags(value: str) -> tuple[str, ...]:
    return _account_flags("alipay", value)


_FLAGS: dict[str, Callable[[str], tuple[str, ...]]] = {
    "phone": _phone_flags,
    "bank_card": _card_flags,
    "url": _link_flags,
    "domain": _link_flags,
    "ip": _ip_flags,
    "qq": _qq_flags,
    "wechat": _wechat_flags,
    "alipay": _alipay_flags,
}


_UNASSIGNED_ONLY = (UNASSIGNED,)


def read(kind: str, raw: str) -> tuple[str, tuple[str, ...]] | None:
    """`(canonical(kind, raw), flags_of(kind, that value))` in one call, or None; the commonest spellings
    (a mobile, card or QQ number written as plain digits) without any detour. The bulk linker calls it
    once for every distinct value, millions of times."""
    if raw.isdigit() and raw.isascii():
        if kind == "phone" and len(raw) == 11 and raw[0] == "1" and raw[1] in "3456789":
            return raw, (() if raw[:3] in MOBILE_SEGMENTS else _UNASSIGNED_ONLY)
        if kind == "bank_card" and 10 <= len(raw) <= 25 and not _placeholder(raw):
            return raw, _card_flags(raw)
        if kind == "qq" and 5 <= len(raw) <= 11 and raw[0] != "0":
            return raw, ()
    value = canonical(kind, raw)
    if value is None:
        return None
    flags = _FLAGS.get(kind)
    return value, (flags(value) if flags is not None else ())


def flags_of(kind: str, value: str) -> tuple[str, ...]:
    """The notes for the officer on a canonical value: () for an ordinary one (and for kinds without
    rules, such as the case desk's `app`).

    >>> flags_of("phone", "14012345678"), flags_of("bank_card", "6222021234567890127")
    (('号段未分配',), ('校验位不符',))
    """
    flags = _FLAGS.get(kind)
    return flags(value) if flags is not None and value else ()
