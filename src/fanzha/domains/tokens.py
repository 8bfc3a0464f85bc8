"""Where a brand token stands in a label as the brand's name, not as letters of an unrelated word.

- Numbers of five digits or more (`95588`, `10086`) must not touch other digits; shorter ones (`189`,
  `122`) stand only beside scam words (`189-jfdh`; not `room189`, `route-122`). A number is found through
  look-alike characters only when letters stand for some of its digits (`1oo86`; not `12308`).
- Long names (5+ letters, full pinyin) count anywhere, unless they also read as everyday pinyin
  (`huabei`, `weixin`, `taobao`); found through look-alike characters they, like short ones (`icbc`,
  `ccb`, pinyin initials), must fill a run of letters or leave only scam words around it (`icbcvip`,
  `wapccb`; not `postmail` for tmall).
- Two-letter flagship names (`jd`, `qq`) stand between hyphens or label ends (`jd-jr`), or glued to
  scam words of three letters or more (`jdvip`, `qqlogin`; not `qq163`, `qqshuoshuo`, `jdpower`);
  two-letter initials (`wx` 微信, `tb` 淘宝; also 无锡, terabyte) only beside scam words (`wx-pay`).
- Pinyin under nine letters that is not initials (`haitong`, `shebao`, `liantong`) is an everyday name too:
  it stands only beside scam words, like an abbreviation (`liantong-jf`, not `liantong-tech`).
- Abbreviations (`abc`, `cmb`, `sf`, `citic`: `abbrev` in `data/protected.yaml`; guarded names) are other people's
  names too (ABC News, San Francisco, CITIC Securities), so only scam words may surround them, glued or
  hyphenated (`abcvip`, `sf-kefu`, `citicloan`; not `abc-news`, `sf-fire`, `citics`), or nothing at all.
"""

from __future__ import annotations

from fanzha.domains.index import SHORT_TOKEN, DomainIndex, Token
from fanzha.domains.skeleton import skeleton

NUMBER_ALONE = 5  # numbers this long stand among any letters (95588vip, kefu10086); shorter ones as abbrev
GLUED_MIN = 3  # letters of scam words a two-letter name needs beside it (jdvip; not jdm)


def short_name(token: Token) -> bool:
    """A name of three characters or fewer (initials too: wx, zfb), an abbreviation, or a short name:
    someone else's name when it fills a registrable label alone (abc.xyz, wx.com, zfb.com)."""
    if len(token.text) <= 3 or token.abbrev:
        return True
    return len(token.text) <= SHORT_TOKEN and token.text.isalpha() and not token.pinyin


def tokens_in(label: str, index: DomainIndex) -> list[tuple[Token, bool]]:
    """Brand tokens that stand in `label` by the boundary rules, exact first, then via the skeleton."""
    found = [
        (t, True) for start, n, t in index.iter_tokens(label) if stands(label, label, start, n, t, index)
    ]
    if found:
        return found
    folded = skeleton(label)
    if folded == label and not index.respellable.find(label):
        return found  # no look-alike character, and no token that a plain spelling respells (plcc: picc)
    # Runs of letters are judged on the folded label, but a digit written as a digit outside the
    # token still separates ("1cbc95588"); when folding changed the length, on the folded label alone.
    same_length = len(folded) == len(label)
    written = label if same_length else folded

    def respelt(start: int, n: int, token: Token) -> bool:
        """Is the token spelt here with look-alike characters (as written it was judged above)?"""
        if not same_length:
            return token.text not in label
        span = label[start : start + n]
        if token.text.isdigit():  # letters for some digits (1oo86): not 12308, nor the letters of bigsell
            return span.isalnum() and not span.isdigit() and not span.isalpha()
        return span != token.text

    return [
        (t, False)
        for start, n, t in index.iter_skeleton_tokens(folded)
        if respelt(start, n, t) and stands(folded, written, start, n, t, index)
    ]


def stands(text: str, written: str, start: int, length: int, token: Token, index: DomainIndex) -> bool:
    """Does the token at `start` stand as a brand name (the rules above)? `written` is the label as
    written (its digits separate runs), `text` the one searched."""
    end = start + length
    if token.text.isdigit():
        if len(token.text) < NUMBER_ALONE:  # 189, 122: beside a plain word it is a room, a year, a route
            return _among_words(text, start, end, index, 0)
        return not (start > 0 and text[start - 1].isdigit()) and not (end < len(text) and text[end].isdigit())
    # Words are read as written where folding kept the length (app1e-id: "id", not its skeleton "ld").
    around = written if len(written) == len(text) else text
    if token.abbrev or (token.pinyin and not token.initials and token.text in index.ambiguous):
        # short pinyin is an everyday name too (haitong, zhongtong, shebao): only beside scam words
        return _among_words(around, start, end, index, GLUED_MIN if length <= 2 else 0)
    plain = len(token.text) > SHORT_TOKEN and not token.initials and token.text not in index.ambiguous
    if plain and text is written:
        return True
    if length <= 2:
        if token.text in index.label_target and _between_hyphens(text, start, end):
            return True
        return _among_words(around, start, end, index, GLUED_MIN)

    def letter(i: int) -> bool:
        return text[i].isalpha() and not written[i].isdigit()

    a = start
    while a > 0 and letter(a - 1):
        a -= 1
    b = end
    while b < len(text) and letter(b):
        b += 1
    return is_words(text[a:start], index) and is_words(text[end:b], index)


def _between_hyphens(text: str, start: int, end: int) -> bool:
    """Does text[start:end] fill a hyphenated piece of the label (`jd-jr`, `189-jfdh`)?"""
    return (start == 0 or text[start - 1] == "-") and (end == len(text) or text[end] == "-")


def _among_words(text: str, start: int, end: int, index: DomainIndex, least: int) -> bool:
    """Only scam words (glued or hyphenated, `least` letters or more of them) around text[start:end]."""
    if (start > 0 and text[start - 1].isdigit()) or (end < len(text) and text[end].isdigit()):
        return False
    a = start
    while a > 0 and (text[a - 1].isalpha() or text[a - 1] == "-"):
        a -= 1
    b = end
    while b < len(text) and (text[b].isalpha() or text[b] == "-"):
        b += 1
    if a > 0 or b < len(text):
        return False  # digits further on: "abc-2024" is a name and a year
    pieces = [p for p in (*text[a:start].split("-"), *text[end:b].split("-")) if p]
    if not pieces:
        return True  # alone (a subdomain label, or a whole name, which `short_name` then sets aside)
    return sum(map(len, pieces)) >= least and all(is_words(p, index) for p in pieces)


def is_words(text: str, index: DomainIndex) -> bool:
    """Empty, one scam word, or two glued (`vipkefu`)."""
    if not text or text in index.words:
        return True
    return any(text[:i] in index.words and text[i:] in index.words for i in range(1, len(text)))
