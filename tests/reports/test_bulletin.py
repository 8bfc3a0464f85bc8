from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from html import unescape

import pytest
from sqlalchemy import Engine, func, select

from fanzha.cases.model import CaseIn
from fanzha.demo import generate_cases, insert_cases
from fanzha.reports.bulletin import GENERIC_ISSUER, Bulletin, build_bulletin
from fanzha.reports.formats import money
from fanzha.reports.periods import parse_period
from fanzha.reports.render import render_html, render_pdf
from fanzha.store import upgrade
from fanzha.store.case_tables import CaseIdentifierRow, CasePaymentRow, CaseRow
from fanzha.taxonomy import load_taxonomy
from fanzha.text.masking import mask_name

Make = Callable[..., CaseIn]


@pytest.fixture
def store(engine: Engine, make_case: Make) -> Engine:
    """Five weeks of demo cases (W43–W47 of 2026) and a burst of game-trade cases in week 47."""
    upgrade(engine)
    cases = generate_cases(500, seed=5, start=date(2026, 10, 19), days=35)
    burst = [
        make_case(f"2026-11-{17 + i % 5} 1{i % 10}:00", "game_trade", loss=800 + i, age=15, synthetic=True)
        for i in range(25)
    ]
    insert_cases(engine, cases + burst)
    return engine


@pytest.fixture
def bulletin(store: Engine) -> Bulletin:
    return build_bulletin(store, "2026-W47")


def _period_figures(engine: Engine) -> tuple[int, int, int]:
    start, end = parse_period("2026-W47").utc_range()
    in_week = (CaseRow.received_at >= start, CaseRow.received_at < end)
    with engine.connect() as conn:
        n = conn.scalar(select(func.count()).where(*in_week))
        stopped = conn.scalar(select(func.count()).where(*in_week, CaseRow.dissuaded.is_(True)))
        loss = conn.scalar(select(func.sum(CaseRow.loss_fen)).where(*in_week))
    return int(n or 0), int(stopped or 0), int(loss or 0)


def test_the_html_states_the_numbers_of_the_week(store: Engine, bulletin: Bulletin) -> None:
    cases, dissuaded, loss = _period_figures(store)
    html = render_html(bulletin)
    assert (bulletin.totals.cases, bulletin.totals.dissuaded, bulletin.totals.loss_fen) == (
        cases,
        dissuaded,
        loss,
    )
    assert f'<span class="n">{cases:,}</span>' in html and f'<span class="n">{dissuaded:,}</span>' in html
    assert money(loss) in html
    assert "江州市公安局反诈中心" in html and "警情通报　2026年第47周" in html
    assert "11月16日至11月22日" in html and html.startswith("<!DOCTYPE html>") and "<svg" in html


def test_the_rising_type_is_flagged_and_explained(bulletin: Bulletin) -> None:
    html = render_html(bulletin)
    assert [r.fraud_type for r in bulletin.flagged][:1] == ["game_trade"]
    explanation = bulletin.flagged[0].explanation
    assert explanation.startswith("网络游戏产品虚假交易：本周 ") and "泊松检验 p" in explanation
    assert explanation in unescape(html)
    assert load_taxonomy().get("game_trade").advice in html  # its prevention advice


def test_typical_cases_are_masked(store: Engine, bulletin: Bulletin) -> None:
    html = render_html(bulletin)
    assert bulletin.typical and "****" in html
    with store.connect() as conn:
        for typical in bulletin.typical:
            row = conn.execute(
                select(CaseRow.persons, CaseRow.narrative).where(CaseRow.id == typical.case_id)
            ).one()
            victim = row.persons["victim"]
            assert victim["name"] not in html and mask_name(victim["name"]) in html
            raw = [victim["phone"]]
            raw += conn.scalars(
                select(CaseIdentifierRow.raw).where(CaseIdentifierRow.case_id == typical.case_id)
            )
            raw += conn.scalars(
                select(CasePaymentRow.to_account).where(CasePaymentRow.case_id == typical.case_id)
            )
            raw += conn.scalars(
                select(CasePaymentRow.from_account).where(CasePaymentRow.case_id == typical.case_id)
            )
            for value in raw:
                if len(value) >= 5 and any(ch.isdigit() for ch in value):
                    assert value not in html, value
            for number in re.findall(r"\d{17}[\dX]", row.narrative):
                assert number not in html
    assert not re.search(r"\d{11,}", html)  # no phone, card or ID number survives anywhere


def test_the_synthetic_data_is_declared(bulletin: Bulletin) -> None:
    html = render_html(bulletin)
    assert bulletin.synthetic_cases == bulletin.totals.cases
    assert "本通报基于系统生成的演示数据" in html and "【演示数据】" in html


def test_the_pdf_is_a_real_document(bulletin: Bulletin) -> None:
    pdf = render_pdf(bulletin)
    assert pdf.startswith(b"%PDF") and pdf.rstrip().endswith(b"%%EOF")
    assert len(pdf) > 15_000 and pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") >= 3
    assert b"/FontFile2" in pdf and b"NotoSerifSC" in pdf  # the Chinese font travels with the PDF


def test_a_month_bulletin(store: Engine) -> None:
    bulletin = build_bulletin(store, "2026-11")
    assert bulletin.period.title == "2026年11月" and bulletin.trend_labels[-1] == "2026-11"
    assert "本月全市共接报" in render_html(bulletin)
    assert set(bulletin.timings) == {"query", "aggregate"}


def test_real_data_has_no_demo_banner(engine: Engine, make_case: Make) -> None:
    upgrade(engine)
    insert_cases(engine, [make_case("2026-11-18 10:00", "loan"), make_case("2026-11-19 10:00", "loan")])
    bulletin = build_bulletin(engine, parse_period("2026-W47"), issuer=None)
    html = render_html(bulletin)
    assert bulletin.issuer == GENERIC_ISSUER and "演示数据" not in html
    assert bulletin.totals.cases == 2 and "未发现明显上升" in html


def test_an_empty_period_still_renders(engine: Engine) -> None:
    upgrade(engine)
    bulletin = build_bulletin(engine, "2026-W47", issuer="测试市公安局反诈中心")
    assert bulletin.totals.cases == 0 and bulletin.typical == []
    assert "测试市公安局反诈中心" in render_html(bulletin)
    assert render_pdf(bulletin).startswith(b"%PDF")


@pytest.mark.parametrize(("period", "message"), [("2026-W99", "没有第99周"), ("last week", "无法识别")])
def test_a_bad_period_is_a_clear_error(engine: Engine, period: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        build_bulletin(engine, period)
