"""A message that asks the reader for money or a verification code, and nothing else marks it a scam.

"在吗 帮我个忙 转我500 明天还你" or "刚收到的验证码发我一下" is a scam or not by who sent it, and the text does
not say. The engine does not call such a line a scam: real chat between friends and family asks the
same, and the real everyday chat lines would be flagged. Nor should it answer "no sign of a scam":
this is the first message of the impersonated-friend and code-theft scams, and the one check that
settles it is the reader's. So the verdict is *suspicious*, with how to check (`VERIFY_MONEY`,
`VERIFY_CODE`); `is_fraud` and every figure measured on it stay as they were.

The patterns read the normalised text; a request after a negation (不用转我, 别把验证码发我) is none, and
neither is an account of money already sent (已经打到我卡上).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_AMOUNT = r"(\d+(\.\d+)?|[一二两三四五六七八九十百千万几]+)\s*(块钱|块|元|w|万|千|百|k)"
# Not after a negation (不用转我), nor in a statement of what was done (已经打到我卡上, 刚转我的).
_NOT = r"(?<![不别没甭已经刚])(?<!不用)(?<!不要)(?<!无需)(?<!不必)"
_MONEY = re.compile(
    _NOT
    + r"((转|打|汇|借|垫|先转|先打)(?![了过])(点|些|一下|个)?(钱)?(给|到)?我"  # 转我 / 借点钱给我 / 打到我(卡上)
    + r"|借(我|点钱|些钱|一点钱|笔钱)"
    + r"|(?<!干嘛)(?<!为什么)(?<!为啥)(给|帮)我(转|打|汇|垫|付)(?![了过])(点|一下|个)?(钱|款|账)?)"
    + r"[^。！？!?\n]{0,12}?("
    + _AMOUNT
    + r"|钱|红包|卡上|账上|支付宝|微信)"
    + r"|(借|转|打)我\s*(\d+|"
    + _AMOUNT
    + ")"
)
_CODE = re.compile(
    _NOT
    + r"((发|给|告诉|报|念)(给)?我[^。！？!?\n]{0,8}(验证码|校验码|动态码|动态密码|yzm|码)"
    + r"|(验证码|校验码|动态码|yzm)[^。！？!?\n]{0,10}"
    + _NOT
    + r"(发|给|告诉|报|念|截图)(给|发)?(我|一下))"
)

VERIFY_MONEY = (
    "对方向你借钱或要你转账：单凭文字无法判断是否诈骗。转账前请用你原来存的电话打给本人，或当面、视频核实；"
    "“换号了”“不方便接电话”正是冒充熟人诈骗的说法。"
)
VERIFY_CODE = (
    "对方向你要验证码：验证码等于你的账户钥匙，任何人（包括亲友、客服、民警）都不应向你索要。"
    "请不要发送，并用原来的电话与对方本人核实。"
)


@dataclass(frozen=True, slots=True)
class Request:
    """What the message asks for (`money` or `code`), where, and how to check it."""

    kind: str
    start: int
    end: int
    advice: str


def find_request(text: str) -> Request | None:
    """The first request for a code, else for money, in the normalised `text`; None when it asks for neither."""
    code = _CODE.search(text)
    if code:
        return Request("code", code.start(), code.end(), VERIFY_CODE)
    money = _MONEY.search(text)
    if money:
        return Request("money", money.start(), money.end(), VERIFY_MONEY)
    return None
