from __future__ import annotations

import xml.etree.ElementTree as ET

from fanzha.reports.charts import column_svg, hbar_svg, line_svg

SVG = "{http://www.w3.org/2000/svg}"


def _texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)  # well-formed XML, or this raises
    assert root.tag == f"{SVG}svg" and root.get("viewBox")
    return [t.text or "" for t in root.iter(f"{SVG}text")]


def test_bar_chart_labels_values_and_escaping() -> None:
    svg = hbar_svg([("刷单返利", 37), ("A<B&C", 5)], title="分类型报警数")
    texts = _texts(svg)
    assert "分类型报警数" in texts and "刷单返利" in texts and "37起" in texts and "A<B&C" in texts
    assert svg.count("<rect") == 2


def test_an_empty_bar_chart_says_so() -> None:
    assert "暂无数据" in _texts(hbar_svg([], title="空"))


def test_line_chart_has_one_line_per_series_and_a_legend() -> None:
    svg = line_svg(
        ["2026-W45", "2026-W46", "2026-W47"], {"刷单返利": [10, 12, 30], "虚假贷款": [5, 5, 4]}, title="走势"
    )
    texts = _texts(svg)
    assert svg.count("<polyline") == 2 and "刷单返利" in texts and "2026-W47" in texts
    assert "40" in texts  # the axis goes up to a round number above the peak (30 → 40)


def test_column_chart() -> None:
    texts = _texts(column_svg([("<18", 3), ("60+", 12)], title="年龄段", unit="人"))
    assert "<18" in texts and "12" in texts and "单位：人" in texts
