"""Reports: case trends (发案走势), rising fraud types, SVG charts and the desk's bulletin (警情通报)
as HTML and PDF."""

from fanzha.reports.bulletin import Bulletin, build_bulletin
from fanzha.reports.periods import Period, parse_period
from fanzha.reports.render import render_html, render_pdf
from fanzha.reports.rising import Rising, rising_in_period, rising_types
from fanzha.reports.trends import DeskStats, TrendTable, desk_stats, trends

__all__ = [
    "Bulletin",
    "DeskStats",
    "Period",
    "Rising",
    "TrendTable",
    "build_bulletin",
    "desk_stats",
    "parse_period",
    "render_html",
    "render_pdf",
    "rising_in_period",
    "rising_types",
    "trends",
]
