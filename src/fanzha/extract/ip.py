"""IPv4 addresses outside links (links with an IP host are found by the URL recognizer)."""

from __future__ import annotations

import re

from fanzha.extract.base import Candidate, Recognizer

_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
_IP = re.compile(r"(?=\d)(?<![\d.])" + _OCTET + r"(?:\." + _OCTET + r"){3}(?![\d]|\.\d)")
_PRIVATE = re.compile(r"^(10\.|127\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|0\.)")


class IpRecognizer(Recognizer):
    kind = "ip"
    patterns = (_IP.pattern,)
    context = ("ip", "地址", "服务器", "登录")
    priority = 40
    requires_digit = True

    def validate(self, match: re.Match[str], text: str) -> Candidate | None:
        value = match.group()
        if _looks_like_version(text, match.start()):
            return None
        private = bool(_PRIVATE.match(value))
        details = {"private": True} if private else {}
        reason = "IPv4地址" + ("（内网地址）" if private else "")
        return Candidate(
            value, 0.8 if self.has_context(text, match.start(), match.end()) else 0.6, reason, details
        )


def _looks_like_version(text: str, start: int) -> bool:
    return text[max(0, start - 1) : start] in ("v",) or text[max(0, start - 7) : start].endswith("版本")
