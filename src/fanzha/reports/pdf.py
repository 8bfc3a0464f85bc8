"""The PDF bulletin: reportlab's page layout (platypus) and charts (reportlab.graphics), in Noto Serif SC
(SIL OFL, shipped in `fanzha/reports/fonts`), embedded in every PDF (the glyphs it uses), so the bulletin
looks the same in every reader. A heading is kept on the page of the text it introduces (`keepWithNext`)."""

from __future__ import annotations

import io
from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart  # type: ignore[import-untyped]
from reportlab.graphics.charts.legends import Legend  # type: ignore[import-untyped]
from reportlab.graphics.charts.linecharts import HorizontalLineChart  # type: ignore[import-untyped]
from reportlab.graphics.shapes import Drawing, String  # type: ignore[import-untyped]
from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfbase.ttfonts import TTFont  # type: ignore[import-untyped]
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle  # type: ignore[import-untyped]

from fanzha.reports.charts import PALETTE
from fanzha.reports.formats import money, percent

if TYPE_CHECKING:
    from fanzha.reports.bulletin import Bulletin
    from fanzha.reports.trends import Totals

FONT = "NotoSerifSC"
FONT_FILE = "fonts/NotoSerifSC-Regular.ttf"  # beside this module; see fonts/README.md
RED = colors.HexColor("#b03a2e")
SOFT = colors.HexColor("#f6f3ee")
WIDTH = A4[0] - 30 * mm


@lru_cache(maxsize=1)
def font() -> str:
    """The name of the registered Chinese font (registered once, from the package)."""
    path = files("fanzha.reports").joinpath(FONT_FILE)
    with path.open("rb") as handle:
        pdfmetrics.registerFont(TTFont(FONT, handle))
    return FONT


@lru_cache(maxsize=1)
def styles() -> dict[str, ParagraphStyle]:
    font()
    base = ParagraphStyle("body", fontName=FONT, fontSize=10.5, leading=16, wordWrap="CJK")
    return {
        "body": base,
        "issuer": ParagraphStyle("issuer", base, fontSize=20, leading=26, alignment=1, textColor=RED),
        "title": ParagraphStyle("title", base, fontSize=15, leading=22, alignment=1),
        "center": ParagraphStyle(
            "center", base, fontSize=9.5, alignment=1, textColor=colors.HexColor("#666666")
        ),
        "h2": ParagraphStyle(
            "h2", base, fontSize=13, leading=20, textColor=RED, spaceBefore=10, spaceAfter=4, keepWithNext=1
        ),
        "note": ParagraphStyle("note", base, fontSize=8.5, leading=12, textColor=colors.HexColor("#666666")),
        "warn": ParagraphStyle(
            "warn", base, textColor=RED, alignment=1, borderColor=RED, borderWidth=1, borderPadding=4
        ),
        "cell": ParagraphStyle("cell", base, fontSize=9, leading=12),
        "h3": ParagraphStyle(
            "h3",
            base,
            fontSize=11,
            leading=16,
            textColor=colors.HexColor("#7b241c"),
            spaceBefore=4,
            keepWithNext=1,
        ),
    }


def _p(text: str, style: str = "body") -> Paragraph:
    return Paragraph(escape(text), styles()[style])


def _table(header: list[str], rows: list[list[str]], widths: list[float] | None = None) -> Table:
    """A full-width table (first column twice as wide) with a header row repeated on each page."""
    if widths is None:
        unit = WIDTH / (len(header) + 1)
        widths = [2 * unit] + [unit] * (len(header) - 1)
    table = Table([header, *rows], colWidths=widths, repeatRows=1, spaceAfter=8)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("FONTSIZE", (0, 0), (-1, -1), 9),
                ("BACKGROUND", (0, 0), (-1, 0), SOFT),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#cccccc")),
                ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
                ("ALIGN", (0, 0), (-1, 0), "CENTER"),
            ]
        )
    )
    return table


def _totals_rows(rows: list[tuple[str, Totals]]) -> list[list[str]]:
    return [[name, f"{t.cases:,}", f"{t.dissuaded:,}", money(t.loss_fen)] for name, t in rows]


def _title(drawing: Any, text: str) -> None:
    font()  # a chart may be drawn before any paragraph
    drawing.add(
        String(drawing.width / 2, drawing.height - 14, text, fontName=FONT, fontSize=11, textAnchor="middle")
    )


def hbar_drawing(items: list[tuple[str, float]], title: str) -> Drawing:
    height = 40 + 18 * max(1, len(items))
    drawing = Drawing(WIDTH, height)
    _title(drawing, title)
    chart = HorizontalBarChart()
    label_w = 10 + 8.6 * max((len(n) for n, _ in items), default=4)
    chart.x, chart.y, chart.width, chart.height = label_w, 10, WIDTH - label_w - 40, height - 40
    chart.data = [[v for _, v in reversed(items)] or [0]]
    chart.categoryAxis.categoryNames = [n for n, _ in reversed(items)] or [""]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 8.5
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor = colors.HexColor("#2471a3")
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 8
    chart.barLabels.nudge = 10
    drawing.add(chart)
    return drawing


def column_drawing(items: list[tuple[str, float]], title: str) -> Drawing:
    drawing = Drawing(WIDTH / 2, 170)
    _title(drawing, title)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 30, 25, WIDTH / 2 - 45, 115
    chart.data = [[v for _, v in items]]
    chart.categoryAxis.categoryNames = [n for n, _ in items]
    chart.categoryAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor = colors.HexColor("#2471a3")
    drawing.add(chart)
    return drawing


def line_drawing(labels: list[str], series: dict[str, list[int]], title: str) -> Drawing:
    drawing = Drawing(WIDTH, 230)
    _title(drawing, title)
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 40, 60, WIDTH - 60, 140
    chart.data = [values for values in series.values()] or [[0] * max(1, len(labels))]
    chart.categoryAxis.categoryNames = [label[-3:] if "W" in label else label for label in labels]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7.5
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.valueMin = 0
    for i in range(len(series)):
        chart.lines[i].strokeColor = colors.HexColor(PALETTE[i % len(PALETTE)])
        chart.lines[i].strokeWidth = 1.5
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 40, 28
    legend.fontName = FONT
    legend.fontSize = 8.5
    legend.alignment = "right"
    legend.columnMaximum = 2
    legend.colorNamePairs = [
        (colors.HexColor(PALETTE[i % len(PALETTE)]), name) for i, name in enumerate(series)
    ]
    drawing.add(legend)
    return drawing


def story(b: Bulletin) -> list[Any]:
    """The flowables of the bulletin, section by section (the sections of the HTML template)."""
    t = b.totals
    out: list[Any] = [
        _p(b.issuer, "issuer"),
        _p(f"警情通报　{b.period.title}", "title"),
        _p(
            f"统计时段：{b.period.start.year}年{b.period.span}　{'发布时间' if b.issue else '生成时间'}："
            f"{b.generated_at:%Y-%m-%d %H:%M}",
            "center",
        ),
        Spacer(1, 6),
    ]
    if b.draft_note:
        out += [_p(b.draft_note, "warn"), Spacer(1, 6)]
    if b.synthetic_note:
        out += [_p("【演示数据】" + b.synthetic_note, "warn"), Spacer(1, 6)]
    top = "、".join(f"{line.name}（{line.totals.cases}起）" for line in b.by_type[:3])
    out += [
        _p("一、总体情况", "h2"),
        _table(
            ["报警数", "劝阻数", "劝阻率", "涉案金额"],
            [[f"{t.cases:,}起", f"{t.dissuaded:,}起", percent(t.dissuade_rate), money(t.loss_fen)]],
            [WIDTH / 4] * 4,
        ),
        Spacer(1, 2),
        _p(
            f"{b.period.unit}全市共接报电信网络诈骗警情{t.cases:,}起，{b.change(t.cases, b.previous.cases)}，"
            f"日均{t.cases / b.period.days:.1f}起；成功劝阻{t.dissuaded:,}起；涉案金额{money(t.loss_fen)}，"
            f"{b.change(t.loss_fen, b.previous.loss_fen)}。" + (f"发案最多的是{top}。" if top else "")
        ),
        _p("二、上升类型", "h2"),
    ]
    out += [_p("▲ " + r.explanation) for r in b.flagged] or [_p(f"{b.period.unit}未发现明显上升的诈骗类型。")]
    out += [_p(b.method, "note"), _p("三、分类型情况", "h2")]
    rows = [
        [
            line.name,
            f"{line.totals.cases:,}",
            percent(line.share),
            f"{line.totals.dissuaded:,}",
            money(line.totals.loss_fen),
            b.change(line.totals.cases, line.previous),
        ]
        for line in b.by_type
    ]
    out += [
        _table(["诈骗类型", "报警数", "占比", "劝阻数", "涉案金额", "环比"], rows),
        hbar_drawing([(line.name, line.totals.cases) for line in b.by_type], "分类型报警数"),
        _p("四、发案走势", "h2"),
        line_drawing(b.trend_labels, b.trend_series, f"近{len(b.trend_labels)}期主要类型发案走势"),
        _p("五、受害人与接触渠道", "h2"),
        Table(
            [[
                column_drawing([(band, tt.cases) for band, tt in b.by_age], "受害人年龄段分布"),
                _table(["性别", "人数"], [[n, f"{tt.cases:,}"] for n, tt in b.by_sex], [WIDTH / 4, WIDTH / 5]),
            ]],
            colWidths=[WIDTH / 2, WIDTH / 2],
            style=[("VALIGN", (0, 0), (-1, -1), "MIDDLE")],
        ),
        _table(["接触渠道", "报警数", "涉案金额"], [[n, f"{tt.cases:,}", money(tt.loss_fen)] for n, tt in b.by_channel]),
        _p("六、分地区、分接警台、逐日情况", "h2"),
        _table(["地区", "报警数", "劝阻数", "涉案金额"], _totals_rows(b.by_district)),
        _table(["接警台", "报警数", "劝阻数", "涉案金额"], _totals_rows(b.by_desk)),
        _table(["日期", "报警数", "劝阻数", "涉案金额"], _totals_rows(b.by_day)),
        _p("七、典型案例", "h2"),
    ]  # fmt: skip
    for i, c in enumerate(b.typical, 1):
        head = f"案例{i}：{c.name}" + ("（成功劝阻）" if c.dissuaded else f"，损失{money(c.loss_yuan * 100)}")
        parts = [_p(f"{head}　{c.day}·{c.district}", "h3"), _p(c.text)]
        if c.advice:
            parts.append(_p("警方提示：" + c.advice, "note"))
        out.append(KeepTogether([*parts, Spacer(1, 6)]))
    out.append(_p("八、防范提示", "h2"))
    out += [_p(f"{name}：{advice}") for name, advice in b.advice]
    out += [
        Spacer(1, 8),
        _p(
            "凡是接到陌生人要求转账汇款的电话，不听、不信、不汇款、不转账，挂机后立即拨打110或96110。", "warn"
        ),
        Spacer(1, 8),
        _p(
            "说明：报警数为统计时段内接报的电信网络诈骗警情数；劝阻数为事主付款前被成功劝阻的警情数；涉案金额为事主实际被骗金额合计。"
            "典型案例中的姓名、住址、车牌、工作单位、电话号码、银行卡号、社交账号已做脱敏处理，身份证号已隐去，网址已去除链接。"
            + b.synthetic_note,
            "note",
        ),
    ]
    if b.issue_note:
        out.append(_p(b.issue_note, "note"))
    return out


def render(b: Bulletin) -> bytes:
    return build_pdf(story(b), title=b.title, subject="警情通报", author=b.issuer)


def paragraph(text: str, style: str = "body") -> Paragraph:
    """Plain text (escaped) in one of `styles()`; for the other reports drawn in the bulletin's styles."""
    return Paragraph(escape(text), styles()[style])


def wrapped_table(header: list[str], rows: list[list[str]], widths: list[float]) -> Table:
    """A table whose cells wrap (long names, explanations), header repeated on each page."""
    cell = styles()["cell"]
    data = [[Paragraph(escape(h), cell) for h in header]] + [
        [Paragraph(escape(v), cell) for v in r] for r in rows
    ]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("BACKGROUND", (0, 0), (-1, 0), SOFT),
            ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#bbbbbb")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ])
    )  # fmt: skip
    return table


def build_pdf(flowables: list[Any], *, title: str, subject: str, author: str = "") -> bytes:
    """An A4 PDF of `flowables` with the bulletin's margins."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=15 * mm,
                            bottomMargin=15 * mm, title=title, author=author, subject=subject)  # fmt: skip
    doc.build(flowables)
    return buffer.getvalue()
