"""A message that asks the reader for money or a verification code, and nothing else marks it a scam.

"在吗 帮我个忙 转我500 明天还你" or "刚收到的验证码发我一下" is a scam or not by who sent it, and the text does
not say. The engine does not call such a line a scam: real chat between friends and family asks the
same, and the real everyday chat lines would be flagged. Nor should it answer "no sign of a scam":
this is the first message of the impersonated-friend and code-theft scams, and the one check that
settles it is the reader's. So the verdict is *suspicious*, with how to check (`VERIFY_MONEY`,
`VERIFY_CODE`); `is_fraud` and every figure measured on it stay as they were.

The patterns read the normalised text (spaces removed). A request the cue rules would read as
described is none: negated (不用转我, 别把验证码发我, not the question 能不能借我), quoted, reported or
judged (如果有人冒充我让你转我钱，千万别信), by the same test (`fanzha.detect.cues.described`). Nor is one
whose clause, before it, tells of money rather than asking for it (他转我500, 我妈每个月打我卡上, 已经,
干嘛转我, 有人让你…).
"""

from __future__ import annotations

from dataclasses import dataclass

from fanzha.detect.cues import described
from fanzha.programs import regex

_AMOUNT = r"(\d+(\.\d+)?|[一二两三四五六七八九十百千万几]+)\s*(块钱|块|元|w|万|千|百|k)"
_NOT_MONEY = r"(?![了过的])(?!(个|一个|一下)?(电话|视频|招呼))"  # 给我转了/转的, 给我打个电话: no payment
_MONEY = regex(
    r"(先?(转|打|汇|借|垫)"
    + _NOT_MONEY
    + r"(点|些|一下|个)?钱?(给|到)?我(?!的)"  # 转我 / 借点钱给我 / 打到我(卡上)
    r"|借(我(?!的)|点钱|些钱|一点钱|笔钱)"
    r"|(给|帮)我(转|打|汇|垫|付)" + _NOT_MONEY + r"(点|一下|个)?(钱|款|账)?)"
    r"[^。！？!?\n]{0,12}?(" + _AMOUNT + r"|\d+|钱|红包|卡上|账上|支付宝|微信)"
    r"|(微信|支付宝)上?转我"
    r"|给我(发|包)?(个|一个)红包|发(个|一个)?红包给我"
)
_CODE = regex(
    r"(发|给|告诉|报|念)(给)?我[^。！？!?\n]{0,8}(验证码|校验码|动态码|动态密码|yzm)"
    r"|(验证码|校验码|动态码|动态密码|yzm)[^。！？!?\n]{0,10}(发|给|告诉|报|念|截图)(给|发)?(我|一下)"
)
_CLAUSE_END = regex(r"[。！？!?，,；;：:\s]")
# In the clause before a request, words that make it an account (他转我, 每个月打我卡上, 已经), a question
# about money sent (干嘛转我) or someone else's words (有人让你): it asks for nothing.
_TOLD = regex(
    r"已|刚(才|刚)?$|曾|有人|让你|叫你|他|她|们|公司|单位|同事|老板|每|昨|前天|上次|之前|干嘛|为什么|为啥|怎么|"
    r"还你|如果|要是|我妈|我爸"
)
# Every request names the asker (我) or the code (码, yzm): a text with none of them is skipped at once.
_NEEDED = ("我", "码", "yzm")

VERIFY_MONEY = (
    "对方向你借钱或要你转账：单凭文字无法判断是否诈骗。转账前请当面或用你原来存的电话打给本人核实"
    "（视频也可能是AI换脸）；“换号了”“不方便接电话”正是冒充熟人诈骗的说法。"
)
VERIFY_CODE = (
    "对方向你要验证码：验证码就是你账户的钥匙，客服、民警、平台从不索要。"
    "除非当面确认是本人、也清楚这个码的用途，否则不要发送。"
)

MEANINGS = {
    "money": "向你借钱或要你转账，文字本身看不出对方是谁，需要核实",
    "code": "向你要验证码，文字本身看不出对方是谁，需要核实",
}


@dataclass(frozen=True, slots=True)
class Request:
    """What the message asks for (`money` or `code`), where in the normalised text, and how to check it."""

    kind: str
    start: int
    end: int

    @property
    def cue_id(self) -> str:
        return f"{self.kind}_request"

    @property
    def meaning(self) -> str:
        return MEANINGS[self.kind]

    @property
    def advice(self) -> str:
        return VERIFY_CODE if self.kind == "code" else VERIFY_MONEY


def _clause_before(text: str, start: int) -> str:
    """The words of the clause before `start`."""
    bounds = [m.end() for m in _CLAUSE_END.finditer(text, 0, start)]
    return text[bounds[-1] if bounds else 0 : start]


def _asks(text: str, start: int, end: int) -> bool:
    return not described(text, start, end) and not _TOLD.search(_clause_before(text, start))


def find_request(text: str) -> Request | None:
    """The first request for a code, else for money, in the normalised `text`; None when it asks for neither."""
    if not any(word in text for word in _NEEDED):
        return None
    for kind, pattern in (("code", _CODE), ("money", _MONEY)):
        for m in pattern.finditer(text):
            if _asks(text, m.start(), m.end()):
                return Request(kind, m.start(), m.end())
    return None
