"""Charts as inline SVG strings, for the HTML bulletin and the web console: no JavaScript, no files.

`hbar_svg` (cases by type or district: long Chinese labels read best on horizontal bars), `line_svg`
(weekly or monthly counts of the top types) and `column_svg` (victims by age band). Text is escaped;
sizes are in SVG user units and the charts scale with the page (`viewBox`, width 100%).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

FONT = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei','SimSun',sans-serif"
PALETTE = ("#c0392b", "#2471a3", "#d68910", "#239b56", "#7d3c98", "#5d6d7e", "#a04000", "#17a589")
INK, GRID, BAR = "#222", "#ddd", "#2471a3"


def _number(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 or value == int(value) else f"{value:,.1f}"


def _nice_max(value: float) -> float:
    """A round axis maximum ≥ value whose quarters are round too: 1, 2, 4, 8 or 10 times a power of ten."""
    if value <= 0:
        return 1.0
    power = 10.0 ** (len(str(int(value))) - 1)
    for step in (1, 2, 4, 8, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def _open(width: int, height: int, title: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
        f'role="img" aria-label="{escape(title)}" font-family="{FONT}" font-size="13" fill="{INK}">',
        f"<title>{escape(title)}</title>",
        f'<text x="{width / 2:.0f}" y="20" text-anchor="middle" font-size="15" font-weight="bold">{escape(title)}</text>',
    ]


def hbar_svg(items: Sequence[tuple[str, float]], *, title: str, unit: str = "起", width: int = 640) -> str:
    """Horizontal bars, one per (label, value), in the order given."""
    row, top = 24, 34
    label_w = min(280, 16 + 13 * max((len(label) for label, _ in items), default=4))
    height = top + row * max(1, len(items)) + 10
    parts = _open(width, height, title)
    peak = max((v for _, v in items), default=0) or 1
    span = width - label_w - 80
    for i, (label, value) in enumerate(items):
        y = top + i * row
        length = max(1.0, span * value / peak) if value > 0 else 0
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end">{escape(label)}</text>'
            f'<rect x="{label_w}" y="{y + 4}" width="{length:.1f}" height="{row - 8}" fill="{BAR}"/>'
            f'<text x="{label_w + length + 6:.1f}" y="{y + 16}">{_number(value)}{escape(unit)}</text>'
        )
    if not items:
        parts.append(f'<text x="{width / 2:.0f}" y="{top + 16}" text-anchor="middle">暂无数据</text>')
    parts.append("</svg>")
    return "".join(parts)


def column_svg(items: Sequence[tuple[str, float]], *, title: str, unit: str = "起", width: int = 420) -> str:
    """Vertical columns, one per (label, value)."""
    height, top, bottom, left = 240, 40, 30, 20
    parts = _open(width, height, title)
    peak = max((v for _, v in items), default=0) or 1
    slot = (width - 2 * left) / max(1, len(items))
    plot = height - top - bottom
    for i, (label, value) in enumerate(items):
        h = plot * value / peak
        x = left + i * slot
        parts.append(
            f'<rect x="{x + slot * 0.15:.1f}" y="{top + plot - h:.1f}" width="{slot * 0.7:.1f}" height="{h:.1f}" fill="{BAR}"/>'
            f'<text x="{x + slot / 2:.1f}" y="{top + plot - h - 4:.1f}" text-anchor="middle" font-size="12">{_number(value)}</text>'
            f'<text x="{x + slot / 2:.1f}" y="{height - 10}" text-anchor="middle">{escape(label)}</text>'
        )
    parts.append(
        f'<line x1="{left}" y1="{top + plot}" x2="{width - left}" y2="{top + plot}" stroke="{INK}"/>'
        f'<text x="{width - left}" y="{top - 6}" text-anchor="end" font-size="11">单位：{escape(unit)}</text></svg>'
    )
    return "".join(parts)


def line_svg(
    labels: Sequence[str],
    series: Mapping[str, Sequence[float]],
    *,
    title: str,
    unit: str = "起",
    width: int = 720,
) -> str:
    """One line per series over the period `labels` (oldest first), with a legend below."""
    height, top, left, right = 340, 40, 50, 40
    plot_h, legend_y = 220, 300
    plot_w = width - left - right
    parts = _open(width, height, title)
    peak = _nice_max(max((v for s in series.values() for v in s), default=0))
    for j in range(5):
        value = peak * j / 4
        y = top + plot_h - plot_h * j / 4
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="{GRID}"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11">{_number(value)}</text>'
        )
    step = plot_w / max(1, len(labels) - 1)
    every = max(1, len(labels) // 8)
    for i, label in enumerate(labels):
        if i % every == 0 or i == len(labels) - 1:
            x = left + i * step
            parts.append(
                f'<text x="{x:.1f}" y="{top + plot_h + 18}" text-anchor="middle" font-size="11">{escape(label)}</text>'
            )
    for n, (name, values) in enumerate(series.items()):
        color = PALETTE[n % len(PALETTE)]
        points = " ".join(
            f"{left + i * step:.1f},{top + plot_h - plot_h * v / peak:.1f}" for i, v in enumerate(values)
        )
        parts.append(f'<polyline points="{points}" fill="none" stroke="{color}" stroke-width="2"/>')
        lx = left + (n % 3) * (plot_w / 3)
        ly = legend_y + (n // 3) * 18
        parts.append(
            f'<rect x="{lx:.1f}" y="{ly - 9}" width="14" height="4" fill="{color}"/>'
            f'<text x="{lx + 20:.1f}" y="{ly - 3}" font-size="12">{escape(name)}</text>'
        )
    parts.append(f'<text x="{left}" y="{top - 6}" font-size="11">单位：{escape(unit)}</text></svg>')
    return "".join(parts)
