"""The command line's own words in Chinese: help pages and usage errors.

typer draws help with rich's boxes (which CJK width breaks) and, like the click it vendors
(`typer._click`), says "Usage:", "Show this message and exit.", "Missing argument", "No such option" in
English, wrapping at 80 columns by character count. `install()` (called once, by `fanzha.cli.commands`)
turns rich off, gives every context a help formatter that wraps by display width (a Chinese character is
two columns) to the terminal's width, and makes usage errors say what is wrong in Chinese: the usage
line, "用 '… --help' 查看帮助", then "错误：…", exit code 2 as before.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Sequence
from typing import IO, Any

import typer.core
from typer import _click
from typer._click import exceptions as click_errors
from typer._click.formatting import HelpFormatter

from fanzha.cli.tables import pad, width, wrap

WORDS = {
    "Options": "选项",
    "Commands": "命令",
    "Arguments": "参数",
    "Show this message and exit.": "显示此帮助并退出",
    "default: {default}": "默认：{default}",
    "required": "必填",
    "env var: {var}": "环境变量：{var}",
    "(dynamic)": "（动态）",
    "Aborted!": "已取消。",
    "Missing command.": "缺少命令。",
}
METAVARS = {
    "<int range>": "<整数>",
    "<float range>": "<数字>",
    "<str>": "<文本>",
    "<int>": "<整数>",
    "<float>": "<数字>",
    "<path>": "<路径>",
    "<bool>": "",
}
MAX_WIDTH = 200  # a help page wider than this is hard to read even on a wide screen

# English messages of the vendored click and of typer, translated whole (the rest of an error is built
# from the exception's fields below).
_PATTERNS = [
    (re.compile(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", re.S), "多余的参数：{0}"),
    (re.compile(r"No such command '(.*)'\.(?: Did you mean (.*)\?)?", re.S), "没有命令 '{0}'。"),
    (re.compile(r"Option '(.*)' requires an argument\."), "选项 {0} 后面需要给出一个值"),
    (re.compile(r"Option '(.*)' requires (\d+) arguments\."), "选项 {0} 后面需要给出 {1} 个值"),
    (re.compile(r"Option '(.*)' does not take a value\."), "选项 {0} 不接受值"),
    (re.compile(r"Argument '(.*)' takes (\d+) values\."), "参数 {0} 需要 {1} 个值"),
    (re.compile(r"Missing command\."), "缺少命令。"),
    (re.compile(r"(.*) is not in the range (.*)\.", re.S), "{0} 不在允许的范围 {1} 内"),
    (re.compile(r"'(.*)' is not one of (.*)\.", re.S), "'{0}' 不是可选值之一：{1}"),
    (re.compile(r"'(.*)' is not (.*)\.", re.S), "'{0}' 不是可选值 {1}"),
    (re.compile(r"(?:File|Path|Directory) '(.*)' does not exist\.", re.S), "找不到 '{0}'"),
    (re.compile(r"(?:File|Path) '(.*)' is a directory\.", re.S), "'{0}' 是目录，需要文件"),
    (re.compile(r"(?:Directory|Path) '(.*)' is a file\.", re.S), "'{0}' 是文件，需要目录"),
    (re.compile(r"(?:File|Path|Directory) '(.*)' is not readable\.", re.S), "'{0}' 不可读"),
    (re.compile(r"(?:File|Path|Directory) '(.*)' is not writable\.", re.S), "'{0}' 不可写"),
]


def translate(message: str) -> str:
    """A click or typer message in Chinese (unchanged when it is not one of theirs)."""
    for pattern, chinese in _PATTERNS:
        found = pattern.fullmatch(message.strip())
        if found is not None:
            text = chinese.format(*(g or "" for g in found.groups()))
            if "Did you mean" in message and found.re.pattern.startswith("No such command"):
                text += f"您要找的可能是：{found.group(2)}"
            return text
    return message


def _gettext(message: str) -> str:
    return WORDS.get(message, message)


def _help_of(param: Any) -> str:
    help_text = str(getattr(param, "help", "") or "")
    first = help_text.split("。")[0].split("（")[0].strip()
    return f"（{first}）" if first else ""


def message_of(error: click_errors.ClickException) -> str:
    """What went wrong, in Chinese."""
    if isinstance(error, click_errors.MissingParameter):
        param = error.param
        kind = "参数" if getattr(param, "param_type_name", "") == "argument" else "选项"
        missing = param.get_error_hint() if param is not None else ""
        return f"缺少{kind} {missing}{_help_of(param)}".rstrip()
    if isinstance(error, click_errors.NoSuchOption):
        text = f"没有选项 {error.option_name}"
        if error.possibilities:
            text += "（您要找的可能是：" + "、".join(sorted(error.possibilities)) + "）"
        return text
    if isinstance(error, click_errors.BadParameter):
        hint: str | None = None
        if error.param_hint is not None:
            hint = click_errors._join_param_hints(error.param_hint)
        elif error.param is not None:
            hint = error.param.get_error_hint()
        return (f"{hint} 的值无效：" if hint else "值无效：") + _reason(error)
    return translate(error.format_message())


def _reason(error: click_errors.BadParameter) -> str:
    """The Chinese reason of a bad value: pydantic's error (which typer validates with) in the API's
    Chinese words, else the translated message."""
    cause = error.__cause__
    errors = getattr(cause, "errors", None)
    if callable(errors):
        from fanzha.api.errors import validation_errors

        found = validation_errors([dict(e) for e in errors()])
        if found:
            return found[0].msg
    return translate(error.message)


def _show_usage_error(self: click_errors.UsageError, file: IO[Any] | None = None) -> None:
    if file is None:
        file = _click._compat.get_text_stderr()
    if self.ctx is not None:
        hint = ""
        if self.ctx.command.get_help_option(self.ctx) is not None:
            hint = f"用 '{self.ctx.command_path} {self.ctx.help_option_names[0]}' 查看帮助。\n"
        _click.echo(f"{self.ctx.get_usage()}\n{hint}", file=file, color=self.ctx.color)
    _click.echo(f"错误：{message_of(self)}", file=file, color=self.ctx.color if self.ctx else None)


def _show_error(self: click_errors.ClickException, file: IO[Any] | None = None) -> None:
    _click.echo(f"错误：{message_of(self)}", file=file or _click._compat.get_text_stderr())


class ChineseHelpFormatter(HelpFormatter):
    """click's help formatter with Chinese headings, wrapping by display width to the terminal."""

    def __init__(self, indent_increment: int = 2, width: int | None = None, max_width: int | None = None):
        if width is None:
            from typer._click import formatting

            width = formatting.FORCED_WIDTH or shutil.get_terminal_size((100, 24)).columns
        super().__init__(indent_increment, width=max(50, min(width, max_width or MAX_WIDTH) - 2))

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        head = " " * self.current_indent + "用法：" + prog + " "
        lines = wrap(_metavars(args), self.width - width(head))
        self.write(head + ("\n" + " " * width(head)).join(lines) + "\n")

    def write_heading(self, heading: str) -> None:
        self.write(" " * self.current_indent + WORDS.get(heading, heading) + "：\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        for i, (lead, lines, keep) in enumerate(_paragraphs(text)):
            if i:
                self.write("\n")
            room = self.width - self.current_indent - lead
            for line in lines if keep else [_join(lines)]:
                for piece in wrap(line, room) if width(line) > room else [line]:
                    self.write(indent + " " * lead + piece + "\n")

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = [(_metavars(first), second) for first, second in rows]
        first_w = min(max((width(f) for f, _ in rows), default=0), col_max)
        indent = " " * self.current_indent
        room = max(self.width - self.current_indent - first_w - col_spacing, 20)
        for first, second in rows:
            lines = wrap(_extras(second), room) if second else []
            if width(first) > first_w:
                self.write(indent + first + "\n")
                head = indent + " " * (first_w + col_spacing)
            else:
                head = indent + pad(first, first_w + col_spacing)
            self.write(head + (lines[0] if lines else "") + "\n")
            for line in lines[1:]:
                self.write(indent + " " * (first_w + col_spacing) + line + "\n")


def _metavars(text: str) -> str:
    for english, chinese in METAVARS.items():
        text = text.replace(" " + english, " " + chinese if chinese else "").replace(english, chinese)
    return text


def _extras(text: str) -> str:
    return WORDS.get(text, text)


def _paragraphs(text: str) -> list[tuple[int, list[str], bool]]:
    """(indent, lines, keep the lines as written) for each paragraph of a docstring: a paragraph whose
    later lines are indented (examples) or that starts with \\b is kept line by line."""
    out = []
    for block in re.split(r"\n\s*\n", text.expandtabs().strip("\n")):
        lines = block.splitlines()
        if lines and lines[0].strip() == "\b":
            out.append((0, [line.rstrip() for line in lines[1:]], True))
            continue
        lead = len(lines[0]) - len(lines[0].lstrip())
        keep = any(line.startswith(" ") for line in lines[1:]) or lines[0].lstrip().startswith("例")
        out.append((lead, [line.rstrip()[lead:] if keep else line.strip() for line in lines], keep))
    return out


def _join(lines: list[str]) -> str:
    """Lines of one paragraph as one line: no space between two Chinese characters, one otherwise."""
    text = ""
    for line in lines:
        if text and not (width(text[-1]) == 2 and width(line[:1]) == 2):
            text += " "
        text += line
    return text


def install() -> None:
    typer.core.HAS_RICH = False
    typer.core._ = _gettext  # type: ignore[attr-defined]
    _click.core.Context.formatter_class = ChineseHelpFormatter
    click_errors.UsageError.show = _show_usage_error  # type: ignore[method-assign]
    click_errors.ClickException.show = _show_error  # type: ignore[method-assign]
