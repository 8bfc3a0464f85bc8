"""The recognizer registry: the one place that lists recognizers, runs them and resolves overlaps."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from fanzha.extract.amount import AmountRecognizer
from fanzha.extract.bank_card import BankCardRecognizer
from fanzha.extract.base import Candidate, Identifier, Recognizer
from fanzha.extract.id_card import IdCardRecognizer
from fanzha.extract.ip import IpRecognizer
from fanzha.extract.phone import PhoneRecognizer
from fanzha.extract.social import AlipayRecognizer, QqRecognizer, WechatRecognizer
from fanzha.extract.url import UrlRecognizer
from fanzha.text import NormText, normalize

KINDS = ("phone", "bank_card", "url", "domain", "ip", "qq", "wechat", "alipay", "id_card", "amount")
# Names of the kinds as users see them.
KIND_NAMES = {
    "phone": "电话号码",
    "bank_card": "银行卡/账号",
    "url": "网址",
    "domain": "域名",
    "ip": "IP地址",
    "qq": "QQ",
    "wechat": "微信号",
    "alipay": "支付宝账号",
    "id_card": "身份证号",
    "amount": "金额",
}
_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=1)
def default_recognizers() -> tuple[Recognizer, ...]:
    return (
        UrlRecognizer(),
        IdCardRecognizer(),
        PhoneRecognizer(),
        BankCardRecognizer(),
        IpRecognizer(),
        QqRecognizer(),
        WechatRecognizer(),
        AlipayRecognizer(),
        AmountRecognizer(),
    )


def _resolve(
    hits: list[tuple[int, int, Candidate, Recognizer]],
) -> list[tuple[int, int, Candidate, Recognizer]]:
    """Drop plain hits that overlap a better plain hit; contextual hits (QQ, WeChat) always stay.

    Better: higher recognizer priority, then longer span, then higher score. Amounts never
    displace an identifier, and a span fully inside a link belongs to the link.
    """
    plain = sorted(
        (h for h in hits if not h[3].contextual),
        key=lambda h: (-h[3].priority, -(h[1] - h[0]), -h[2].score),
    )
    kept: list[tuple[int, int, Candidate, Recognizer]] = []
    starts: list[int] = []  # kept spans never overlap, so sorted by start they are sorted by end too
    ends: list[int] = []
    for hit in plain:
        i = bisect.bisect_left(starts, hit[0])
        if (i > 0 and ends[i - 1] > hit[0]) or (i < len(starts) and starts[i] < hit[1]):
            continue
        starts.insert(i, hit[0])
        ends.insert(i, hit[1])
        kept.append(hit)
    links = [(k[0], k[1]) for k in kept if (k[2].kind or k[3].kind) in ("url", "domain")]
    kept.extend(h for h in hits if h[3].contextual and not any(a <= h[0] and h[1] <= b for a, b in links))
    kept.sort(key=lambda h: (h[0], h[1]))
    return kept


@dataclass(frozen=True, slots=True)
class Located:
    """An identifier and its span in the normalised text (the identifier's own span is original)."""

    identifier: Identifier
    norm_start: int
    norm_end: int


def locate(norm: NormText, recognizers: Iterable[Recognizer] | None = None) -> list[Located]:
    """Identifiers in an already normalised text, with spans in both texts."""
    text = norm.text
    has_digit = _DIGIT.search(text) is not None
    hits: list[tuple[int, int, Candidate, Recognizer]] = []
    for recognizer in recognizers if recognizers is not None else default_recognizers():
        if recognizer.requires_digit and not has_digit:
            continue
        for start, end, candidate in recognizer.find(text):
            hits.append((start, end, candidate, recognizer))
    if not hits:
        return []
    out: list[Located] = []
    seen: set[tuple[str, str, int]] = set()
    for start, end, candidate, recognizer in _resolve(hits):
        kind = candidate.kind or recognizer.kind
        key = (kind, candidate.value, start)
        if key in seen:
            continue
        seen.add(key)
        a, b = norm.span(start, end)
        identifier = Identifier(
            kind, candidate.value, a, b, candidate.score, candidate.reason, candidate.details
        )
        out.append(Located(identifier, start, end))
    return out


def extract_normalized(norm: NormText, recognizers: Iterable[Recognizer] | None = None) -> list[Identifier]:
    """Identifiers in an already normalised text, with spans in the original text."""
    return [located.identifier for located in locate(norm, recognizers)]


def extract(text: str, *, kinds: Iterable[str] | None = None) -> list[Identifier]:
    """Every identifier in `text`: phones, cards, links, accounts, ID numbers, amounts.

    >>> [(i.kind, i.value) for i in extract("请转账到6222021234567890128，联系电话138-0013-8000")]
    [('bank_card', '6222021234567890128'), ('phone', '13800138000')]
    """
    found = extract_normalized(normalize(text))
    if kinds is not None:
        wanted = set(kinds)
        found = [i for i in found if i.kind in wanted]
    return found
