"""知识竞答: questions generated from the taxonomy (signs of a fraud type, which type a trick belongs to,
what to do) and from the rising types of the latest issued bulletins. Deterministic for a seed; no option
appears twice; the right answer is taken from the taxonomy itself, so it is right by construction."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from fanzha.taxonomy import load_taxonomy
from fanzha.taxonomy.model import FraudType, Taxonomy

# Ordinary, safe things: never a sign of a scam (distractors of "which is a sign of …?").
SAFE_PRACTICES = (
    "通过银行官方APP查看本月账单",
    "快递员打电话确认送货时间，不提任何付款要求",
    "在正规购物平台下单并用平台担保交易付款",
    "社区民警上门发放防诈骗宣传单",
    "学校老师在家长群通知开家长会的时间",
    "运营商发来的话费账单提醒，只让你在官方APP查询",
    "亲友当面或视频确认后才借钱",
    "收到验证码短信，写着“请勿泄露给他人”",
)
# Wrong things to do (distractors of "what should you do?").
WRONG_ACTIONS = (
    "按对方要求把钱转到“安全账户”核查",
    "把短信验证码告诉对方，以便“核实身份”",
    "下载对方发来的APP，按提示开启屏幕共享",
    "对方要求保密，就不告诉家人，自己先处理",
    "先交一笔保证金或手续费，再等对方放款返利",
    "拨打对方短信里留下的“客服电话”咨询",
)
KINDS = ("sign", "type", "advice")


@dataclass(frozen=True, slots=True)
class Question:
    kind: str  # sign | type | advice | rising
    fraud_type: str
    prompt: str
    options: tuple[str, ...]
    answer: int
    explanation: str

    def to_dict(self, *, with_answer: bool = True) -> dict[str, object]:
        out: dict[str, object] = {"kind": self.kind, "fraud_type": self.fraud_type, "prompt": self.prompt,
                                  "options": list(self.options)}  # fmt: skip
        if with_answer:
            out |= {"answer": self.answer, "explanation": self.explanation}
        return out


def short(text: str) -> str:
    """A cue meaning without its gloss: the part before “——” (what a participant reads)."""
    return text.split("——")[0].strip()


def first_sentence(text: str) -> str:
    head = text.split("。")[0].strip()
    return head + "。" if head else text


def _options(rng: random.Random, right: str, pool: Sequence[str], n: int = 4) -> tuple[tuple[str, ...], int]:
    """`right` among `n - 1` distinct wrong options from `pool` (none equal to `right`), shuffled."""
    wrong = sorted({p for p in pool if p != right})
    chosen = rng.sample(wrong, min(n - 1, len(wrong)))
    options = [right, *chosen]
    rng.shuffle(options)
    return tuple(options), options.index(right)


def _typed(taxonomy: Taxonomy) -> list[FraudType]:
    return [t for t in taxonomy.types if t.cues and t.code != "other_fraud"]


def sign_question(rng: random.Random, t: FraudType) -> Question:
    cue = rng.choice(sorted(t.cues, key=lambda c: c.id))
    options, answer = _options(rng, short(cue.meaning), SAFE_PRACTICES)
    return Question("sign", t.code, f"以下哪一项是“{t.name}”的危险信号？", options, answer,
                    f"{cue.meaning}。其余选项都是正常、安全的情形。")  # fmt: skip


def claims(t: FraudType, text: str) -> bool:
    """Whether one of `t`'s own cues fires on `text` (then `t` is no fair wrong answer for it)."""
    low = text.lower()
    return any(
        (c.pattern is not None and c.pattern.search(low)) or any(k in low for k in c.keywords) for c in t.cues
    )


def type_question(rng: random.Random, t: FraudType, taxonomy: Taxonomy) -> Question:
    cue = rng.choice(sorted(t.cues, key=lambda c: c.id))
    # Wrong answers: types none of whose cues fire on the phrase, so only the right one fits it.
    others = [o.name for o in _typed(taxonomy) if o.code != t.code and not claims(o, short(cue.meaning))]
    options, answer = _options(rng, t.name, others)
    return Question("type", t.code, f"对方「{short(cue.meaning)}」，这最可能是哪类诈骗？", options, answer,
                    f"这是“{t.name}”的典型手法。{first_sentence(t.advice)}")  # fmt: skip


def advice_question(rng: random.Random, t: FraudType) -> Question:
    options, answer = _options(rng, first_sentence(t.advice), WRONG_ACTIONS)
    return Question("advice", t.code, f"遇到疑似“{t.name}”，正确的做法是？", options, answer, t.advice)


def rising_question(rng: random.Random, code: str, period_title: str, taxonomy: Taxonomy) -> Question:
    t = taxonomy.get(code)
    flagged = t.name
    others = [o.name for o in _typed(taxonomy) if o.code != code]
    options, answer = _options(rng, flagged, others)
    return Question("rising", code, f"据{period_title}警情通报，以下哪类诈骗发案明显上升？", options, answer,
                    f"{period_title}通报中“{t.name}”明显上升。{first_sentence(t.advice)}")  # fmt: skip


def generate(
    *,
    count: int = 10,
    seed: int = 0,
    types: Sequence[str] | None = None,
    rising: Sequence[tuple[str, str]] = (),
    taxonomy: Taxonomy | None = None,
) -> list[Question]:
    """`count` questions (1–50): first one per rising type of the recent bulletins (`rising`: pairs of
    period title and fraud-type code), then sign / type / advice questions over `types` (default: every
    type with cues) in turn. The same arguments give the same questions; no prompt is asked twice."""
    if not 1 <= count <= 50:
        raise ValueError("题目数量须在 1 到 50 之间")
    taxonomy = taxonomy or load_taxonomy()
    rng = random.Random(seed)
    pool = [t for t in _typed(taxonomy) if types is None or t.code in types]
    if not pool:
        raise ValueError("没有可出题的诈骗类型")
    out: list[Question] = []
    seen: set[str] = set()

    def add(q: Question) -> None:
        if q.prompt not in seen and len(out) < count:
            seen.add(q.prompt)
            out.append(q)

    for title, code in rising:
        if code in taxonomy.codes and (types is None or code in types):
            add(rising_question(rng, code, title, taxonomy))
    order = pool[:]
    rng.shuffle(order)
    for attempt in range(count * 6):
        if len(out) >= count:
            break
        t = order[attempt % len(order)]
        kind = KINDS[(attempt + attempt // len(order)) % len(KINDS)]  # every type gets every kind
        q = sign_question(rng, t) if kind == "sign" else type_question(rng, t, taxonomy) if kind == "type" \
            else advice_question(rng, t)  # fmt: skip
        add(q)
    return out


def score(questions: Sequence[Question], answers: Sequence[int | None]) -> tuple[int, list[bool]]:
    """The number of right answers and, per question, whether it was right (missing answers are wrong)."""
    right = [i < len(answers) and answers[i] == q.answer for i, q in enumerate(questions)]
    return sum(right), right
