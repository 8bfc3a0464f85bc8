"""The lookalike rules, tried in order on a parsed host; the first that fires gives the verdict.

1. official   – the host or a parent domain is an official domain;
2. tld_swap   – the registrable label is a brand's own label under another ending (`icbc.top`);
3. homoglyph  – the label looks like a brand's label but is spelt differently (`1cbc`, Cyrillic `іcbc`);
4. typo       – the label is one edit from a brand label of six or more letters (`alipey`, `taoboa`);
5. brand_word – the label holds a brand token plus words or numbers (`icbc-95588`, `alipay-verify`),
                also with look-alike characters (`a1ipay-login`);
6. pinyin     – the label holds the pinyin of the brand's Chinese name (`jiansheyinhang`);
7. subdomain  – an official domain or a brand token sits left of another registrable domain
                (`icbc.com.cn.xyz-login.top`, `alipay.secure-check.top`).
"""

from __future__ import annotations

from dataclasses import dataclass

from fanzha.domains.host import ascii_host, is_ip
from fanzha.domains.index import SHORT_TOKEN, DomainIndex, Target, Token, deletions, one_edit
from fanzha.domains.pinyin import is_pinyin
from fanzha.domains.skeleton import skeleton
from fanzha.domains.suffix import HostParts, split_host
from fanzha.domains.verdict import DomainVerdict

RISKY_BONUS = 0.05
_IGNORED_SUBLABELS = frozenset(["www", "m", "wap", "mobile"])


@dataclass(frozen=True, slots=True)
class _Hit:
    kind: str
    target: Target
    score: float
    reason: str


def _who(target: Target) -> str:
    return f"已登记域名{target.domain}" if target.key == target.domain else target.name


def classify(host: str, index: DomainIndex) -> DomainVerdict:
    """The verdict on a parsed host (see `fanzha.domains.host.parse_host`)."""
    if is_ip(host):
        reason = f"“{host}”是IP地址而不是域名，不是任何品牌的官方网站（正规机构不用IP地址发链接）"
        return DomainVerdict(host, False, None, None, "unrelated", 0.0, reason)
    owner = index.official_owner(ascii_host(host))
    if owner is not None:
        return DomainVerdict(host, True, None, owner, "official", 0.0, _official_reason(host, owner, index))
    parts = split_host(host)
    hit = _registrable_hit(host, parts, index) if parts.label else None
    if hit is None:
        hit = _subdomain_hit(host, parts, index)
    if hit is None:
        reason = f"“{host}”不是受保护品牌的官方域名，也不像仿冒它们的域名"
        return DomainVerdict(host, False, None, None, "unrelated", 0.0, reason)
    score = min(0.99, hit.score + (RISKY_BONUS if index.is_risky(parts.suffix) else 0.0))
    return DomainVerdict(host, False, hit.target.domain, hit.target.key, hit.kind, score, hit.reason)


def _official_reason(host: str, owner: str, index: DomainIndex) -> str:
    target = next((t for t in index.targets if t.key == owner), None)
    who = _who(target) if target is not None else owner
    return f"“{host}”属于{who}的官方域名"


def _registrable_hit(host: str, parts: HostParts, index: DomainIndex) -> _Hit | None:
    label, suffix = parts.label, parts.suffix
    risky = index.is_risky(suffix)
    same = index.by_label.get(label)
    if same is not None:
        target = same[0][1]
        if len(label) > 3 or risky:
            reason = (
                f"“{host}”用{_who(target)}的名称“{label}”注册在“.{suffix}”下，"
                f"但其官方域名是{target.domain}（换了域名后缀）"
            )
            return _Hit("tld_swap", target, 0.85 if len(label) > 3 else 0.75, reason)
        return None
    looks = index.by_skeleton.get(skeleton(label))
    if looks is not None and (len(label) > 3 or risky or not label.isascii()):
        odd = [c for c in label if not c.isascii()]
        how = f"用形近的外文字母“{''.join(odd)}”" if odd else "把字母换成形近的数字或字母"
        reason = f"“{host}”{how}冒充{_who(looks)}的官方域名{looks.domain}"
        return _Hit("homoglyph", looks, 0.95 if odd else 0.9, reason)
    typo = _typo_target(label, index)
    if typo is not None:
        reason = f"“{host}”与{_who(typo)}的官方域名{typo.domain}只差一个字符，是错拼仿冒的域名"
        return _Hit("typo", typo, 0.8, reason)
    return _token_hit(host, label, index)


def _typo_target(label: str, index: DomainIndex) -> Target | None:
    """A flagship label one edit away, unless the label reads as pinyin words (meitian, not meituan)."""
    if len(label) < 5 or not label.isascii() or is_pinyin(label):
        return None
    found: set[str] = set(index.deletes.get(label, ()))
    for variant in deletions(label):
        if variant in index.label_target:
            found.add(variant)
        found.update(index.deletes.get(variant, ()))
    for candidate in sorted(found):
        if len(candidate) >= 6 and one_edit(label, candidate) and _same_start(label, candidate):
            return index.label_target[candidate]
    return None


def _same_start(label: str, candidate: str) -> bool:
    """A different first letter makes a different word more often than a typo (ebchina, abchina)."""
    return (
        label[0] == candidate[0]
        or label[1:] == candidate
        or label == candidate[1:]
        or (label[1] == candidate[0] and label[0] == candidate[1])
    )


def _token_hit(host: str, label: str, index: DomainIndex) -> _Hit | None:
    for token, exact in _tokens_in(label, index):
        target, who = token.target, _who(token.target)
        if token.pinyin:
            reason = f"“{host}”含{who}中文名的拼音“{token.text}”，但不是其官方域名{target.domain}"
            return _Hit("pinyin", target, 0.7 if token.initials else 0.85, reason)
        if not exact:
            reason = f"“{host}”用形近字符拼出{who}的名称“{token.text}”，但不是其官方域名{target.domain}"
            return _Hit("homoglyph", target, 0.9, reason)
        rest = label.replace(token.text, " ")
        number = next((n for n in target.numbers if n in rest), None)
        if number is not None:
            what = f"品牌名{token.text}和客服号码{number}"
            score = 0.95
        elif token.text.isdigit():
            what, score = f"客服号码{token.text}", 0.85
        else:
            what, score = f"品牌名{token.text}", 0.85
        reason = f"“{host}”含{who}的{what}，但不是其官方域名{target.domain}"
        return _Hit("brand_word", target, score, reason)
    return None


def _tokens_in(label: str, index: DomainIndex) -> list[tuple[Token, bool]]:
    """Brand tokens that stand in `label` by the boundary rules, exact first, then via the skeleton."""
    found = [
        (t, True) for start, n, t in index.iter_tokens(label) if _stands(label, label, start, n, t, index)
    ]
    if found:
        return found
    folded = skeleton(label)
    if folded == label:
        return found
    # Runs of letters are judged on the folded label, but a digit written as a digit outside the
    # token still separates ("1cbc95588"); when folding changed the length, on the folded label alone.
    written = label if len(folded) == len(label) else folded
    return [
        (t, False)
        for start, n, t in index.iter_skeleton_tokens(folded)
        if written[start : start + n] != t.text and _stands(folded, written, start, n, t, index)
    ]


def _stands(text: str, written: str, start: int, length: int, token: Token, index: DomainIndex) -> bool:
    """Does the token at `start` stand as a brand name, not as letters inside an unrelated word?

    Numbers must not touch other digits. Long names (5+ letters, full pinyin) count anywhere in the
    exact pass, unless they also read as everyday pinyin (`huabei`, `weixin`, `taobao`); found through look-alike characters they, like short ones (icbc, ccb, pinyin
    initials), must fill a run of letters or leave only scam words around them (`icbcvip`, `wapccb`;
    not `postmail` for tmall). Two-letter ones (jd, qq) must stand between hyphens or label ends.
    `written` is the label as written (its digits separate runs), `text` the one searched.
    """
    end = start + length
    if token.text.isdigit():
        return not (start > 0 and text[start - 1].isdigit()) and not (end < len(text) and text[end].isdigit())
    plain = len(token.text) > SHORT_TOKEN and not token.initials and token.text not in index.ambiguous
    if plain and text is written:
        return True
    if length <= 2:
        return (start == 0 or text[start - 1] == "-") and (end == len(text) or text[end] == "-")

    def letter(i: int) -> bool:
        return text[i].isalpha() and not written[i].isdigit()

    a = start
    while a > 0 and letter(a - 1):
        a -= 1
    b = end
    while b < len(text) and letter(b):
        b += 1
    return _is_words(text[a:start], index) and _is_words(text[end:b], index)


def _is_words(text: str, index: DomainIndex) -> bool:
    if not text or text in index.words:
        return True
    return any(text[:i] in index.words and text[i:] in index.words for i in range(1, len(text)))


def _subdomain_hit(host: str, parts: HostParts, index: DomainIndex) -> _Hit | None:
    if not parts.subdomain:
        return None
    dotted = f".{ascii_host(host)}."
    for _, target in index.iter_domains(dotted):
        reason = (
            f"“{host}”把{_who(target)}的官方域名{target.domain}写在前面冒充，实际网站是{parts.registrable}"
        )
        return _Hit("subdomain", target, 0.95, reason)
    risky = index.is_risky(parts.suffix)
    for sub in parts.subdomain:
        if sub in _IGNORED_SUBLABELS:
            continue
        for token, exact in _tokens_in(sub, index):
            short = len(token.text) <= SHORT_TOKEN or token.initials
            if short and not risky:
                continue
            reason = (
                f"“{host}”在子域名里写上{_who(token.target)}的名称“{token.text}”，"
                f"实际网站是{parts.registrable}，不是其官方域名{token.target.domain}"
            )
            return _Hit("subdomain", token.target, (0.7 if short else 0.85) - (0 if exact else 0.05), reason)
    return None
