"""A bulletin rendered for people: a standalone HTML document or a PDF.

Apart from `bulletin.py` so that the data never imports its renderings (which read the data's types):
bulletin → html/pdf → render, one direction.
"""

from __future__ import annotations

from fanzha.reports import html, pdf
from fanzha.reports.bulletin import Bulletin


def render_html(bulletin: Bulletin) -> str:
    """A complete standalone HTML document (inline CSS and SVG charts), for screen and print."""
    return html.render(bulletin)


def render_pdf(bulletin: Bulletin) -> bytes:
    """The same bulletin as a PDF (reportlab, with the packaged Noto Serif SC font embedded)."""
    return pdf.render(bulletin)
