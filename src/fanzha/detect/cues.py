"""Find the taxonomy's cues in a text: an Aho-Corasick pass over all keywords, then the patterns of
the cues whose keywords occurred (of a pattern with several top-level alternatives, only the
alternatives whose own keywords occurred: `leftmost_spans`). A positive cue right after a negation
("不要转账", "无需缴纳"), after a quoting word in the same sentence ("凡是要求转账到安全账户的…",
"骗子冒充客服说…"), or followed in its clause by a judgment ("贷款先交钱的都是诈骗", "…的都要当心",
"出租银行卡的，将被依法惩戒") describes a scam rather than attempting one, and is dropped. Reported
speech is the scam's own words when the writer tells of an attempt on them or someone close
("我接到一个自称公安的电话，说…"), or a police record tells of one on the victim ("报警人：…。报警称…接到"):
there, what was said to the victim in the third person (称其…, 要求其…) reads as said to "you"."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from fanzha.detect.features import TOKEN_RUNS
from fanzha.programs import regex
from fanzha.taxonomy import Cue, Taxonomy
from fanzha.taxonomy.model import LazyPattern
from fanzha.text.keywords import KeywordIndex

NEGATIONS = (
    "不会",
    "不要",
    "切勿",
    "勿",
    "防止",
    "绝不",
    "没有",
    "严禁",
    "拒绝",
    "从不",
    "不能",
    "不可",
    "不得",
    "所谓",
    "不用",
    "无需",
    "无须",
    "不需要",
    "不必",
)
# 别 negates only as a word of its own, not inside 分别、特别、识别、区别、个别、级别、类别、告别.
NEGATION_WINDOW = 5
# A denial that reassures ("不会让你吃亏", "从不亏待客户"): it denies no request and quotes nothing.
_REASSURES = r"[^。！？!?\n，,；;]{0,8}(?:吃亏|亏待)"
# Words that put what follows them in quotes: a warning describing a scam, or a refusal, within a
# few characters ("谨防…", "切勿开启屏幕共享") …
QUOTING = (
    "谨防",
    "警惕",
    "提防",
    "不存在",
    f"不会(?![害骗坑]|{_REASSURES})",  # "我不会害你的", "不会让你吃亏" reassure; they put nothing in quotes
    f"从不(?!{_REASSURES})",
    "绝不",
    "切勿",
    # not the secrecy a scam demands before its own request ("千万别告诉爸，你先转到这个账户")
    "千万别(?!告诉|跟|和|让|对|说)",
    "千万不要(?!告诉|跟|和|让|对|说)",
    "别听",
    "别信",
    # a tip refused ("不听群里什么“老师”荐股"), not a threat or a story ("如不听从安排", "他就是不听，…")
    "不听(?=[^，,。！？!?\\n]{0,6}(?:老师|导师|荐股|推荐|群里|内幕|带单))",
    "不听信",  # "不听信陌生来电要求转账到安全账户"
    "不要信",
    "不要听",
    "别相信",
    "不要相信",
)
QUOTING_WINDOW = 16
# Spans of one cue kept in a text (`CueMatcher._keep`): its weight counts once however often it matches,
# and the spans beyond these are only more of the same highlighted.
MAX_SPANS_PER_CUE = 32
MAX_SPANS_EXAMINED = 256  # spans of one cue judged at most (each may be described: 刷单诈骗 ×25,000)
# … or reported speech, up to the end of the sentence ("凡是要求转账到安全账户的都是诈骗", "骗子冒充
# 公安打电话说你涉嫌洗钱"), unless the text tells of an attempt on the writer (`_ENCOUNTER`).
REPORTED_WINDOW = 120  # a sentence longer than this is not reported speech any more
REPORTED = (
    "凡是",
    "任何人",
    "所谓",
    "自称",
    "冒充",
    "假冒(?!伪劣)",  # not the counterfeit goods of "销售假冒伪劣商品"
    "骗子",
    "声称",
    "打电话说",
    "(?:如|若|如果)(?:发现)?有人(?:以|冒充|冒用|假借)",  # a notice's "如有人以我司名义收取入职费，请报警"
    "有人说",
    "谁说",
    "来电说",
    "发短信说",
    "发消息说",
    "骗我说",
    # news of someone unnamed saying it lately: "最近小区门口有人发传单说…", "近期有陌生人…称…"; not a
    # scam's own "有人冒用您的名义…称…" (the reader named before 说) nor "群里所有人都在…"
    "(?:最近|近期|近日|近来|这两天|这几天|前几天|前两天)[^。！？!?\\n你您]{0,8}有(?:人|陌生人|不法分子|些人|一些人)"
    "[^。！？!?\\n你您]{0,20}(?:说(?!明)|称(?![号呼为作]))",
    # … or of residents who got such a call ("近期有居民接到电话称…"); not a firm's "近期有用户反映称您…"
    "(?:最近|近期|近日|近来|这两天|这几天|前几天|前两天)[^。！？!?\\n你您]{0,8}有(?:居民|市民|群众|村民|老人)"
    "[^。！？!?\\n你您]{0,6}(?:接到|收到)[^。！？!?\\n你您]{0,12}(?:说(?!明)|称(?![号呼为作]))",
)
# The news telling of someone else's case ("刚刷到新闻 又端了一个配资平台"): reported up to the end of its
# clause only, since a scam may open with news ("据报道，某平台即将关闭，请尽快将余额转入安全账户").
NEWS = ("刷到新闻", "看到新闻", "新闻说", "新闻里说", "据报道", "报道称")
# … and a firm disowning what is done in its name, to the end of the clause ("任何以我司名义拉群荐股、收取会员费的
# 行为均与我司无关"): not past it, where a scam's own demand may follow ("…的都不要理，请您把验证码告诉我").
DISOWNED = ("任何(?:个人|机构|单位)?(?:以|冒用|假借|打着)",)
# … and, to the end of their clause too, a rule that forbids what it names ("禁止在资料和私信中发布任何投资理财、博彩、
# 兼职刷单信息", "严禁出租、出借、出售银行卡"; not 禁止 put to the reader, "您的账户已被禁止提现") and news of people
# doing it by some means ("近期有校外人员以高价收购、租借学生银行卡"; not the firm's own staff, 近期有我司工作人员以…):
# past the clause a scam's own demand may follow ("严禁他人代为参与核查，请您本人将存款转入监管账户"), and within it
# when no stop separates them ("禁止诱导未成年人充值 请家长将5000元押金转入监管账户").
_NO_NEW_ORDER = (
    "(?:(?!请|你|您)[^\\s])*$"  # up to the cue, no new instruction and no break (SMS often has no stops)
)
FORBIDDEN = (
    "(?:禁止|严禁)(?=[^。！？!?\\n，,；;你您]{0,16}(?:发布|传播|出租|出借|出售|收购|买卖|参与|从事|转发|宣传|组织|利用|诱导|引导|私下|索要|索取|收取))"
    + _NO_NEW_ORDER,
    "(?:最近|近期|近日|近来)[^。！？!?\\n你您]{0,8}有(?:人|陌生人|不法分子|些人|一些人|(?![我本]|工作|客服|专属)[^。！？!?\\n你您]{0,4}人员)"
    "[^。！？!?\\n你您]{0,6}以(?![你您])" + _NO_NEW_ORDER,
)
WARNING_CUE = "warning_context"  # an anti-fraud warning's wording (weighed in fanzha.detect.scoring)
_SENTENCE_END = "。！？!?\n"
_CLAUSE_END = frozenset(_SENTENCE_END + "，,；;：:")


@dataclass(frozen=True, slots=True)
class RawHit:
    cue: Cue
    start: int  # in the normalised text
    end: int


Pattern = re.Pattern[str] | LazyPattern


class CueMatcher:
    def __init__(self, taxonomy: Taxonomy) -> None:
        self.cues = taxonomy.all_cues
        # a patterned cue's alternatives: its pattern's top-level ones, or the pattern whole as one
        self._alternatives: list[tuple[Pattern, ...]] = []
        by_keyword: dict[str, tuple[list[tuple[int, int]], list[int]]] = {}
        for index, cue in enumerate(self.cues):
            if cue.pattern is None:
                self._alternatives.append(())
                for keyword in cue.keywords:
                    by_keyword.setdefault(keyword, ([], []))[1].append(index)
                continue
            split: list[tuple[Pattern, tuple[str, ...]]] = [(a.pattern, a.keywords) for a in cue.alternatives]
            split = split or [(cue.pattern, cue.keywords)]
            self._alternatives.append(tuple(pattern for pattern, _ in split))
            for alternative, (_, keywords) in enumerate(split):
                for keyword in keywords:
                    by_keyword.setdefault(keyword, ([], []))[0].append((index, alternative))
        self._keywords = KeywordIndex(
            (keyword, (tuple(patterned), tuple(plain))) for keyword, (patterned, plain) in by_keyword.items()
        )
        self._compiled: list[tuple[re.Pattern[str], ...] | None] = [None] * len(self.cues)
        self._whole: list[re.Pattern[str] | None] = [None] * len(self.cues)

    def match(self, masked: str) -> list[RawHit]:
        """Cue hits in `masked` (normalised, identifiers masked), at most one per cue and span (`match_all`
        without the described cues)."""
        return self.match_all(masked)[0]

    def match_all(self, masked: str) -> tuple[list[RawHit], frozenset[str]]:
        """Cue hits in `masked` (normalised, identifiers masked), at most one per cue and span, and the
        scam cues (positive weight) the text only describes by its own words: negated, quoted or judged
        (`description`; reported speech is someone else's words), which are no hits.

        The patterns see each identifier as one character (`collapse_identifiers`): a window such as
        "点击, then up to 18 characters, then 认证" must not depend on how long the link between them
        is (`请点击 didi-sjrz.com 完成资质认证` matched with a 12-letter host and not with a 13-letter
        one). Spans are given back in `masked`."""
        collapsed = collapse_identifiers(masked)
        hits, only_described = self._match(collapsed.text)
        if not collapsed.runs:
            return hits, only_described
        back = collapsed.position
        return [RawHit(h.cue, back(h.start), back(h.end)) for h in hits], only_described

    def _match(self, text: str) -> tuple[list[RawHit], frozenset[str]]:
        told = (
            _ENCOUNTER_WORDS.search(text) is not None
            and _ENCOUNTER.search(text) is not None
            and _BULLETIN.search(text) is None
        )
        if told:
            text = _INDIRECT.sub(r"\1你", text)  # one character for one: the spans stay where they were
        patterned: dict[int, set[int]] = {}  # cue → its alternatives to run: a keyword of theirs occurred
        plain: dict[int, list[tuple[int, int]]] = {}  # keyword cues: every occurrence is a hit
        for start, end, (to_run, found) in self._keywords.find(text):
            for index, alternative in to_run:
                patterned.setdefault(index, set()).add(alternative)
            for index in found:
                plain.setdefault(index, []).append((start, end))
        hits: list[RawHit] = []
        described_ids: set[str] = set()
        for index, present in patterned.items():
            spans = self._spans(index, present, text)
            if spans is not None:
                self._keep(hits, described_ids, self.cues[index], text, spans, told)
        for index, spans in plain.items():
            self._keep(hits, described_ids, self.cues[index], text, spans, told)
        if told:  # "我接到一个自称…的电话" tells of the attempt: in this text it is no warning's wording
            hits = [h for h in hits if h.cue.id != WARNING_CUE or text[h.start : h.start + 2] not in _RECEIPT]
        hits.sort(key=lambda h: (h.start, h.end, h.cue.id))
        if described_ids and _CONTRAST_POSE.search(text) is not None:
            described_ids.clear()  # "…确实有骗子，但我们是大平台": the scam describes others to vouch for itself
        return hits, frozenset(described_ids - {h.cue.id for h in hits})

    def _spans(self, index: int, present: set[int], text: str) -> Iterable[tuple[int, int]] | None:
        """The matches of cue `index`'s pattern in `text`, running the alternatives in `present` only
        (the others cannot match: a literal each of them needs is missing); None when none matches.

        Most cues a keyword calls for do not match (on the real SMS, 9,557 hits from 80,424 runs): one
        search of each alternative says so before any generator is built."""
        alternatives = self._programs(index)
        if len(present) == len(alternatives):  # all of them may match: the pattern whole
            return _nonempty_spans(self._whole[index] or self._compile_whole(index), text)
        chosen = [alternatives[i] for i in sorted(present)]
        if len(chosen) == 1:  # an alternative holds a literal: it cannot match the empty string
            return _nonempty_spans(chosen[0], text)
        ahead = [a.search(text) for a in chosen]
        if not any(ahead):
            return None
        return leftmost_spans(chosen, text, ahead)

    def _programs(self, index: int) -> tuple[re.Pattern[str], ...]:
        """Cue `index`'s alternatives compiled (a `LazyPattern` compiles on first use; this skips its
        wrapper on every later search)."""
        compiled = self._compiled[index]
        if compiled is None:
            compiled = self._compiled[index] = tuple(_compiled(a) for a in self._alternatives[index])
        return compiled

    def _compile_whole(self, index: int) -> re.Pattern[str]:
        pattern = self.cues[index].pattern
        assert pattern is not None
        whole = self._whole[index] = _compiled(pattern)
        return whole

    @staticmethod
    def _keep(
        hits: list[RawHit],
        described_ids: set[str],
        cue: Cue,
        text: str,
        spans: Iterable[tuple[int, int]],
        told: bool,
    ) -> None:
        """Add the spans to `hits`, or a scam cue's described ones to `described_ids`, except what only
        reported speech describes: "现在骗子很多，但这次是真的，您涉嫌洗钱…" reports no scam of its own
        words' making. `told`: the text tells of a scam attempt on the writer or someone close
        (`_ENCOUNTER`). At most `MAX_SPANS_PER_CUE` spans of one cue are kept, and `MAX_SPANS_EXAMINED`
        judged: a cue's weight counts once, and telling each of 50,000 repeats of one word from a quotation
        took 100,000 characters of "保本" 1.5 s (of "刷单诈骗", each one judged, 1.3 s)."""
        kept = 0
        for examined, (start, end) in enumerate(spans):
            if kept == MAX_SPANS_PER_CUE:
                return
            if examined == MAX_SPANS_EXAMINED:
                if not kept:  # fail closed: padding of described spans must not hide one said further on
                    hits.append(RawHit(cue, start, end))
                return
            how = description(text, start, end, told=told) if cue.weight > 0 else None
            if how is None and cue.weight > 0 and _denied_inside(cue, text, start, end):
                how = NEGATED
            if how is None:
                hits.append(RawHit(cue, start, end))
                kept += 1
            elif how != REPORTED_SPEECH:
                described_ids.add(cue.id)


@dataclass(frozen=True, slots=True)
class Collapsed:
    """A masked text with each masked identifier (a run of its kind's token) shortened to one character."""

    text: str
    runs: tuple[int, ...] = ()  # each shortened run's character, as an index in `text`
    removed: tuple[int, ...] = ()  # characters removed by that run and the runs before it

    def position(self, index: int) -> int:
        """The index in the masked text of the position `index` in `text` (a span's start or end)."""
        before = bisect_left(self.runs, index)  # runs whose character lies before `index`
        return index + self.removed[before - 1] if before else index


def collapse_identifiers(masked: str) -> Collapsed:
    """`masked` with each masked identifier shortened to one character (`Collapsed`)."""
    pieces: list[str] = []
    runs: list[int] = []
    removed: list[int] = []
    last = total = 0
    for run in TOKEN_RUNS.finditer(masked):
        pieces.append(masked[last : run.start() + 1])
        runs.append(run.start() - total)
        total += run.end() - run.start() - 1
        removed.append(total)
        last = run.end()
    if not runs:
        return Collapsed(masked)
    pieces.append(masked[last:])
    return Collapsed("".join(pieces), tuple(runs), tuple(removed))


def _compiled(pattern: Pattern) -> re.Pattern[str]:
    return pattern.compiled if isinstance(pattern, LazyPattern) else pattern


def _nonempty_spans(pattern: re.Pattern[str], text: str) -> Iterator[tuple[int, int]] | None:
    """The non-empty matches of `pattern` in `text`, or None when it matches nowhere (one search)."""
    if pattern.search(text) is None:
        return None
    return ((m.start(), m.end()) for m in pattern.finditer(text) if m.end() > m.start())


def leftmost_spans(
    alternatives: Sequence[Pattern], text: str, ahead: list[re.Match[str] | None] | None = None
) -> Iterator[tuple[int, int]]:
    """The spans `finditer` of the alternation `a|b|…` of `alternatives` (in this order) gives in `text`,
    from each alternative's own searches: the leftmost match wins, at the same start the earlier
    alternative; the next search starts where it ended. Exact for alternatives that cannot match the
    empty string (each holds a literal: `fanzha.taxonomy.prefilter.alternative_literals`). Running only
    the alternatives a text holds the keywords of (often one of twenty) took `CueMatcher.match` from 39
    to 29 µs a text on the real SMS and from 240 to 106 µs on the longer corpus texts, same hits."""
    if len(alternatives) == 1:
        yield from ((m.start(), m.end()) for m in alternatives[0].finditer(text))
        return
    pos = 0
    if ahead is None:  # each alternative's next match from `pos` (the caller may have searched already)
        ahead = [a.search(text) for a in alternatives]
    while True:
        best: re.Match[str] | None = None
        for i, found in enumerate(ahead):
            if found is not None and found.start() < pos:  # overlapped by the last match: search again
                found = ahead[i] = alternatives[i].search(text, pos)
            if found is not None and (best is None or found.start() < best.start()):
                best = found
        if best is None:
            return
        yield best.start(), best.end()
        pos = best.end()


def _not_a_question(word: str) -> str:
    """`word` as a pattern that skips the A-not-A question holding it: 不会 but not 会不会 ("会不会是
    诈骗？"), 不能 but not 能不能 ("能不能先借我"), 没有 but not 有没有: the question asks, it denies
    nothing."""
    if word[0] in "不没" and len(word) > 1:
        return f"(?<!{word[1]}){word}"
    return word


_NEGATION_WORD = "(?:" + "|".join(map(_not_a_question, NEGATIONS)) + ")"
_NEGATION = regex(_NEGATION_WORD + "|(?<![分特识区个级类性告辞离鉴派])别")
# A negation reaches across "or" in its clause: in "无需您支付任何费用或提供卡密码" the 无需 denies 提供卡
# 密码 too; and across an enumeration of things to give or do ("不需要你缴纳任何费用、提供验证码"). Not across an
# enumeration of anything else (a loan advert's "无需任何抵押担保、放款前先交800元保证金" asks the fee), nor out
# of a condition ("没有网银的话用手机或者输入支付密码验证"); and only to what one would be asked to give or do
# (`_GIVING`), within the clause: "无需到场或者提供材料，只需把验证码告诉我" still asks for the code, and "不用排队或
# 者先交500元保证金" the fee.
_GIVING = (
    "提供",
    "发送",
    "告诉",
    "告知",
    "回复",
    "填写",
    "输入",
    "透露",
    "转账",
    "汇款",
    "支付",
    "付款",
    "缴纳",
    "交纳",
    "缴费",
    "下载",
    "点击",
    "开启",
    "私下",  # "请勿添加对方微信或私下转账"
    "线下",
    "做",  # "…或做“流水验证”"
    "进行",
    "完成",
)
# a character the negation still reaches past: not a condition, a new instruction or a turn (只需, 但)
_IN_ITS_SCOPE = "(?!的话|的|可以|(?<![费使作])用|请|就|只需|只要|但|而是)"
_COORDINATED_NEGATION = regex(
    f"{_NEGATION_WORD}(?:{_IN_ITS_SCOPE}[^。！？!?\n，,；;、]){{0,14}}(?:或者?|也不|也无需|也不用)$"
)
_LISTED_NEGATION = regex(
    f"{_NEGATION_WORD}(?:{_IN_ITS_SCOPE}[^。！？!?\n，,；;、]){{0,4}}(?:{'|'.join(_GIVING)})"
    f"(?:{_IN_ITS_SCOPE}[^。！？!?\n，,；;]){{0,24}}(?:、|或者?)$"
)
# … but an item that buys something is asked for, whatever was denied before it ("无需缴纳任何费用、填写银行卡号和
# 密码即可领取")
_BUYS = regex(r"[^。！？!?\n，,；;]{0,30}?(?:即可|就能|就可以|才能|便可|方可)")
COORDINATION_WINDOW = 36
_QUOTING = regex("|".join(map(_not_a_question, QUOTING)))
_REPORTED = regex("|".join(REPORTED))
_IN_CLAUSE_REPORTED = regex("|".join(NEWS + DISOWNED + FORBIDDEN))


# A text that tells of a scam attempt on the writer or someone close: a call, a message or a contact
# received ("我接到一个自称公安的电话", "我妈收到短信", "有个人加我微信"; in a police report "报案人称，其
# 接到…"), or the other side's demands on the writer ("对方让我下载…", "他叫我转到…", "诱导其…"). What
# the caller said is then the scam's own words, told by the one it was tried on: a citizen asking "is
# this a scam?" or a victim's report, not a warning's description of scams in general ("骗子会冒充公安
# 说…"), which names no one it happened to.
_CLOSE = "(?:我|我妈|我爸|我老公|我老婆|我爱人|我家|我朋友|我同事|我儿子|我女儿|我奶奶|我爷爷|我姐|我哥|我弟|我妹|家里人?|老公|老婆|爱人|老妈|老爸|妈妈|爸爸|报案人|报警人|受害人|被害人|事主|当事人|其(?![中他它实余]))"
_RECEIPT = frozenset(["接到", "收到", "遇到"])  # how warning_context's "接到自称…" branch starts
_RECEIVED = ("接到", "收到", "接了", "碰到", "遇到", "认识", "被拉进", "被拉入")
_ASKED = ("让我", "叫我", "要我", "说我", "跟我说", "对我说", "给我发", "给我打", "教我", "逼我", "催我")
_ASKED_KIN = ("让她", "让他", "叫她", "叫他", "让其", "叫其", "要求其", "诱导其", "称其", "骗其")
_APPROACHED = (
    "给我",
    "加我",
    "找我",
    "打给我",
    "联系我",
    "拉我",
    "拉她",
    "拉他",
    "说我",
    "让我",
    "叫我",
    "要我",
    "私信我",
    "打来电话",
    # … or the one it happened to: "有人冒充他的老同学在微信上找他", "评论区有人…私信她"
    *(verb + person for verb in ("私信", "找", "加了", "联系") for person in ("她", "他", "其")),
)
# A police record's header names the reporter or the victim, often with a bracket describing them; the
# event may come sentences later ("事主周某某（男，39岁，外卖骑手）接到一条短信", "报警人：李建国，性别男，年龄
# 58岁。报警称…接到", "胡斌来电替父亲马俊报警，称父亲今年67岁，…接到").
_RECORD_HEADER = "(?:报警人|报案人|受害人|被害人|事主|当事人|报警称|报案称|报称|替[^。！？!?\n]{0,8}报警)"
_ENCOUNTER = regex(
    "|".join(
        [
            _CLOSE
            + r"[^。！？!?\n]{0,10}(?:"
            + "|".join(_RECEIVED)
            # … or a seller's pitch met in person ("我爸早上在公园遇到“免费义诊”"): what the "doctor" said is the
            # scam's own words, told by the family
            + r")了?[^。！？!?\n]{0,20}(?:电话|短信|消息|来电|视频|信息|微信|qq|好友|群|人|义诊|讲座|健康课|养生课|推销|体验店|理疗店)",
            r"(?:对方|他|她|那人|那个人|客服|骗子|他们)[^。！？!?\n]{0,30}(?:"
            + "|".join(_ASKED + _ASKED_KIN)
            + ")",
            r"有(?:个|人|一个)[^。！？!?\n]{0,12}(?:" + "|".join(_APPROACHED) + ")",
            # added by a stranger: the writer or someone close (not news of "一名男子", nor a warning's 如被…)
            _CLOSE
            + r"[^。！？!?\n]{0,16}(?<![如若旦果])被(?:一个|个|人|陌生人)?[^。！？!?\n]{0,16}加了?(?:qq|微信|好友)",
            _RECORD_HEADER + r"[^\n]{0,60}?(?:" + "|".join(_RECEIVED) + ")",
        ]
    )
)
# In a text that tells of an attempt, what was said to the one it happened to is reported in the third
# person ("称其名下银行卡涉嫌洗钱", "要求其下载会议软件", "让她把钱转到安全账户"); the cues are written in the
# second person the scam itself uses, so the object of a verb of saying or asking reads as 你 there. One
# character for one: the hits' spans stay where they were.
_INDIRECT = regex(
    "(称|说|让|叫|要求|诱导|告知|通知|告诉|引导|指导|骗)[其他她](?![们人他它实余是]|中(?![奖签]))"
)
# A case bulletin tells of an attempt on a victim too ("【反诈案例】受害人李某接到自称公安的电话，称其…
# 警方提醒：…"), but as an example to warn others by: its reported speech stays reported.
_BULLETIN = regex(
    "反诈|涉诈|防骗|案例|谨防|警惕|提防|(?:警方|公安|民警|派出所|网警)(?:提醒|提示|温馨提示|郑重提醒)"
    "|提醒(?:您|大家|广大|市民|群众)|(?:都是|均为|一律是)(?:诈骗|骗局)"
)
# Others' scams described only to set the writer apart: "刷单确实有骗子，但我们是大平台", "外面都是骗人的，
# 可我们这个…", "现在骗子很多，不过这次是真的".
_CONTRAST_POSE = regex("(?:但|可|不过|而)(?:是)?(?:我们|我这|咱们|咱这|我家|这次|这回|本平台|我司)")
# … and where the writer sets themselves apart, what they report of others ends: "那个冒充客服骗您的账号我删除并举报
# 了，我才是官方客服，请下载会议软件开启屏幕共享" asks for the screen itself.
_SELF_POSE = regex(_CONTRAST_POSE.pattern + "|(?:我|我们|本人|我这边)才是")
# The words without which `_ENCOUNTER` cannot match: one cheap search spares the full pattern on most texts.
_ENCOUNTER_WORDS = regex(
    "|".join(sorted({*_RECEIVED, *_ASKED, *_ASKED_KIN, *_APPROACHED, "加了", "加qq", "加微信", "加好友"}))
)
# A closing bracket ends reported speech too: "（来电，自称中国移动客服）您好，您的积分…" is a transcript's
# stage direction, and what follows it is the caller's own words.
_SENTENCE_BREAK = regex("[" + _SENTENCE_END + ")）]")


def _sentence_start(text: str, start: int) -> int:
    """Start of the sentence holding `start`, looking back at most REPORTED_WINDOW characters."""
    lo = max(0, start - REPORTED_WINDOW)
    last = -1
    for match in _SENTENCE_BREAK.finditer(text, lo, start):
        last = match.end()
    return last if last >= 0 else lo


def _clause_back(text: str, start: int, window: int) -> int:
    """Where the clause holding `start` begins, looking back at most `window` characters."""
    lo = max(0, start - window)
    for i in range(start - 1, lo - 1, -1):
        if text[i] in _CLAUSE_END:
            return i + 1
    return lo


# A denial inside the cue's own span, ahead of what it names: "放款前不会收取任何保证金、解冻费" (loan_fee reads
# from 放款前 to 解冻费), where the cue matches without it. Not when the span turns after it ("不收任何费用，
# 只需交500保证金", "…但要先交"), nor a condition's threat ("不交保证金就不能放款": 不能 closes the span, it
# denies nothing in it). Words of two characters only: a lone 别 or 勿 inside a span is as often part of a
# name or a word.
_DENIAL = regex("|".join(_not_a_question(word) for word in NEGATIONS if len(word) > 1))
_TURN = regex("但|却|可是|只需|只要|然而|不过|除了|除非|否则|就|才")
# … nor when a new predicate follows the denied one, marked by 已 at least a character after the denial
# ("航班因故障不能起飞已被取消": 不能 denies the take-off, and the cancellation is said). Not 而已, 不得已, nor an
# 已 that qualifies a noun ("不会收取合同中已约定以外的任何费用").
_DONE_AFTER = regex("(?<![而得])已(?![^，,。！？!?；;]{0,4}的)")


def _denied_inside(cue: Cue, text: str, start: int, end: int) -> bool:
    """Is the span's match denied by a word inside it that the cue does not need (the span without it
    still matches the cue: 放款前收取任何保证金 does, 告诉其他人 is no secrecy without its 不要)?"""
    inner = _DENIAL.search(text, start, end)
    return (
        inner is not None
        and cue.pattern is not None
        and inner.end() < end - 1
        and not any(c in _CLAUSE_END for c in text[start : inner.start()])
        and _TURN.search(text, inner.end(), end) is None
        and _DONE_AFTER.search(text, inner.end() + 1, end) is None
        and cue.pattern.search(text[start : inner.start()] + text[inner.end() : end]) is not None
    )


# A denial with the one it spares, a person or a party, between it and the cue: "不向劳务人员收取押金", "从不向学生
# 收取任何费用" (not "不向银行申请放款前需要您先交保证金"); or one that governs the request the cue's words are
# the object of: "人社部门不会以“申请补贴”为名要求企业提供网银密码", "银行从不通过短信要求您点击链接".
_DENIED_TO = regex(
    rf"(?:(?<![要会能])不|从不|不会|绝不|均不|一律不)(?!{_REASSURES})(?:向|对|为|替|让)"
    r"[^。！？!?\n，,；;]{0,4}"
    r"(?:您|你|客户|学员|学生|求职者|应聘者|劳务人员|外派人员|用户|消费者|家长|员工|会员|业主|患者|旅客|乘客|个人|工人|村民|居民)"
    r"[^。！？!?\n，,；;]{0,4}$"
    rf"|(?:从不|不会|绝不|不得|决不|不可能)(?!{_REASSURES})"
    r"[^。！？!?\n，,；;]{0,24}(?:要求|让|叫|通过|以)[^。！？!?\n，,；;]{0,8}$"
)
DENIED_TO_WINDOW = 40


def _negated(text: str, start: int, end: int, told: bool) -> str | None:
    """NEGATED: a negation right before the cue, or one across "or" in its clause when the cue, all in
    that clause, is something given or done (`_GIVING`); REPORTED_SPEECH:
    reported speech earlier in the same sentence (the news: in the same clause), unless the text tells of
    an attempt on the writer (`told`), when the reported speech is the scam's own words; QUOTED: a quoting
    word shortly before it in the same sentence. A negation is that of the cue's own clause: in "不用出门，
    点击链接领取" the 不用 is about going out, not about the link."""
    lo = _clause_back(text, start, NEGATION_WINDOW)
    if lo < start and _NEGATION.search(text, lo, start) is not None:
        return NEGATED
    if _DENIED_TO.search(text, _clause_back(text, start, DENIED_TO_WINDOW), start) is not None:
        return NEGATED
    if text.startswith(_GIVING, start) and not any(c in _CLAUSE_END for c in text[start:end]):
        clause = _clause_back(text, start, COORDINATION_WINDOW)
        if _COORDINATED_NEGATION.search(text, clause, start) is not None or (
            _LISTED_NEGATION.search(text, clause, start) is not None and _BUYS.match(text, start) is None
        ):
            return NEGATED
    sentence_start = _sentence_start(text, start)
    reported = None if told else _REPORTED.search(text, sentence_start, start)
    if reported is not None and _SELF_POSE.search(text, reported.end(), start) is None:
        return REPORTED_SPEECH
    clause_start = _clause_back(text, start, start - sentence_start)
    if not told and _IN_CLAUSE_REPORTED.search(text, clause_start, start) is not None:
        return REPORTED_SPEECH
    if _QUOTING.search(text, max(sentence_start, start - QUOTING_WINDOW), start) is not None:
        return QUOTED
    return None


# What follows a described scam in a warning: "贷款先交钱的都是诈骗", "让你转账到安全账户的就是骗子",
# "稳赚不赔的理财你可别碰"; or the scam's name, the cue right before 诈骗 or 骗局 ("刷单诈骗").
_JUDGED = regex(
    # the scam's own name: "刷单诈骗不都是这么开头的吗", "民警说我可能正在接触刷单诈骗"
    r"(?P<name>(?:返利|类|型)?(?:诈骗|骗局))"
    r"|[^。！？!?\n，,；;]{0,12}?(?:的)?(?:都是|就是|均为|均是|一律是|统统是|全是|必是|肯定是|是)"
    r"(?:诈骗|骗局|骗子|陷阱|套路|骗人|坑人|假的)"
    r"|[^。！？!?\n，,；;]{0,12}?(?:的[，,]?)?(?:都|均|一律)?(?:要|需|需要|应)(?:当心|小心|警惕|提防)"
    # advice not to touch it: "那种说稳赚不赔的理财你可别碰", "…的别信", "有人说我出事了要钱，千万别信"
    r"|[^。！？!?\n，,；;]{0,12}?(?:你|您|咱|大家)?(?:可|千万|一定)?(?:别|不要|莫|勿)(?:碰|信|买|投|理|点|加|上当)"
    r"|[^。！？!?\n，,；;]{0,8}?[，,](?:你|您|咱|大家)?(?:可|千万|一定)?(?:别|不要|莫|勿)(?:信|理|上当)"
    # … or in the next clause: "说有平台漏洞稳赚不赔，一律是诈骗！"
    r"|[^。！？!?\n，,；;]{0,8}?[，,](?:这|这些|那|那些)?(?:都是|就是|一律是|均是|全是|统统是|肯定是)"
    r"(?:诈骗|骗局|骗子|陷阱|骗人)的?(?=[。！？!?\n，,；;]|$)"  # closing its clause: not "…骗子最怕的"
    # a law's consequence for whoever does it: "出租银行卡的，将被依法惩戒" (the 的 makes it a rule)
    r"|[^。！？!?\n，,；;]{0,12}?的[，,]?(?:将|会|均将|一律)?被?依法(?:惩戒|追究|处理|处罚|严惩|打击)"
    # … or a disowning of whoever does it: "谁跟你说要交介绍费、押金的都不是我们厂的人", "凡是…卖保健品的，都不是我们组织的"
    r"|(?P<disown>[^。！？!?\n，,；;]{0,12}?的[，,]?(?:都|均|一律)?(?:不是|并非|绝非)"
    r"(?:我们|我司|本公司|本单位|本行|我行|本平台|我们厂|我们公司|我们单位|官方|我们学校|我们银行))"
)


# Who did not pay, right before a disowning: "未缴纳保证金的都不是我们公司的员工" is a threat, not a warning.
_UNPAID = regex(r"(?:未|没有?|不)(?:交|缴|付|支付|转)")


# Someone else punished for it: "近期我校多名学生因出借银行卡被公安机关约谈", "有人因出租电话卡被判刑" — a
# campaign's notice of what befell others, not a demand. Not when the clause addresses the reader ("您的银行卡
# 因涉嫌出借被公安机关冻结", "你弟弟因出借银行卡被抓了", where the scam's threat is the point).
_BECAUSE = regex(r"因为?[^。！？!?\n，,；;你您]{0,10}$")
_PUNISHED = regex(
    r"[^。！？!?\n，,；;]{0,8}?被[^。！？!?\n，,；;]{0,6}?"
    r"(?:约谈|抓获|刑拘|拘留|逮捕|判刑|判处|处罚|惩戒|查处|起诉|追究|列入失信)"
)
_ADDRESSING_YOU = regex("你|您")
_TO_ACT = regex(r"[^。！？!?\n]{0,30}?(?:请|回电|致电|联系|拨打|配合|尽快)")


_NOT_THIS = regex("不是|并非|绝非|不属于")


def _punished(text: str, start: int, end: int) -> bool:
    """The cue is what someone else, unaddressed, was punished for (`_PUNISHED`), in its own clause, and the
    sentence does not go on to tell the reader to act (a threat in the third person: "机主因出租银行卡被公安机关约谈，
    请回电配合核查")."""
    clause = _clause_back(text, start, 30)
    punished = _PUNISHED.match(text, end, end + 24)
    return (
        punished is not None
        and _BECAUSE.search(text, clause, start) is not None
        and _ADDRESSING_YOU.search(text, clause, start) is None
        and _TO_ACT.match(text, punished.end()) is None
    )


# A warning's condition and what to do then: "如果对方频繁引导你下载其他APP、加入投资群或借钱，请点右上角举报",
# "如有人以刷单返利等名义要求您转账，请立即停止并报警" — the cue is what the other side might do, in the
# condition of a sentence whose consequence is to report, block, stop or beware.
_IF_SOMEONE = regex(r"(?:如果|假如|若|一旦|如|凡是)(?:对方|有人|陌生人|网友|任何人)")
# … not a scammer's own "千万别报警" or "立即停止其他操作": the consequence reports, blocks or stops paying.
_THEN_WARN = regex(
    r"[^。！？!?\n]{0,40}?[，,；;]\s*(?:那|就)?(?:请|务必|立即|马上|一定|千万|都是|就是)"
    r"(?:(?!不|别|勿|没|莫)[^。！？!?\n，,]){0,8}"
    r"(?:举报|拉黑|报警|停止(?:转账|付款|汇款|交易|操作并)|警惕|挂断|骗)"
)


def _warned_if(text: str, start: int, end: int) -> bool:
    """The cue is in the condition of a warning, in the same clause as its 如果有人/如果对方 (`_IF_SOMEONE`),
    and the sentence goes on to report, block or stop (`_THEN_WARN`)."""
    clause = _clause_back(text, start, 60)
    return _IF_SOMEONE.search(text, clause, start) is not None and _THEN_WARN.match(text, end) is not None


def _judged(text: str, start: int, end: int) -> bool:
    """The cue is the subject of a judgment that it is a scam, in the same clause right after it, what
    someone else was punished for (`_punished`), or in a warning's condition (`_warned_if`)."""
    m = _JUDGED.match(text, end, end + 20)
    if m is not None and m.group("disown") is not None and _UNPAID.search(text, max(0, end - 10), end):
        m = None  # a threat to whoever did not pay, not a disowning
    if (
        m is not None
        and m.group("name") is not None
        and _NOT_THIS.search(text, _clause_back(text, start, 12), start)
    ):
        m = None  # "这可不是刷单诈骗": the scam's own disclaimer, not a judgment
    return m is not None or _punished(text, start, end) or _warned_if(text, start, end)


# A warning that puts the scam's demand to its reader as a question ("【反诈提醒】陌生人说先交手续费才能退款，
# 你还会相信吗？", "【反诈宣传】中奖了要先交税费才能领奖？"). A scam wearing a warning's tag demands ("【公安局】
# 您涉嫌洗钱，请立即转账到安全账户。"), asks it politely ("请问您能把资金转到安全账户吗？") or checks it was heard
# ("…开启屏幕共享，你会操作吗？", "…明白吗？"): it does not ask whether to believe it (`_posed`).
_POSED_HERE = regex(r"[^，,。！!；;\n]{0,20}[？?]")
_POSED_NEXT = regex(
    r"[^。！!？?\n]{0,30}[，,][^。！!\n，,]{0,6}"
    r"(?:相信|信|上当|馅饼|靠谱|是真的|敢|会[^。！!\n，,？?]{0,10}(?:转|交|给|付|信|点|扫|照做))[^。！!\n，,]{0,8}[？?]"
)
_ADDRESSING = regex("请|您|你")


def _posed(text: str, start: int, end: int, told: bool) -> bool:
    """In a text that opens with a warning's tag (`_WARNING_TAG`), the span's clause is a question that asks
    no one to act (no 请, 您, 你 before it in the clause: "中奖了要先交税费才能领奖？"; not "请问您能把资金转到
    安全账户吗？"), or its sentence goes on to ask whether to believe or do it ("…，你还会相信吗？", "你会转吗？";
    not "你会操作吗？", which checks the demand was understood)."""
    if told or _WARNING_TAG.match(text) is None:
        return False
    if _POSED_NEXT.match(text, end) is not None:
        return True
    clause = _clause_back(text, start, 40)
    return _POSED_HERE.match(text, end) is not None and _ADDRESSING.search(text, clause, start) is None


# The payer's own question whether something must be paid or given ("我：要交手续费或者保证金吗", "开户要交钱吗？",
# "需要交押金或者服装费吗"): a 要/需要/用/得 just before the span or as its first word, a 吗 closing its clause within
# a few characters, and no 请, 你 or 您 before it in the clause (not "请问您能把资金转到安全账户吗", "你要先交保证金吗").
# Not a rhetorical question (不就是要交点手续费吗？, 难道…吗), nor one the text answers yes to right after it
# (需要提供验证码吗？需要，发过来; 要先交押金吗 交了就能看房): those are the demand put as a question.
_WHETHER = regex(r"(?:要|需要|需|用|得)(?:先|再)?")
_ASKED_END = regex(r"[^。！？!?\n，,；;｜|：:]{0,8}?吗")
_PUT_TO_READER = regex("请|你|您|不就是|难道")
_ANSWERED = regex(r"[？?！!。，,\s]*(?:要的|需要|是的|对|没错|当然|交了|付了|转了|转完|提供了|共享了|发过来)")


def _asked(text: str, start: int, end: int) -> bool:
    """Is the span the object of the payer's own question whether it must be paid (`_WHETHER`)?"""
    question = _ASKED_END.match(text, end)
    if question is None or _ANSWERED.match(text, question.end()) is not None:
        return False
    clause = _clause_back(text, start, 12)
    if _PUT_TO_READER.search(text, clause, start) is not None:
        return False
    before = _WHETHER.search(text, max(clause, start - 3), start)
    return (before is not None and before.end() == start) or _WHETHER.match(text, start) is not None


NEGATED, QUOTED, REPORTED_SPEECH, JUDGED, POSED = "negated", "quoted", "reported", "judged", "posed"
ASKED = "asked"


def description(text: str, start: int, end: int, *, told: bool = False) -> str | None:
    """How the text describes the span instead of saying or asking it: NEGATED, QUOTED, REPORTED_SPEECH,
    JUDGED, ASKED or POSED (`_negated`, `_judged`, `_asked`, `_posed`), or None. `told`: the text tells of a scam attempt on
    the writer (`_ENCOUNTER`)."""
    if (how := _negated(text, start, end, told)) is not None:
        return how
    if _judged(text, start, end):
        return JUDGED
    if _asked(text, start, end):
        return ASKED
    return POSED if _posed(text, start, end, told) else None


def described(text: str, start: int, end: int, *, told: bool = False) -> bool:
    """The span is negated, quoted, reported or judged (`description`): the text describes it, it does
    not say or ask it."""
    return description(text, start, end, told=told) is not None


# A conversation: one side asks, the other answers in the first person after a break ("请问您现在方便
# 吗？ 不方便，我现在…", "…进行身份验证。 你好，我最近…"; normalised text), or lines open with at least
# two speakers' labels ("客服：…\n我：…"; roles only: "反诈小课堂：…\n记住：…" is one voice's headings).
_REPLY = regex(
    r"[?？][ \t\u3000\n]+[^。！？!?\n]{0,10}我(?!们)"
    r"|[。.!！][ \t\u3000\n]+(?:你好|您好|喂|嗯|哦|啊|不|是的|好的|对)[^。！？!?\n]{0,10}我(?!们)"
)
_SPEAKER = regex(
    r"(?:^|\n)[ \t\u3000]*(甲|乙|a|b|我|对方|客服|骗子|来电人?|接线员|民警|警察|他|她|用户|客户|本人|男方|女方)[:：]"
)


def is_dialogue(text: str) -> bool:
    """Whether `text` is a conversation between two sides (a call's transcript, a chat pasted whole)."""
    return _REPLY.search(text) is not None or len(set(_SPEAKER.findall(text))) >= 2


# The writer's own question at the end of what they tell or paste ("…要先交5%手续费才能退到我卡上，我要交
# 吗", "这要信吗，会不会是骗子冒充的", "扫不扫？在线等，急"): one of the last two clauses asks whether to trust
# or act, by a question word at its end (要不要, X不X, 会不会…) or a question mark or particle after a verb
# of trusting, paying or replying, and the writer speaks in the first person (我). A notice answers that
# question ("…都是诈骗。") or puts it to its reader ("网友推荐的平台稳赚不赔，靠谱吗？", "这样的好事你敢信吗？"):
# it has no 我, or addresses 你/您/大家 in that clause without one, or opens with a warning's tag (【反诈提醒】).
_TRAILING = regex(r"(?:[^\w？?]|_|谢谢|急|在线等|求助|求解答|拜托了?)+$")
_CLAUSES = regex(r"[^，,。！!；;：:\n？?]+[？?]*")
_QUESTION_WORD_AT_END = regex(
    r"(?:要不要|该不该|能不能|是不是|会不会|靠不靠谱|真的假的|怎么办|咋办|([扫交转点付加给回接打填信])不\1).{0,4}$"
)
_ASKS_ABOUT_ACTING = regex(
    r"(?:信|真|骗|诈|靠谱|安全|正常|交|转|点|扫|付|打|回|接|填|加|去|给).{0,8}(?:[吗么嘛呢][？?]*|[？?]+)$"
)
_ADDRESSED = regex(r"你|您|大家|各位")
_WARNING_TAG = regex(r"^\s*[【\[][^】\]]{0,12}(?:反诈|防骗|提醒|课堂|宣传|警示|警方|公安)")


def asks_whether_to_act(text: str) -> bool:
    """Whether `text` ends with its writer's own question whether to trust or act on what it tells."""
    if "我" not in text or _WARNING_TAG.match(text):
        return False
    body = _TRAILING.sub("", text)
    for clause in _CLAUSES.findall(body)[-2:]:
        if _ADDRESSED.search(clause) and "我" not in clause:
            continue
        if _QUESTION_WORD_AT_END.search(clause.rstrip("？?")) or _ASKS_ABOUT_ACTING.search(clause):
            return True
    return False
