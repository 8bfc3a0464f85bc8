"""Undo the variant spellings that spam uses to slip past keyword filters.

Traditional characters and full-width forms are folded by `normalize`. What is left is how real
spam disguises the words a filter looks for, and what this module repairs:

- **sound-alikes**: a character with the same sound (笔纪本 for 笔记本, 优蕙 for 优惠, 澳镈 for 澳博), judged
  by the toneless readings of every character (`data/sound_keys.npz`, built from pypinyin by
  `scripts/build_sound_keys.py`) with the initials and finals that southern speech merges folded
  together (zh/z, ch/c, sh/s, n/l, ang/an, eng/en, ing/in: 菇凉 for 姑娘);
- **look-alikes**: a character that looks like the intended one (喯跑吧 for 奔跑吧, 奔跑兄弚 for 兄弟),
  from the table `data/shape_variants.tsv`;
- **fillers** between the characters of a word (跑一男一节一目, 微.信), and chains of symbols or emoji put
  between every character or two of a sentence (请*登·录|网❤站), which are dropped whatever they split;
- **letters for digits** in amounts (l0000 与 looo元 for 10000 and 1000元).

A repair is made only into a word of the vocabulary the caller gives (the cue rules' keywords, the
brand names, `data/disguised_words.txt`), and only where it is unlikely to be an ordinary word: a
word of two characters is repaired only when the odd character is an uncommon one or a listed
look-alike; a longer word may have one odd character (two from five characters on), and at least
one character must be as written. Repairs keep the length except for fillers, and the returned
`NormText` still maps every character back to the original, so spans stay right.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
import numpy.typing as npt

from fanzha.programs import regex
from fanzha.text.keywords import KeywordIndex
from fanzha.text.normalize import NormText

_KEY_BASE = 0xE100  # private-use characters stand for readings in key strings
_FIRST = 0x3400  # the reading tables cover the CJK blocks from here
_MAX_READING_COMBOS = 8
# Characters put between the characters of a word. 一 and the common separators count only as a run
# (跑一男一节一目: two or more); the rarer ones already between two characters (微.信, 微*信).
_FILLERS = "一丶·.*-_~|"
_RUN_ONLY = "一丶·-"
_CJK = "\u3400-\u9fff"
# Symbols and emoji that spam strews between the characters of a whole sentence (请*登·录|网❤站): a chain
# of three or more, each after one to three Chinese characters, is dropped whatever it splits. Not the
# dashes and arrows (a genuine notice writes a menu path 我-服务-钱包 or 设置→安全→账户 that way, and
# joining it would make 安全账户), not brackets, quotes or sentence punctuation; nor a chain that one symbol
# keeps between words of two or more characters (红烧肉/清蒸鱼/麻婆豆腐, ★开业大吉★全场八折★): a list, whose
# words are whole. The ranges: technical symbols, box drawing to dingbats (not the dingbat arrows from
# U+2794), the squares, stars and circles among the arrows of U+2B00–2BFF (⬛⭐⭕), emoji and their
# variation selector (skin tones lie inside the emoji block).
_DECOR = (
    r"*·•.|/\\~～_+#=^`°※¤§"
    "\u2300-\u23ff\u2500-\u2793\u2b1b-\u2b55\ufe0f\U0001f000-\U0001faff"
)


@dataclass(frozen=True, slots=True)
class Repair:
    """One repaired spelling: `start`/`end` index the repaired normalised text."""

    start: int
    end: int
    written: str
    meant: str
    how: str  # sound | shape | filler | digits

    @property
    def meaning(self) -> str:
        how = {
            "sound": "同音字",
            "shape": "形近字",
            "filler": "在字中间插入符号",
            "digits": "用字母冒充数字",
        }[self.how]
        return f"“{self.written}”应为“{self.meant}”：{how}是躲避短信过滤的写法，正规机构不会这样写"


@dataclass(frozen=True, slots=True)
class _Tables:
    first: npt.NDArray[np.uint16]  # per code point from _FIRST: index of the first reading (0: none) …
    second: npt.NDArray[np.uint16]  # … and of the second
    common: npt.NDArray[np.bool_]
    shapes: dict[str, str]  # look-alike → the character it imitates
    primary: npt.NDArray[np.uint32]  # code point → key character: each character's first reading …
    alternate: npt.NDArray[np.uint32]  # … or its second, where it has one (both cover the BMP)

    def readings(self, char: str) -> tuple[int, ...]:
        cp = ord(char) - _FIRST
        if not 0 <= cp < len(self.first) or not self.first[cp]:
            return ()
        if not self.second[cp]:
            return (int(self.first[cp]),)
        return (int(self.first[cp]), int(self.second[cp]))

    def is_common(self, char: str) -> bool:
        cp = ord(char) - _FIRST
        return 0 <= cp < len(self.common) and bool(self.common[cp])


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    with resources.files("fanzha.text").joinpath("data/sound_keys.npz").open("rb") as fh, np.load(fh) as data:
        first, second, common = data["first"], data["second"], data["common"]
    shapes: dict[str, str] = {}
    raw = resources.files("fanzha.text").joinpath("data/shape_variants.tsv").read_text("utf-8")
    for line in raw.splitlines():
        if line and not line.startswith("#"):
            variant, meant = line.split("\t")[:2]
            shapes[variant] = meant
    base = np.arange(0x10000, dtype=np.uint32)
    span = slice(_FIRST, _FIRST + len(first))
    primary = base.copy()
    primary[span] = np.where(first > 0, _KEY_BASE + first.astype(np.uint32), base[span])
    for variant, meant in shapes.items():
        cp = ord(meant) - _FIRST
        if 0 <= cp < len(first) and first[cp]:
            primary[ord(variant)] = _KEY_BASE + int(first[cp])
    alternate = primary.copy()
    alternate[span] = np.where(second > 0, _KEY_BASE + second.astype(np.uint32), primary[span])
    for variant in shapes:
        alternate[ord(variant)] = primary[ord(variant)]
    return _Tables(first, second, common, shapes, primary, alternate)


def _keys(
    codes: npt.NDArray[np.uint32], table: npt.NDArray[np.uint32], keep: npt.NDArray[np.bool_] | None = None
) -> tuple[str, npt.NDArray[np.int64] | None]:
    """The text of `codes` with every character of the basic plane replaced by its key character (one
    pass). Where `keep` is given, only the kept stretches, a NUL between two of them (nothing matches
    across), and for each character its position in `codes`: the automaton then scans a fraction."""
    mapped = np.where(codes < 0x10000, table[np.minimum(codes, 0xFFFF)], codes)
    if keep is None:
        return mapped.tobytes().decode("utf-32-le"), None
    where = np.flatnonzero(keep)
    gaps = np.flatnonzero(np.diff(where) > 1) + 1
    kept = np.insert(mapped[where], gaps, 0)
    positions = np.insert(where, gaps, -1)
    return kept.tobytes().decode("utf-32-le"), positions


def _rare_positions(codes: npt.NDArray[np.uint32], tables: _Tables) -> npt.NDArray[np.bool_]:
    """Per position: an uncommon character with a reading, or a listed look-alike."""
    index = codes.astype(np.int64) - _FIRST
    inside = (index >= 0) & (index < len(tables.common))
    clipped = np.clip(index, 0, len(tables.common) - 1)
    rare: npt.NDArray[np.bool_] = inside & ~tables.common[clipped] & (tables.first[clipped] > 0)
    for variant in tables.shapes:
        rare |= codes == ord(variant)
    return rare


def _texts_with(codes: npt.NDArray[np.uint32], positions: npt.NDArray[np.bool_]) -> npt.NDArray[np.bool_]:
    """Per position of the NUL-joined texts: does its text hold one of `positions`?"""
    text_of = np.cumsum(codes == 0)
    return np.isin(text_of, np.unique(text_of[positions]))


def _next_to(positions: npt.NDArray[np.bool_]) -> npt.NDArray[np.bool_]:
    """The positions and their neighbours: the windows of two characters that hold one of them."""
    near = positions.copy()
    near[1:] |= positions[:-1]
    near[:-1] |= positions[1:]
    return near


# Letters for digits: a run standing alone (得l0000), or one before a unit of money (looo元, 286.oo元). Not a
# run glued to more digits, letters or a dot: in a host or a number (wap.10o86.cn, www点1oo86点cn, 1o086) a
# letter for a digit is how a look-alike imitates the real one, and the real one it is not.
_LETTER_DIGITS = regex(
    r"(?<![a-z.点])([li1])([o0]{2,})(?![a-z\d.点])|(?<![a-z])(o{2,}|[0-9]o+[0o]*)(?=元|万|千|块)"
)
_FILLED = regex(rf"[{_CJK}]([{re.escape(_FILLERS)}]|[{_DECOR}]\ufe0f?)[{_CJK}](?:\1[{_CJK}])*")
_CHAIN = regex(rf"[{_CJK}](?:[{_DECOR}]{{1,4}}[{_CJK}]{{1,3}}){{3,}}")
_DECOR_CHAR = regex(rf"[{_DECOR}]")
_DECOR_RUN = regex(rf"[{_DECOR}]+")
_CHAIN_HINT = regex(rf"[{_DECOR}][{_CJK}]{{1,3}}[{_DECOR}]")  # a quick first test: most texts have none


def _letter_digits(text: str) -> tuple[str, list[Repair]]:
    """Letters written for digits in an amount: l0000 → 10000, looo元 → 1000元 (`_LETTER_DIGITS`)."""
    repairs = []
    chars: list[str] | None = None
    for match in _LETTER_DIGITS.finditer(text):
        written = match.group()
        meant = written.replace("l", "1").replace("i", "1").replace("o", "0")
        if meant != written:
            chars = chars if chars is not None else list(text)
            chars[match.start() : match.end()] = meant
            repairs.append(Repair(match.start(), match.end(), written, meant, "digits"))
    return ("".join(chars) if chars is not None else text), repairs


def _is_list(chain: str) -> bool:
    """Does one symbol keep the chain's words apart, each of two characters or more (`_DECOR`)?"""
    words = _DECOR_RUN.split(chain)
    return len(set(_DECOR_RUN.findall(chain))) == 1 and all(len(word) >= 2 for word in words[1:-1])


class VariantRepairer:
    """Repairs disguised spellings of the words in `vocabulary` (see the module doc)."""

    def __init__(self, vocabulary: Iterable[str]) -> None:
        tables = _tables()
        self._tables = tables
        self._words = sorted({w for w in vocabulary if len(w) >= 2 and re.fullmatch(f"[{_CJK}]+", w)})
        self._literal = KeywordIndex((word, None) for word in self._words)
        keys: list[tuple[str, str]] = []
        # Two-character words are repaired only through an uncommon or look-alike character, so their
        # key strings are searched only in texts that hold one (`_sound_and_shape`).
        short_keys: list[tuple[str, str]] = []
        for word in self._words:
            (short_keys if len(word) == 2 else keys).extend((key, word) for key in self._key_strings(word))
        self._keys = KeywordIndex(keys)
        self._short_keys = KeywordIndex(short_keys)

    def _key_strings(self, word: str) -> list[str]:
        tables = self._tables
        options = []
        for char in word:
            sounds = tables.readings(tables.shapes.get(char, char))
            if not sounds:
                return []
            options.append([chr(_KEY_BASE + s) for s in sounds])
        return [
            "".join(combo) for combo in itertools.islice(itertools.product(*options), _MAX_READING_COMBOS)
        ]

    def repair(self, norm: NormText) -> tuple[NormText, list[Repair]]:
        """The repaired text (with its map to the original) and what was repaired."""
        return self.repair_many([norm])[0]

    def repair_many(self, norms: list[NormText]) -> list[tuple[NormText, list[Repair]]]:
        """`repair` for a batch: the sound-alike search runs once over all texts."""
        if not self._words:
            return [(norm, []) for norm in norms]
        staged: list[tuple[str, list[int] | None, list[Repair]]] = []
        for norm in norms:
            text = norm.text
            origin: list[int] | None = None
            repairs: list[Repair] = []
            if _FILLED.search(text) or _CHAIN_HINT.search(text):
                origin = list(norm.origin) if norm.origin is not None else None
                text, origin, repairs = self._drop_fillers(text, origin)
            if "o" in text or "l0" in text or "i0" in text:
                text, found = _letter_digits(text)
                repairs.extend(found)
            staged.append((text, origin, repairs))
        sounds = self._sound_and_shape([text for text, _, _ in staged])
        out: list[tuple[NormText, list[Repair]]] = []
        for norm, (text, origin, repairs), found in zip(norms, staged, sounds, strict=True):
            if found:
                chars = list(text)
                for repair in found:
                    chars[repair.start : repair.end] = repair.meant
                text = "".join(chars)
                # A sound or shape repair inside a filler's or digits' span (跑一男一甸 → 跑男甸 → 跑男电)
                # changes what that span means: it reads as the final text does.
                repairs = [
                    r
                    if text[r.start : r.end] == r.meant
                    else Repair(r.start, r.end, r.written, text[r.start : r.end], r.how)
                    for r in repairs
                ]
                repairs.extend(found)
            if not repairs and text == norm.text:
                out.append((norm, []))
                continue
            repairs.sort(key=lambda r: r.start)
            mapping = tuple(origin) if origin is not None else norm.origin
            out.append((NormText(text, norm.original, mapping), repairs))
        return out

    def _sound_and_shape(self, texts: list[str]) -> list[list[Repair]]:
        """Sound-alike and look-alike spellings of vocabulary words in each text."""
        tables = self._tables
        joined = "\x00".join(texts)
        starts = list(itertools.accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
        codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
        found: dict[tuple[int, int], Repair] = {}
        # Every text by its characters' first readings; the texts with an uncommon or look-alike
        # character also by their second readings (spam picks rare characters for their other sound:
        # 喯 is pen and ben), and the windows around such a character for the two-character words.
        passes = [(self._keys, _keys(codes, tables.primary))]
        rare = _rare_positions(codes, tables)
        if rare.any():
            passes.append((self._keys, _keys(codes, tables.alternate, _texts_with(codes, rare))))
            near = _next_to(rare)  # a two-character word is repaired only through its rare character
            passes += [
                (self._short_keys, _keys(codes, table, near)) for table in (tables.primary, tables.alternate)
            ]
        for automaton, (keys, positions) in passes:
            for _, last, word in automaton.find(keys):
                end = last if positions is None else int(positions[last - 1]) + 1
                start = end - len(word)
                written = joined[start:end]
                if written == word or (start, end) in found:
                    continue
                how = self._acceptable(written, word)
                if how is not None:
                    found[(start, end)] = Repair(start, end, written, word, how)
        out: list[list[Repair]] = [[] for _ in texts]
        taken: set[int] = set()
        for repair in sorted(found.values(), key=lambda r: (r.start - r.end, r.start)):
            span = range(repair.start, repair.end)
            if taken.intersection(span):
                continue
            taken.update(span)
            index = bisect.bisect_right(starts, repair.start) - 1
            offset = starts[index]
            out[index].append(
                Repair(repair.start - offset, repair.end - offset, repair.written, repair.meant, repair.how)
            )
        return out

    @lru_cache(maxsize=65_536)  # noqa: B019  # one repairer per detector, and the same pairs recur
    def _acceptable(self, written: str, word: str) -> str | None:
        """How `written` disguises `word`, or None when it may well be an ordinary word."""
        odd = [(w, m) for w, m in zip(written, word, strict=True) if w != m]
        if len(odd) == len(word):
            return None
        shapes = self._tables.shapes
        shaped = all(shapes.get(w) == m for w, m in odd)
        if len(word) == 2 and not shaped and any(self._tables.is_common(w) for w, _ in odd):
            return None
        if len(odd) > (1 if len(word) < 5 else 2):
            return None
        return "shape" if shaped else "sound"

    def _has_new_word(self, written: str, joined: str) -> bool:
        """Does joining the characters make a vocabulary word that was not there before?"""
        return any(joined[start:end] not in written for start, end, _ in self._literal.find(joined))

    def _drop_fillers(
        self, text: str, origin: list[int] | None
    ) -> tuple[str, list[int] | None, list[Repair]]:
        """The text without its fillers: a chain of symbols or emoji (`_CHAIN`) always, and a filler
        between the characters of a word (`_FILLED`) where dropping it makes a vocabulary word. A drop
        that makes a vocabulary word is a repair; a chain that makes none is dropped without one, as
        `normalize` drops the spaces between characters."""
        drops: list[tuple[int, int, list[int], bool]] = []  # start, end, positions dropped, repaired
        for match in _CHAIN.finditer(text):
            written = match.group()
            if _is_list(written):
                continue
            gaps = [match.start() + m.start() for m in _DECOR_CHAR.finditer(written)]
            joined = _DECOR_CHAR.sub("", written)
            drops.append((match.start(), match.end(), gaps, self._has_new_word(written, joined)))
        chained = [(start, end) for start, end, _, _ in drops]
        for match in _FILLED.finditer(text):
            written = match.group()
            filler = match.group(1)
            joined = written.replace(filler, "")
            if filler in _RUN_ONLY and len(joined) < 3:
                continue  # 一 is a word of its own and 张-李 a pair: only a run (跑一男一节一目) is a filler
            if any(start < match.end() and match.start() < end for start, end in chained):
                continue
            if not self._has_new_word(written, joined):
                continue
            gaps = [
                match.start() + at.start() + i
                for at in re.finditer(re.escape(filler), written)
                for i in range(len(filler))  # an emoji may carry its variation selector (❤️)
            ]
            drops.append((match.start(), match.end(), gaps, True))
        if not drops:
            return text, origin, []
        drops.sort()
        source = origin if origin is not None else list(range(len(text)))
        dropped = {i for _, _, gaps, _ in drops for i in gaps}
        kept = [i for i in range(len(text)) if i not in dropped]
        position = {i: n for n, i in enumerate(kept)}  # where each kept character lands
        repairs = []
        for start, end, _, repaired in drops:
            if repaired:
                written = text[start:end]
                joined = "".join(text[i] for i in range(start, end) if i not in dropped)
                at = position[start]
                repairs.append(Repair(at, at + len(joined), written, joined, "filler"))
        return "".join(text[i] for i in kept), [source[i] for i in kept], repairs
