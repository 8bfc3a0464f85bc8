"""Typos of short brand names (the labels of flagship domains of 3–5 letters or digits: icbc, ccb,
psbc, ctrip, 10086, 95588), judged with the rest of the host.

One edit of a short name makes another short name more often than a lookalike (`ccb` → `cbc`,
`tmall` → `mall`), so the edit alone does not decide: the edit, the name and what the host looks like
each add points, and the host is a lookalike at FLAG points or more.

| evidence                                                      | points |
|---------------------------------------------------------------|--------|
| two neighbouring characters swapped (`ibcc`, `ctirp`, `10068`)| 0.5    |
| one character doubled (`icbcc`, `100086`)                     | 0.5    |
| one character left out (`icb`, `tmal`)                        | 0.4    |
| … the first one (`mall` from `tmall`, `trip` from `ctrip`)    | 0.2    |
| the name has 5 characters / 4 / 3                             | +0.2 / +0.1 / 0 |
| the result has 5 characters or more (shorter names on the     | +0.1   |
|   common endings were all registered long ago)                |        |
| a risky ending (`top`, `xyz`, `vip` …)                        | +0.3   |
| the brand's home ending (its own, or the .cn space)           | +0.2   |
| a piece of the name beside scam words (`spbd-ebank`)          | +0.2   |

So `icb.com.cn` (0.7), `bco.cn` (0.7), `cbc.vip` (0.8), `icbcc.com` (0.7), `ctirp.com` (0.8) are
lookalikes; `cbc.com` (0.5), `icb.com` (0.5), `tmal.com` (0.6), `mall.com` (0.4) are not. Numbers of three
or four digits count only on a risky ending (`198.top`): `188.com`, `198.cn` are someone's.
"""

from __future__ import annotations

from fanzha.domains.hit import Hit, who
from fanzha.domains.index import Target
from fanzha.domains.shape import home_ending
from fanzha.domains.suffix import split_host

FLAG = 0.7
_EDIT_POINTS = {"swap": 0.5, "double": 0.5, "omit": 0.4, "omit_first": 0.2}
_EDIT_WORDS = {
    "swap": "调换了两个相邻字符",
    "double": "重复了一个字符",
    "omit": "少了一个字符",
    "omit_first": "少了开头的字符",
}
_LENGTH_POINTS = {3: 0.0, 4: 0.1, 5: 0.2}
RISKY_POINTS, HOME_POINTS, LONG_RESULT_POINTS = 0.3, 0.2, 0.1
WORD_POINTS = 0.2  # the typo is a piece of the name beside scam words (spbd-ebank, taoboa-tk)


def short_typo_hit(
    host: str,
    label: str,
    suffix: str,
    *,
    candidates: list[tuple[str, str, Target]],
    risky: bool,
    words: str = "",
) -> Hit | None:
    """The best-scoring short name `label` is a typo of, when the whole host scores FLAG or more.

    `candidates` are (name, edit, target) for the label, from `DomainIndex.short_typos`; `words`, the scam
    words hyphenated to it when `label` is a piece of the host's name (`spbd-ebank`)."""
    best: tuple[float, str, str, Target, list[str]] | None = None
    for name, edit, target in candidates:
        score = _EDIT_POINTS[edit] + _LENGTH_POINTS[len(name)]
        why = [_EDIT_WORDS[edit]]
        if len(label) >= 5:
            score += LONG_RESULT_POINTS
        if words:
            score += WORD_POINTS
            why.append(f"还加上了“{words}”")
        official_suffix = split_host(target.domain).suffix
        if risky:
            score += RISKY_POINTS
            why.append(f"用的是常被滥用的廉价后缀“.{suffix}”")
        elif name.isdigit() and len(name) < 5:
            continue  # short numbers are everyone's: 188.com, 198.cn are not typos of 189 (198.top is)
        elif home_ending(suffix, official_suffix):
            score += HOME_POINTS
            why.append(f"还用了该品牌所在的后缀“.{suffix}”")
        if best is None or score > best[0]:
            best = (score, name, edit, target, why)
    if best is None or best[0] < FLAG - 1e-9:
        return None
    score, name, _, target, why = best
    reason = (
        f"“{host}”与{who(target)}的官方域名{target.domain}的名称“{name}”相比{'，'.join(why)}，"
        "是错拼仿冒的域名"
    )
    return Hit("typo", target, round(min(score, 0.95), 2), reason)
