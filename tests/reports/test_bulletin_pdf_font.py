"""The bulletin PDF embeds its Chinese font (Noto Serif SC, shipped with the package), has the glyphs a
bulletin uses ("·", "—", "“”"), and never leaves a heading alone at the bottom of a page."""

from __future__ import annotations

import io
import itertools
import re
import zlib
from datetime import date
from importlib.resources import files
from typing import Any

import pytest
from reportlab.pdfbase.ttfonts import TTFontFile  # type: ignore[import-untyped]
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer  # type: ignore[import-untyped]
from sqlalchemy import Engine

from fanzha.demo import generate_cases, insert_cases
from fanzha.reports import pdf
from fanzha.reports.bulletin import build_bulletin
from fanzha.reports.render import render_pdf
from fanzha.store import upgrade


@pytest.fixture
def store(engine: Engine) -> Engine:
    upgrade(engine)
    insert_cases(engine, generate_cases(400, seed=11, start=date(2026, 10, 19), days=35))
    return engine


def _font_cmap() -> dict[int, int]:
    data = files("fanzha.reports").joinpath(pdf.FONT_FILE).read_bytes()
    return dict(TTFontFile(io.BytesIO(data)).charToGlyph)


def test_the_font_has_the_bulletin_punctuation_and_every_common_character() -> None:
    cmap = _font_cmap()
    for char in "·—“”‘’…《》【】〖〗、。，：；！？（）▲％￥":
        assert ord(char) in cmap, char
    gb2312 = []
    for high in range(0xB0, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                gb2312.append(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    assert len(gb2312) == 6763 and all(ord(c) in cmap for c in gb2312)
    assert all(ord(c) in cmap for c in "喆堃犇淼焱垚婳")  # names outside GB2312


def test_the_pdf_embeds_its_font(store: Engine) -> None:
    document = render_pdf(build_bulletin(store, "2026-W47"))
    assert b"/FontFile2" in document  # an embedded TrueType font program
    assert b"STSong-Light" not in document and b"NotoSerifSC" in document
    streams = re.findall(rb"/Length1 (\d+)", document)
    assert streams and all(int(n) > 10_000 for n in streams)  # the glyphs, not a stub


def test_the_middle_dot_of_the_case_headings_is_drawn_with_a_real_glyph(store: Engine) -> None:
    bulletin = build_bulletin(store, "2026-W47")
    assert bulletin.typical, "the fixture has typical cases, whose headings carry '·'"
    document = render_pdf(bulletin)
    # The embedded subset maps "·" (its ToUnicode CMap names U+00B7): the glyph was used and exists.
    cmaps = [s for s in _streams(document) if b"beginbfchar" in s]
    assert cmaps and any(b"<00B7>" in c for c in cmaps)
    assert ord("·") in _font_cmap()


def _streams(document: bytes) -> list[bytes]:
    """Every compressed stream of the PDF, inflated."""
    out = []
    for start in re.finditer(rb"stream\r?\n", document):
        try:
            out.append(zlib.decompressobj().decompress(document[start.end() :]))
        except zlib.error:
            continue
    return out


class _Recording(SimpleDocTemplate):  # type: ignore[misc]
    """Remembers the page each flowable was drawn on."""

    placed: list[tuple[int, Any]]

    def afterFlowable(self, flowable: Any) -> None:
        self.placed.append((self.page, flowable))


def _pages_of(monkeypatch: pytest.MonkeyPatch, flowables: list[Any]) -> list[tuple[int, Any]]:
    placed: list[tuple[int, Any]] = []
    monkeypatch.setattr(_Recording, "placed", placed, raising=False)
    monkeypatch.setattr(pdf, "SimpleDocTemplate", _Recording)
    pdf.build_pdf(flowables, title="t", subject="s")
    return placed


def _stranded_headings(placed: list[tuple[int, Any]]) -> list[str]:
    """Headings (h2, h3) drawn as the last thing on their page."""
    out = []
    for (page, f), (next_page, _) in itertools.pairwise(placed):
        style = getattr(getattr(f, "style", None), "name", "")
        if style in ("h2", "h3") and next_page != page:
            out.append(f.getPlainText())
    return out


def test_a_heading_that_would_fall_at_a_page_bottom_moves_to_the_next_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Fill the page so that the heading still fits at its bottom but its paragraph does not.
    filler = pdf.styles()["body"]
    for height in range(600, 730, 4):
        story = [Spacer(1, height), pdf.paragraph("二、上升类型", "h2"), Paragraph("正文" * 200, filler)]
        assert _stranded_headings(_pages_of(monkeypatch, story)) == []


@pytest.mark.parametrize("period", ["2026-W45", "2026-W46", "2026-W47", "2026-11", "2026-10"])
def test_no_page_of_a_bulletin_ends_with_a_heading(
    store: Engine, monkeypatch: pytest.MonkeyPatch, period: str
) -> None:
    bulletin = build_bulletin(store, period)
    placed = _pages_of(monkeypatch, pdf.story(bulletin))
    assert max(page for page, _ in placed) >= 3
    assert _stranded_headings(placed) == []
