"""The index a host is checked against: protected domains by label, by skeleton, by one-edit
neighbourhood, and the brand tokens and pinyin in keyword indexes (`fanzha.text.keywords`).

Built once per list of protected domains (the brands of `fanzha.intel`, or a merchant's own domains);
every lookup after that is a few dictionary probes and one automaton pass over the host.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from fanzha.domains.chinese import chinese_names
from fanzha.domains.pinyin import is_pinyin
from fanzha.domains.skeleton import skeleton
from fanzha.domains.suffix import split_host
from fanzha.text.keywords import KeywordIndex

TYPO_MIN_LEN = 6  # shorter labels are one edit away from too many real words (ctrip/strip, tmall/small)
SHORT_TOKEN = 4  # tokens this long or shorter must stand alone in a label (icbc, ccb, jd, qq …)
PLAIN_PINYIN = 9  # pinyin tokens shorter than this are ordinary words too (huabei 华北, weixin 卫星…)
# Flagship labels of this many characters have their typos judged with the whole host (domains.short).
SHORT_MIN, SHORT_MAX = 3, 5


@dataclass(frozen=True, slots=True)
class Target:
    """A protected domain and who owns it."""

    key: str  # brand key, or the domain itself in a custom list
    name: str  # the brand's Chinese name, or the domain
    domain: str  # the official domain a lookalike imitates (`lookalike_of`)
    numbers: frozenset[str] = field(default_factory=frozenset)
    # A name that is other people's too (apple, court, ceair in ceairgroup.com): its label counts like an
    # abbreviation (only beside scam words), under another ending only a risky one, and no short typos.
    guarded: bool = False


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    target: Target
    pinyin: bool
    initials: bool = False  # pinyin initials ("gsyh"): treated like a short token
    abbrev: bool = False  # an abbreviation that is other people's name too (abc, sf): only beside scam words


def fold_domain(host: str) -> str:
    """The skeleton of each label of `host`, joined again."""
    return ".".join(skeleton(label) for label in host.split("."))


class DomainIndex:
    """Protected domains, indexed for the lookalike rules of `fanzha.domains.match`."""

    def __init__(
        self,
        *,
        primary: Iterable[Target],
        tokens: Iterable[Token] = (),
        official: Callable[[str], str | None] | None = None,
        owner_names: Mapping[str, str] | None = None,
        words: Iterable[str] = (),
        risky_suffixes: Iterable[str] = (),
        chinese: Iterable[tuple[str, Target]] = (),
        chinese_words: Iterable[str] = (),
    ) -> None:
        """`official`: the owner (a key) of any official host; `owner_names`: those owners' Chinese names;
        `chinese`: the brands' names in Chinese characters, each with its target; `chinese_words`: the
        scam words added to them."""
        self.targets = tuple(primary)
        self.owner_names = dict(owner_names or {})
        self.words = frozenset(words)
        self.risky_suffixes = frozenset(risky_suffixes)
        self._official = official
        self.own = {t.domain: t for t in self.targets}
        self.by_label: dict[str, list[tuple[str, Target]]] = {}
        self.by_skeleton: dict[str, Target] = {}
        self.label_target: dict[str, Target] = {}
        self.deletes: dict[str, set[str]] = {}
        dotted: dict[str, Target] = {}
        # Whole domains by the skeleton of every label, ending included: icbc.corn.cn reads icbc.com.cn.
        self.by_folded_domain: dict[str, Target] = {}
        for target in self.targets:
            parts = split_host(target.domain)
            if not parts.label:
                continue
            self.by_folded_domain.setdefault(fold_domain(target.domain), target)
            self.by_label.setdefault(parts.label, []).append((parts.suffix, target))
            self.label_target.setdefault(parts.label, target)
            self.by_skeleton.setdefault(skeleton(parts.label), target)
            if len(parts.label) >= TYPO_MIN_LEN and not parts.label.isdigit():
                for variant in deletions(parts.label):
                    self.deletes.setdefault(variant, set()).add(parts.label)
            dotted[f".{target.domain}."] = target
        # Typos of short flagship labels: variant → (name, edit, target), scored by fanzha.domains.short.
        self.short_typos: dict[str, list[tuple[str, str, Target]]] = {}
        for name in short_names(n for n, t in self.label_target.items() if not t.guarded):
            for variant, edit in edits(name).items():
                self.short_typos.setdefault(variant, []).append((name, edit, self.label_target[name]))
        first: dict[str, Token] = {}
        label_tokens = [Token(label, t, False, abbrev=t.guarded) for label, t in self.label_target.items()]
        for token in [*tokens, *label_tokens]:  # a hotline points to the brand's main domain
            if len(token.text) >= 2:
                first.setdefault(token.text, token)
        self.tokens = KeywordIndex(first.items())
        # Tokens that read as everyday pinyin must stand alone like short ones ("huabeicheng" is 华北城).
        self.ambiguous = frozenset(t for t in first if len(t) < PLAIN_PINYIN and is_pinyin(t))
        # The same tokens by skeleton, to find brand names spelt with look-alike characters ("a1ipay").
        folded_tokens: dict[str, Token] = {}
        for text, token in first.items():
            # numbers too, from five digits: 1oo86 is 10086 written with the letter o
            if len(text) >= SHORT_TOKEN and (not text.isdigit() or len(text) >= 5):
                folded_tokens.setdefault(skeleton(text), token)
        self.skeleton_tokens = KeywordIndex(folded_tokens.items())
        # The skeletons that differ from their token (plcc for picc): a label that is its own skeleton can
        # hold a respelt token only where one of these occurs (`fanzha.domains.tokens.tokens_in`).
        self.respellable = KeywordIndex((f, True) for f, t in folded_tokens.items() if f != t.text)
        self.domains = KeywordIndex(dotted.items())
        self.chinese = chinese_names(chinese)  # brand names in Chinese characters (fanzha.domains.chinese)
        self.chinese_words = tuple(chinese_words)  # the scam words hosts written in Chinese add to them

    def official_owner(self, host: str) -> str | None:
        """The owner of `host` or of a parent domain: a protected domain's owner first (alipay.com is
        支付宝's even though the alibaba list holds it too), then the `official` lookup."""
        parts = host.split(".")
        for i in range(len(parts) - 1):
            target = self.own.get(".".join(parts[i:]))
            if target is not None:
                return target.key
        return self._official(host) if self._official is not None else None

    def is_risky(self, suffix: str) -> bool:
        return suffix in self.risky_suffixes

    def iter_tokens(self, text: str) -> Iterable[tuple[int, int, Token]]:
        """(start, length, token) for every token occurring in `text`."""
        for start, end, token in self.tokens.find(text):
            yield start, end - start, token

    def iter_skeleton_tokens(self, folded: str) -> Iterable[tuple[int, int, Token]]:
        """(start, length, token) for every token whose skeleton occurs in the skeleton `folded`."""
        for start, end, token in self.skeleton_tokens.find(folded):
            yield start, end - start, token

    def iter_domains(self, dotted_host: str) -> Iterable[tuple[int, Target]]:
        """(start, target) for every protected domain inside ".host." at label boundaries."""
        for start, _, target in self.domains.find(dotted_host):
            yield start, target


def deletions(label: str) -> set[str]:
    """The label with one character removed, every way."""
    return {label[:i] + label[i + 1 :] for i in range(len(label))}


def short_names(labels: Iterable[str]) -> list[str]:
    """The labels of 3–5 letters or digits whose typos are judged with the whole host."""
    return [
        label
        for label in labels
        if SHORT_MIN <= len(label) <= SHORT_MAX and label.isascii() and label.isalnum()
    ]


def edits(name: str) -> dict[str, str]:
    """Labels one swap, doubling or omission away from `name` (of three characters or more) → the edit:
    "swap", "double", "omit", or "omit_first" (the first character left out: `mall` from `tmall`)."""
    out: dict[str, str] = {}
    for i in range(len(name) - 1):
        if name[i] != name[i + 1]:
            out.setdefault(name[:i] + name[i + 1] + name[i] + name[i + 2 :], "swap")
    for i in range(len(name)):
        out.setdefault(name[:i] + name[i] + name[i:], "double")
    for i in range(len(name)):
        variant = name[:i] + name[i + 1 :]
        if len(variant) >= SHORT_MIN:
            out.setdefault(variant, "omit_first" if i == 0 and name[0] != name[1] else "omit")
    out.pop(name, None)
    return out


def one_edit(a: str, b: str) -> bool:
    """Damerau–Levenshtein distance between a and b is exactly 1 (insert, delete, substitute, swap)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1 :]
