"""Accounts that are only recognisable by the word in front of them: QQ, WeChat, Alipay.

A five-to-eleven digit number is a QQ number only when "QQ" (or 扣扣, 企鹅号, Q群) stands before it;
a string of letters and digits is a WeChat ID only after "微信" or one of its evasive spellings
(薇信, v信, vx, wx). These recognizers may overlap a phone number: "微信同号13800138000" is both.
"""

from __future__ import annotations

import re

from fanzha.extract.base import Candidate, Recognizer
from fanzha.programs import regex

_GAP = r"[\s:：=\-_—~/号码是为账帐户群同]{0,6}"
_QQ = regex(r"(qq群|q群|qq|扣扣|企鹅号|企鹅|q号|群号|口口)" + _GAP + r"([1-9]\d{4,10})(?!\d)")
_WECHAT_WORDS = (  # the look-ahead on the first characters lets the scan skip everything else fast
    r"(?=[微薇威徽vw加卫维])(微信|薇信|威信|徽信|v信|vx|wx|weixin|wechat|加v|加微|加薇|卫星|维信|微芯|(?<![a-z])v(?=[:：\s]))"
)
_WECHAT = regex(_WECHAT_WORDS + _GAP + r"([a-z][a-z0-9_\-]{5,19}|1[3-9]\d{9})(?![a-z0-9_\-])")
_ALIPAY = regex(r"(支付宝)" + _GAP + r"(1[3-9]\d{9}|[a-z0-9._%+\-]+@[a-z0-9.\-]+\.[a-z]{2,10})(?![a-z0-9@.])")


class QqRecognizer(Recognizer):
    kind = "qq"
    patterns = (_QQ.pattern,)
    contextual = True
    requires_digit = True

    def validate(self, match: re.Match[str], text: str) -> Candidate | None:
        word, number = match.group(1), match.group(2)
        group = "群" in word or "群" in text[match.end(1) : match.start(2)]
        what = "QQ群号" if group else "QQ号"
        return Candidate(
            number,
            0.9,
            f"{what}（前面写着“{word}”）",
            {"group": True} if group else {},
            start=match.start(2),
            end=match.end(2),
        )


class WechatRecognizer(Recognizer):
    kind = "wechat"
    patterns = (_WECHAT.pattern,)
    contextual = True

    def validate(self, match: re.Match[str], text: str) -> Candidate | None:
        word, account = match.group(1), match.group(2)
        if account in ("app", "weixin", "wechat", "wxpay"):
            return None
        reason = f"微信号（前面写着“{word}”）"
        if word not in ("微信", "weixin", "wechat", "wx"):
            reason += "，用谐音或字母代替“微信”以躲避过滤"
        return Candidate(account, 0.85, reason, start=match.start(2), end=match.end(2))


class AlipayRecognizer(Recognizer):
    kind = "alipay"
    patterns = (_ALIPAY.pattern,)
    contextual = True

    def validate(self, match: re.Match[str], text: str) -> Candidate | None:
        return Candidate(
            match.group(2), 0.9, "支付宝账号（前面写着“支付宝”）", start=match.start(2), end=match.end(2)
        )
