"""Audited claims made by hand for the office's tests: one institution with findings of three rules over
two months, one clean claim, a claim of another institution and a line that could not be read."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine

from fanzha.claims.model import ClaimResult, Finding
from fanzha.store import upgrade

H1, H2 = "h-1", "h-2"


def results() -> list[ClaimResult]:
    dup = Finding("duplicate_charge", ("3",), 80.0, "同一参保人同一天重复收取“血常规”2次，超出每日1次")
    bed = Finding("bed_days_beyond_stay", ("1", "5"), 50.0, "入院日和出院日均收取床位费，多收1天")
    price = Finding("price_above_standard", ("4",), 12.5, "单价 62.5 元高于标准价 50 元")
    return [
        ClaimResult(
            "c-1", H1, "城关镇卫生院", "p-000001", date(2026, 3, 1), date(2026, 3, 5), 900.0, (dup, bed)
        ),
        ClaimResult(
            "c-2", H1, "城关镇卫生院", "p-000002", date(2026, 4, 2), date(2026, 4, 3), 300.0, (price,)
        ),
        ClaimResult("c-3", H1, "城关镇卫生院", "p-000003", date(2026, 4, 9), date(2026, 4, 12), 420.0),
        ClaimResult("c-4", H2, "河西社区卫生服务中心", "p-000004", date(2026, 4, 1), date(2026, 4, 2), 100.0),
        ClaimResult("c-5", error="第5行不是合法的JSON"),
    ]


@pytest.fixture
def stored(engine: Engine) -> Engine:
    from fanzha.claims.office.runs import store_run

    upgrade(engine)
    store_run(engine, results=results(), uploaded_by="城关区医保局", file_name="claims-2026-04.jsonl")
    return engine
