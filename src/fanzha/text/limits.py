"""What text fanzha accepts, checked before any work is done, with a message a user understands."""

from __future__ import annotations

from fanzha.text.normalize import ZERO_WIDTH

MAX_CHARS = 100_000
_BLANK = ZERO_WIDTH + " \t\r\n\u3000\u00a0"


class InputError(ValueError):
    """The text cannot be assessed (empty, too long, broken characters); the message says why, in Chinese."""


def check_text(text: object) -> str:
    """Return `text` if it can be assessed, else raise InputError."""
    if not isinstance(text, str):
        raise InputError("文本必须是字符串")
    if not text.strip(_BLANK):
        raise InputError("文本为空：请粘贴要检查的短信、聊天记录或号码")
    if len(text) > MAX_CHARS:
        raise InputError(f"文本过长：{len(text)} 个字符，上限 {MAX_CHARS} 个字符；请只粘贴可疑的那一段")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(f"文本含无效字符（第{exc.start + 1}个字符不是合法的Unicode字符）") from None
    return text
