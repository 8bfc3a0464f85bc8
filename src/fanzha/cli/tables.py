"""Aligned tables and labelled cards for the terminal, East Asian width aware: a Chinese character
takes two columns, so columns line up in any terminal font that draws CJK double-width."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import UTC, datetime

from fanzha.timezones import BEIJING


def width(text: str) -> int:
    """Columns `text` takes in a terminal (wide and full-width characters 2, combining marks 0)."""
    total = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return total


def clip(text: str, columns: int) -> str:
    """`text` cut to at most `columns` columns, with "…" where it was cut; one line."""
    text = " ".join(text.split())
    if width(text) <= columns:
        return text
    out, used = [], 0
    for char in text:
        w = width(char)
        if used + w > columns - 1:
            break
        out.append(char)
        used += w
    return "".join(out) + "…"


def pad(text: str, columns: int, *, right: bool = False) -> str:
    gap = " " * max(0, columns - width(text))
    return gap + text if right else text + gap


def _cell(text: str, limit: int | None) -> str:
    return clip(text, limit) if limit else " ".join(text.split())


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    right: Sequence[int] = (),
    max_width: Sequence[int | None] | None = None,
) -> str:
    """A table with a header and a rule, columns two spaces apart; columns in `right` (by index) are
    right-aligned (numbers, money); `max_width` clips long cells (None: no limit)."""
    limits = [*(max_width or ()), *([None] * len(headers))][: len(headers)]
    cells = [[_cell(str(v), limits[i]) for i, v in enumerate(r)] for r in rows]
    widths = [max([width(h)] + [width(r[i]) for r in cells]) for i, h in enumerate(headers)]

    def line(values: Sequence[str]) -> str:
        parts = [pad(v, widths[i], right=i in right) for i, v in enumerate(values)]
        return "  ".join(parts).rstrip()

    return "\n".join([line(headers), "  ".join("─" * w for w in widths), *(line(r) for r in cells)])


def card(fields: Sequence[tuple[str, str]], *, indent: int = 0) -> str:
    """Label：value lines with the values aligned; a value of several lines is indented under itself."""
    label_w = max((width(label) for label, _ in fields), default=0)
    out = []
    for label, value in fields:
        head = " " * indent + pad(label, label_w) + "  "
        lines = str(value).splitlines() or [""]
        out.append(head + lines[0])
        out += [" " * width(head) + rest for rest in lines[1:]]
    return "\n".join(out)


def beijing(at: datetime | None, *, seconds: bool = False) -> str:
    """A stored time as users read it: Beijing time; "-" for none; a naive time is taken as UTC."""
    if at is None:
        return "-"
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    try:
        return at.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")
    except OverflowError:  # the end of the calendar, as stored
        return at.strftime("%Y-%m-%d %H:%M UTC")


_NO_LINE_START = set("，。、；：！？）》」』】〗”’…%％,.;:!?)]")  # never begins a wrapped line
_NO_LINE_END = set("（《「『【〖“‘([")  # never ends one


def _tokens(text: str) -> list[str]:
    """Pieces a line may break between: a run of Latin letters and digits (a word, an option, a URL) or
    one wide character; a space is its own piece. Punctuation sticks to the piece it belongs to."""
    out: list[str] = []
    for char in text:
        wide = width(char) == 2
        if not out or char == " " or out[-1] == " ":
            out.append(char)
        elif char in _NO_LINE_START or out[-1][-1] in _NO_LINE_END:
            out[-1] += char
        elif wide or width(out[-1][-1]) == 2:
            out.append(char)
        else:
            out[-1] += char
    return out


def wrap(text: str, columns: int) -> list[str]:
    """`text` (one paragraph) in lines of at most `columns` terminal columns, broken between Chinese
    characters or at spaces, never inside a Latin word unless it is longer than a line."""
    columns = max(columns, 10)
    lines: list[str] = []
    line, used = "", 0
    for token in _tokens(text):
        w = width(token)
        if token == " " and not line:
            continue
        if used + w > columns and line.strip():
            lines.append(line.rstrip())
            line, used = "", 0
            if token == " ":
                continue
        while w > columns:  # a word longer than a whole line
            cut = clip(token, columns + 1)[:-1]
            lines.append(cut)
            token = token[len(cut) :]
            w = width(token)
        line += token
        used += w
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines
