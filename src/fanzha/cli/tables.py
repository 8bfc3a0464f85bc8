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


TERMINAL = 80  # columns of the terminal a table is made to fit
MIN_COLUMN = 6  # a column is never squeezed below this (or its header) to make a table fit
WRAP_FLOOR = 4  # a wrapped column keeps two Chinese characters a line
GAP = 2  # spaces between columns


def _cell(text: str, limit: int | None) -> str:
    return clip(text, limit) if limit else " ".join(text.split())


def _fitted(widths: list[int], floors: list[int], fit: int) -> list[int]:
    """`widths` narrowed, the widest squeezable column first, until the table takes at most `fit` columns
    (or every column is at its floor)."""
    widths = list(widths)
    excess = sum(widths) + GAP * (len(widths) - 1) - fit
    while excess > 0:
        room = [(w, i) for i, w in enumerate(widths) if w > floors[i]]
        if not room:
            break
        _, i = max(room)
        widths[i] -= 1
        excess -= 1
    return widths


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    right: Sequence[int] = (),
    max_width: Sequence[int | None] | None = None,
    fit: int | None = None,
    keep: Sequence[int] = (),
    overflow: str = "clip",
) -> str:
    """A table with a header and a rule, columns two spaces apart; columns in `right` (by index) are
    right-aligned (numbers, money); `max_width` clips long cells (None: no limit).

    The table fits in `fit` terminal columns (None: any width): the widest columns not in `keep` (ids,
    times, amounts stay whole) are narrowed, and their long cells cut with "…" (`overflow="clip"`) or
    wrapped onto more lines of the row (`overflow="wrap"`, for values that must be read whole)."""
    limits = [*(max_width or ()), *([None] * len(headers))][: len(headers)]
    cells = [[_cell(str(v), limits[i]) for i, v in enumerate(r)] for r in rows]
    widths = [max([width(h)] + [width(r[i]) for r in cells]) for i, h in enumerate(headers)]
    wrapping = overflow == "wrap"
    if fit is not None:
        # A clipped column keeps its header whole; a wrapped one may wrap its header too (转出/账户).
        floors = [
            w if i in keep else min(w, WRAP_FLOOR if wrapping else max(width(h), MIN_COLUMN))
            for i, (h, w) in enumerate(zip(headers, widths, strict=True))
        ]
        widths = _fitted(widths, floors, fit)

    def line(values: Sequence[str]) -> str:
        parts = [pad(v, widths[i], right=i in right) for i, v in enumerate(values)]
        return "  ".join(parts).rstrip()

    def lines(values: Sequence[str]) -> list[str]:
        if not wrapping:
            return [line([clip(v, widths[i]) for i, v in enumerate(values)])]
        pieces = [wrap(v, widths[i]) if width(v) > widths[i] else [v] for i, v in enumerate(values)]
        return [line([p[k] if k < len(p) else "" for p in pieces]) for k in range(max(map(len, pieces)))]

    out = [*lines(headers), "  ".join("─" * w for w in widths)]
    for row in cells:
        out += lines(row)
    return "\n".join(out)


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
    columns = max(columns, 2)  # a wide character takes two
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
