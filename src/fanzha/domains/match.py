"""The lookalike rules, tried in order on a parsed host; the first that fires gives the verdict.

1. official   – the host or a parent domain is an official domain;
2. tld_swap   – the registrable label is a brand's own label under another ending (`icbc.top`); a label
                of three characters or fewer only on a risky ending, in the brand's home (`ccb.cn`) or
                when it is a number (`189.com`);
3. homoglyph  – the label looks like a brand's label but is spelt differently (`1cbc`, Cyrillic `іcbc`;
                three characters only as for tld_swap: `b0c.cn`, not `b0c.com`);
4. typo       – the label is one edit from a brand label of six or more letters (`alipey`, `taoboa`), or a
                short label's typo scores enough with the rest of the host (`icb.com.cn`, `ctirp.com`:
                `fanzha.domains.short`);
5. brand_word – the label holds a brand token plus words or numbers (`icbc-95588`, `alipay-verify`,
                `abcvip`, `jdkefu`: `fanzha.domains.tokens`), also with look-alike characters
                (`a1ipay-login`);
6. pinyin     – the label holds the pinyin of the brand's Chinese name (`jiansheyinhang`, `zfb-kefu`);
   … and one hyphenated piece of the label misspelt or respelt, the others scam words (`taoboa-tk`,
   `zt0-kd`: `_piece_hit`, as typo or homoglyph);
7. subdomain  – an official domain (ending within the subdomain labels: not `www.apple.com.hk`) or a brand
                token sits left of another registrable domain (`icbc.com.cn.xyz-login.top`,
                `alipay.secure-check.top`); a short name only when that domain has a risky ending or a name
                that reads as nothing (`abc.x7k2q.cn`: `fanzha.domains.shape`).

Before them, a label with Chinese characters is read for the brands' Chinese names (`fanzha.domains.chinese`,
as brand_word), then by these rules without its Chinese. Never a lookalike: a host under a restricted
ending (gov.cn, edu.cn, .政务 …). A guarded brand's hit by name alone (tld_swap, typo, brand_word, pinyin)
counts only on a risky ending, unless it came by the brand's service number (`Target.guarded`); a brand's
name under a Hong Kong, Macao or Taiwan ending is its arm there, not a tld_swap.
"""

from __future__ import annotations

from fanzha.domains.chinese import chinese_name_in, has_chinese, without_chinese
from fanzha.domains.hit import Hit, who
from fanzha.domains.host import ascii_host, is_ip
from fanzha.domains.index import SHORT_TOKEN, DomainIndex, Target, deletions, edits, fold_domain, one_edit
from fanzha.domains.pinyin import is_pinyin
from fanzha.domains.shape import RESTRICTED, home_ending, looks_random
from fanzha.domains.short import short_typo_hit
from fanzha.domains.skeleton import skeleton
from fanzha.domains.suffix import HostParts, split_host
from fanzha.domains.tokens import is_words, short_name, tokens_in
from fanzha.domains.verdict import DomainVerdict

RISKY_BONUS = 0.05
PINYIN_TYPO = 8  # from this length a label reading as pinyin after a changed letter is a typo (pinduiduo)
_IGNORED_SUBLABELS = frozenset(["www", "m", "wap", "mobile"])
# The kinds that rest on the registrable name alone, which a guarded brand's name shares with other people's
# and its own side sites (`Target.guarded`): not a look-alike spelling, nor the official domain as a subdomain.
_BY_NAME = frozenset(["tld_swap", "typo", "brand_word", "pinyin"])
_GREATER_CHINA = frozenset(["hk", "com.hk", "mo", "com.mo", "tw", "com.tw"])


def classify(host: str, index: DomainIndex) -> DomainVerdict:
    """The verdict on a parsed host (see `fanzha.domains.host.parse_host`)."""
    if is_ip(host):
        reason = f"“{host}”是IP地址而不是域名，不是任何品牌的官方网站（正规机构不用IP地址发链接）"
        return DomainVerdict(host, False, None, None, "unrelated", 0.0, reason)
    owner = index.official_owner(ascii_host(host))
    if owner is not None:
        return DomainVerdict(host, True, None, owner, "official", 0.0, _official_reason(host, owner, index))
    parts = split_host(host)
    if parts.suffix in RESTRICTED:
        reason = f"“{host}”在只有政府机关或学校才能注册的“.{parts.suffix}”下，不是仿冒网站"
        return DomainVerdict(host, False, None, None, "unrelated", 0.0, reason)
    hit = _registrable_hit(host, parts, index) if parts.label else None
    guarded = hit is not None and hit.target.guarded and not hit.by_number
    if (
        guarded
        and hit is not None
        and hit.kind in _BY_NAME
        and not _phishing_ending(parts.suffix, hit.kind, index)
    ):
        hit = None  # a guarded name (apple, douyinpay.com, ceairgroup.com) counts only where phishing lives
    if hit is None:
        hit = _subdomain_hit(host, parts, index)
    if hit is None:
        hit = _folded_hit(host, index)
    if hit is None:
        reason = f"“{host}”不是受保护品牌的官方域名，也不像仿冒它们的域名"
        return DomainVerdict(host, False, None, None, "unrelated", 0.0, reason)
    score = min(0.99, hit.score + (RISKY_BONUS if index.is_risky(parts.suffix) else 0.0))
    return DomainVerdict(host, False, hit.target.domain, hit.target.key, hit.kind, score, hit.reason)


def _phishing_ending(suffix: str, kind: str, index: DomainIndex) -> bool:
    """Where a guarded name's hit of `kind` counts: a risky ending; for the name beside scam words, also the
    .cn space (court-zxcx.cn; the name alone under .cn or .com.cn is as often the brand's own:
    icloud.com.cn, mps.cn; the restricted gov.cn and edu.cn never get here)."""
    cn_space = suffix == "cn" or suffix.endswith(".cn")
    return index.is_risky(suffix) or (cn_space and kind in ("brand_word", "pinyin"))


def _official_reason(host: str, owner: str, index: DomainIndex) -> str:
    target = next((t for t in index.targets if t.key == owner), None)
    name = who(target) if target is not None else index.owner_names.get(owner)
    if name is None:  # a domain of a whole list of a sector's official sites, no brand of ours
        return f"“{host}”在已登记机构的官方域名名单中"
    return f"“{host}”属于{name}的官方域名"


def _registrable_hit(host: str, parts: HostParts, index: DomainIndex) -> Hit | None:
    label, suffix = parts.label, parts.suffix
    if not label.isascii() and has_chinese(label):
        hit = _chinese_hit(host, label, index)
        label = without_chinese(label)  # icbc客服: the ASCII name's rules read "icbc"
        if hit is not None or not label:
            return hit
    risky = index.is_risky(suffix)
    same = index.by_label.get(label)
    if same is not None:
        target = same[0][1]
        if suffix in _GREATER_CHINA and not risky:
            return None  # a mainland brand's Hong Kong, Macao or Taiwan arm (chinastock.com.hk)
        # A name of three characters or fewer is someone else's on most endings (boc.com, ems.com); a
        # number is the brand itself (189.com), and so is a short name in the brand's home (ccb.cn).
        if len(label) > 3 or risky or label.isdigit() or _at_home(suffix, target):
            reason = (
                f"“{host}”用{who(target)}的名称“{label}”注册在“.{suffix}”下，"
                f"但其官方域名是{target.domain}（换了域名后缀）"
            )
            return Hit("tld_swap", target, 0.85 if len(label) > 3 else 0.75, reason)
        return None
    looks = index.by_skeleton.get(skeleton(label))
    if looks is not None and _homoglyph_counts(label, suffix, looks, risky):
        odd = [c for c in label if not c.isascii()]
        how = f"用形近的外文字母“{''.join(odd)}”" if odd else "把字母换成形近的数字或字母"
        reason = f"“{host}”{how}冒充{who(looks)}的官方域名{looks.domain}"
        return Hit("homoglyph", looks, 0.95 if odd else 0.9, reason)
    typo = _typo_target(label, index)
    if typo is not None and not (typo.guarded and not risky):  # icbcc.com: icbc's, not icbccs's
        reason = f"“{host}”与{who(typo)}的官方域名{typo.domain}只差一个字符，是错拼仿冒的域名"
        return Hit("typo", typo, 0.8, reason)
    candidates = index.short_typos.get(label)
    if candidates:
        hit = short_typo_hit(host, label, suffix, candidates=candidates, risky=risky)
        if hit is not None:
            return hit
    return _token_hit(host, label, index, risky) or _piece_hit(host, label, suffix, index, risky)


def _chinese_hit(host: str, label: str, index: DomainIndex) -> Hit | None:
    found = chinese_name_in(label, index.chinese, index.chinese_words)
    if found is None:
        return None
    name, target, word = found
    beside = f"和“{word}”" if word else ""
    reason = f"“{host}”用中文写上{who(target)}的名称“{name}”{beside}，但不是其官方域名{target.domain}"
    return Hit("brand_word", target, 0.85, reason)


def _piece_hit(host: str, label: str, suffix: str, index: DomainIndex, risky: bool) -> Hit | None:
    """A brand name misspelt or spelt with look-alike characters in one hyphenated piece of the label,
    the other pieces scam words (`taoboa-tk`, `spbd-ebank`, `zt0-kd`, `cc6-vip`): the piece is judged
    as a label of its own, and three characters are enough when a digit stands for a letter."""
    pieces = [p for p in label.split("-") if p]
    if len(pieces) < 2:
        return None
    for i, piece in enumerate(pieces):
        rest = [p for j, p in enumerate(pieces) if j != i]
        if not piece.isascii() or not all(is_words(p, index) for p in rest):
            continue
        words = "-".join(rest)
        looks = index.by_skeleton.get(skeleton(piece))
        respelt = any(c.isdigit() for c in piece) and not piece.isdigit()
        if looks is not None and piece not in index.label_target and (len(piece) > 3 or respelt):
            reason = f"“{host}”把{who(looks)}的名称“{split_host(looks.domain).label}”写成形近的“{piece}”，还加上了“{words}”，不是其官方域名{looks.domain}"
            return Hit("homoglyph", looks, 0.85, reason)
        typo = _typo_target(piece, index)
        if typo is not None and not (typo.guarded and not risky):
            reason = f"“{host}”的“{piece}”与{who(typo)}的官方域名{typo.domain}只差一个字符，还加上了“{words}”，是错拼仿冒的域名"
            return Hit("typo", typo, 0.85, reason)
        candidates = index.short_typos.get(piece)
        if candidates:
            hit = short_typo_hit(host, piece, suffix, candidates=candidates, risky=risky, words=words)
            if hit is not None:
                return hit
    return None


def _at_home(suffix: str, target: Target) -> bool:
    return home_ending(suffix, split_host(target.domain).suffix)


def _homoglyph_counts(label: str, suffix: str, looks: Target, risky: bool) -> bool:
    """Three characters or fewer only with foreign letters, a risky ending or in the brand's home
    (b0c.cn, not b0c.com); digits against a number are a typo, not a look-alike (10068, 10086)."""
    brand_label = split_host(looks.domain).label
    if label.isdigit() and brand_label.isdigit():
        return False
    return len(label) > 3 or risky or not label.isascii() or _at_home(suffix, looks)


def _typo_target(label: str, index: DomainIndex) -> Target | None:
    """A flagship label one edit away. A label under eight letters that reads as pinyin words is another
    word when a letter was changed or added (meitian 美甜, not meituan), but a slip of the hand when one
    was left out, doubled or swapped with its neighbour (taoao, pindouduo); longer ones are rarely
    words of their own (pinduiduo)."""
    if len(label) < 5 or not label.isascii():
        return None
    found: set[str] = set(index.deletes.get(label, ()))
    targets, deletes = index.label_target, index.deletes
    for variant in deletions(label):
        if variant in targets:
            found.add(variant)
        if variant in deletes:
            found.update(deletes[variant])
    if not found:
        return None
    pinyin = len(label) < PINYIN_TYPO and is_pinyin(label)
    for candidate in sorted(found):
        near = len(candidate) >= 6 and one_edit(label, candidate) and _same_start(label, candidate)
        if near and (not pinyin or label in edits(candidate)):
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


def _token_hit(host: str, label: str, index: DomainIndex, risky: bool) -> Hit | None:
    for token, exact in tokens_in(label, index):
        if token.text == label and short_name(token):
            continue  # an abbreviation alone is someone else's name (abc.xyz); a flagship label is tld_swap
        if token.text == label and token.pinyin and token.text in index.ambiguous and not risky:
            continue  # short pinyin alone is someone's name (haitong.com) but on a cheap ending

        target, owner = token.target, who(token.target)
        if token.pinyin:
            reason = f"“{host}”含{owner}中文名的拼音“{token.text}”，但不是其官方域名{target.domain}"
            return Hit("pinyin", target, 0.7 if token.initials else 0.85, reason)
        if not exact:
            reason = f"“{host}”用形近字符拼出{owner}的名称“{token.text}”，但不是其官方域名{target.domain}"
            return Hit("homoglyph", target, 0.9, reason)
        rest = label.replace(token.text, " ")
        number = next((n for n in target.numbers if n in rest), None)
        if number is not None:
            what = f"品牌名{token.text}和客服号码{number}"
            score = 0.95
        elif token.text.isdigit():
            what, score = f"客服号码{token.text}", 0.85
        else:
            what, score = f"品牌名{token.text}", 0.85
        reason = f"“{host}”含{owner}的{what}，但不是其官方域名{target.domain}"
        return Hit("brand_word", target, score, reason, by_number=number is not None or token.text.isdigit())
    return None


def _folded_hit(host: str, index: DomainIndex) -> Hit | None:
    """The brand's own name on an ending written to look like its real one (icbc.corn.cn, icbc.c0m.cn,
    ccb.corn): read by their look (rn as m, 0 as o) the labels spell an official domain, the name as
    written. A changed name is left to the checks of names, which know when a digit is a typo of a number
    (12308, 169) and when a short name is someone else's (cc8.com). The host is not official (`classify`
    asked first)."""
    labels = ascii_host(host).split(".")
    for start in range(len(labels) - 1):
        target = index.by_folded_domain.get(fold_domain(".".join(labels[start:])))
        if target is not None and target.domain.split(".")[0] == labels[start]:
            reason = (
                f"“{host}”把{who(target)}的官方域名{target.domain}的后缀写成形近的字符（如把com写成corn）"
            )
            return Hit("homoglyph", target, 0.9, reason)
    return None


def _subdomain_hit(host: str, parts: HostParts, index: DomainIndex) -> Hit | None:
    if not parts.subdomain:
        return None
    dotted = f".{ascii_host(host)}."
    # the official domain must end within the subdomain labels: www.apple.com.hk is apple.com.hk's name
    # under another ending (tld_swap's to judge), not apple.com written left of someone else's domain
    sub_end = 1 + len(".".join(ascii_host(label) for label in parts.subdomain))
    for start, target in index.iter_domains(dotted):
        if start + len(target.domain) + 1 > sub_end:
            continue
        reason = (
            f"“{host}”把{who(target)}的官方域名{target.domain}写在前面冒充，实际网站是{parts.registrable}"
        )
        return Hit("subdomain", target, 0.95, reason)
    risky = index.is_risky(parts.suffix)
    # A short name counts left of a cheap ending, or of a name that reads as nothing (abc.x7k2q.cn):
    # a partner's page on a real site (icbc.zhihu.com, jd.zol.com.cn) has a name that reads.
    random = bool(parts.label) and looks_random(parts.label)
    for sub in parts.subdomain:
        if sub in _IGNORED_SUBLABELS:
            continue
        for token, exact in tokens_in(sub, index):
            short = len(token.text) <= SHORT_TOKEN or token.initials or token.abbrev
            if (short and not (risky or random)) or (token.target.guarded and not random):
                continue  # kuaishou.httpdns.pro is a real service's name
            site = (
                f"实际网站{parts.registrable}的名字是无意义的字符串"
                if short and random and not risky
                else f"实际网站是{parts.registrable}"
            )
            reason = (
                f"“{host}”在子域名里写上{who(token.target)}的名称“{token.text}”，{site}，"
                f"不是其官方域名{token.target.domain}"
            )
            score = (0.75 if random and not risky else 0.7) if short else 0.85
            return Hit("subdomain", token.target, score - (0 if exact else 0.05), reason)
    return None
