"""A text that is nothing but numbers and links (`95588`, `0095588`, `icbc-vip.cc`, “这个号码95588是真的吗”):
the verdict is what is known about them, not what the classifier makes of a bare number.

The classifier learned whole messages; on a lone number it has nothing to read, and its opinion (an
advert, a shopping scam) is noise. When a text holds identifiers and at most `MAX_OTHER_CHARS` other
letters and digits, the engine (`fanzha.detect.engine`) leaves the classifier out:

- the risk is the evidence of the identifiers alone (the calibrated bias and signal weights);
- it is a scam only when an identifier is fake by its form (a service number with 00 or + in front, a
  host imitating a brand's or a government's site) or flagged in the intelligence store (confirmed by the
  police, reported by several); the type is the one that identifier implies — a fake bank, payment,
  operator or airline number is 冒充客服, a fake government number 冒充公检法, a fake site 钓鱼;
- otherwise the risk stays below the scam threshold and the text is ordinary (never an advert), and an
  official number or site says whose it is: “这是中国工商银行的官方客服号码”; below the 可疑 line too, unless
  something about the identifier calls for a check (a foreign or virtual operator's number, a bare IP).

A text that is *bare* — its identifiers and nothing else but spaces and punctuation — is always answered
this way, whatever a cue rule makes of its shape (the rule for a card number sent with a name, say): a
bank card pasted alone is answered like a phone number pasted alone. And a bare run of 16–19 digits that
fails the card check digit is still a card to look up (`lone_account`), flagged 校验位不符, never dropped:
the extractor needs words such as 卡号 beside such a number in a message, but a lone one is an account.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from fanzha.detect.assessment import CueHit
from fanzha.extract.bank_card import issuer, luhn_valid
from fanzha.extract.base import Identifier
from fanzha.extract.canonical import flags_of
from fanzha.extract.id_card import is_id_number
from fanzha.extract.registry import KIND_NAMES, Located
from fanzha.intel.facts import domain_facts, owner_phrase
from fanzha.intel.reference import brands, official_numbers
from fanzha.text import NormText

MAX_OTHER_CHARS = 8  # “这个号码是真的吗” beside the number still asks about the number alone
CONTACT_KINDS = frozenset(["phone", "bank_card", "url", "domain", "ip", "qq", "wechat", "alipay"])
OFFICIAL_SIGNAL = "official_identifier"
OFFICIAL_WEIGHT = -2.0
_OTHER = re.compile(r"[\W_]+")
_DIGIT_RUN = re.compile(r"\d[\d \t-]*\d")  # a card number as written: digits in groups
CARD_DIGITS = range(16, 20)
CARD_NETWORKS = "3456"  # the first digit of a card number: JCB/Amex, Visa, Mastercard, UnionPay
# Evidence that makes a lone identifier a scam, the worst first (a police confirmation outranks the form).
_DECISIVE = ("intel_confirmed", "spoofed_service_number", "lookalike_domain", "fake_government_domain",
             "intel_reported")  # fmt: skip
_GOVERNMENT = "government"


UNREMARKABLE_ADVICE = (
    "这只说明这个号码或链接本身没有已知的风险记录，不代表对方可信：陌生人要你转账、提供验证码、下载APP或"
    "共享屏幕，都是诈骗。拿不准时拨打96110咨询。"
)


@dataclass(frozen=True, slots=True)
class Standalone:
    """What the identifiers of a text made only of identifiers say."""

    fraud_type: str | None  # the type the worst identifier implies; None: nothing fake or flagged
    headline: str  # the verdict in one sentence (“这是中国工商银行的官方客服号码”)
    advice: str | None  # for an official or an unremarkable identifier; a scam takes its type's advice
    signals: list[CueHit]  # evidence to add: an official identifier argues against a scam
    # Something about it calls for a check (a foreign number, a virtual operator's, a bare IP): it may be
    # shown as 可疑. An official or unremarkable identifier never is: nothing is known against it.
    doubtful: bool = False


def only_identifiers(original: str, located: Sequence[Located]) -> bool:
    """Does `original` hold identifiers to check and little else?"""
    if not any(item.identifier.kind in CONTACT_KINDS for item in located):
        return False
    return len(_OTHER.sub("", _rest(original, located))) <= MAX_OTHER_CHARS


def _rest(original: str, located: Sequence[Located]) -> str:
    """`original` without its identifiers."""
    rest, last = [], 0
    for item in sorted(located, key=lambda i: i.identifier.start):
        rest.append(original[last : item.identifier.start])
        last = max(last, item.identifier.end)
    rest.append(original[last:])
    return "".join(rest)


def bare(original: str, located: Sequence[Located]) -> bool:
    """Is `original` its identifiers and nothing else (but spaces and punctuation)?"""
    return only_identifiers(original, located) and not _OTHER.sub("", _rest(original, located))


def lone_account(norm: NormText) -> Located | None:
    """A text that is one run of 16–19 digits failing the card check digit: the account it names (the
    extractor finds such a number only beside words like 卡号; one sent alone is an account all the same).
    None for anything else: a valid card (the extractor has it), an ID number, a placeholder, a number
    that starts as no card does (an order number)."""
    letters = _OTHER.sub("", norm.text)
    if not letters.isdigit() or len(letters) not in CARD_DIGITS or luhn_valid(letters):
        return None
    if letters[0] == "0" or len(set(letters)) == 1 or is_id_number(letters):
        return None
    run = _DIGIT_RUN.search(norm.text)
    if run is None or _OTHER.sub("", run.group()) != letters:
        return None  # the digits are not written as one number
    bank = issuer(letters)
    if bank is None and letters[0] not in CARD_NETWORKS:
        return None  # an order or waybill number, not a card
    details: dict[str, object] = {"luhn": False, "flags": list(flags_of("bank_card", letters))}
    where = ""
    if bank is not None:
        details |= {"bank": bank[0], "card_type": bank[1]}
        where = f"，卡号开头是{bank[0]}的"
    reason = f"{len(letters)}位银行卡号，校验位不符{where}：可能抄错了一位，请核对"
    start, end = norm.span(run.start(), run.end())
    return Located(Identifier("bank_card", letters, start, end, 0.5, reason, details), *run.span())


def standalone(located: Sequence[Located], signals: Sequence[CueHit]) -> Standalone:
    """The verdict of a text that `only_identifiers` accepted, from its identifiers and their signals."""
    contacts = [item.identifier for item in located if item.identifier.kind in CONTACT_KINDS]
    found = {(s.start, s.end, s.id) for s in signals}
    for signal_id in _DECISIVE:
        for ident in contacts:
            if (ident.start, ident.end, signal_id) in found:
                return _fake(ident, signal_id)
    cleared = next((i for i in contacts if (i.start, i.end, "intel_cleared") in found), None)
    if cleared is not None:
        name = KIND_NAMES.get(cleared.kind, "号码")
        return Standalone(None, f"这个{name}曾被举报，经核查已解除标记", None, [])
    owned = [(ident, owner) for ident in contacts if (owner := _owner(ident)) is not None]
    if owned and len(owned) == len(contacts):
        ident, owner = owned[0]
        hits = [_official_hit(i, o) for i, o in owned]
        return Standalone(
            None, owner_phrase(ident.kind, ident.value, owner), _official_advice(ident, owner), hits
        )
    name = KIND_NAMES.get(contacts[0].kind, "号码") if len(contacts) == 1 else "号码和链接"
    spans = {(i.start, i.end) for i in contacts}
    doubt = next((s for s in signals if s.weight > 0 and (s.start, s.end) in spans), None)
    if doubt is not None:  # a foreign number, a virtual operator's, a bare IP: doubtful, not fake
        return Standalone(None, f"这个{name}有可疑之处：{doubt.meaning}", None, [], doubtful=True)
    flags = [f for ident in contacts for f in flags_of(ident.kind, ident.value)]
    odd = f"（注意：{'、'.join(dict.fromkeys(flags))}，请核对是否抄错）" if flags else ""
    return Standalone(None, f"没有发现这个{name}有诈骗特征{odd}", UNREMARKABLE_ADVICE, [])


def _fake(ident: Identifier, signal_id: str) -> Standalone:
    name = KIND_NAMES.get(ident.kind, "号码")
    if signal_id == "intel_confirmed":
        return Standalone("other_fraud", f"这个{name}已被公安机关确认涉诈", None, [])
    if signal_id == "intel_reported":
        return Standalone("other_fraud", f"这个{name}已被多方举报涉诈", None, [])
    if signal_id == "spoofed_service_number":
        number = str(ident.details.get("imitates", ""))
        official = official_numbers().get(number)
        owner = official.organisation if official is not None else _brand_of(number)
        kind = "impersonate_authority" if official is not None and official.kind == _GOVERNMENT else None
        who = f"{owner}的号码{number}" if owner else f"服务号码{number}"
        return Standalone(
            kind or "impersonate_service", f"这不是{who}，而是在前面加了0或+号冒充它的号码", None, []
        )
    if signal_id == "fake_government_domain":
        return Standalone("phishing", "这是冒充政府网站的网址", None, [])
    imitated = domain_facts(ident.host).get("imitated")
    what = f"仿冒{imitated}官方网站" if imitated else "仿冒官方网站"
    return Standalone(
        "phishing", f"这是{what}的钓鱼网址，不要打开，更不要在里面输入银行卡、密码和验证码", None, []
    )


def _brand_of(number: str) -> str | None:
    return next((b.name for b in brands() if number in b.numbers), None)


def _owner(ident: Identifier) -> str | None:
    if ident.kind == "phone":
        official = official_numbers().get(ident.value)
        return official.organisation if official is not None else _brand_of(ident.value)
    if ident.kind in ("url", "domain"):
        owner = domain_facts(ident.host).get("organisation")
        return owner if isinstance(owner, str) else None
    return None


def _official_hit(ident: Identifier, owner: str) -> CueHit:
    meaning = f"{ident.value}是{owner}的官方{'号码' if ident.kind == 'phone' else '网站'}"
    return CueHit(
        OFFICIAL_SIGNAL, ident.value, ident.start, ident.end, meaning, OFFICIAL_WEIGHT, None, "identifier"
    )


def _official_advice(ident: Identifier, owner: str) -> str:
    if ident.kind == "phone":
        return (
            f"{ident.value}是{owner}公布的号码，可以放心拨打。但来电显示可以伪造：接到自称{owner}的来电或短信，"
            f"对方要你转账、提供验证码或共享屏幕的，请挂断，自己拨打{ident.value}核实。"
        )
    return (
        f"这是{owner}的官方网站。请逐字核对网址（仿冒网站常只差一两个字母或多一段后缀），"
        "最好在官方APP里办理；不要在短信、聊天里收到的链接中输入银行卡、密码和验证码。"
    )
